// Monte Carlo over a product system: every uncertain parameter, exchange and
// characterisation factor is drawn each iteration, the formulas are
// re-evaluated, and the system is refactored numerically (the symbolic
// analysis is kept) and solved.
//
// Correlation: a parameter is one draw per iteration wherever it is used, so
// a grid intensity or a yield shared by several processes moves them
// together. Reproducibility: iteration i draws from its own stream of
// (seed, i), so the result is the same for any thread count.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "inventory/model.h"
#include "inventory/parameters.h"
#include "lca/matrix_data.h"
#include "lca/result.h"
#include "lca/statistics.h"

namespace gpulca::lca {

struct McOptions {
  int iterations = 1000;
  uint64_t seed = 1;
  int threads = 1;
  // Called from the calling thread with (done, total), now and then.
  std::function<void(int, int)> progress;
};

struct SensitivityRow {
  std::string input;     // "param:id", "process/param:id", "exchange:process:flow", "factor:method:flow"
  double nominal = 0;
  double spearman = 0;        // rank correlation with the impact
  double variance_share = 0;  // spearman² over the sum of all spearman²
};

struct McResult {
  int iterations = 0;
  uint64_t seed = 0;
  int uncertain_inputs = 0;
  std::vector<std::string> impact_ids, impact_units;
  std::vector<Summary> impacts;                            // [k]
  std::vector<std::array<Summary, kStageSlots>> stages;    // [k][slot]
  std::vector<std::vector<double>> samples;                // [k][iteration]
  std::vector<std::vector<SensitivityRow>> sensitivity;    // [k], by decreasing |spearman|
};

// Runs `options.iterations` iterations of the system `data` (built from
// `inventory` with `nominal`'s values; its overrides are kept fixed).
// Throws SolveError naming the iteration when a draw makes the system
// unsolvable; UsageError for iterations < 1 or threads < 1.
McResult RunMonteCarlo(const Inventory& inventory, const ParameterSet& nominal,
                       const MatrixData& data, const McOptions& options);

}  // namespace gpulca::lca
