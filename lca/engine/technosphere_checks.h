// Checks of a technosphere matrix shared by the solvers. Internal to lca/.
// Each throws with a message that names the processes at fault.
#pragma once

#include <vector>

#include "graph/supply_graph.h"
#include "lca/engine/process_names.h"
#include "lca/engine/sparse_matrix.h"

namespace gpulca::lca {

// Throws gpulca::SolveError unless `a` is square.
void CheckSquare(const SparseMatrix& a);

// The supply graph of a's pattern (graph::SupplyGraph::FromColumns).
// Throws gpulca::SolveError unless `a` is square.
graph::SupplyGraph SupplyGraphOf(const SparseMatrix& a);

// Returns, for each process j, the index in a.values() of its diagonal
// entry A(j, j). Throws gpulca::SolveError naming the first process that has
// no diagonal entry (no reference output).
// REQUIRES: `a` is square.
std::vector<int> FindDiagonal(const SparseMatrix& a, const ProcessNames& names);

// Throws gpulca::SolveError naming the first process whose reference output
// A(j, j) is zero: its product cannot be made, the system is singular.
// REQUIRES: `diagonal` is FindDiagonal(a, ...) for a matrix of a's pattern.
void CheckDiagonal(const SparseMatrix& a, const std::vector<int>& diagonal,
                   const ProcessNames& names);

// Throws gpulca::Error unless `a` has exactly this pattern. A solver's
// symbolic analysis (orders, SCCs) is only valid for the pattern it saw.
void CheckSamePattern(const SparseMatrix& a, const std::vector<int>& col_ptr,
                      const std::vector<int>& row_idx);

}  // namespace gpulca::lca
