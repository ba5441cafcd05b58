#include "lca/gpu/gpu_uncertainty.h"

#include <fmt/format.h>

#include <cmath>

#include "lca/error.h"

namespace gpulca::lca {
namespace {

// The assessment's per-query basis: a GPU energy per query (which moves with
// gpu_power_fraction), or a fixed number of queries per hour.
std::optional<double> FixedQueriesPerHour(const GpuAssessment& a) {
  if (a.query_wh || !(a.queries_per_hour > 0)) return std::nullopt;
  return a.queries_per_hour;
}

// Impact k per functional unit, iteration by iteration; an iteration whose
// functional units are 0 or not finite is counted, not divided by.
struct PerUnitDraws {
  std::vector<double> values;
  int undefined = 0;       // iterations with no functional units
  int first = -1;          // the first of them
  double first_units = 0;  // its functional units
};

PerUnitDraws Draw(const GpuAssessment& a, const GpuUncertainty& u, int k, PerUnit per,
                  std::optional<double> query_wh) {
  const std::vector<double>& totals = u.run.samples.at(static_cast<size_t>(k));
  const std::optional<double> wh = query_wh ? query_wh : a.query_wh;
  const std::optional<double> fixed = query_wh ? std::nullopt : FixedQueriesPerHour(a);
  PerUnitDraws d;
  d.values.assign(totals.size(), 0.0);
  for (size_t i = 0; i < totals.size(); ++i) {
    const double units = FunctionalUnits(a, per, u.use[i], wh, fixed);
    if (units > 0 && std::isfinite(units)) {
      d.values[i] = totals[i] / units;
    } else if (d.undefined++ == 0) {
      d.first = static_cast<int>(i);
      d.first_units = units;
    }
  }
  return d;
}

std::string Undefined(const GpuAssessment& a, const GpuUncertainty& u, PerUnit per,
                      const PerUnitDraws& d) {
  const UseFactors& use = u.use[static_cast<size_t>(d.first)];
  return fmt::format("{}: impacts per {} are undefined in {} of {} Monte Carlo iterations; "
                     "iteration {} drew {:g} functional units (utilization {:g}, {:g} hours)",
                     a.gpu, ToString(per), d.undefined, d.values.size(), d.first + 1,
                     d.first_units, use.utilization, use.lifetime_hours);
}

}  // namespace

std::vector<double> PerUnitSamples(const GpuAssessment& a, const GpuUncertainty& u, int k,
                                   PerUnit per, std::optional<double> query_wh) {
  PerUnitDraws d = Draw(a, u, k, per, query_wh);
  if (d.undefined > 0) throw SolveError(Undefined(a, u, per, d));
  return std::move(d.values);
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
    u.per_pflop_hour_undefined = a.per_pflop_hour_undefined;
    for (size_t k = 0; k < u.run.samples.size(); ++k) {
      const int ki = static_cast<int>(k);
      u.per_gpu_hour.push_back(u.run.SummaryOf(PerUnitSamples(a, u, ki, PerUnit::kGpuHour)));
      if (!a.per_pflop_hour.empty() && u.per_pflop_hour_undefined.empty()) {
        PerUnitDraws d = Draw(a, u, ki, PerUnit::kPflopHour, std::nullopt);
        if (d.undefined > 0) {
          u.per_pflop_hour_undefined = Undefined(a, u, PerUnit::kPflopHour, d);
          u.per_pflop_hour.clear();
        } else {
          u.per_pflop_hour.push_back(u.run.SummaryOf(std::move(d.values)));
        }
      }
      if (per_query) u.per_query.push_back(u.run.SummaryOf(PerUnitSamples(a, u, ki, PerUnit::kQuery)));
    }
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace gpulca::lca
