// Global sensitivity of a product system: Sobol' first- and total-order
// indices (sobol_indices.h) of groups of its uncertain inputs, for every
// impact, from one Monte Carlo run whose inputs follow Saltelli's design
// (mc_design.h) instead of their random streams: N (G + 2) iterations for G
// groups. docs/uncertainty.md, "Global sensitivity".
//
// Groups: the user's, each a name and glob patterns on input names
// ("param:*yield*", "exchange:grid_tw:*"), matched in the order given; every
// input no user group holds goes to the group of the data it comes from:
// the folder of its file under the data directory ("grids", "fabrication",
// "memory", "packaging", "deployment", ...), "other" when the database does
// not say.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "inventory/model/model.h"
#include "inventory/model/parameters.h"
#include "lca/uncertainty/monte_carlo.h"
#include "lca/uncertainty/sobol_indices.h"

namespace gpulca::lca {

struct InputGroup {
  std::string name;
  std::vector<std::string> patterns;  // fnmatch globs on McInput names
};

struct GroupedSobol {
  std::vector<std::string> groups;                // names, user groups first
  std::vector<std::vector<std::string>> members;  // [group]: its inputs' names
  std::vector<std::string> impact_ids, impact_units;
  // [k]: the indices of impact k; empty groups (and `undefined[k]` says why)
  // when the impact has no variance over the design.
  std::vector<SobolResult> impacts;
  std::vector<std::string> undefined;
  int n = 0, evaluations = 0, inputs = 0;
  // The design's iterations [first, last) this run computed: all of them
  // unless `mc` runs a slice (mc_tape.h), and then `impacts` is empty (the
  // estimators need every row; mc merge puts the slices together).
  int first = 0, last = 0;
  SobolOptions options;
};

// The data group of uncertain input `input` (an McInput name): the folder of
// the file that defines its parameter, process or method; "other" when none.
std::string DataGroupOf(const inventory::Inventory& inventory, const std::string& input);

// The grouped indices of `demand`'s system. `mc` gives the threads and the
// progress, and may run a slice of the design or record or replay it on a
// tape (its iterations, seed and design are replaced). Throws
// InvalidArgument for a user group that matches no uncertain input (naming
// it and the inputs' count), two groups of one name, a system without
// uncertain inputs, or what MakeSobolDesign refuses; and what the Monte
// Carlo throws.
GroupedSobol SobolOfDemand(const inventory::Inventory& inventory,
                           const inventory::ParameterSet& nominal, const McDemand& demand,
                           const std::vector<InputGroup>& groups, const SobolOptions& options,
                           McOptions mc);

}  // namespace gpulca::lca
