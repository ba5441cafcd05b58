// One-at-a-time sensitivity: each parameter moved alone by ±delta (10 % by
// default) of its value, all others at theirs, and the change of every
// impact. Deterministic, and linear in the number of parameters: a local
// view that complements the Monte Carlo ranking (sensitivity.h).
//
// The parameters: those with a distribution that reach the system (as
// mc_plan.h selects them), then those the caller names (every parameter of
// that id, in every scope, moves together, as --set does; one that is
// already listed is not repeated). A moved value
// stays within its distribution's range (a triangular or uniform [min,
// max]): a yield of 0.96 moves to 0.864 and to 1, not 1.056.
#pragma once

#include <string>
#include <vector>

#include "inventory/model/model.h"
#include "inventory/model/parameters.h"
#include "lca/system/matrix_data.h"

namespace gpulca::lca {

struct OatRow {
  std::string parameter;  // "param:ID" or "param:PROCESS/ID"; a named id as given
  double nominal = 0;
  double low_value = 0, high_value = 0;  // the values moved to
  std::vector<double> low, high;  // [k] impact at low_value and at high_value
};

struct OatResult {
  double delta = 0.1;
  std::vector<std::string> impact_ids, impact_units;
  std::vector<double> base;  // [k] impacts at the nominal values
  std::vector<OatRow> rows;  // uncertain parameters by name, then named ones
};

// Throws InvalidArgument for a named id that is no parameter, or only formula
// parameters (name one of its inputs), or delta outside (0, 1); SolveError
// if a moved value makes the system unsolvable.
// REQUIRES: `data` was built from `inventory` with `nominal`'s values.
OatResult OneAtATime(const inventory::Inventory& inventory, const inventory::ParameterSet& nominal,
                     const MatrixData& data, const std::vector<std::string>& named = {},
                     double delta = 0.1);

}  // namespace gpulca::lca
