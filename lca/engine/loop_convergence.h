// Whether the loops of a technosphere converge.
//
// Write A = D·(I - H), D the diagonal: H(i,j) = -A(i,j) / A(i,i) is how much
// of product i one unit of process j calls for, in units of process i. Then
// s = Σ_k H^k D⁻¹ f, the demand propagated round by round through the supply
// chain, which converges iff the spectral radius ρ(H) < 1. Within a loop of
// pure consumption (H >= 0 on the loop), ρ >= 1 means the loop's products
// need one unit or more of themselves back: there is no meaningful
// (non-negative) scaling, even when A happens to be invertible and an LU
// would return numbers. For such a Z-pattern loop, ρ(H_loop) < 1 is exactly
// "I - H_loop is a nonsingular M-matrix".
//
// Loops that contain a co-product (some H(i,j) < 0 on the loop) are not
// judged here: substitution can make a loop that diverges gross converge
// net, and negative scalings are legitimate there (avoided production).
// They rely on the LU's singularity and conditioning checks.
//
// Each Z-pattern loop is decided cheapest first:
//  1. Collatz-Wielandt bounds from the loop's row sums of H and column sums
//     of |A(i,j)| / |A(j,j)| (consumption per unit of reference output):
//     one O(nnz) pass settles loops whose processes consume well below what
//     they make;
//  2. up to `max_power_iterations` power iterations on I + H (primitive, so
//     periodic loops converge too), narrowing the same bounds;
//  3. exactly: factorise I - H_loop with KLU and solve (I - H_loop)·x = 1;
//     a Z-matrix is a nonsingular M-matrix iff that x is positive.
#pragma once

#include <vector>

#include "graph/supply_graph.h"
#include "lca/engine/process_names.h"
#include "lca/engine/sparse_matrix.h"

namespace gpulca::lca {

inline constexpr int kDefaultPowerIterations = 30;

// Buffers that CheckLoopsConverge reuses between calls when given one: a
// solver that checks every Refactor (Monte Carlo) allocates nothing. A
// workspace serves the matrices of one pattern.
struct LoopWorkspace {
  std::vector<int> local, row, col;
  std::vector<double> h, row_sum, col_sum;
};

// Throws gpulca::SolveError naming every process of the first loop that does
// not converge (a long loop's list is cut short with a count).
// REQUIRES: `loops` are the loops of a's pattern (graph::SupplyGraph::
//   FromColumns), `diagonal` is FindDiagonal of it, and every diagonal value
//   is non-zero (CheckDiagonal).
void CheckLoopsConverge(const SparseMatrix& a, const std::vector<int>& diagonal,
                        const graph::Loops& loops, const ProcessNames& names,
                        int max_power_iterations = kDefaultPowerIterations,
                        LoopWorkspace* workspace = nullptr);

}  // namespace gpulca::lca
