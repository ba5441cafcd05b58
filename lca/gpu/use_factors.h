// UseFactors: the use parameters that the functional units of a GPU and
// its queries per GPU-hour depend on - an assessment's own (NominalUse,
// gpu_assessment.h) or one Monte Carlo iteration's (gpu_uncertainty.h).
// Plain data.
#pragma once

namespace gpulca::lca {

// The use parameters that functional units depend on.
struct UseFactors {
  double lifetime_hours = 0, utilization = 0, power_fraction = 0;
};

}  // namespace gpulca::lca
