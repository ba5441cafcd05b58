// A sparse LU factorisation by KLU (SuiteSparse): the one place in gpulca
// that calls KLU. Internal to lca/; solvers wrap it with LCA checks and
// messages. KLU types stay out of this header.
//
// KLU orders the matrix into block triangular form (BTF: its diagonal blocks
// are the loops of the technosphere, each other process a 1x1 block), orders
// each block (klu_ordering.h: AMD tuned for market rows, or for a
// factorisation used many times possibly nested dissection), then
// factorises block by block with partial pivoting. It does not scale: the
// caller gives a well-scaled matrix (KluSolver equilibrates).
// The analysis depends on the pattern only, so it is done once and reused
// by every Factor and Refactor.
//
// Two numeric factorisations may be held: the primary one, whose pivot order
// every Refactor reuses, and an aside one that FactorAside makes with fresh
// pivoting when reusing that order fails. Refactor always starts from the
// primary pivot order, so the factorisation of given values does not depend
// on the values factorised before them (Monte Carlo results then do not
// depend on which thread ran which iteration).
//
// Owns the klu_common, klu_symbolic and klu_numeric objects and frees them.
#pragma once

#include <memory>
#include <vector>

#include "lca/engine/factor_use.h"

namespace gpulca::lca {

class KluLu {
 public:
  // Analyses the pattern (klu_analyze, BTF on, AMD) and keeps a copy of it.
  // For FactorUse::kRepeated, when a block has kNestedDissectionMinBlock
  // processes or more, it is also analysed with nested dissection, and the
  // first Factor keeps whichever of the two factorises its values in fewer
  // flops (klu_flops): the cost of each Refactor after it. If the second
  // analysis fails (METIS out of memory, say), AMD is kept.
  // Throws gpulca::SolveError if KLU fails (out of memory, invalid pattern).
  // REQUIRES: an n x n CSC pattern with sorted, in-range row indices.
  KluLu(int n, std::vector<int> col_ptr, std::vector<int> row_idx,
        FactorUse use = FactorUse::kOnce);
  KluLu(const KluLu&) = delete;
  KluLu& operator=(const KluLu&) = delete;
  ~KluLu();

  // Factorises `values` on the analysed pattern with pivoting (klu_factor);
  // the result becomes the primary factorisation and is active.
  // Returns false if KLU met a zero pivot: singular_column() names it, and
  // nothing is active. Throws gpulca::SolveError on other KLU failures.
  // REQUIRES: values.size() == nnz of the pattern.
  bool Factor(const std::vector<double>& values);

  // Factorises again with the primary pivot order (klu_refactor: numeric
  // only, no pivoting, much cheaper) and makes it active. Returns false,
  // with nothing active, if there is no primary factorisation or a pivot
  // became zero; the primary pivot order is kept for the next Refactor.
  // Throws gpulca::SolveError on other KLU failures.
  // REQUIRES: values.size() == nnz of the pattern.
  bool Refactor(const std::vector<double>& values);

  // Factorises `values` with fresh pivoting into the aside factorisation
  // and makes it active, keeping the primary one for later Refactors.
  // Returns false (nothing active) on a zero pivot, as Factor does.
  bool FactorAside(const std::vector<double>& values);

  // The ordering of the blocks in use: "amd" or "nested dissection" (the
  // latter only for kRepeated, once the first Factor has chosen it).
  const char* ordering() const;
  // Flops of the primary factorisation (klu_flops; 0 before any Factor),
  // which every Refactor repeats.
  double flops() const;

  // The analysed pattern.
  const std::vector<int>& col_ptr() const;
  const std::vector<int>& row_idx() const;

  // Whether a factorisation is active (the last Factor, Refactor or
  // FactorAside succeeded).
  bool factored() const;

  // The column (of the original matrix) where the last failed Factor or
  // Refactor met a zero pivot; -1 if none.
  int singular_column() const;

  // KLU's cheap reciprocal condition estimate of the active factorisation,
  // min|U(k,k)| / max|U(k,k)| (klu_rcond), and the original column of that
  // smallest pivot. REQUIRES: factored().
  double rcond() const;
  int smallest_pivot_column() const;

  // Overwrites b, `count` right-hand sides of n values one after the other,
  // with the solutions of A·x = b (or Aᵀ·x = b when `transposed`).
  // Thread-safe; concurrent calls on one instance are serialised, because
  // klu_solve works in a buffer inside the numeric object. Distinct
  // instances share nothing and run in parallel.
  // REQUIRES: factored() and b.size() == count·n.
  void Solve(double* b, int count, bool transposed) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gpulca::lca
