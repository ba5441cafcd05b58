#include "lca/engine/solver_factory.h"

#include "graph/supply_graph.h"
#include "lca/engine/klu_solver.h"
#include "lca/engine/technosphere_checks.h"
#include "lca/engine/topological_solver.h"

namespace gpulca::lca {

std::unique_ptr<TechnosphereSolver> MakeSolver(const SparseMatrix& a, SolverChoice choice,
                                               const std::vector<std::string>* process_names,
                                               FactorUse use) {
  switch (choice) {
    case SolverChoice::kTopological:
      return std::make_unique<TopologicalSolver>(a, process_names);
    case SolverChoice::kKlu:
      return std::make_unique<KluSolver>(a, process_names, use);
    case SolverChoice::kAuto:
      break;
  }
  const graph::SupplyGraph graph = SupplyGraphOf(a);
  if (graph.KahnOrder()) return std::make_unique<TopologicalSolver>(a, graph, process_names);
  return std::make_unique<KluSolver>(a, graph, process_names, use);
}

}  // namespace gpulca::lca
