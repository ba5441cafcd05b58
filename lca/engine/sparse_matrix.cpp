#include "lca/engine/sparse_matrix.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "lca/error.h"

namespace gpulca::lca {
namespace {

std::string Where(int row, int col) {
  return "(" + std::to_string(row) + ", " + std::to_string(col) + ")";
}

std::string Shape(int rows, int cols) {
  return std::to_string(rows) + "x" + std::to_string(cols);
}

// Exclusive prefix sum in place: counts[i+1] holding the count of bucket i
// becomes the start of bucket i+1.
void PrefixSum(std::vector<int>& counts) {
  for (size_t i = 1; i < counts.size(); ++i) counts[i] += counts[i - 1];
}

}  // namespace

SparseMatrix SparseMatrix::FromTriplets(int rows, int cols, std::vector<Triplet> triplets,
                                        std::vector<int>* slots) {
  if (rows < 0 || cols < 0) {
    throw Error("sparse matrix: negative shape " + Shape(rows, cols));
  }
  if (triplets.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    throw Error("sparse matrix: too many entries for 32-bit indices");
  }
  const int m = static_cast<int>(triplets.size());
  for (int k = 0; k < m; ++k) {
    const Triplet& t = triplets[k];
    if (t.row < 0 || t.row >= rows || t.col < 0 || t.col >= cols) {
      throw Error("sparse matrix: entry #" + std::to_string(k) + " at " + Where(t.row, t.col) +
                  " lies outside the " + Shape(rows, cols) + " matrix");
    }
    if (!std::isfinite(t.value)) {
      throw Error("sparse matrix: entry #" + std::to_string(k) + " at " + Where(t.row, t.col) +
                  " is not finite");
    }
  }

  // Two stable counting passes (by row, then by column) leave each column's
  // entries in ascending row order, so duplicates end up adjacent. This is
  // linear where a comparison sort of ~10^6 triplets would dominate the
  // assembly time.
  std::vector<int> next(rows + 1, 0);
  for (const Triplet& t : triplets) ++next[t.row + 1];
  PrefixSum(next);
  std::vector<int> by_row(m);
  for (int k = 0; k < m; ++k) by_row[next[triplets[k].row]++] = k;

  std::vector<int> col_start(cols + 1, 0);
  for (const Triplet& t : triplets) ++col_start[t.col + 1];
  PrefixSum(col_start);
  next.assign(col_start.begin(), col_start.end());
  std::vector<int> by_col(m);
  for (int k : by_row) by_col[next[triplets[k].col]++] = k;

  SparseMatrix a;
  a.rows_ = rows;
  a.cols_ = cols;
  a.col_ptr_.assign(cols + 1, 0);
  a.row_idx_.reserve(m);
  a.values_.reserve(m);
  if (slots != nullptr) slots->assign(m, -1);
  for (int c = 0; c < cols; ++c) {
    const size_t column_begin = a.row_idx_.size();
    for (int p = col_start[c]; p < col_start[c + 1]; ++p) {
      const int k = by_col[p];
      const Triplet& t = triplets[k];
      if (a.row_idx_.size() > column_begin && a.row_idx_.back() == t.row) {
        a.values_.back() += t.value;
      } else {
        a.row_idx_.push_back(t.row);
        a.values_.push_back(t.value);
      }
      if (slots != nullptr) (*slots)[k] = static_cast<int>(a.values_.size()) - 1;
    }
    a.col_ptr_[c + 1] = static_cast<int>(a.row_idx_.size());
  }
  return a;
}

std::vector<double> SparseMatrix::Multiply(const std::vector<double>& x) const {
  if (x.size() != static_cast<size_t>(cols_)) {
    throw Error("sparse matrix: cannot multiply a " + Shape(rows_, cols_) +
                " matrix by a vector of size " + std::to_string(x.size()));
  }
  std::vector<double> y(rows_, 0.0);
  for (int c = 0; c < cols_; ++c) {
    const double xc = x[c];
    if (xc == 0.0) continue;
    for (int p = col_ptr_[c]; p < col_ptr_[c + 1]; ++p) y[row_idx_[p]] += values_[p] * xc;
  }
  return y;
}

std::vector<double> SparseMatrix::MultiplyTransposed(const std::vector<double>& x) const {
  if (x.size() != static_cast<size_t>(rows_)) {
    throw Error("sparse matrix: cannot multiply the transpose of a " + Shape(rows_, cols_) +
                " matrix by a vector of size " + std::to_string(x.size()));
  }
  std::vector<double> y(cols_, 0.0);
  for (int c = 0; c < cols_; ++c) {
    double sum = 0.0;
    for (int p = col_ptr_[c]; p < col_ptr_[c + 1]; ++p) sum += values_[p] * x[row_idx_[p]];
    y[c] = sum;
  }
  return y;
}

double SparseMatrix::At(int r, int c) const {
  if (r < 0 || r >= rows_ || c < 0 || c >= cols_) {
    throw Error("sparse matrix: " + Where(r, c) + " lies outside the " + Shape(rows_, cols_) +
                " matrix");
  }
  const auto begin = row_idx_.begin() + col_ptr_[c];
  const auto end = row_idx_.begin() + col_ptr_[c + 1];
  const auto it = std::lower_bound(begin, end, r);
  if (it == end || *it != r) return 0.0;
  return values_[it - row_idx_.begin()];
}

void SparseMatrix::SetValues(std::vector<double> values) {
  if (values.size() != values_.size()) {
    throw Error("sparse matrix: SetValues got " + std::to_string(values.size()) +
                " values for " + std::to_string(values_.size()) + " stored entries");
  }
  for (size_t p = 0; p < values.size(); ++p) {
    if (!std::isfinite(values[p])) {
      throw Error("sparse matrix: SetValues: value #" + std::to_string(p) + " is not finite");
    }
  }
  values_ = std::move(values);
}

void SparseMatrix::SetTripletValues(const std::vector<int>& slots,
                                    const std::vector<double>& amounts) {
  if (slots.size() != amounts.size()) {
    throw Error("sparse matrix: " + std::to_string(amounts.size()) + " amounts for " +
                std::to_string(slots.size()) + " slots");
  }
  const int nnz = static_cast<int>(values_.size());
  for (size_t k = 0; k < slots.size(); ++k) {
    if (slots[k] < 0 || slots[k] >= nnz) {
      throw Error("sparse matrix: slot of triplet #" + std::to_string(k) + " is out of range");
    }
    if (!std::isfinite(amounts[k])) {
      throw Error("sparse matrix: amount of triplet #" + std::to_string(k) + " is not finite");
    }
  }
  // Checked first, so that a bad amount leaves the matrix unchanged; then
  // refilled in place (Monte Carlo calls this every iteration). FromTriplets
  // gives every stored entry at least one triplet: as many triplets as
  // entries means one each, and no sum.
  if (slots.size() == values_.size()) {
    for (size_t k = 0; k < slots.size(); ++k) values_[slots[k]] = amounts[k];
    return;
  }
  std::fill(values_.begin(), values_.end(), 0.0);
  for (size_t k = 0; k < slots.size(); ++k) values_[slots[k]] += amounts[k];
}

}  // namespace gpulca::lca
