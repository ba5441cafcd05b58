// GpuUncertainty: Monte Carlo of catalogue GPUs' assessments (report,
// compare, fleet). Each GPU's headline system (its life cycle, or the module
// at the gate, with the assessment's region and fab region) is run on draws
// shared by all the GPUs of the run (paired samples), and the use
// parameters that turn a total into an intensity — lifetime_hours,
// utilization, gpu_power_fraction — are recorded at every iteration, so
// that an intensity's sample i is total i over the functional units of
// iteration i. At the gate the lifetime still varies: an embodied footprint
// per GPU-hour is as uncertain as the service life it is spread over.
//
// A parameter fixed by an override (--set, --pue...) is not drawn.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "inventory/model/model.h"
#include "inventory/model/parameters.h"
#include "lca/gpu/functional_unit.h"
#include "lca/gpu/gpu_assessment.h"
#include "lca/uncertainty/monte_carlo.h"
#include "lca/uncertainty/statistics.h"

namespace gpulca::lca {

struct GpuUncertainty {
  McResult run;                // the headline system; run.tracked holds the use parameters
  std::vector<UseFactors> use;  // [iteration]
  // [k] the report's intensities (per_query empty when the assessment has
  // no queries per hour; per_pflop_hour empty when it is undefined, at the
  // nominal point or in any iteration, with the reason in
  // per_pflop_hour_undefined).
  std::vector<Summary> per_gpu_hour, per_pflop_hour, per_query;
  std::string per_pflop_hour_undefined;
};

// The paired run of `assessments` (REQUIRES: each made by AssessGpu from
// `inventory` and `nominal`). `options.tracked` is replaced. Throws what
// RunMonteCarloPaired throws.
std::vector<GpuUncertainty> RunGpuMonteCarlo(const inventory::Inventory& inventory,
                                             const inventory::ParameterSet& nominal,
                                             const std::vector<const GpuAssessment*>& assessments,
                                             McOptions options);

// Impact k of `a` per functional unit `per`, iteration by iteration; per
// query from `query_wh` (compare) or, when absent, from the assessment's own
// per-query basis. Throws SolveError, naming the GPU, the functional unit and
// the first such iteration, when any iteration has no functional units (0 or
// not finite): the impact per unit is then undefined, not 0.
std::vector<double> PerUnitSamples(const GpuAssessment& a, const GpuUncertainty& u, int k,
                                   PerUnit per, std::optional<double> query_wh = std::nullopt);

}  // namespace gpulca::lca
