#include "lca/topological_solver.h"

#include "inventory/error.h"
#include "lca/loops.h"
#include "lca/technosphere_checks.h"

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

std::vector<double> TopologicalSolver::Solve(const std::vector<double>& f) const {
  if (f.size() != order_.size()) {
    throw Error("topological solver: demand has " + std::to_string(f.size()) +
                " entries for " + std::to_string(order_.size()) + " processes");
  }
  // rhs ends up holding, for product i, the demand from f and from every
  // process that uses it, once all of those are scaled.
  std::vector<double> rhs = f;
  std::vector<double> s(f.size(), 0.0);
  for (const int j : order_) {
    const double sj = rhs[j] / values_[diagonal_[j]];
    s[j] = sj;
    if (sj == 0.0) continue;
    for (int p = col_ptr_[j]; p < col_ptr_[j + 1]; ++p) {
      if (row_idx_[p] != j) rhs[row_idx_[p]] -= values_[p] * sj;
    }
  }
  return s;
}

}  // namespace gpulca::lca
