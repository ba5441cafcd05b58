// Calculator: repeated calculations on one product system whose values
// change but whose pattern does not (Monte Carlo, sensitivity). It keeps the
// solvers of A and of its background block, so each Run only refactors
// numerically and solves.
#pragma once

#include <array>
#include <memory>
#include <vector>

#include "lca/matrix_data.h"
#include "lca/result.h"
#include "lca/solver.h"

namespace gpulca::lca {

struct StageTotals {
  std::vector<double> scaling;                            // s
  std::vector<double> impacts;                            // h, per impact
  std::vector<std::array<double, kStageSlots>> by_stage;  // [impact][slot]
};

class Calculator {
 public:
  // Analyses `data` (its pattern is fixed from here on). Throws SolveError.
  explicit Calculator(const MatrixData& data, SolverChoice choice = SolverChoice::kAuto);
  ~Calculator();
  Calculator(const Calculator&) = delete;
  Calculator& operator=(const Calculator&) = delete;

  // Scaling, impacts and impacts by stage for the current values of `data`.
  // REQUIRES: `data` has the pattern given at construction.
  StageTotals Run(const MatrixData& data);
  const char* SolverName() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// (C B): the direct impact of one unit of scaling of each process, [k][j].
std::vector<std::vector<double>> DirectImpacts(const MatrixData& data);

}  // namespace gpulca::lca
