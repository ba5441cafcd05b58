// The loops of a technosphere: the strongly connected components of its
// off-diagonal graph, where entry A(i, j), i != j, is an edge between
// process j (which consumes or co-produces product i) and process i.
// Explicit zeros count as edges: a loop is a property of the pattern, so it
// stays the same when Monte Carlo refills the values.
#pragma once

#include <vector>

#include "lca/engine/sparse_matrix.h"

namespace gpulca::lca {

// Invariants: members[k] is sorted and has at least 2 processes;
//   loop_of[j] == k iff j is in members[k]; loop_of[j] == -1 for a process
//   in no loop. Loops are numbered by their smallest process.
struct Loops {
  std::vector<int> loop_of;
  std::vector<std::vector<int>> members;
};

// O(n + nnz), iterative (no recursion depth limit).
// REQUIRES: `a` is square.
Loops FindLoops(const SparseMatrix& a);

}  // namespace gpulca::lca
