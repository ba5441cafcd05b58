#include "lca/gpu/validation.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "lca/system/product_graph.h"
#include "lca/error.h"
#include "lca/system/calculation.h"
#include "lca/system/matrix_data.h"

namespace gpulca::lca {
namespace {

// Positions of the system's processes that a category anchors on.
std::vector<int> Anchors(const inventory::PublishedCategory& c, const MatrixData& data) {
  std::vector<int> out;
  for (size_t j = 0; j < data.process_ids.size(); ++j) {
    const bool named = std::find(c.processes.begin(), c.processes.end(), data.process_ids[j]) !=
                       c.processes.end();
    const bool makes = std::find(c.products.begin(), c.products.end(), data.product_ids[j]) !=
                       c.products.end();
    if (named || makes) out.push_back(static_cast<int>(j));
  }
  return out;
}

}  // namespace

std::vector<CategoryComparison> MapCategories(const inventory::PublishedFootprint& footprint,
                                              const LcaResult& result, int k) {
  std::vector<CategoryComparison> out;
  if (footprint.categories.empty()) return out;
  const MatrixData& data = result.data;
  std::vector<std::pair<int, const inventory::PublishedCategory*>> anchors;  // position, category
  for (const inventory::PublishedCategory& c : footprint.categories) {
    for (int j : Anchors(c, data)) anchors.emplace_back(j, &c);
  }
  for (const auto& [j, c] : anchors) {
    const std::vector<int> depth = UpstreamDepths(data.system, j);
    for (const auto& [i, other] : anchors) {
      if (i != j && depth[i] > 0) {
        throw InputError(fmt::format(
            "{}: category '{}' of footprint '{}': its process '{}' is upstream of '{}' "
            "(category '{}'), so the two would count the same impacts; anchor the categories on "
            "processes that do not supply one another",
            other->origin.ToString(), other->name, footprint.id, data.process_ids[i],
            data.process_ids[j], c->name));
      }
    }
  }
  const double total = result.impacts[k];
  auto percent = [total](double v) { return total != 0 ? 100.0 * v / total : 0.0; };
  double mapped = 0, published = 0;
  for (const inventory::PublishedCategory& c : footprint.categories) {
    double value = 0;
    for (const auto& [j, owner] : anchors) {
      if (owner == &c) value += result.UpstreamTotal(j, k);
    }
    mapped += value;
    published += c.percent;
    out.push_back({c.name, c.percent, value, percent(value)});
  }
  CategoryComparison other{"other", std::nullopt, total - mapped, percent(total - mapped)};
  if (published < 100) other.published = 100 - published;
  out.push_back(other);
  return out;
}

ValidationSummary SummariseValidation(const std::vector<FootprintComparison>& comparisons) {
  ValidationSummary s;
  s.footprints = static_cast<int>(comparisons.size());
  std::vector<double> ratios;
  double worst = -1;
  for (const FootprintComparison& c : comparisons) {
    if (c.inside) {
      ++s.with_interval;
      if (*c.inside) ++s.inside;
    }
    ratios.push_back(c.ratio);
    const double distance = c.ratio > 0 ? std::abs(std::log(c.ratio)) : INFINITY;
    if (distance > worst) {
      worst = distance;
      s.worst_ratio = c.ratio;
      s.worst_id = c.published.id;
    }
  }
  if (!ratios.empty()) {
    std::sort(ratios.begin(), ratios.end());
    s.median_ratio = Quantile(ratios, 0.5);
  }
  return s;
}

ValidationRun RunValidation(const inventory::Inventory& inventory,
                            const inventory::ParameterSet& parameters,
                            const std::vector<inventory::PublishedFootprint>& published,
                            McOptions options) {
  ValidationRun run;
  run.iterations = std::max(0, options.iterations);
  run.seed = options.seed;
  std::vector<MatrixData> systems;
  for (const inventory::PublishedFootprint& f : published) {
    FootprintComparison c;
    c.published = f;
    c.demand = f.DemandProcess();
    systems.push_back(BuildMatrices(inventory, parameters, c.demand, 1.0, {f.impact}));
    LcaResult result = Calculate(systems.back());
    const int k = result.ImpactIndex(f.impact);
    c.unit = result.data.impact_units.at(static_cast<size_t>(k));
    c.nominal = result.impacts[k];
    c.ratio = c.nominal != 0 ? f.value / c.nominal : 0.0;
    c.categories = MapCategories(f, result, k);
    run.comparisons.push_back(std::move(c));
  }
  if (run.iterations > 0 && !systems.empty()) {
    options.sensitivity = false;
    options.stage_samples = false;
    std::vector<const MatrixData*> pointers;
    for (const MatrixData& m : systems) pointers.push_back(&m);
    std::vector<McResult> mc = RunMonteCarloPaired(inventory, parameters, pointers, options);
    run.iterations = mc.front().iterations;  // the samples held: a slice's, in a shard
    for (size_t d = 0; d < mc.size(); ++d) {
      FootprintComparison& c = run.comparisons[d];
      const Summary s = mc[d].impacts.at(0);
      c.interval = s;
      c.inside = s.p05 <= c.published.value && c.published.value <= s.p95;
      if (c.published.low && c.published.high) {
        c.overlaps = *c.published.low <= s.p95 && s.p05 <= *c.published.high;
      }
    }
  }
  run.summary = SummariseValidation(run.comparisons);
  return run;
}

}  // namespace gpulca::lca
