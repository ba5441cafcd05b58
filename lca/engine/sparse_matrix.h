// A real sparse matrix in compressed sparse column (CSC) form: the storage
// shared by the technosphere A, the biosphere B and the characterisation C.
//
// Invariants:
//   col_ptr().size() == cols() + 1, col_ptr()[0] == 0, non-decreasing,
//     col_ptr()[cols()] == nnz();
//   within column c, row_idx()[col_ptr()[c] .. col_ptr()[c+1]) is strictly
//     increasing (no duplicates) and every row is in [0, rows());
//   every value is finite. Explicit zeros are kept: the pattern is what the
//     triplets named, so that Monte Carlo can refill it with other values.
//
// A SparseMatrix is a value: copyable, movable, no shared state. Const
// methods are safe to call from several threads at once.
#pragma once

#include <vector>

namespace gpulca::lca {

// One entry (row, col, value) before compression. Duplicates are allowed and
// are summed by FromTriplets.
struct Triplet {
  int row;
  int col;
  double value;
};

class SparseMatrix {
 public:
  // The empty 0x0 matrix.
  SparseMatrix() = default;

  // Compresses `triplets` (any order, duplicates summed) into a rows x cols
  // matrix. O(rows + cols + triplets): two counting passes, no comparison
  // sort. If `slots` is not null, it receives, for each triplet k, the index
  // into values() its amount was summed into: the pattern map Monte Carlo
  // uses with SetTripletValues.
  // Throws gpulca::Error if rows or cols is negative, a triplet lies outside
  // the matrix, or a value is not finite.
  static SparseMatrix FromTriplets(int rows, int cols, std::vector<Triplet> triplets,
                                   std::vector<int>* slots = nullptr);

  int rows() const { return rows_; }
  int cols() const { return cols_; }
  int nnz() const { return static_cast<int>(values_.size()); }
  const std::vector<int>& col_ptr() const { return col_ptr_; }
  const std::vector<int>& row_idx() const { return row_idx_; }
  const std::vector<double>& values() const { return values_; }

  // y = A x. Throws gpulca::Error unless x.size() == cols().
  std::vector<double> Multiply(const std::vector<double>& x) const;

  // y = Aᵀ x. Throws gpulca::Error unless x.size() == rows().
  std::vector<double> MultiplyTransposed(const std::vector<double>& x) const;

  // The entry at (r, c), 0 if it is not stored. O(log of the column's nnz).
  // Throws gpulca::Error if (r, c) is outside the matrix.
  double At(int r, int c) const;

  // Replaces every value, keeping the pattern. values[k] goes to the k-th
  // stored entry (column-major, rows ascending).
  // Throws gpulca::Error unless values.size() == nnz() and all are finite.
  void SetValues(std::vector<double> values);

  // Refills the values from per-triplet amounts, using the `slots` that
  // FromTriplets returned for the same triplet list: values are zeroed, then
  // amounts[k] is added at slots[k].
  // Throws gpulca::Error if the sizes differ, a slot is out of range or an
  // amount is not finite; the matrix is then unchanged.
  void SetTripletValues(const std::vector<int>& slots, const std::vector<double>& amounts);

 private:
  int rows_ = 0;
  int cols_ = 0;
  std::vector<int> col_ptr_{0};
  std::vector<int> row_idx_;
  std::vector<double> values_;
};

}  // namespace gpulca::lca
