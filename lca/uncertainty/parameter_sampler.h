// ParameterSampler: Monte Carlo of the parameters alone, for models that
// are functions of parameter values rather than product systems (the chip
// model of `gpulca chip`). Every parameter that holds a number, has a
// distribution and is not overridden is drawn; formulas are re-evaluated.
// A parameter's draw at iteration i is the one the engine's Monte Carlo
// gives it with the same seed (the same stream, sampler.h), so a chip and a
// product system run with one seed see the same D0 or EPA at iteration i.
// Exchanges and characterisation factors are not drawn here.
#pragma once

#include <cstdint>
#include <vector>

#include "inventory/model/parameters.h"
#include "lca/uncertainty/internal/sampler.h"

namespace gpulca::lca {

class ParameterSampler {
 public:
  ParameterSampler(const inventory::ParameterSet& nominal, uint64_t seed);
  // How many parameters are drawn.
  int size() const { return static_cast<int>(slots_.size()); }
  // Sets `out` (built on the same inventory, with `nominal`'s values and
  // overrides) to iteration `iteration`'s draws and re-evaluates its
  // formulas. Throws FormulaError when a draw makes a formula fail.
  void Draw(uint64_t iteration, inventory::ParameterSet& out) const;

 private:
  std::vector<int> slots_;
  std::vector<Distribution> distributions_;
  std::vector<uint64_t> streams_;
};

}  // namespace gpulca::lca
