// The choice of a technosphere solver (solver.h) for a given matrix: the
// topological solver when the off-diagonal graph of A is acyclic, KLU
// otherwise, or the one the caller names. The concrete solvers
// (topological_solver.h, klu_solver.h) implement TechnosphereSolver; this
// is the one place that knows them both.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "lca/engine/factor_use.h"
#include "lca/engine/solver.h"
#include "lca/engine/sparse_matrix.h"

namespace gpulca::lca {

enum class SolverChoice {
  kAuto,         // topological if the off-diagonal graph is acyclic, else KLU
  kTopological,  // TopologicalSolver (throws SolveError on a cyclic system)
  kKlu,          // KluSolver
};

// Builds the solver for `a`. `process_names`, when given, names process j in
// error messages (else "process #j"); it is copied. `use` says whether it
// will be refactorised many times (factor_use.h).
// REQUIRES: process_names is null or has a.cols() entries (else gpulca::Error).
std::unique_ptr<TechnosphereSolver> MakeSolver(
    const SparseMatrix& a, SolverChoice choice = SolverChoice::kAuto,
    const std::vector<std::string>* process_names = nullptr, FactorUse use = FactorUse::kOnce);

}  // namespace gpulca::lca
