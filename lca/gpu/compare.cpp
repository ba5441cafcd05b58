#include "lca/gpu/compare.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "lca/error.h"
#include "lca/gpu/gpu_assessment.h"
#include "lca/gpu/gpu_uncertainty.h"

namespace gpulca::lca {
namespace {

// P(A < B) and P(lowest) per impact from the GPUs' paired samples per
// functional unit.
void AddMonteCarlo(const inventory::Inventory& inventory, const inventory::ParameterSet& parameters,
                   const CompareOptions& o, const std::vector<GpuAssessment>& assessed,
                   Comparison& c) {
  std::vector<const GpuAssessment*> pointers;
  for (const GpuAssessment& a : assessed) pointers.push_back(&a);
  McOptions mc = *o.monte_carlo;
  mc.sensitivity = false;
  const std::vector<GpuUncertainty> runs = RunGpuMonteCarlo(inventory, parameters, pointers, mc);
  // The samples held: the run's, or its slice's (McOptions::slice).
  const size_t n = runs.empty() ? 0 : static_cast<size_t>(runs.front().run.iterations);
  const size_t gpus = assessed.size();
  c.mc_iterations = static_cast<int>(n);
  c.mc_seed = mc.seed;
  c.calibration = mc.weights;
  // Each iteration counts 1 (then / n), or its posterior weight (summing to 1).
  const std::vector<double> share = mc.weights ? mc.weights->weights : std::vector<double>(n, 1.0);
  const double total = mc.weights ? 1.0 : static_cast<double>(n);
  for (size_t k = 0; k < c.impact_ids.size(); ++k) {
    std::vector<std::vector<double>> x;  // [gpu][i]
    for (size_t g = 0; g < gpus; ++g) {
      x.push_back(PerUnitSamples(assessed[g], runs[g], static_cast<int>(k), o.per, o.query_wh));
      c.gpus[g].interval.push_back(runs[g].run.SummaryOf(x.back()));
    }
    std::vector<double> below(gpus, 0.0), lowest(gpus, 0.0);
    for (size_t i = 0; i < n; ++i) {
      double low = x[0][i];
      for (size_t g = 0; g < gpus; ++g) {
        const double d = x[g][i] - x[0][i];
        below[g] += share[i] * (d < 0 ? 1.0 : d == 0 ? 0.5 : 0.0);
        low = std::min(low, x[g][i]);
      }
      int ties = 0;
      for (size_t g = 0; g < gpus; ++g) ties += x[g][i] == low;
      for (size_t g = 0; g < gpus; ++g) lowest[g] += x[g][i] == low ? share[i] / ties : 0.0;
    }
    for (size_t g = 0; g < gpus; ++g) {
      c.gpus[g].p_below_first.push_back(total > 0 ? below[g] / total : 0.0);
      c.gpus[g].p_lowest.push_back(total > 0 ? lowest[g] / total : 0.0);
    }
  }
  for (size_t g = 0; g < gpus; ++g) c.gpus[g].uncertain_inputs = runs[g].run.uncertain_inputs;
}

}  // namespace

Comparison Compare(const inventory::Inventory& inventory, const inventory::ParameterSet& parameters,
                   const CompareOptions& o) {
  if (o.gpus.size() < 2) throw InvalidArgument("compare needs at least two GPUs");
  for (size_t i = 0; i < o.gpus.size(); ++i) {
    if (std::find(o.gpus.begin(), o.gpus.begin() + i, o.gpus[i]) != o.gpus.begin() + i) {
      throw InvalidArgument(fmt::format("'{}' is given twice", o.gpus[i]));
    }
  }
  if (o.per == PerUnit::kQuery && !o.query_wh) {
    throw InvalidArgument("query_wh", "query_wh missing: a comparison per query needs the GPU "
                                      "energy of one query");
  }
  Comparison c;
  c.per = o.per;
  c.cradle_to_grave = o.cradle_to_grave;
  std::vector<GpuAssessment> assessed;
  for (const std::string& gpu : o.gpus) {
    assessed.push_back(
        AssessGpu(inventory, parameters, GpuAssessmentOptions(gpu, o.cradle_to_grave, o.region)));
  }
  for (size_t i = 0; i < o.gpus.size(); ++i) {
    const std::string& gpu = o.gpus[i];
    const GpuAssessment& a = assessed[i];
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
    g.functional_units = FunctionalUnits(a, o.per, NominalUse(a), o.query_wh);
    if (!(g.functional_units > 0) || !std::isfinite(g.functional_units)) {
      throw InvalidArgument(fmt::format("{} delivers no {} ({:g}): it cannot be compared per {}", gpu,
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
  if (o.monte_carlo) AddMonteCarlo(inventory, parameters, o, assessed, c);
  return c;
}

}  // namespace gpulca::lca
