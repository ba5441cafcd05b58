#include "lca/gpu/functional_unit.h"

#include <fmt/format.h>

#include <vector>

#include "lca/error.h"
#include "lca/gpu/gpu_assessment.h"

namespace gpulca::lca {
namespace {

const PerUnit kAll[] = {PerUnit::kUnit, PerUnit::kGpuHour, PerUnit::kPflopHour, PerUnit::kGb,
                        PerUnit::kQuery};

}  // namespace

const char* ToString(PerUnit per) {
  switch (per) {
    case PerUnit::kUnit:
      return "unit";
    case PerUnit::kGpuHour:
      return "gpu-hour";
    case PerUnit::kPflopHour:
      return "pflop-hour";
    case PerUnit::kGb:
      return "gb";
    case PerUnit::kQuery:
      return "query";
  }
  return "unit";
}

PerUnit ParsePerUnit(const std::string& text) {
  std::vector<std::string> names;
  for (PerUnit p : kAll) {
    if (text == ToString(p)) return p;
    names.push_back(ToString(p));
  }
  throw InvalidArgument("functional unit", fmt::format("functional unit {}: choose one of {}", text,
                                                       fmt::join(names, ", ")));
}

double FunctionalUnits(const GpuAssessment& a, PerUnit per, const UseFactors& use,
                       std::optional<double> query_wh, std::optional<double> queries_per_hour) {
  switch (per) {
    case PerUnit::kUnit:
      return 1;
    case PerUnit::kGpuHour:
      return use.lifetime_hours;
    case PerUnit::kPflopHour:
      return use.lifetime_hours * a.peak_tflops / 1000.0 * use.utilization;
    case PerUnit::kGb:
      return a.memory_gb;
    case PerUnit::kQuery:
      return use.lifetime_hours * QueriesPerHour(a, use, query_wh, queries_per_hour);
  }
  return 1;
}

}  // namespace gpulca::lca
