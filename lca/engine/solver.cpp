#include "lca/engine/solver.h"

#include "lca/engine/klu_solver.h"
#include "lca/engine/technosphere_checks.h"
#include "lca/engine/topological_solver.h"

namespace gpulca::lca {

std::vector<double> TechnosphereSolver::Solve(const std::vector<double>& f) const {
  std::vector<double> s = f;
  SolveInPlace(s, 1, false);
  return s;
}

std::vector<double> TechnosphereSolver::SolveTransposed(const std::vector<double>& c) const {
  std::vector<double> lambda = c;
  SolveInPlace(lambda, 1, true);
  return lambda;
}

std::unique_ptr<TechnosphereSolver> MakeSolver(const SparseMatrix& a, SolverChoice choice,
                                               const std::vector<std::string>* process_names) {
  switch (choice) {
    case SolverChoice::kTopological:
      return std::make_unique<TopologicalSolver>(a, process_names);
    case SolverChoice::kKlu:
      return std::make_unique<KluSolver>(a, process_names);
    case SolverChoice::kAuto:
      break;
  }
  const graph::SupplyGraph graph = SupplyGraphOf(a);
  if (graph.KahnOrder()) return std::make_unique<TopologicalSolver>(a, graph, process_names);
  return std::make_unique<KluSolver>(a, graph, process_names);
}

}  // namespace gpulca::lca
