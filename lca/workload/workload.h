// WorkloadAssessment: what an AI workload (inventory/records/workload_spec.h)
// costs — electricity, operational and embodied impacts, and water on site,
// off site and embodied — per run, per GPU-hour, per request and per 1,000
// tokens. docs/workloads.md states the model; in short, for G GPU-hours:
//
//   P_gpu   = energy_kwh × 1000 / G (a measured energy: the host in it), or
//             power_w, or tdp_w × gpu_power_fraction (the catalogue's power
//             model: idle + (1 − idle) × utilisation)
//   P_host  = 0 when power_w includes the host; host_power_w when given;
//             else the catalogue's host_power_w_per_gpu × f, where f is
//             gpu_power_fraction, or power_w / tdp_w (at most 1) for a
//             measured power
//   E_IT    = G × (P_gpu + P_host) / 1000                   kWh
//   E_fac   = E_IT × PUE                                   kWh
//   operational_k = E_fac × grid_k + E_IT × WUE × cf_k(water_consumed)
//             where grid_k is impact k of 1 kWh of the region's grid (its
//             climate impacts replaced by grid_kg_co2e_per_kwh when given,
//             its water by grid_water_l_per_kwh)
//   embodied_k = G / H × hardware_k, where H is the service life in hours
//             and hardware_k impact k of one GPU's life cycle without its
//             operation: the module, its delivery, the host share, the end of
//             life (the life-cycle system with gpu_it_kwh = 0)
//   water on site = E_IT × WUE; off site = E_fac × the grid's water per kWh
//   requests = count × hours × u × 3600 × requests_per_second (or
//             tokens_per_second / tokens_per_request); tokens likewise
//
// With Monte Carlo, one paired run draws the hardware's life cycle and the
// grid together with the use parameters (tdp_w, host power, power fraction,
// PUE, WUE, life), and every figure is computed per iteration by the same
// function as the nominal one; what the workload states is fixed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "inventory/model/model.h"
#include "inventory/model/parameters.h"
#include "inventory/records/workload_spec.h"
#include "lca/uncertainty/monte_carlo.h"
#include "lca/uncertainty/statistics.h"

namespace gpulca::lca {

// The values one evaluation of a workload reads: the nominal ones or one
// Monte Carlo iteration's.
struct WorkloadPoint {
  double tdp_w = 0, catalogue_host_w = 0, power_fraction = 0, pue = 0, wue_l_per_kwh = 0,
         lifetime_hours = 0, utilization = 0;
  std::vector<double> grid_per_kwh;      // [k], as used (stated factors applied)
  std::vector<double> hardware_per_gpu;  // [k], one GPU's life cycle without operation
};

// What does not change between evaluations.
struct WorkloadConstants {
  std::vector<double> water_cf;  // [k]: impact k per L of water_consumed
  int water_impact = -1;         // the impact that counts litres of water; -1: none
};

struct WorkloadFigures {
  double gpu_hours = 0;
  // Hours per GPU and the share of each GPU's life the run uses
  // (hours_per_gpu / H): unknown when the spec gives GPU-hours without the
  // number of GPUs.
  std::optional<double> hours_per_gpu, life_share;
  double gpu_power_w = 0, host_power_w = 0;
  double it_kwh = 0, facility_kwh = 0;
  double water_onsite_l = 0, water_offsite_l = 0, water_embodied_l = 0;  // 0 without a water impact
  std::vector<double> operational, embodied, total, per_gpu_hour;  // [k]
  double requests = 0, tokens = 0;  // 0 when not an inference service
  std::vector<double> per_request, per_1k_tokens;  // [k]; empty when not defined
  double facility_wh_per_request = 0, facility_wh_per_1k_tokens = 0;  // 0 when not defined
};

// The figures of `spec` at `point`. Pure. REQUIRES: WorkloadProblems(spec)
// empty, point's vectors sized as c.water_cf.
WorkloadFigures EvaluateWorkload(const inventory::WorkloadSpec& spec, const WorkloadPoint& point,
                                 const WorkloadConstants& c);

struct WorkloadUncertainty {
  int iterations = 0;
  uint64_t seed = 0;
  Summary it_kwh, facility_kwh, water_onsite_l, water_offsite_l, water_embodied_l,
      facility_wh_per_request, facility_wh_per_1k_tokens;
  std::vector<Summary> operational, embodied, total, per_gpu_hour, per_request, per_1k_tokens;
};

struct WorkloadAssessment {
  inventory::WorkloadSpec spec;  // as assessed
  std::string gpu_name;          // the module's name
  std::string region, grid_process, lifecycle;
  double utilization = 0;        // as used (the spec's or the data's)
  std::vector<std::string> impact_ids, impact_units;
  std::vector<bool> stated_climate;  // [k]: grid factor replaced by grid_kg_co2e_per_kwh
  WorkloadConstants constants;
  WorkloadPoint point;           // the nominal values as used
  WorkloadFigures figures;
  std::optional<WorkloadUncertainty> mc;
  // Where each value of the model came from: "stated" or "gpulca data", per
  // input (power, host, utilization, pue, wue, grid, grid_water, lifetime).
  std::vector<std::pair<std::string, std::string>> basis;
  // A published figure beside gpulca's (spec.published order).
  struct Reproduction {
    inventory::PublishedFigure published;
    double value = 0;  // gpulca's, in the published unit
    double ratio = 0;  // gpulca / published (0 when published is 0)
    bool within_tolerance = false;  // |value - published| <= its tolerance
  };
  std::vector<Reproduction> reproductions;
};

// The figures a [[published]] entry may name, for the impacts of
// `inventory` (inventory/records/workload_spec.h).
std::vector<inventory::WorkloadFigureId> WorkloadFigureIds(const inventory::Inventory& inventory);
// The value of figure `id` in `f` (in WorkloadFigureIds' unit); nullopt
// for an unknown id.
std::optional<double> FigureValue(const WorkloadAssessment& a, const WorkloadFigures& f,
                                  const std::string& id);

// Assesses `spec` on `inventory` with `parameters` (overrides applied; the
// spec's assumptions are applied on a copy). Throws InvalidArgument for a
// spec that WorkloadProblems refuses or a run longer than the GPUs' service
// life (each GPU's hours above lifetime_hours); NotFound
// for an unknown GPU (listing the catalogue); InvalidArgument for a region
// without electricity (as AssessGpu); and what the calculation and the
// Monte Carlo throw. `mc` given: a paired Monte Carlo run of its options
// (tracked is replaced).
WorkloadAssessment AssessWorkload(const inventory::Inventory& inventory,
                                  const inventory::ParameterSet& parameters,
                                  const inventory::WorkloadSpec& spec,
                                  const std::optional<McOptions>& mc = std::nullopt);

}  // namespace gpulca::lca
