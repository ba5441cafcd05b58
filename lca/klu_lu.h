// A sparse LU factorisation by KLU (SuiteSparse): the one place in gpulca
// that calls KLU. Internal to lca/; solvers wrap it with LCA checks and
// messages. KLU types stay out of this header.
//
// KLU orders the matrix into block triangular form (BTF: its diagonal blocks
// are the loops of the technosphere, each other process a 1x1 block), orders
// each block with AMD (tuned for market rows: klu_ordering.h), then
// factorises block by block with partial pivoting.
// The analysis depends on the pattern only, so it is done once and reused
// by every Factor and Refactor.
//
// Owns the klu_common, klu_symbolic and klu_numeric objects and frees them.
#pragma once

#include <memory>
#include <vector>

namespace gpulca::lca {

class KluLu {
 public:
  // Analyses the pattern (klu_analyze, BTF on, AMD) and keeps a copy of it.
  // Throws gpulca::SolveError if KLU fails (out of memory, invalid pattern).
  // REQUIRES: an n x n CSC pattern with sorted, in-range row indices.
  KluLu(int n, std::vector<int> col_ptr, std::vector<int> row_idx);
  KluLu(const KluLu&) = delete;
  KluLu& operator=(const KluLu&) = delete;
  ~KluLu();

  // Factorises `values` on the analysed pattern with pivoting (klu_factor).
  // Returns false if KLU met a zero pivot: singular_column() names it.
  // Throws gpulca::SolveError on other KLU failures.
  // REQUIRES: values.size() == nnz of the pattern.
  bool Factor(const std::vector<double>& values);

  // Factorises again with the pivot order of the last successful Factor
  // (klu_refactor: numeric only, no pivoting, much cheaper). Returns false
  // if there is no factorisation to reuse or a pivot became zero; the caller
  // then calls Factor. Throws gpulca::SolveError on other KLU failures.
  // REQUIRES: values.size() == nnz of the pattern.
  bool Refactor(const std::vector<double>& values);

  // The analysed pattern.
  const std::vector<int>& col_ptr() const;
  const std::vector<int>& row_idx() const;

  // Whether a factorisation is held (the last Factor/Refactor succeeded).
  bool factored() const;

  // The column (of the original matrix) where the last failed Factor or
  // Refactor met a zero pivot; -1 if none.
  int singular_column() const;

  // KLU's cheap reciprocal condition estimate of the held factorisation,
  // min|U(k,k)| / max|U(k,k)| (klu_rcond), and the original column of that
  // smallest pivot. REQUIRES: factored().
  double rcond() const;
  int smallest_pivot_column() const;

  // Overwrites b with the solution of A·x = b.
  // Thread-safe; concurrent calls on one instance are serialised, because
  // klu_solve works in a buffer inside the numeric object. Distinct
  // instances share nothing and run in parallel.
  // REQUIRES: factored() and b.size() == n.
  void Solve(std::vector<double>& b) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gpulca::lca
