#include "lca/engine/solver.h"

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

}  // namespace gpulca::lca
