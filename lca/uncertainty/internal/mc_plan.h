// McPlan: what a Monte Carlo run of one or more product systems draws and
// recomputes each iteration, worked out once from the inventory and the
// systems' matrices. Internal to lca/ (monte_carlo.cpp, one_at_a_time.cpp).
//
// Inputs are those that reach a system, never the whole database:
//   - a parameter with a distribution that is a number (not a formula, not
//     overridden by --set) and that some formula amount of a system reads,
//     directly or through formula parameters;
//   - an exchange of a system's process with a distribution or a pedigree
//     (pedigree.h), as an amount, or as a lognormal factor on a formula
//     amount;
//   - a characterisation factor with a distribution on a flow of a system.
// The inputs of several systems are one list: an input that two systems
// share (a parameter, a background exchange) is one input, drawn once per
// iteration for both (paired samples).
//
// Invariants: inputs are in a canonical order (parameters, exchanges,
// factors, each by inventory index), names are unique; formula_slots is
// in evaluation order and holds exactly the formula parameters that read an
// uncertain parameter (directly or not) and that a system's formulas reach.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "inventory/model/model.h"
#include "inventory/model/parameters.h"
#include "lca/system/matrix_data.h"

namespace gpulca::lca {

struct McInput {
  enum class Kind { kParameter, kExchange, kFactor } kind;
  // "param:ID" (global) or "param:PROCESS/ID", "exchange:PROCESS:FLOW"
  // ("…:FLOW#E" when PROCESS has several exchanges of FLOW),
  // "factor:METHOD:FLOW".
  std::string name;
  uint64_t key = 0;  // the input's random stream (sampler.h)
  inventory::Uncertainty uncertainty;
  // The value the distribution is around, as written (1 for a factor on a
  // formula amount).
  double nominal = 0;
  int slot = -1;  // kParameter: the parameter's slot
};

// Where one system's matrices take the inputs.
struct SystemPlan {
  // An input's matrix entry: triplet `triplet` becomes draw × scale (sign
  // × unit factor for an exchange, the unit factor for a characterisation
  // factor). 16 bytes: a large system reads hundreds of thousands of them
  // an iteration.
  struct Entry {
    int input;
    int triplet;
    double scale;
  };
  std::vector<Entry> amounts_a, amounts_b;  // exchanges of A and of B
  std::vector<Entry> factors;               // factors of C
  // An exchange input that is a factor on a formula amount: triplet
  // `triplet` of A (technosphere) or B becomes the formula's value × draw.
  struct Multiplier {
    int input;
    int triplet;
    bool technosphere;
    bool formula_affected;  // its formula reads an uncertain parameter
  };
  std::vector<Multiplier> multipliers;
  // At most one of amounts_a, amounts_b and multipliers sets a triplet.
  // Triplets of A and B whose formula reads an uncertain parameter.
  std::vector<int> formula_a, formula_b;
  std::vector<int> inputs;  // the inputs that reach this system, ascending
  bool technosphere_changes = false, biosphere_changes = false, factors_change = false;
};

struct McPlan {
  std::vector<McInput> inputs;
  std::vector<int> parameter_inputs;  // the inputs of kind kParameter
  std::vector<int> formula_slots;
  std::vector<SystemPlan> systems;  // one per system, in the order given
};

// REQUIRES: every system was built from `inventory` with `nominal`'s values.
// Throws InputError for a pedigree on a distribution other than lognormal.
// `tracked` are parameter slots whose value the caller reads each iteration
// (a lifetime that divides a total, say): the uncertain parameters they read
// are drawn and their formulas re-evaluated even where no system reads them,
// but they are no system's input (they rank no system's sensitivity).
McPlan PlanMonteCarlo(const inventory::Inventory& inventory, const inventory::ParameterSet& nominal,
                      const std::vector<const MatrixData*>& systems,
                      const std::vector<int>& tracked = {});

// Whether parameter slot `slot` is drawn when something reads it: it holds a
// number (not a formula), has a distribution and is not overridden.
bool IsDrawnParameter(const inventory::ParameterSet& parameters, int slot);

// The name of parameter slot `slot` as McInput names it.
std::string ParameterInputName(const inventory::ParameterSet& parameters, int slot);

}  // namespace gpulca::lca
