// Small hand-solvable technospheres shared by the lca tests.
#pragma once

#include <string>
#include <vector>

#include "lca/engine/sparse_matrix.h"

namespace gpulca::lca::testing {

// A matrix from its dense rows; zeros are not stored.
inline SparseMatrix Dense(const std::vector<std::vector<double>>& rows) {
  std::vector<Triplet> triplets;
  const int m = static_cast<int>(rows.size());
  const int n = m == 0 ? 0 : static_cast<int>(rows[0].size());
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j) {
      if (rows[i][j] != 0.0) triplets.push_back({i, j, rows[i][j]});
    }
  }
  return SparseMatrix::FromTriplets(m, n, std::move(triplets));
}

// Electricity (0) needs 0.1 kg steel per kWh; steel (1) needs `kwh_per_kg`
// kWh per kg; a GPU (2) needs 100 kWh and 5 kg steel. With 2 kWh/kg the loop
// gain is 0.2 and, for one GPU, s = (137.5, 18.75, 1):
//   s0 - 2 s1 = 100 and s1 - 0.1 s0 = 5  =>  0.8 s0 = 110.
inline SparseMatrix SteelLoop(double kwh_per_kg = 2.0) {
  return Dense({{1.0, -kwh_per_kg, -100.0},
                {-0.1, 1.0, -5.0},
                {0.0, 0.0, 1.0}});
}

inline const std::vector<std::string> kSteelLoopNames = {"electricity", "steel", "gpu"};

}  // namespace gpulca::lca::testing
