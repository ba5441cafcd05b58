// The workload reader (inventory/records/workload_spec.h), as `gpulca
// workload` reads a file, then the workload's equations
// (lca/workload/workload.h) at a fixed point: a workload the reader accepts
// has no problem left for WorkloadProblems and gives finite figures.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "inventory/records/workload_spec.h"
#include "lca/error.h"
#include "lca/workload/workload.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gpulca;
  static const std::vector<inventory::WorkloadFigureId> figures = {
      {"it_kwh", "kWh"}, {"facility_kwh", "kWh"}, {"water_onsite", "L"},
      {"operational.gwp100", "kg CO2e"}, {"total.water", "L"}};
  try {
    const inventory::WorkloadSpec spec =
        inventory::ParseWorkload(fuzz::Text(data, size), "workload.toml", figures);
    if (!inventory::WorkloadProblems(spec).empty()) {
      fuzz::Finding("an accepted workload has problems WorkloadProblems names");
    }
    for (const auto& p : spec.published) {
      if (!std::isfinite(p.base_value) || !(p.tolerance > 0)) {
        fuzz::Finding("an accepted published figure is not finite or has no tolerance");
      }
    }
    // A V100-like point with two impacts: climate and water.
    lca::WorkloadPoint point;
    point.tdp_w = 300;
    point.catalogue_host_w = 137.5;
    point.power_fraction = 0.64;
    point.pue = 1.58;
    point.wue_l_per_kwh = 1.8;
    point.lifetime_hours = 43800;
    point.utilization = 0.6;
    point.grid_per_kwh = {0.41, 1.49};
    point.hardware_per_gpu = {900, 5000};
    lca::WorkloadConstants constants;
    constants.water_cf = {0, 1};
    constants.water_impact = 1;
    const lca::WorkloadFigures f = lca::EvaluateWorkload(spec, point, constants);
    std::vector<double> all = {f.gpu_hours, f.it_kwh, f.facility_kwh, f.water_onsite_l,
                               f.water_offsite_l, f.requests, f.tokens};
    for (const auto* v : {&f.operational, &f.embodied, &f.total, &f.per_gpu_hour,
                          &f.per_request, &f.per_1k_tokens}) {
      all.insert(all.end(), v->begin(), v->end());
    }
    for (double v : all) {
      if (!std::isfinite(v) || v < 0) fuzz::Finding("a workload figure is not finite or below 0");
    }
  } catch (const Error&) {
  }
  return 0;
}
