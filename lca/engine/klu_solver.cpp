#include "lca/engine/klu_solver.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "graph/supply_graph.h"
#include "lca/error.h"
#include "lca/engine/klu_lu.h"
#include "lca/engine/loop_convergence.h"
#include "lca/engine/technosphere_checks.h"

namespace gpulca::lca {

namespace {

// Sweeps of the equilibration; it stops once every row's and column's
// largest entry lies in [1/kBalanced, kBalanced] (√2: within a factor of 2
// after rounding the scales to powers of two).
constexpr int kMaxSweeps = 30;
constexpr double kBalanced = 1.4142135623730951;

double PowerOfTwo(double x) { return std::exp2(std::round(std::log2(x))); }

}  // namespace

KluSolver::KluSolver(const SparseMatrix& a, const std::vector<std::string>* process_names,
                     FactorUse use)
    : KluSolver(a, SupplyGraphOf(a), process_names, use) {}

KluSolver::KluSolver(const SparseMatrix& a, const graph::SupplyGraph& graph,
                     const std::vector<std::string>* process_names, FactorUse use)
    : names_(process_names, a.cols()) {
  CheckSquare(a);
  diagonal_ = FindDiagonal(a, names_);
  loops_ = graph.FindLoops();
  CheckValues(a);
  lu_ = std::make_unique<KluLu>(a.cols(), a.col_ptr(), a.row_idx(), use);
  primary_ = Equilibrate(a);
  Scale(a, primary_);
  if (!lu_->Factor(scaled_)) ThrowSingular(lu_->singular_column(), false);
  active_ = &primary_;
  CheckConditioning();
}

KluSolver::Scales KluSolver::Equilibrate(const SparseMatrix& a) const {
  const int n = a.cols();
  const std::vector<int>& col_ptr = a.col_ptr();
  const std::vector<int>& row_idx = a.row_idx();
  const std::vector<double>& values = a.values();
  Scales scales{std::vector<double>(n, 1.0), std::vector<double>(n, 1.0)};
  std::vector<double> row_max(n), col_max(n);
  for (int sweep = 0; sweep < kMaxSweeps; ++sweep) {
    std::fill(row_max.begin(), row_max.end(), 0.0);
    for (int j = 0; j < n; ++j) {
      double biggest = 0.0;
      for (int p = col_ptr[j]; p < col_ptr[j + 1]; ++p) {
        const int i = row_idx[p];
        const double v = std::fabs(values[p]) * scales.row[i] * scales.col[j];
        biggest = std::max(biggest, v);
        row_max[i] = std::max(row_max[i], v);
      }
      col_max[j] = biggest;
    }
    // Every row and column holds its non-zero diagonal entry.
    bool balanced = true;
    for (int i = 0; i < n && balanced; ++i) {
      balanced = row_max[i] <= kBalanced && row_max[i] * kBalanced >= 1.0 &&
                 col_max[i] <= kBalanced && col_max[i] * kBalanced >= 1.0;
    }
    if (balanced) break;
    for (int i = 0; i < n; ++i) {
      scales.row[i] /= std::sqrt(row_max[i]);
      scales.col[i] /= std::sqrt(col_max[i]);
    }
  }
  for (double& r : scales.row) r = PowerOfTwo(r);
  for (double& c : scales.col) c = PowerOfTwo(c);
  return scales;
}

void KluSolver::Scale(const SparseMatrix& a, const Scales& scales) {
  const std::vector<int>& col_ptr = a.col_ptr();
  const std::vector<int>& row_idx = a.row_idx();
  const std::vector<double>& values = a.values();
  scaled_.resize(values.size());
  for (int j = 0; j < a.cols(); ++j) {
    for (int p = col_ptr[j]; p < col_ptr[j + 1]; ++p) {
      scaled_[p] = values[p] * scales.row[row_idx[p]] * scales.col[j];
    }
  }
}

KluSolver::~KluSolver() = default;

void KluSolver::CheckValues(const SparseMatrix& a) const {
  CheckDiagonal(a, diagonal_, names_);
  CheckLoopsConverge(a, diagonal_, loops_, names_, kDefaultPowerIterations, &loop_workspace_);
}

void KluSolver::Refactor(const SparseMatrix& a) {
  CheckSamePattern(a, lu_->col_ptr(), lu_->row_idx());
  CheckValues(a);
  // klu_refactor keeps the pivot order chosen for the previous values; with
  // new values a pivot may become zero or tiny, and then only a fresh
  // factorisation with pivoting can tell whether the matrix is singular.
  Scale(a, primary_);
  active_ = &primary_;
  if (lu_->Refactor(scaled_) && lu_->rcond() >= kMinRcond) return;
  aside_ = Equilibrate(a);
  Scale(a, aside_);
  active_ = &aside_;
  if (!lu_->FactorAside(scaled_)) ThrowSingular(lu_->singular_column(), false);
  CheckConditioning();
}

void KluSolver::SolveInPlace(std::vector<double>& b, int count, bool transposed) const {
  const size_t n = diagonal_.size();
  if (count < 0 || b.size() != n * static_cast<size_t>(count)) {
    throw Error("KLU solver: " + std::to_string(b.size()) + " right-hand-side entries for " +
                std::to_string(count) + " vectors of " + std::to_string(n) + " processes");
  }
  if (!lu_->factored()) {
    throw SolveError("KLU solver: no factorisation to solve with: the last Refactor failed");
  }
  // A = Dr⁻¹ M Dc⁻¹, M the factorised matrix: x = Dc M⁻¹ Dr b, and for Aᵀ
  // x = Dr M⁻ᵀ Dc b.
  const std::vector<double>& before = transposed ? active_->col : active_->row;
  const std::vector<double>& after = transposed ? active_->row : active_->col;
  for (int r = 0; r < count; ++r) {
    for (size_t j = 0; j < n; ++j) b[r * n + j] *= before[j];
  }
  if (count > 0 && n > 0) lu_->Solve(b.data(), count, transposed);
  for (int r = 0; r < count; ++r) {
    for (size_t j = 0; j < n; ++j) {
      double& x = b[r * n + j];
      x *= after[j];
      if (!std::isfinite(x)) {
        throw SolveError(std::string("technosphere solve overflowed: the ") +
                         (transposed ? "intensity" : "scaling") + " of " +
                         names_.Label(static_cast<int>(j)) + " is not finite");
      }
    }
  }
}

double KluSolver::rcond() const { return lu_->rcond(); }

const char* KluSolver::ordering() const { return lu_->ordering(); }

double KluSolver::flops() const { return lu_->flops(); }

void KluSolver::CheckConditioning() const {
  if (lu_->rcond() < kMinRcond) ThrowSingular(lu_->smallest_pivot_column(), true);
}

void KluSolver::ThrowSingular(int column, bool nearly) const {
  std::string message = "technosphere is singular";
  std::string where = "meets a zero pivot";
  if (nearly) {
    message = fmt::format("technosphere is nearly singular (rcond {:.2g} < {:.0e})", lu_->rcond(),
                          kMinRcond);
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
