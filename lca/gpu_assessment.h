// GpuAssessment: the numbers of the report for one catalogue GPU — its
// cradle-to-gate footprint, its life cycle in a region, the use phase, and
// the intensities per GPU-hour, per PFLOP-hour and per query.
//
// A catalogue GPU is a process `<id>` (the module, cradle to gate) with a
// process parameter `tdp_w`, and a process `<id>-lifecycle` (cradle to
// grave) that sees the module's parameters. Definitions (docs/methodology.md):
//   lifetime hours  H = lifetime_hours (global parameter)
//   per GPU-hour    = life-cycle total / H
//   per PFLOP-hour  = per GPU-hour / (peak_bf16_dense_tflops / 1000 × utilization)
//   per query       = per GPU-hour × query_wh / (tdp_w × gpu_power_fraction)
//   use phase       = the deployment stage of the life cycle; its operational
//                     part is that less the upstream of the host's share.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "inventory/model.h"
#include "inventory/parameters.h"
#include "lca/result.h"

namespace gpulca::lca {

struct GpuAssessmentOptions {
  std::string gpu;
  bool cradle_to_grave = true;
  std::string region;                  // empty: the lifecycle process's own location
  std::optional<double> query_wh;      // GPU energy per query, Wh
};

// A source as cited by the inventory.
struct SourceRef {
  std::string id, citation, url;
};

// The data quality of one process of the headline result: the sources it,
// its exchanges and the parameters of their formulas cite, and how many of
// its exchanges rest on an estimate (a parameter with estimate = true) or
// carry an uncertainty range (on the exchange or a parameter it uses).
// Plain data so that the renderers need no inventory.
struct ProcessQuality {
  std::string id, name, location;
  Stage stage = Stage::kNone;
  std::vector<SourceRef> sources;  // in order of first citation
  int exchanges = 0;               // input and output exchanges, not the reference product
  int estimated = 0;               // of those, resting on an estimate
  int uncertain = 0;               // of those, with an uncertainty range
};

struct GpuAssessment {
  std::string gpu, name, region;
  bool cradle_to_grave = true;
  // Parameters as used (after overrides).
  double tdp_w = 0, peak_tflops = 0, memory_gb = 0, lifetime_years = 0, lifetime_hours = 0,
         utilization = 0, pue = 0, power_fraction = 0, use_kwh = 0;
  std::optional<double> query_wh;
  LcaResult gate;                   // the module, cradle to gate
  std::optional<LcaResult> grave;   // the life cycle, when cradle_to_grave
  // Per impact k (indices of gate.data.impact_ids):
  std::vector<double> embodied;     // gate total
  std::vector<double> total;        // the boundary's total
  std::vector<double> use_phase;    // deployment stage (0 at the gate)
  std::vector<double> operational;  // use phase less the host share's upstream
  std::vector<double> host_share;   // embodied upstream of the host share
  std::vector<double> per_gpu_hour, per_pflop_hour, per_query;  // per_query empty without query_wh
  // Per process j of headline() (its data.process_ids order).
  std::vector<ProcessQuality> quality;

  const LcaResult& headline() const { return grave ? *grave : gate; }
};

// True when `process` is a catalogue GPU (has a `tdp_w` parameter).
bool IsCatalogueGpu(const Process& process);
// Ids of the catalogue GPUs, in inventory order.
std::vector<std::string> CatalogueGpus(const Inventory& inventory);
// Locations that have an electricity provider (the regions a GPU may run in).
std::vector<std::string> ElectricityRegions(const Inventory& inventory);

// The quality record of every process of `data`, from `inventory`.
std::vector<ProcessQuality> DataQuality(const Inventory& inventory, const MatrixData& data);

// Throws NotFound for an unknown GPU (listing the catalogue), UsageError for
// a region without electricity (listing the known ones), and whatever the
// calculation throws.
GpuAssessment AssessGpu(const Inventory& inventory, const ParameterSet& parameters,
                        const GpuAssessmentOptions& options);

}  // namespace gpulca::lca
