#include "lca/engine/technosphere_checks.h"

#include <algorithm>
#include <string>

#include "lca/error.h"

namespace gpulca::lca {

void CheckSquare(const SparseMatrix& a) {
  if (a.rows() != a.cols()) {
    throw SolveError("technosphere matrix is " + std::to_string(a.rows()) + "x" +
                     std::to_string(a.cols()) +
                     ": it must be square, one reference product per process");
  }
}

graph::SupplyGraph SupplyGraphOf(const SparseMatrix& a) {
  CheckSquare(a);
  return graph::SupplyGraph::FromColumns(a.cols(), a.col_ptr(), a.row_idx());
}

std::vector<int> FindDiagonal(const SparseMatrix& a, const ProcessNames& names) {
  const std::vector<int>& col_ptr = a.col_ptr();
  const std::vector<int>& row_idx = a.row_idx();
  std::vector<int> diagonal(a.cols(), -1);
  for (int j = 0; j < a.cols(); ++j) {
    const auto begin = row_idx.begin() + col_ptr[j];
    const auto end = row_idx.begin() + col_ptr[j + 1];
    const auto it = std::lower_bound(begin, end, j);
    if (it == end || *it != j) {
      throw SolveError("technosphere is singular: " + names.Label(j) +
                       " has no reference output (no diagonal entry)");
    }
    diagonal[j] = static_cast<int>(it - row_idx.begin());
  }
  return diagonal;
}

void CheckDiagonal(const SparseMatrix& a, const std::vector<int>& diagonal,
                   const ProcessNames& names) {
  const std::vector<double>& values = a.values();
  for (size_t j = 0; j < diagonal.size(); ++j) {
    if (values[diagonal[j]] == 0.0) {
      throw SolveError("technosphere is singular: " + names.Label(static_cast<int>(j)) +
                       " has a zero reference output (diagonal entry)");
    }
  }
}

void CheckSamePattern(const SparseMatrix& a, const std::vector<int>& col_ptr,
                      const std::vector<int>& row_idx) {
  if (a.col_ptr() != col_ptr || a.row_idx() != row_idx) {
    throw Error(
        "technosphere solver: Refactor needs the pattern the solver was built with; "
        "build a new solver for a different pattern");
  }
}

}  // namespace gpulca::lca
