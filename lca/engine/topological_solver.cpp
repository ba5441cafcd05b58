#include "lca/engine/topological_solver.h"

#include "inventory/error.h"
#include "lca/engine/loops.h"
#include "lca/engine/technosphere_checks.h"

namespace gpulca::lca {
namespace {

// Kahn's algorithm over the edges j -> i, one per off-diagonal entry A(i, j):
// process i is released once all processes that use its product are done.
// Returns fewer than n processes iff there is a loop. Ties are taken in index
// order, so the order (and the rounding of Solve) is deterministic.
std::vector<int> DependencyOrder(const SparseMatrix& a) {
  const int n = a.cols();
  const std::vector<int>& col_ptr = a.col_ptr();
  const std::vector<int>& row_idx = a.row_idx();
  std::vector<int> users(n, 0);
  for (int j = 0; j < n; ++j) {
    for (int p = col_ptr[j]; p < col_ptr[j + 1]; ++p) {
      if (row_idx[p] != j) ++users[row_idx[p]];
    }
  }
  std::vector<int> order;
  order.reserve(n);
  for (int j = 0; j < n; ++j) {
    if (users[j] == 0) order.push_back(j);
  }
  for (size_t head = 0; head < order.size(); ++head) {
    const int j = order[head];
    for (int p = col_ptr[j]; p < col_ptr[j + 1]; ++p) {
      const int i = row_idx[p];
      if (i != j && --users[i] == 0) order.push_back(i);
    }
  }
  return order;
}

}  // namespace

bool TopologicalSolver::IsAcyclic(const SparseMatrix& a) {
  CheckSquare(a);
  return DependencyOrder(a).size() == static_cast<size_t>(a.cols());
}

TopologicalSolver::TopologicalSolver(const SparseMatrix& a,
                                     const std::vector<std::string>* process_names)
    : names_(process_names, a.cols()) {
  CheckSquare(a);
  diagonal_ = FindDiagonal(a, names_);
  CheckDiagonal(a, diagonal_, names_);
  order_ = DependencyOrder(a);
  if (order_.size() != static_cast<size_t>(a.cols())) {
    const Loops loops = FindLoops(a);
    throw SolveError("the topological solver needs a technosphere without loops, but " +
                     names_.List(loops.members.front()) +
                     " form a loop; use the KLU solver for systems with loops");
  }
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
