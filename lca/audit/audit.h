// RunAudit: gpulca's assessment of a purchase order (docs/audit.md).
//
// For each line: the module's cradle-to-gate footprint per unit (its logic
// die made in the line's fab_region where the data have that fab) with its
// Monte Carlo interval (the order's iterations and seed), its cradle-to-grave
// footprint in the order's deployment, the embodied footprint amortised per
// GPU-hour, the verdicts of audit_rules.h, and what-ifs: the other transport
// mode, other service lives, and other catalogue products for the same peak
// dense BF16 compute. Totals add the lines' quantities.
//
// Deterministic: the same inventory, order and gpulca give the same result,
// bit for bit, whatever `threads` is (Monte Carlo streams are per iteration).
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "inventory/model/model.h"
#include "inventory/model/parameters.h"
#include "inventory/records/order.h"
#include "lca/calibration/declaration.h"
#include "lca/audit/internal/audit_rules.h"
#include "lca/system/result.h"

namespace gpulca::lca {

// The global parameter that splits the long leg to the integrator between
// air (1) and sea (0), when the database has it.
inline constexpr const char* kAirShareParameter = "integrator_air_share";

struct WhatIf {
  std::string kind;         // "transport", "lifetime", "product"
  std::string description;  // e.g. "sea instead of air", "6 years", "8 x amd-mi300x"
  double units = 0;         // units bought in this alternative
  double gate_kg = 0;       // embodied gwp100 of those units, cradle to gate
  double grave_kg = 0;      // their life cycle in the order's deployment
  double per_gpu_hour_kg = 0;   // life cycle per GPU-hour of the alternative
  double embodied_per_gpu_hour_kg = 0;
  double change_kg = 0;     // grave_kg less the line's own grave total
};

struct LineAudit {
  inventory::OrderLine line;
  std::string name;       // the product's name in the catalogue
  LineEstimate estimate;  // per unit, gwp100
  std::vector<double> gate, grave;  // per unit, every impact
  std::vector<std::array<double, kStageSlots>> gate_by_stage;  // per unit, [impact][slot]
  double lifetime_hours = 0;
  double embodied_per_gpu_hour_kg = 0;  // gate gwp100 / lifetime hours
  double grave_per_gpu_hour_kg = 0;
  std::vector<Verdict> verdicts;
  std::vector<WhatIf> what_ifs;
};

struct AuditResult {
  std::vector<std::string> impact_ids, impact_units;
  std::string region;
  double pue = 0, utilization = 0, lifetime_years = 0;
  std::vector<LineAudit> lines;
  std::vector<double> total_gate, total_grave;  // the whole order, every impact
  std::vector<std::array<double, kStageSlots>> total_gate_by_stage;  // [impact][slot]
  // Every parameter value of the base case (the order's deployment), as
  // "scope/id" ("/id" for a global) -> value, in All() order.
  std::vector<std::pair<std::string, double>> parameters;
};

struct AuditOptions {
  int threads = 1;
  std::function<void(int, int)> progress;  // (done, total) Monte Carlo iterations
  // For an order with [audit] calibrated: the declarations to calibrate on
  // (the database's published footprints). Each line leaves out those whose
  // system holds the line's product: an audit never judges a declaration
  // with a posterior fitted to a declaration of the same product.
  std::vector<Declaration> declarations;
  double min_ess = 100;
};

// Throws NotFound naming the order's file:line for a product that is not in
// the catalogue, InvalidArgument for a deployment region without a grid, and what
// the calculation and a calibration (calibration.h) throw.
AuditResult RunAudit(const inventory::Inventory& inventory, const inventory::PurchaseOrder& order,
                     const AuditOptions& options = {});

}  // namespace gpulca::lca
