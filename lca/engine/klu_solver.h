// The general technosphere solver: sparse LU by KLU (SuiteSparse), made for
// matrices like these - very sparse, unsymmetric, nearly block triangular.
//
// Construction analyses the pattern once (block triangular form, whose
// diagonal blocks are the loops, and AMD within each block, or nested
// dissection for a solver refactorised many times: klu_lu.h) and
// factorises.
// Refactor reuses the analysis and the pivot order of the first
// factorisation (numeric work only) and falls back to a fresh factorisation
// with pivoting, for these values only, when a reused pivot is zero or too
// small. So the factorisation of given values is the same whatever was
// factorised before. A solve with A or Aᵀ does two triangular solves: A is
// never inverted.
//
// Scaling: KLU factorises Dr·A·Dc, where the row and column scales (powers
// of two, so scaling is exact) equilibrate A: every row and column of the
// scaled matrix has its largest entry within a factor of 2 of 1 (Ruiz 2001,
// "A scaling algorithm to equilibrate both rows and columns norms in
// matrices", RAL-TR-2001-034). A process whose reference amount is written
// as 10^12 units, or a product in a tiny unit, then changes nothing but the
// scales. The scales are computed from the values factorised first and
// reused by Refactor; a fallback factorisation computes its own.
//
// Errors (gpulca::SolveError), each naming the processes at fault:
//   - zero or missing diagonal entry;
//   - a loop that does not converge (loop_convergence.h);
//   - a singular system: the column where KLU met a zero pivot, and the loop
//     it lies in;
//   - a nearly singular system: rcond, KLU's cheap reciprocal condition
//     estimate min|U(k,k)|/max|U(k,k)| of the equilibrated matrix, below
//     kMinRcond; names the column of the smallest pivot and its loop.
//
// Thread safety: solves may run concurrently (calls on one instance are
// serialised; distinct instances run fully in parallel). Refactor must not
// run concurrently with anything else on the same instance.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "graph/supply_graph.h"
#include "lca/engine/factor_use.h"
#include "lca/engine/loop_convergence.h"
#include "lca/engine/process_names.h"
#include "lca/engine/solver.h"
#include "lca/engine/sparse_matrix.h"

namespace gpulca::lca {

class KluLu;

class KluSolver final : public TechnosphereSolver {
 public:
  // Below this, a factorisation's answer may have no correct digit.
  static constexpr double kMinRcond = 1e-14;

  // Throws gpulca::SolveError as listed above, or if `a` is not square.
  // REQUIRES: process_names is null or has a.cols() entries.
  explicit KluSolver(const SparseMatrix& a,
                     const std::vector<std::string>* process_names = nullptr,
                     FactorUse use = FactorUse::kOnce);
  // The same, given the supply graph of a's pattern (MakeSolver in
  // solver_factory.h builds it once to choose the solver).
  // REQUIRES: `graph` is graph::SupplyGraph::FromColumns of a's pattern.
  KluSolver(const SparseMatrix& a, const graph::SupplyGraph& graph,
            const std::vector<std::string>* process_names = nullptr,
            FactorUse use = FactorUse::kOnce);
  ~KluSolver() override;

  void Refactor(const SparseMatrix& a) override;
  void SolveInPlace(std::vector<double>& b, int count, bool transposed) const override;
  const char* Name() const override { return "klu"; }

  // The rcond of the held factorisation (see above).
  double rcond() const;
  // The ordering of the blocks and the flops of a factorisation (KluLu).
  const char* ordering() const;
  double flops() const;

 private:
  // Row and column scales of one factorisation (see above).
  struct Scales {
    std::vector<double> row, col;
  };
  // Runs the checks that need no factorisation; throws before any state
  // changes.
  void CheckValues(const SparseMatrix& a) const;
  // Equilibrating scales for the values of `a`.
  Scales Equilibrate(const SparseMatrix& a) const;
  // scaled_ = Dr·A·Dc for `scales`.
  void Scale(const SparseMatrix& a, const Scales& scales);
  // Throws the singular (or, if `nearly`, nearly singular) error that names
  // `column` and its loop.
  [[noreturn]] void ThrowSingular(int column, bool nearly) const;
  void CheckConditioning() const;

  ProcessNames names_;
  std::vector<int> diagonal_;  // index in a.values() of A(j, j)
  graph::Loops loops_;
  mutable LoopWorkspace loop_workspace_;  // CheckValues' buffers
  std::unique_ptr<KluLu> lu_;
  Scales primary_, aside_;
  const Scales* active_ = nullptr;  // the scales of the active factorisation
  std::vector<double> scaled_;      // values handed to KLU
};

}  // namespace gpulca::lca
