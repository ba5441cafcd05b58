#include "lca/gpu/gpu_uncertainty.h"

#include <cmath>

namespace gpulca::lca {
namespace {

// The assessment's per-query basis: a GPU energy per query (which moves with
// gpu_power_fraction), or a fixed number of queries per hour.
std::optional<double> FixedQueriesPerHour(const GpuAssessment& a) {
  if (a.query_wh || !(a.queries_per_hour > 0)) return std::nullopt;
  return a.queries_per_hour;
}

}  // namespace

std::vector<double> PerUnitSamples(const GpuAssessment& a, const GpuUncertainty& u, int k,
                                   PerUnit per, std::optional<double> query_wh) {
  const std::vector<double>& totals = u.run.samples.at(static_cast<size_t>(k));
  const std::optional<double> wh = query_wh ? query_wh : a.query_wh;
  const std::optional<double> fixed = query_wh ? std::nullopt : FixedQueriesPerHour(a);
  std::vector<double> out(totals.size(), 0.0);
  for (size_t i = 0; i < totals.size(); ++i) {
    const double units = FunctionalUnits(a, per, u.use[i], wh, fixed);
    out[i] = units > 0 && std::isfinite(units) ? totals[i] / units : 0.0;
  }
  return out;
}

std::vector<GpuUncertainty> RunGpuMonteCarlo(const inventory::Inventory& inventory,
                                             const inventory::ParameterSet& nominal,
                                             const std::vector<const GpuAssessment*>& assessments,
                                             McOptions options) {
  options.tracked = {{"", "lifetime_hours"}, {"", "utilization"}, {"", "gpu_power_fraction"}};
  std::vector<const MatrixData*> systems;
  for (const GpuAssessment* a : assessments) systems.push_back(&a->headline().data);
  std::vector<McResult> runs = RunMonteCarloPaired(inventory, nominal, systems, options);
  std::vector<GpuUncertainty> out;
  for (size_t d = 0; d < runs.size(); ++d) {
    GpuUncertainty u;
    u.run = std::move(runs[d]);
    const auto& t = u.run.tracked;
    for (int i = 0; i < u.run.iterations; ++i) u.use.push_back({t[0][i], t[1][i], t[2][i]});
    const GpuAssessment& a = *assessments[d];
    const bool per_query = a.queries_per_hour > 0;
    for (size_t k = 0; k < u.run.samples.size(); ++k) {
      const int ki = static_cast<int>(k);
      u.per_gpu_hour.push_back(Summarise(PerUnitSamples(a, u, ki, PerUnit::kGpuHour)));
      u.per_pflop_hour.push_back(Summarise(PerUnitSamples(a, u, ki, PerUnit::kPflopHour)));
      if (per_query) u.per_query.push_back(Summarise(PerUnitSamples(a, u, ki, PerUnit::kQuery)));
    }
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace gpulca::lca
