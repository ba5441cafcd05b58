#include "lca/workload/workload.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "lca/error.h"
#include "lca/gpu/gpu_assessment.h"
#include "lca/system/calculation.h"
#include "lca/system/matrix_data.h"

namespace gpulca::lca {
namespace {

using inventory::WorkloadKind;
using inventory::WorkloadSpec;

constexpr const char* kClimateUnit = "kg CO2e";

// The use parameters a workload reads, as {process, id}: what the Monte
// Carlo tracks (the lifecycle process sees the module's tdp_w and host power).
std::vector<std::pair<std::string, std::string>> Tracked(const std::string& lifecycle) {
  return {{lifecycle, "tdp_w"},  {lifecycle, "host_power_w_per_gpu"}, {"", "gpu_power_fraction"},
          {"", "pue"},           {"", "wue_l_per_kwh"},                {"", "lifetime_hours"},
          {"", "utilization"}};
}

// Applies the stated grid factors to impact k of one kWh.
void ApplyStatedGrid(const WorkloadSpec& spec, const std::vector<bool>& climate,
                     const WorkloadConstants& c, std::vector<double>& per_kwh) {
  for (size_t k = 0; k < per_kwh.size(); ++k) {
    if (spec.grid_kg_co2e_per_kwh && climate[k]) per_kwh[k] = *spec.grid_kg_co2e_per_kwh;
    if (spec.grid_water_l_per_kwh && c.water_cf[k] != 0.0) {
      per_kwh[k] = *spec.grid_water_l_per_kwh * c.water_cf[k];
    }
  }
}

// The electricity provider of `region` (one per location in the data).
std::string GridProcess(const inventory::Inventory& inventory, const std::string& region) {
  for (const inventory::Process* p : inventory.ProvidersOf("electricity")) {
    if (p->location == region) return p->id;
  }
  throw InvalidArgument("region", fmt::format("region {}: no electricity grid for that region",
                                              region));
}

std::vector<double> Column(const std::vector<std::vector<double>>& samples, size_t i) {
  std::vector<double> out(samples.size());
  for (size_t k = 0; k < samples.size(); ++k) out[k] = samples[k][i];
  return out;
}

std::vector<double> Divided(const std::vector<double>& v, double by) {
  std::vector<double> out(v.size());
  for (size_t k = 0; k < v.size(); ++k) out[k] = v[k] / by;
  return out;
}

std::string Stated(bool stated) { return stated ? "stated" : "gpulca data"; }

}  // namespace

WorkloadFigures EvaluateWorkload(const WorkloadSpec& s, const WorkloadPoint& p,
                                 const WorkloadConstants& c) {
  WorkloadFigures f;
  if (s.hours) {
    f.hours_per_gpu = *s.hours;
  } else if (s.count > 0) {
    f.hours_per_gpu = *s.gpu_hours / s.count;
  }
  f.gpu_hours = s.hours ? s.count * *s.hours : *s.gpu_hours;
  if (f.hours_per_gpu) f.life_share = *f.hours_per_gpu / p.lifetime_hours;
  double host_fraction = p.power_fraction;
  if (s.energy_kwh) {
    f.gpu_power_w = *s.energy_kwh * 1000.0 / f.gpu_hours;  // GPUs and host together
  } else if (s.power_w) {
    f.gpu_power_w = *s.power_w;
    host_fraction = std::min(*s.power_w / p.tdp_w, 1.0);
  } else {
    f.gpu_power_w = p.tdp_w * p.power_fraction;
  }
  if (s.power_includes_host || s.energy_kwh) {
    f.host_power_w = 0;
  } else if (s.host_power_w) {
    f.host_power_w = *s.host_power_w;
  } else {
    f.host_power_w = p.catalogue_host_w * host_fraction;
  }
  f.it_kwh = f.gpu_hours * (f.gpu_power_w + f.host_power_w) / 1000.0;
  f.facility_kwh = f.it_kwh * p.pue;
  f.water_onsite_l = f.it_kwh * p.wue_l_per_kwh;
  const size_t impacts = c.water_cf.size();
  f.operational.resize(impacts);
  f.embodied.resize(impacts);
  f.total.resize(impacts);
  const double amortised = f.gpu_hours / p.lifetime_hours;
  for (size_t k = 0; k < impacts; ++k) {
    f.operational[k] = f.facility_kwh * p.grid_per_kwh[k] + f.water_onsite_l * c.water_cf[k];
    f.embodied[k] = amortised * p.hardware_per_gpu[k];
    f.total[k] = f.operational[k] + f.embodied[k];
  }
  if (c.water_impact >= 0) {
    const double cf = c.water_cf[c.water_impact];
    f.water_offsite_l = f.facility_kwh * p.grid_per_kwh[c.water_impact] / cf;
    f.water_embodied_l = f.embodied[c.water_impact] / cf;
  } else {
    f.water_onsite_l = 0;
  }
  f.per_gpu_hour = Divided(f.total, f.gpu_hours);
  if (s.kind == WorkloadKind::kInference) {
    const double busy_seconds = f.gpu_hours * p.utilization * 3600.0;
    if (s.requests_per_second) {
      f.requests = busy_seconds * *s.requests_per_second;
      if (s.tokens_per_request) f.tokens = f.requests * *s.tokens_per_request;
    } else {
      f.tokens = busy_seconds * *s.tokens_per_second;
      f.requests = f.tokens / *s.tokens_per_request;
    }
    if (f.requests > 0) {
      f.per_request = Divided(f.total, f.requests);
      f.facility_wh_per_request = f.facility_kwh * 1000.0 / f.requests;
    }
    if (f.tokens > 0) {
      f.per_1k_tokens = Divided(f.total, f.tokens / 1000.0);
      f.facility_wh_per_1k_tokens = f.facility_kwh * 1000.0 / (f.tokens / 1000.0);
    }
  }
  return f;
}

std::vector<inventory::WorkloadFigureId> WorkloadFigureIds(const inventory::Inventory& inventory) {
  std::vector<inventory::WorkloadFigureId> ids = {{"it_kwh", "kWh"},
                                                  {"facility_kwh", "kWh"},
                                                  {"water_onsite", "L"},
                                                  {"water_offsite", "L"},
                                                  {"water_operational", "L"},
                                                  {"facility_wh_per_request", "Wh"}};
  for (const char* part : {"operational", "embodied", "total"}) {
    for (const inventory::ImpactMethod& m : inventory.methods) {
      ids.push_back({fmt::format("{}.{}", part, m.id), m.unit});
    }
  }
  return ids;
}

std::optional<double> FigureValue(const WorkloadAssessment& a, const WorkloadFigures& f,
                                  const std::string& id) {
  if (id == "it_kwh") return f.it_kwh;
  if (id == "facility_kwh") return f.facility_kwh;
  if (id == "water_onsite") return f.water_onsite_l;
  if (id == "water_offsite") return f.water_offsite_l;
  if (id == "water_operational") return f.water_onsite_l + f.water_offsite_l;
  if (id == "facility_wh_per_request") return f.facility_wh_per_request;
  const size_t dot = id.find('.');
  if (dot == std::string::npos) return std::nullopt;
  const std::string part = id.substr(0, dot), impact = id.substr(dot + 1);
  auto it = std::find(a.impact_ids.begin(), a.impact_ids.end(), impact);
  if (it == a.impact_ids.end()) return std::nullopt;
  const size_t k = static_cast<size_t>(it - a.impact_ids.begin());
  if (part == "operational") return f.operational[k];
  if (part == "embodied") return f.embodied[k];
  if (part == "total") return f.total[k];
  return std::nullopt;
}

WorkloadAssessment AssessWorkload(const inventory::Inventory& inventory,
                                  const inventory::ParameterSet& parameters,
                                  const WorkloadSpec& spec, const std::optional<McOptions>& mc) {
  if (auto problems = inventory::WorkloadProblems(spec); !problems.empty()) {
    throw InvalidArgument("workload", fmt::format("workload {}: {}", spec.id,
                                                  fmt::join(problems, "; ")));
  }
  WorkloadAssessment a;
  a.spec = spec;
  inventory::ParameterSet p(inventory);
  p.CopyValuesFrom(parameters);
  if (spec.pue) p.Override("pue", *spec.pue);
  if (spec.utilization) p.Override("utilization", *spec.utilization);
  if (spec.wue_l_per_kwh) p.Override("wue_l_per_kwh", *spec.wue_l_per_kwh);
  if (spec.lifetime_years) p.Override("lifetime_years", *spec.lifetime_years);
  p.Evaluate();
  // The GPU, the region and the use parameters checked as a report checks them.
  const GpuAssessment gpu = AssessGpu(inventory, p, GpuAssessmentOptions(spec.gpu, true, spec.region));
  a.gpu_name = gpu.product_name;
  a.region = gpu.region;
  a.lifecycle = gpu.lifecycle;
  a.grid_process = GridProcess(inventory, a.region);
  a.utilization = gpu.utilization;
  const std::optional<double> per_gpu =
      spec.hours ? spec.hours
                 : spec.count > 0 ? std::optional<double>(*spec.gpu_hours / spec.count) : std::nullopt;
  if (per_gpu && gpu.lifetime_hours < *per_gpu) {
    throw InvalidArgument(
        "workload",
        fmt::format("workload {}: each GPU runs {} h, longer than its service life of {} h: the "
                    "run cannot use more than the whole life of its hardware",
                    spec.id, *per_gpu, gpu.lifetime_hours));
  }

  // The hardware without its operation: the life cycle with no use energy.
  p.Override("gpu_it_kwh", 0.0);
  p.Evaluate();
  LinkOptions links;
  links.locations[a.lifecycle] = a.region;
  const LcaResult hardware = Calculate(BuildMatrices(inventory, p, a.lifecycle, 1.0, {}, links));
  const LcaResult grid = Calculate(BuildMatrices(inventory, p, a.grid_process, 1.0, {}));
  a.impact_ids = hardware.data.impact_ids;
  const size_t impacts = a.impact_ids.size();
  a.constants.water_cf.assign(impacts, 0.0);
  a.stated_climate.assign(impacts, false);
  for (size_t k = 0; k < impacts; ++k) {
    const inventory::ImpactMethod* m = inventory.FindMethod(a.impact_ids[k]);
    a.impact_units.push_back(m ? m->unit : "");
    if (!m) continue;
    for (const inventory::ImpactFactor& factor : m->factors) {
      if (factor.flow == "water_consumed") a.constants.water_cf[k] = factor.value * factor.unit_factor;
    }
    if (m->unit == "L" && a.constants.water_cf[k] != 0.0 && a.constants.water_impact < 0) {
      a.constants.water_impact = static_cast<int>(k);
    }
    a.stated_climate[k] = spec.grid_kg_co2e_per_kwh.has_value() && m->unit == kClimateUnit;
  }

  WorkloadPoint& point = a.point;
  point.tdp_w = p.Value(a.lifecycle, "tdp_w");
  point.catalogue_host_w = p.Value(a.lifecycle, "host_power_w_per_gpu");
  point.power_fraction = p.Value("", "gpu_power_fraction");
  point.pue = p.Value("", "pue");
  point.wue_l_per_kwh = p.Value("", "wue_l_per_kwh");
  point.lifetime_hours = p.Value("", "lifetime_hours");
  point.utilization = p.Value("", "utilization");
  point.grid_per_kwh = grid.impacts;
  ApplyStatedGrid(spec, a.stated_climate, a.constants, point.grid_per_kwh);
  point.hardware_per_gpu = hardware.impacts;
  a.figures = EvaluateWorkload(spec, point, a.constants);

  const char* gpu_basis = spec.energy_kwh ? "stated (measured energy / GPU-hours, host in it)"
                          : spec.power_w  ? "stated (measured)"
                                          : "gpulca data (tdp_w x power fraction)";
  const char* host_basis = spec.energy_kwh            ? "stated (in the measured energy)"
                           : spec.power_includes_host ? "stated (in the measured power)"
                           : spec.host_power_w        ? "stated"
                                                      : "gpulca data (catalogue host x power fraction)";
  a.basis = {{"gpu power", gpu_basis},
             {"host power", host_basis},
             {"utilization", Stated(spec.utilization.has_value())},
             {"pue", Stated(spec.pue.has_value())},
             {"wue", Stated(spec.wue_l_per_kwh.has_value())},
             {"grid climate factor", spec.grid_kg_co2e_per_kwh ? "stated" : "gpulca data (" + a.grid_process + ")"},
             {"grid water", spec.grid_water_l_per_kwh ? "stated" : "gpulca data (" + a.grid_process + ")"},
             {"service life", Stated(spec.lifetime_years.has_value())}};

  for (const inventory::PublishedFigure& pub : spec.published) {
    WorkloadAssessment::Reproduction r;
    r.published = pub;
    const std::optional<double> base = FigureValue(a, a.figures, pub.figure);
    if (!base) throw InvalidArgument("workload", fmt::format("unknown figure '{}'", pub.figure));
    const double factor = pub.value != 0.0 ? pub.base_value / pub.value : 1.0;
    r.value = *base / factor;
    r.ratio = pub.value != 0.0 ? r.value / pub.value : 0.0;
    r.within_tolerance = std::fabs(r.value - pub.value) <= pub.tolerance * (1 + 1e-9);
    a.reproductions.push_back(r);
  }

  if (mc) {
    McOptions options = *mc;
    options.tracked = Tracked(a.lifecycle);
    options.sensitivity = false;
    std::vector<McDemand> demands = {{a.lifecycle, 1.0, links}, {a.grid_process, 1.0, {}}};
    std::vector<McResult> runs = MonteCarloOfDemands(inventory, p, demands, {}, options);
    const McResult& hw = runs[0];
    const McResult& el = runs[1];
    const int n = hw.iterations;
    WorkloadUncertainty u;
    u.iterations = n;
    u.seed = hw.seed;
    std::vector<WorkloadFigures> draws;
    draws.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      WorkloadPoint q;
      q.tdp_w = hw.tracked[0][i];
      q.catalogue_host_w = hw.tracked[1][i];
      q.power_fraction = hw.tracked[2][i];
      q.pue = hw.tracked[3][i];
      q.wue_l_per_kwh = hw.tracked[4][i];
      q.lifetime_hours = hw.tracked[5][i];
      q.utilization = hw.tracked[6][i];
      q.grid_per_kwh = Column(el.samples, static_cast<size_t>(i));
      ApplyStatedGrid(spec, a.stated_climate, a.constants, q.grid_per_kwh);
      q.hardware_per_gpu = Column(hw.samples, static_cast<size_t>(i));
      draws.push_back(EvaluateWorkload(spec, q, a.constants));
    }
    auto of = [&](auto get) {
      std::vector<double> v(static_cast<size_t>(n));
      for (int i = 0; i < n; ++i) v[i] = get(draws[i]);
      return hw.SummaryOf(std::move(v));
    };
    auto each = [&](auto member) {
      std::vector<Summary> out;
      if ((a.figures.*member).empty()) return out;
      for (size_t k = 0; k < impacts; ++k) {
        out.push_back(of([&](const WorkloadFigures& f) { return (f.*member)[k]; }));
      }
      return out;
    };
    u.it_kwh = of([](const WorkloadFigures& f) { return f.it_kwh; });
    u.facility_kwh = of([](const WorkloadFigures& f) { return f.facility_kwh; });
    u.water_onsite_l = of([](const WorkloadFigures& f) { return f.water_onsite_l; });
    u.water_offsite_l = of([](const WorkloadFigures& f) { return f.water_offsite_l; });
    u.water_embodied_l = of([](const WorkloadFigures& f) { return f.water_embodied_l; });
    u.facility_wh_per_request = of([](const WorkloadFigures& f) { return f.facility_wh_per_request; });
    u.facility_wh_per_1k_tokens = of([](const WorkloadFigures& f) { return f.facility_wh_per_1k_tokens; });
    u.operational = each(&WorkloadFigures::operational);
    u.embodied = each(&WorkloadFigures::embodied);
    u.total = each(&WorkloadFigures::total);
    u.per_gpu_hour = each(&WorkloadFigures::per_gpu_hour);
    u.per_request = each(&WorkloadFigures::per_request);
    u.per_1k_tokens = each(&WorkloadFigures::per_1k_tokens);
    a.mc = std::move(u);
  }
  return a;
}

}  // namespace gpulca::lca
