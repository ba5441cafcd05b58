#include "lca/fleet/fleet.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "lca/error.h"
#include "lca/gpu/gpu_assessment.h"

namespace gpulca::lca {
namespace {

// Each share in [0, 1], together 1 (to rounding).
void CheckShares(const std::vector<RegionShare>& regions) {
  double sum = 0;
  for (const RegionShare& r : regions) {
    if (!(r.share >= -1e-9 && r.share <= 1 + 1e-9)) {
      throw InvalidArgument(
          fmt::format("region {}: share {} must lie between 0 and 1", r.region, r.share));
    }
    sum += r.share;
  }
  if (std::abs(sum - 1) > 1e-6) {
    throw InvalidArgument(fmt::format("region shares add up to {:.6g}, not 1", sum));
  }
}

class Assessor {
 public:
  Assessor(const inventory::Inventory& inventory, const inventory::ParameterSet& parameters)
      : inventory_(inventory), parameters_(parameters) {}

  const GpuAssessment& Get(const std::string& gpu, const std::string& region) {
    auto key = std::make_pair(gpu, region);
    auto it = cache_.find(key);
    if (it == cache_.end()) {
      GpuAssessmentOptions o;
      o.gpu = gpu;
      o.region = region;
      it = cache_.emplace(key, AssessGpu(inventory_, parameters_, o)).first;
    }
    return it->second;
  }

 private:
  const inventory::Inventory& inventory_;
  const inventory::ParameterSet& parameters_;
  std::map<std::pair<std::string, std::string>, GpuAssessment> cache_;
};

FleetYear AssessYear(Assessor& assessor, const YearShipments& shipments,
                     const std::vector<RegionShare>& regions, size_t impacts) {
  FleetYear y;
  y.shipments = shipments;
  y.embodied.assign(impacts, 0.0);
  y.by_stage.assign(impacts, {});
  y.operational_per_year.assign(impacts, 0.0);
  for (const VendorShipment& v : shipments.vendors) y.by_vendor[v.vendor].assign(impacts, 0.0);
  for (const ProductShipment& p : shipments.products) {
    if (p.units <= 0) continue;
    FleetProduct fp;
    fp.gpu = p.gpu;
    fp.vendor = p.vendor;
    fp.units = p.units;
    fp.embodied.assign(impacts, 0.0);
    fp.by_stage.assign(impacts, {});
    fp.operational_per_year.assign(impacts, 0.0);
    for (size_t r = 0; r < regions.size(); ++r) {
      const GpuAssessment& a = assessor.Get(p.gpu, regions[r].region);
      fp.name = a.name;
      const double units = p.units * regions[r].share;
      for (size_t k = 0; k < impacts; ++k) {
        fp.embodied[k] += units * a.embodied[k];
        for (int s = 0; s < kStageSlots; ++s) fp.by_stage[k][s] += units * a.gate.by_stage[k][s];
        fp.operational_per_year[k] += units * a.operational[k] / a.lifetime_years;
      }
      fp.kwh_per_year += units * a.use_kwh / a.lifetime_years;
    }
    for (size_t k = 0; k < impacts; ++k) {
      y.embodied[k] += fp.embodied[k];
      y.by_vendor[p.vendor][k] += fp.embodied[k];
      y.operational_per_year[k] += fp.operational_per_year[k];
      for (int s = 0; s < kStageSlots; ++s) y.by_stage[k][s] += fp.by_stage[k][s];
    }
    y.kwh_per_year += fp.kwh_per_year;
    y.products.push_back(std::move(fp));
  }
  return y;
}

}  // namespace

FleetAssessment AssessFleet(const inventory::Inventory& inventory,
                            const inventory::ParameterSet& parameters, const FleetOptions& o) {
  if (!o.regions.empty()) CheckShares(o.regions);
  FleetAssessment f;
  f.regions = o.regions.empty() ? std::vector<RegionShare>{{kFleetDefaultRegion, 1.0}} : o.regions;
  f.lifetime_years = parameters.Value("", "lifetime_years");
  f.utilization = parameters.Value("", "utilization");
  f.pue = parameters.Value("", "pue");
  YearShipments current = ReadShipments(inventory, parameters, o.year, o.mix);
  std::optional<YearShipments> previous;
  const auto years = ShipmentYears(parameters);
  if (std::find(years.begin(), years.end(), o.year - 1) != years.end()) {
    previous = ReadShipments(inventory, parameters, o.year - 1);
  }
  Assessor assessor(inventory, parameters);
  // Impact ids from any assessed product.
  for (const ProductShipment& p : current.products) {
    if (p.units <= 0) continue;
    const GpuAssessment& a = assessor.Get(p.gpu, f.regions.front().region);
    f.impact_ids = a.gate.data.impact_ids;
    f.impact_units = a.gate.data.impact_units;
    break;
  }
  const size_t impacts = f.impact_ids.size();
  f.year = AssessYear(assessor, current, f.regions, impacts);
  if (previous) f.previous = AssessYear(assessor, *previous, f.regions, impacts);
  for (const inventory::ParameterValue& p : parameters.All()) {
    if (!p.scope.empty() || p.id.rfind("dc_electricity_world_", 0) != 0) continue;
    int y = std::atoi(p.id.c_str() + 21);
    if (y <= o.year && y > f.dc_year) {
      f.dc_year = y;
      f.dc_twh = p.value;
      const inventory::Parameter* dc = inventory.FindGlobal(p.id);
      f.dc_source = dc ? dc->source : "";
    }
  }
  return f;
}

}  // namespace gpulca::lca
