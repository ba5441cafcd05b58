// GpuAssessment: the numbers of the report for one catalogue GPU — its
// cradle-to-gate footprint, its life cycle in a region, the use phase, and
// the intensities per GPU-hour, per PFLOP-hour and per query.
//
// A catalogue GPU is a process `<id>` (the module, cradle to gate) with a
// process parameter `tdp_w`, and a process `<id>-lifecycle` (cradle to
// grave) that sees the module's parameters. Definitions (docs/report.md):
//   lifetime hours  H = lifetime_hours (global parameter)
//   per GPU-hour    = the boundary's total / H (cradle to gate: the embodied
//                     footprint spread over the service life)
//   per PFLOP-hour  = per GPU-hour / (peak_bf16_dense_tflops / 1000 × utilization)
//   queries per GPU-hour Q = queries_per_hour, or from the GPU energy of one
//                     query: tdp_w × gpu_power_fraction / query_wh
//   per query       = per GPU-hour / Q; facility electricity per query =
//                     use_kwh / H / Q (GPU and host share, PUE included)
//   use phase       = the deployment stage of the life cycle
//   host share      = the upstream of process `host_share` (its embodied
//                     footprint and its own end of life)
//   operational     = the use phase less the deployment-stage part of the
//                     host share (the host's end of life is not in the use
//                     phase, so it is not taken out of it)
//   end-of-life credits = the upstream of the processes whose id starts with
//                     kEolCreditPrefix (negative for a credit); they are in
//                     the totals whenever the parameter eol_credits is not 0.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "inventory/model/model.h"
#include "inventory/model/parameters.h"
#include "lca/gpu/use_factors.h"
#include "lca/system/result.h"

namespace gpulca::lca {

inline constexpr const char* kEolCreditPrefix = "ewaste_recycling_credits";

struct GpuAssessmentOptions {
  GpuAssessmentOptions() = default;
  // The common case: a GPU at a boundary and region, per query at query_wh.
  explicit GpuAssessmentOptions(std::string gpu_id, bool grave = true, std::string at = "",
                                std::optional<double> wh = std::nullopt)
      : gpu(std::move(gpu_id)), cradle_to_grave(grave), region(std::move(at)), query_wh(wh) {}

  std::string gpu;
  bool cradle_to_grave = true;
  std::string region;                      // empty: the lifecycle process's own location
  std::optional<double> query_wh;          // GPU energy per query, Wh
  std::optional<double> queries_per_hour;  // or: queries one GPU serves per hour of service
  // Where the logic dies are made: the logic wafer fab (logic_wafer_*) that
  // the module itself consumes from moves to this region where the data have
  // that fab (board ICs and other parts keep theirs); empty keeps the
  // catalogue's.
  std::string fab_region;
};

// A source as cited by the inventory.
struct SourceRef {
  std::string id, citation, url;
};

// An elementary exchange of a process, as the data quality of an emission
// needs it: its flow, its amount (in the flow's unit, per the process's
// reference product as written, with the parameters' current values), its
// pedigree scores [reliability, completeness, temporal, geographical,
// technological] where the data give them, and the ids of the sources it
// cites (its own and its formula's parameters', else the process's).
struct ElementaryQuality {
  std::string flow;
  double amount = 0;
  std::optional<std::array<int, 5>> pedigree;
  std::vector<std::string> sources;
};

// The data quality of one process of the headline result: the sources it,
// its exchanges and the parameters of their formulas cite, and how many of
// its exchanges rest on an estimate (a parameter with estimate = true) or
// carry an uncertainty range (on the exchange or a parameter it uses).
// Plain data so that the renderers need no inventory.
struct ProcessQuality {
  std::string id, name, location;
  inventory::Stage stage = inventory::Stage::kNone;
  std::vector<SourceRef> sources;  // in order of first citation
  int exchanges = 0;               // input and output exchanges, not the reference product
  int estimated = 0;               // of those, resting on an estimate
  int uncertain = 0;               // of those, with an uncertainty range
  std::vector<ElementaryQuality> elementary;  // its elementary exchanges, in order
};

struct GpuAssessment {
  std::string gpu, name, region;
  std::string product_name;  // the module's product flow name ("NVIDIA H100 SXM5 80GB module")
  std::string lifecycle;     // the life-cycle process id; empty at the gate
  std::string fab_region;    // where the module's own logic wafers are made ("" if none)
  std::vector<std::string> unrelocated;  // providers a fab_region could not move
  bool cradle_to_grave = true;
  // Parameters as used (after overrides).
  double tdp_w = 0, peak_tflops = 0, memory_gb = 0, lifetime_years = 0, lifetime_hours = 0,
         utilization = 0, pue = 0, power_fraction = 0, use_kwh = 0;
  std::optional<double> query_wh;
  // Per query: 0 when neither query_wh nor queries_per_hour was given.
  double queries_per_hour = 0;
  double gpu_wh_per_query = 0;       // GPU energy of one query
  double facility_wh_per_query = 0;  // use_kwh / H / Q; 0 at the gate
  LcaResult gate;                   // the module, cradle to gate
  std::optional<LcaResult> grave;   // the life cycle, when cradle_to_grave
  // Per impact k (indices of gate.data.impact_ids):
  std::vector<double> embodied;     // gate total
  std::vector<double> total;        // the boundary's total
  std::vector<double> use_phase;    // deployment stage (0 at the gate)
  std::vector<double> operational;  // use phase less the deployment-stage part of the host share
  std::vector<double> host_share_in_use;  // use phase less operational: the row adds up
  std::vector<double> host_share;   // upstream of the host share (embodied and its end of life)
  std::vector<double> per_gpu_hour, per_pflop_hour, per_query;  // per_query empty without Q
  // Why per_pflop_hour is empty: the GPU does no work (utilization or peak
  // throughput 0), so an impact per unit of work is undefined, not 0. Empty
  // when per_pflop_hour is defined.
  std::string per_pflop_hour_undefined;
  std::vector<double> eol_credits;  // upstream of the credit processes (<= 0 for a credit)
  double host_share_amount = 0;     // units of host_share the life cycle needs (0 at the gate)
  bool eol_credits_on = false;      // the parameter eol_credits is not 0
  // Per process j of headline() (its data.process_ids order).
  std::vector<ProcessQuality> quality;

  const LcaResult& headline() const { return grave ? *grave : gate; }
};

// The assessment's own (nominal) use parameters.
UseFactors NominalUse(const GpuAssessment& a);

// Queries per GPU-hour: `queries_per_hour` when given, else from the GPU
// energy of one query; 0 when neither is given.
double QueriesPerHour(const GpuAssessment& a, const UseFactors& use,
                      std::optional<double> query_wh, std::optional<double> queries_per_hour);

// True when `process` is a catalogue GPU (has a `tdp_w` parameter).
bool IsCatalogueGpu(const inventory::Process& process);
// Ids of the catalogue GPUs, in inventory order.
std::vector<std::string> CatalogueGpus(const inventory::Inventory& inventory);
// Locations that have an electricity provider (the regions a GPU may run in).
std::vector<std::string> ElectricityRegions(const inventory::Inventory& inventory);

// The quality record of every process of `data`, from `inventory`; a
// formula's parameters are those `parameters` (built on `inventory`) reads
// for it, with the scope rule of parameters.h.
std::vector<ProcessQuality> DataQuality(const inventory::Inventory& inventory, const inventory::ParameterSet& parameters,
                                        const MatrixData& data);

// Checks the global use-phase parameters as resolved after every override
// (whatever overrode them): pue >= 1, 0 <= utilization <= 1,
// 0 <= gpu_power_fraction <= 1, lifetime_years > 0, lifetime_hours > 0, all
// finite. Throws InvalidArgument (argument "parameter <id>") naming the
// parameter, its value and the rule.
void CheckUseParameters(const inventory::ParameterSet& parameters);

// Throws NotFound for an unknown GPU (listing the catalogue), InvalidArgument
// for a region without electricity (argument "region", listing the known
// ones), for parameters that CheckUseParameters refuses, for a tdp_w that is
// not positive ("parameter tdp_w"), and for a query_wh or queries_per_hour
// that is not a positive number (or both given); and whatever the
// calculation throws.
GpuAssessment AssessGpu(const inventory::Inventory& inventory, const inventory::ParameterSet& parameters,
                        const GpuAssessmentOptions& options);

}  // namespace gpulca::lca
