// The openLCA JSON-LD import pipeline: archive -> olca objects -> gpulca
// inventory -> validation with the stored inventory -> one Store::Add.
//
// Mapping (docs/interop.md):
//   - ids are readable, "<prefix>.<slug of the name>" (jsonld_ids.h;
//     prefix "uslci" by default); the openLCA UUID stays in the origin;
//   - a flow keeps its name, kind (flowType), CAS, and, for an elementary
//     flow, the compartment of its category path (an uncategorised one: a
//     resource when only taken in, an emission to air when given off); its
//     unit is the reference unit of its reference flow property, named in
//     gpulca's registry, or "item" standing in for a unit gpulca lacks (a
//     currency), which the summary lists;
//   - every amount is converted into its flow's reference unit through the
//     flow property factors and unit groups; uncertainty with it
//     (jsonld_uncertainty.h);
//   - an elementary flow that matches one of gpulca's (jsonld_match.h,
//     jsonld_resources.h) is not imported: its exchanges use gpulca's flow,
//     in gpulca's unit, and say so in their comment when a factor other
//     than a unit conversion was applied (a heating value);
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

#include "inventory/jsonld/jsonld_parse.h"
#include "inventory/jsonld/jsonld_uncertainty.h"
#include "inventory/model/model.h"
#include "inventory/store/store.h"

namespace gpulca::inventory {

struct JsonldOptions {
  std::string prefix = "uslci";  // must match [a-z0-9][a-z0-9_.-]*
};

// What an import read, wrote and left out. Lists are by occurrence, most first.
struct JsonldSummary {
  std::string archive;
  int schema = 1;  // olca-schema version of the export
  size_t processes_read = 0, flows_read = 0, sources_read = 0, unit_groups_read = 0,
         flow_properties_read = 0, locations_read = 0, categories_read = 0, actors_read = 0;
  size_t processes = 0, flows = 0, sources = 0, exchanges = 0;  // written
  size_t matched_flows = 0, matched_exchanges = 0;
  // Exchanges by the gpulca flow they were matched to ("energy_fossil").
  std::vector<std::pair<std::string, size_t>> matched_by_flow;
  // Exchanges by conversion other than a plain unit change:
  // "Gas, natural, in ground -> energy_fossil: gross heating value 38.6 MJ/m3".
  std::vector<std::pair<std::string, size_t>> conversions;
  size_t water_withdrawal_exchanges = 0;  // not consumption: not characterised
  std::vector<std::pair<std::string, size_t>> water_withdrawals;  // by flow name
  size_t uncategorised_flows = 0;  // elementary flows whose category says no compartment
  size_t formula_exchanges = 0, processes_with_parameters = 0;
  UncertaintyTally uncertainty;
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
// transaction, after validating it together with the stored inventory, and
// records the addition (additions.h). Throws InputError (listing the
// problems, each naming its file) or StoreError; the store is then
// unchanged.
JsonldSummary ImportJsonld(const std::string& path, Store& store, const JsonldOptions& options);

// The summary as text for the terminal; lists show their `top` entries.
std::string FormatJsonldSummary(const JsonldSummary& summary, size_t top = 10);

}  // namespace gpulca::inventory
