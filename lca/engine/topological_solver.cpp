#include "lca/engine/topological_solver.h"

#include "lca/error.h"
#include "lca/engine/technosphere_checks.h"

namespace gpulca::lca {

bool TopologicalSolver::IsAcyclic(const SparseMatrix& a) {
  return SupplyGraphOf(a).KahnOrder().has_value();
}

TopologicalSolver::TopologicalSolver(const SparseMatrix& a,
                                     const std::vector<std::string>* process_names)
    : TopologicalSolver(a, SupplyGraphOf(a), process_names) {}

TopologicalSolver::TopologicalSolver(const SparseMatrix& a, const graph::SupplyGraph& graph,
                                     const std::vector<std::string>* process_names)
    : names_(process_names, a.cols()) {
  CheckSquare(a);
  diagonal_ = FindDiagonal(a, names_);
  CheckDiagonal(a, diagonal_, names_);
  std::optional<std::vector<int>> order = graph.KahnOrder();
  if (!order) {
    throw SolveError("the topological solver needs a technosphere without loops, but " +
                     names_.List(graph.FindLoops().members.front()) +
                     " form a loop; use the KLU solver for systems with loops");
  }
  order_ = std::move(*order);
  col_ptr_ = a.col_ptr();
  row_idx_ = a.row_idx();
  values_ = a.values();
}

void TopologicalSolver::Refactor(const SparseMatrix& a) {
  CheckSamePattern(a, col_ptr_, row_idx_);
  CheckDiagonal(a, diagonal_, names_);
  values_ = a.values();
}

void TopologicalSolver::SolveInPlace(std::vector<double>& b, int count,
                                     bool transposed) const {
  const size_t n = order_.size();
  if (count < 0 || b.size() != n * static_cast<size_t>(count)) {
    throw Error("topological solver: " + std::to_string(b.size()) + " right-hand-side entries for " +
                std::to_string(count) + " vectors of " + std::to_string(n) + " processes");
  }
  for (int r = 0; r < count; ++r) {
    double* x = b.data() + r * n;
    if (!transposed) {
      // x holds, for product i, the demand from f and from every process
      // that uses it until i's turn; then s_i.
      for (const int j : order_) {
        const double sj = x[j] / values_[diagonal_[j]];
        x[j] = sj;
        if (sj == 0.0) continue;
        for (int p = col_ptr_[j]; p < col_ptr_[j + 1]; ++p) {
          if (row_idx_[p] != j) x[row_idx_[p]] -= values_[p] * sj;
        }
      }
    } else {
      // λ_j = (c_j - Σ_{i≠j} A(i,j) λ_i) / A(j,j), providers i first.
      for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
        const int j = *it;
        double sum = x[j];
        for (int p = col_ptr_[j]; p < col_ptr_[j + 1]; ++p) {
          if (row_idx_[p] != j) sum -= values_[p] * x[row_idx_[p]];
        }
        x[j] = sum / values_[diagonal_[j]];
      }
    }
  }
}

}  // namespace gpulca::lca
