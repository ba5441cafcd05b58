#include "lca/compare.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "inventory/error.h"
#include "lca/gpu_assessment.h"

namespace gpulca::lca {
namespace {

const PerUnit kAll[] = {PerUnit::kUnit, PerUnit::kGpuHour, PerUnit::kPflopHour, PerUnit::kGb,
                        PerUnit::kQuery};

double FunctionalUnits(const GpuAssessment& a, PerUnit per, std::optional<double> query_wh) {
  switch (per) {
    case PerUnit::kUnit:
      return 1;
    case PerUnit::kGpuHour:
      return a.lifetime_hours;
    case PerUnit::kPflopHour:
      return a.lifetime_hours * a.peak_tflops / 1000.0 * a.utilization;
    case PerUnit::kGb:
      return a.memory_gb;
    case PerUnit::kQuery:
      return a.lifetime_hours * a.tdp_w * a.power_fraction / *query_wh;
  }
  return 1;
}

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
  throw UsageError(fmt::format("--per {}: choose one of {}", text, fmt::join(names, ", ")));
}

Comparison Compare(const Inventory& inventory, const ParameterSet& parameters,
                   const CompareOptions& o) {
  if (o.gpus.size() < 2) throw UsageError("compare needs at least two GPUs");
  for (size_t i = 0; i < o.gpus.size(); ++i) {
    if (std::find(o.gpus.begin(), o.gpus.begin() + i, o.gpus[i]) != o.gpus.begin() + i) {
      throw UsageError(fmt::format("'{}' is given twice", o.gpus[i]));
    }
  }
  if (o.per == PerUnit::kQuery && !(o.query_wh && *o.query_wh > 0)) {
    throw UsageError("--per query needs --query-wh, the GPU energy of one query");
  }
  Comparison c;
  c.per = o.per;
  c.cradle_to_grave = o.cradle_to_grave;
  for (const std::string& gpu : o.gpus) {
    GpuAssessment a = AssessGpu(inventory, parameters, GpuAssessmentOptions(gpu, o.cradle_to_grave, o.region));
    if (c.impact_ids.empty()) {
      c.impact_ids = a.gate.data.impact_ids;
      for (const std::string& unit : a.gate.data.impact_units) {
        c.impact_units.push_back(o.per == PerUnit::kUnit ? unit
                                                         : fmt::format("{} per {}", unit,
                                                                       ToString(o.per)));
      }
      c.region = a.region;
    }
    ComparedGpu g;
    g.gpu = gpu;
    g.name = a.name;
    g.functional_units = FunctionalUnits(a, o.per, o.query_wh);
    if (!(g.functional_units > 0) || !std::isfinite(g.functional_units)) {
      throw UsageError(fmt::format("{} delivers no {} ({:g}): it cannot be compared per {}", gpu,
                                   ToString(o.per), g.functional_units, ToString(o.per)));
    }
    const LcaResult& r = a.headline();
    for (size_t k = 0; k < c.impact_ids.size(); ++k) {
      g.values.push_back(a.total[k] / g.functional_units);
      std::array<double, kStageSlots> stages{};
      for (int slot = 0; slot < kStageSlots; ++slot) {
        stages[slot] = r.by_stage[k][slot] / g.functional_units;
      }
      g.by_stage.push_back(stages);
    }
    c.gpus.push_back(std::move(g));
  }
  const ComparedGpu& first = c.gpus.front();
  for (ComparedGpu& g : c.gpus) {
    for (size_t k = 0; k < c.impact_ids.size(); ++k) {
      int best = 0;
      double diff = 0;
      for (int slot = 0; slot < kStageSlots; ++slot) {
        double d = g.by_stage[k][slot] - first.by_stage[k][slot];
        if (std::abs(d) > std::abs(diff)) {
          best = slot;
          diff = d;
        }
      }
      g.deciding_stage.push_back(best);
      g.deciding_difference.push_back(diff);
    }
  }
  return c;
}

}  // namespace gpulca::lca
