#include "lca/klu_solver.h"

#include <cmath>
#include <cstdio>

#include "inventory/error.h"
#include "lca/klu_lu.h"
#include "lca/loop_convergence.h"
#include "lca/technosphere_checks.h"

namespace gpulca::lca {

KluSolver::KluSolver(const SparseMatrix& a, const std::vector<std::string>* process_names)
    : names_(process_names, a.cols()) {
  CheckSquare(a);
  diagonal_ = FindDiagonal(a, names_);
  loops_ = FindLoops(a);
  CheckValues(a);
  lu_ = std::make_unique<KluLu>(a.cols(), a.col_ptr(), a.row_idx());
  if (!lu_->Factor(a.values())) ThrowSingular(lu_->singular_column(), false);
  CheckConditioning();
}

KluSolver::~KluSolver() = default;

void KluSolver::CheckValues(const SparseMatrix& a) const {
  CheckDiagonal(a, diagonal_, names_);
  CheckLoopsConverge(a, diagonal_, loops_, names_);
}

void KluSolver::Refactor(const SparseMatrix& a) {
  CheckSamePattern(a, lu_->col_ptr(), lu_->row_idx());
  CheckValues(a);
  // klu_refactor keeps the pivot order chosen for the previous values; with
  // new values a pivot may become zero or tiny, and then only a fresh
  // factorisation with pivoting can tell whether the matrix is singular.
  if (lu_->Refactor(a.values()) && lu_->rcond() >= kMinRcond) return;
  if (!lu_->Factor(a.values())) ThrowSingular(lu_->singular_column(), false);
  CheckConditioning();
}

std::vector<double> KluSolver::Solve(const std::vector<double>& f) const {
  if (f.size() != diagonal_.size()) {
    throw Error("KLU solver: demand has " + std::to_string(f.size()) + " entries for " +
                std::to_string(diagonal_.size()) + " processes");
  }
  if (!lu_->factored()) {
    throw SolveError("KLU solver: no factorisation to solve with: the last Refactor failed");
  }
  std::vector<double> s = f;
  lu_->Solve(s);
  for (size_t j = 0; j < s.size(); ++j) {
    if (!std::isfinite(s[j])) {
      throw SolveError("technosphere solve overflowed: the scaling of " +
                       names_.Label(static_cast<int>(j)) + " is not finite");
    }
  }
  return s;
}

double KluSolver::rcond() const { return lu_->rcond(); }

void KluSolver::CheckConditioning() const {
  if (lu_->rcond() < kMinRcond) ThrowSingular(lu_->smallest_pivot_column(), true);
}

void KluSolver::ThrowSingular(int column, bool nearly) const {
  std::string message = "technosphere is singular";
  std::string where = "meets a zero pivot";
  if (nearly) {
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "technosphere is nearly singular (rcond %.2g < %.0e)",
                  lu_->rcond(), kMinRcond);
    message = buffer;
    where = "meets its smallest pivot";
  }
  if (column < 0 || column >= static_cast<int>(diagonal_.size())) throw SolveError(message);
  message += ": the sparse LU " + where + " at " + names_.Label(column);
  const int loop = loops_.loop_of[column];
  if (loop >= 0) {
    message += ", in the loop of " + names_.List(loops_.members[loop]) +
               "; the amounts these processes exchange are linearly dependent";
  } else {
    message += ", which is in no loop";
  }
  throw SolveError(message);
}

}  // namespace gpulca::lca
