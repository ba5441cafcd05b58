// Functional units of a catalogue GPU: how many of each one GPU delivers over
// its life (docs/compare.md), from its assessment and the use parameters —
// the nominal ones, or one Monte Carlo iteration's.
//   unit        1 module
//   gpu-hour    lifetime_hours
//   pflop-hour  lifetime_hours × peak dense BF16 PFLOPS × utilization
//   gb          memory capacity, GB
//   query       lifetime_hours × queries per GPU-hour, where queries per
//               GPU-hour is fixed (queries_per_hour) or tdp_w ×
//               gpu_power_fraction / query_wh
#pragma once

#include <optional>
#include <string>

#include "lca/gpu/use_factors.h"

namespace gpulca::lca {

struct GpuAssessment;

enum class PerUnit { kUnit, kGpuHour, kPflopHour, kGb, kQuery };
const char* ToString(PerUnit per);  // "unit", "gpu-hour", "pflop-hour", "gb", "query"
// Throws InvalidArgument listing the choices.
PerUnit ParsePerUnit(const std::string& text);

// The functional units one GPU delivers; for kQuery, as QueriesPerHour
// (gpu_assessment.h; 0 without query_wh or queries_per_hour).
double FunctionalUnits(const GpuAssessment& a, PerUnit per, const UseFactors& use,
                       std::optional<double> query_wh,
                       std::optional<double> queries_per_hour = std::nullopt);

}  // namespace gpulca::lca
