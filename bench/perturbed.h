// The values a benchmark refactorises with: `a` with every entry scaled by
// 1 + 0.05·sin(12.9898·p), p its position (±5 %, deterministic), on a's
// pattern. Shared by gpulca_bench_calc and gpulca_bench_mc so that their
// Refactor + Solve figures are of the same perturbation.
#pragma once

#include "lca/engine/sparse_matrix.h"

namespace gpulca::bench {

lca::SparseMatrix Perturbed(const lca::SparseMatrix& a);

}  // namespace gpulca::bench
