// The openLCA JSON-LD import pipeline: archive -> olca objects -> gpulca
// inventory -> validation with the stored inventory -> one Store::Add.
//
// Mapping (docs/interop.md):
//   - ids are "<prefix>.<lower-case UUID>" (prefix "uslci" by default);
//   - a flow keeps its name, kind (flowType), CAS, and, for an elementary
//     flow, the compartment of its category path; its unit is the reference
//     unit of its reference flow property, named in gpulca's registry, or
//     "item" standing in for a unit gpulca lacks (kBq, m2*a, p*km...), which
//     the summary lists;
//   - every amount is converted into its flow's reference unit through the
//     flow property factors and unit groups; uncertainty ranges with it;
//   - an elementary flow that matches one of gpulca's (jsonld_match.h) is
//     not imported: its exchanges use gpulca's flow, in gpulca's unit;
//   - a process's reference product is its quantitative reference; a
//     product input is linked to its defaultProvider, else by product; an
//     input that no process makes is cut off (left out) and listed, as
//     openLCA leaves it out of a product system; of several providers of
//     one product the first by id becomes the default;
//   - amounts given by formulas keep their evaluated value (the export's
//     "amount"); parameters are not imported;
//   - processes are background (stage none).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "inventory/jsonld_parse.h"
#include "inventory/model.h"
#include "inventory/store.h"

namespace gpulca {

struct JsonldOptions {
  std::string prefix = "uslci";  // must match [a-z0-9][a-z0-9_.-]*
};

// What an import read, wrote and left out. Lists are by occurrence, most first.
struct JsonldSummary {
  std::string archive;
  size_t processes_read = 0, flows_read = 0, sources_read = 0, unit_groups_read = 0,
         flow_properties_read = 0, locations_read = 0, categories_read = 0, actors_read = 0;
  size_t processes = 0, flows = 0, sources = 0, exchanges = 0;  // written
  size_t matched_flows = 0, matched_exchanges = 0;
  size_t formula_exchanges = 0, processes_with_parameters = 0;
  size_t uncertainties = 0, uncertainties_dropped = 0;
  size_t cut_off_exchanges = 0, skipped_exchanges = 0;
  std::vector<std::pair<std::string, size_t>> unlinked_inputs;       // flow name, exchanges
  std::vector<std::pair<std::string, size_t>> unmatched_elementary;  // "name (compartment)"
  std::vector<std::pair<std::string, size_t>> stand_in_units;        // olca unit, flows
  std::vector<std::string> defaults_chosen;                          // "flow -> process"
};

struct JsonldImport {
  Inventory inventory;
  JsonldSummary summary;
};

// Converts a parsed export. `existing` supplies gpulca's elementary flows
// and providers already stored. Throws InputError naming the file for a
// reference to an object the export does not hold.
JsonldImport ConvertJsonld(const olca::Dataset& dataset, const Inventory& existing,
                           const JsonldOptions& options, const std::string& archive);

// Reads `path` (zip or directory) and imports it into `store` in one
// transaction, after validating it together with the stored inventory.
// Throws InputError (listing the problems, each naming its file) or
// StoreError; the store is then unchanged.
JsonldSummary ImportJsonld(const std::string& path, Store& store, const JsonldOptions& options);

// The summary as text for the terminal; lists show their `top` entries.
std::string FormatJsonldSummary(const JsonldSummary& summary, size_t top = 10);

}  // namespace gpulca
