// The openLCA JSON-LD (olca-schema) objects gpulca reads, as plain structs,
// and the parser from an archive into them (nlohmann::json inside). Only
// the fields the import uses are kept. Every object remembers its file.
//
// Both versions of the schema are read: v1 (openLCA 1.x: "input",
// "quantitativeReference", "avoidedProduct", "referenceFlowProperty",
// "referenceUnit", "pedigreeUncertainty", categories as objects of their
// own) and v2 (openLCA 2: "isInput", "isQuantitativeReference",
// "isAvoidedProduct", "isRefFlowProperty", "isRefUnit", "dqEntry",
// categories as "a/b/c" paths). "@type" keys are ignored.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "inventory/jsonld/jsonld_archive.h"

namespace gpulca::inventory::olca {

struct Unit {
  std::string id, name;
  double factor = 1;  // in the group's reference unit
  bool reference = false;
};

struct UnitGroup {
  std::string id, name, file;
  std::vector<Unit> units;
};

struct FlowProperty {
  std::string id, name, unit_group, file;
};

struct FlowPropertyFactor {
  std::string property;
  double factor = 1;  // amount of this property per unit of the reference property
  bool reference = false;
};

struct Flow {
  std::string id, name, type, category, cas, file;
  // The category names from the root ("Elementary flows/Emission to air/
  // unspecified"): v2 gives the path, v1 a category id resolved after parsing.
  std::vector<std::string> category_path;
  std::vector<FlowPropertyFactor> properties;
};

// An uncertainty distribution as written; absent numbers stay empty.
struct Uncertainty {
  std::string type;  // LOG_NORMAL_DISTRIBUTION, NORMAL_DISTRIBUTION, ...
  std::optional<double> geom_mean, geom_sd, sd, min, max, mode;
};

struct Exchange {
  std::string flow, flow_name, flow_type, unit, unit_name, property, formula, provider,
      description;
  bool input = false, reference = false, avoided = false;
  double amount = 0;
  std::optional<Uncertainty> uncertainty;
  std::string dq_entry;                    // pedigree scores, "(2;4;2;3;1)"
  std::optional<double> base_uncertainty;  // the basic GSD of the pedigree (openLCA's reading)
};

struct Process {
  std::string id, name, category, location, description, publication, file;
  std::vector<std::string> sources;
  std::vector<Exchange> exchanges;
  size_t parameters = 0;
};

struct Source {
  std::string id, name, text_reference, url, file;
  int year = 0;
};

struct Category {
  std::string id, name, parent;
};

struct Location {
  std::string id, name, code;
};

// One export. Maps are by @id.
struct Dataset {
  std::map<std::string, UnitGroup> unit_groups;
  std::map<std::string, FlowProperty> flow_properties;
  std::map<std::string, Flow> flows;
  std::vector<Process> processes;  // in path order
  std::map<std::string, Source> sources;
  std::map<std::string, Category> categories;
  std::map<std::string, Location> locations;
  size_t actors = 0;
  int schema = 1;  // 2 when any object used the openLCA 2 keys

  // "Elementary Flows/air/unspecified": the category names from the root.
  std::vector<std::string> CategoryPath(const std::string& id) const;
};

// Parses every JSON file of the known folders. Throws InputError naming the
// archive and the file (and what is wrong) for a file that is not JSON or
// lacks a required field. Flows' category paths are resolved.
Dataset ParseDataset(const JsonldArchive& archive);

}  // namespace gpulca::inventory::olca
