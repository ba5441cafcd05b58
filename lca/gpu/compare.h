// Compare: catalogue GPUs side by side on one functional unit (docs/compare.md).
//
// Each GPU is assessed with the same parameters, boundary and region
// (AssessGpu), and every impact is divided by the functional units one GPU
// delivers over its life:
//   unit        1 module
//   gpu-hour    lifetime_hours
//   pflop-hour  lifetime_hours × peak dense BF16 PFLOPS × utilization
//   gb          memory capacity, GB
//   query       lifetime_hours × GPU power (W) / query_wh: the queries a
//               GPU answers over its life at query_wh of GPU energy each
// The stage that makes the difference between a GPU and the first one is
// the stage whose normalised impact differs most between them.
//
// With Monte Carlo, the GPUs run on the same draws (gpu_uncertainty.h):
// a grid intensity, a yield or a lifetime that two GPUs share moves both
// in each iteration, so P(A < B) is the share of iterations in which A is
// below B per functional unit, with what they share cancelling rather than
// widening the difference.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "inventory/model/model.h"
#include "inventory/model/parameters.h"
#include "lca/gpu/functional_unit.h"
#include "lca/uncertainty/monte_carlo.h"
#include "lca/system/result.h"
#include "lca/uncertainty/statistics.h"

namespace gpulca::lca {

struct CompareOptions {
  std::vector<std::string> gpus;  // at least two
  PerUnit per = PerUnit::kUnit;
  bool cradle_to_grave = true;
  std::string region;             // empty: each life cycle's own location
  std::optional<double> query_wh; // required for PerUnit::kQuery; > 0
  std::optional<McOptions> monte_carlo;  // paired Monte Carlo when set
};

struct ComparedGpu {
  std::string gpu, name;
  double functional_units = 1;  // per GPU: the divisor
  std::vector<double> values;   // [impact] per functional unit
  std::vector<std::array<double, kStageSlots>> by_stage;  // [impact][slot] per functional unit
  // Against the first GPU, per impact: the stage slot whose difference is
  // largest in absolute value, and that difference (this GPU less the first).
  std::vector<int> deciding_stage;
  std::vector<double> deciding_difference;
  // With Monte Carlo, per impact: the value per functional unit, the share
  // of iterations in which this GPU is below the first (ties count half;
  // 0.5 for the first itself) and in which it is the lowest of all (ties
  // share the iteration).
  std::vector<Summary> interval;
  std::vector<double> p_below_first, p_lowest;
  int uncertain_inputs = 0;  // that reach this GPU's system
};

struct Comparison {
  PerUnit per = PerUnit::kUnit;
  bool cradle_to_grave = true;
  std::string region;
  std::vector<std::string> impact_ids, impact_units;  // units as "kg CO2e per gpu-hour"
  std::vector<ComparedGpu> gpus;
  int mc_iterations = 0;  // 0: no Monte Carlo
  uint64_t mc_seed = 0;
  // The calibration the Monte Carlo was weighted by (McOptions::weights):
  // intervals and probabilities are the posterior's; null when uncalibrated.
  std::shared_ptr<const McWeights> calibration;
};

// Throws InvalidArgument for fewer than two GPUs, a repeated GPU, or kQuery
// without query_wh; NotFound for a GPU not in the catalogue; what AssessGpu
// throws.
Comparison Compare(const inventory::Inventory& inventory, const inventory::ParameterSet& parameters,
                   const CompareOptions& options);

}  // namespace gpulca::lca
