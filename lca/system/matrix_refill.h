// MatrixRefill: recomputes the values of a MatrixData's entries from the
// current parameter values, keeping its pattern — what Monte Carlo and
// sensitivity do for every run. Entries that are plain numbers keep their
// nominal values unless the caller replaces them.
#pragma once

#include <vector>

#include "inventory/model/model.h"
#include "inventory/model/parameters.h"
#include "lca/system/matrix_data.h"

namespace gpulca::lca {

class MatrixRefill {
 public:
  // REQUIRES: `data` was built from `inventory` (BuildMatrices).
  MatrixRefill(const inventory::Inventory& inventory, const MatrixData& data,
               const inventory::ParameterSet& nominal);

  // Entry values of A, B and C (triplet order) at the nominal values.
  const std::vector<double>& nominal_technosphere() const { return a_; }
  const std::vector<double>& nominal_biosphere() const { return b_; }
  const std::vector<double>& nominal_characterisation() const { return c_; }

  // Recomputes the formula entries of `a` and `b` from `parameters`.
  void EvaluateFormulas(const inventory::ParameterSet& parameters, std::vector<double>& a,
                        std::vector<double>& b) const;
  // Writes the entry values into the matrices of `data`.
  static void Apply(MatrixData& data, const std::vector<double>& a, const std::vector<double>& b,
                    const std::vector<double>& c);

  // The exchange behind entry `entry` of A (technosphere) or B, or null for
  // a reference product.
  const inventory::Exchange* ExchangeOf(bool technosphere, size_t entry) const;

 private:
  const inventory::Inventory& inventory_;
  const MatrixData& data_;
  std::vector<double> a_, b_, c_;
  std::vector<size_t> a_formulas_, b_formulas_;  // entries whose amount is a formula
};

}  // namespace gpulca::lca
