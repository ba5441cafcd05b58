// Exact propagation for technospheres without loops.
//
// When the off-diagonal graph of A is acyclic, A is triangular up to a
// permutation, and s follows from f in one pass over the processes in
// dependency order: each process is scaled once every process that consumes
// (or co-produces) its product has been scaled, then pushes its own demand
// to its providers. No fill-in, no pivoting, no rounding beyond one multiply
// and add per exchange. A GPU model on its own is mostly acyclic.
//
// Aᵀ·λ = c is the same pass in reverse order: each process's intensity
// once those of all its providers are known.
//
// The dependency order is the pattern's supply graph's Kahn order
// (graph::SupplyGraph::KahnOrder), computed once at construction; it is
// deterministic, and so is the rounding of a solve.
//
// Guarantees: a solve is O(n + nnz) per right-hand side and thread-safe;
// Refactor is O(nnz).
#pragma once

#include <string>
#include <vector>

#include "graph/supply_graph.h"
#include "lca/engine/process_names.h"
#include "lca/engine/solver.h"
#include "lca/engine/sparse_matrix.h"

namespace gpulca::lca {

class TopologicalSolver final : public TechnosphereSolver {
 public:
  // Throws gpulca::SolveError if `a` is not square, has a zero or missing
  // diagonal entry, or has a loop (naming the processes of one loop).
  // REQUIRES: process_names is null or has a.cols() entries.
  explicit TopologicalSolver(const SparseMatrix& a,
                             const std::vector<std::string>* process_names = nullptr);
  // The same, given the supply graph of a's pattern (MakeSolver in
  // solver_factory.h builds it once to choose the solver).
  // REQUIRES: `graph` is graph::SupplyGraph::FromColumns of a's pattern.
  TopologicalSolver(const SparseMatrix& a, const graph::SupplyGraph& graph,
                    const std::vector<std::string>* process_names = nullptr);

  void Refactor(const SparseMatrix& a) override;
  void SolveInPlace(std::vector<double>& b, int count, bool transposed) const override;
  const char* Name() const override { return "topological"; }

  // Whether the off-diagonal graph of `a` has no loop (explicit zeros count).
  // REQUIRES: `a` is square (else gpulca::SolveError).
  static bool IsAcyclic(const SparseMatrix& a);

 private:
  ProcessNames names_;
  std::vector<int> col_ptr_;
  std::vector<int> row_idx_;
  std::vector<double> values_;
  std::vector<int> diagonal_;  // index in values_ of A(j, j)
  std::vector<int> order_;     // every consumer of product i comes before i
};

}  // namespace gpulca::lca
