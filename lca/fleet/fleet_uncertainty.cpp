#include "lca/fleet/fleet_uncertainty.h"

#include <memory>

#include "lca/system/calculation.h"
#include "lca/gpu/gpu_assessment.h"

namespace gpulca::lca {
namespace {

// One product in one region: the systems it adds to the run.
struct Part {
  size_t product;
  double units;       // units × region share
  int gate = -1;      // index of the module's system (first region only)
  int grave = -1;     // the life cycle's
  int host = -1;      // the host share's, or -1
  int use_kwh = -1;   // index into tracked
};

}  // namespace

FleetUncertainty RunFleetMonteCarlo(const inventory::Inventory& inventory,
                                    const inventory::ParameterSet& nominal,
                                    const FleetAssessment& fleet, McOptions options) {
  constexpr int kDeployment = static_cast<int>(inventory::Stage::kDeployment);
  std::vector<std::unique_ptr<MatrixData>> owned;
  std::vector<const MatrixData*> systems;
  auto add = [&](MatrixData data) {
    owned.push_back(std::make_unique<MatrixData>(std::move(data)));
    systems.push_back(owned.back().get());
    return static_cast<int>(systems.size()) - 1;
  };
  options.tracked = {{"", "lifetime_years"}};
  options.stage_samples = true;
  options.sensitivity = false;  // a fleet's intervals need no ranking of the inputs
  std::vector<Part> parts;
  const auto& products = fleet.year.products;
  for (size_t p = 0; p < products.size(); ++p) {
    for (size_t r = 0; r < fleet.regions.size(); ++r) {
      GpuAssessment a = AssessGpu(inventory, nominal,
                                  GpuAssessmentOptions(products[p].gpu, true, fleet.regions[r].region));
      Part part{p, products[p].units * fleet.regions[r].share};
      if (r == 0) part.gate = add(std::move(a.gate.data));
      part.grave = add(std::move(a.grave->data));
      if (a.host_share_amount != 0.0) {
        part.host = add(BuildMatrices(inventory, nominal, "host_share", a.host_share_amount, {}));
      }
      part.use_kwh = static_cast<int>(options.tracked.size());
      options.tracked.push_back({a.lifecycle, "use_kwh"});
      parts.push_back(part);
    }
  }
  const std::vector<McResult> runs = RunMonteCarloPaired(inventory, nominal, systems, options);
  // The samples held: the run's, or its slice's (McOptions::slice).
  const size_t n = static_cast<size_t>(runs.front().iterations), impacts = fleet.impact_ids.size();
  const std::vector<double>& years = runs.front().tracked[0];
  std::vector<std::vector<double>> embodied(impacts, std::vector<double>(n, 0.0));
  std::vector<std::vector<double>> operational = embodied;
  std::map<std::string, std::vector<std::vector<double>>> by_vendor;
  std::vector<double> kwh(n, 0.0);
  for (const Part& part : parts) {
    const McResult& grave = runs[part.grave];
    const std::vector<double>& use = grave.tracked[part.use_kwh];
    for (size_t i = 0; i < n; ++i) kwh[i] += part.units * use[i] / years[i];
    for (size_t k = 0; k < impacts; ++k) {
      const auto& deployment = grave.stage_samples[k][kDeployment];
      for (size_t i = 0; i < n; ++i) {
        double use_phase = deployment[i];
        if (part.host >= 0) use_phase -= runs[part.host].stage_samples[k][kDeployment][i];
        operational[k][i] += part.units * use_phase / years[i];
      }
    }
    if (part.gate < 0) continue;
    const FleetProduct& product = products[part.product];
    auto& vendor = by_vendor[product.vendor];
    vendor.resize(impacts, std::vector<double>(n, 0.0));
    for (size_t k = 0; k < impacts; ++k) {
      const auto& gate = runs[part.gate].samples[k];
      for (size_t i = 0; i < n; ++i) {
        embodied[k][i] += product.units * gate[i];
        vendor[k][i] += product.units * gate[i];
      }
    }
  }
  FleetUncertainty u;
  u.iterations = static_cast<int>(n);
  u.seed = options.seed;
  u.systems = static_cast<int>(systems.size());
  u.calibration = options.weights;
  const McResult& any = runs.front();  // summarises as the run was weighted
  for (size_t k = 0; k < impacts; ++k) {
    u.embodied.push_back(any.SummaryOf(embodied[k]));
    u.operational_per_year.push_back(any.SummaryOf(operational[k]));
  }
  for (const auto& [vendor, samples] : by_vendor) {
    for (const auto& x : samples) u.by_vendor[vendor].push_back(any.SummaryOf(x));
  }
  u.kwh_per_year = any.SummaryOf(kwh);
  return u;
}

}  // namespace gpulca::lca
