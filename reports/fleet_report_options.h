// FleetReportOptions: what the renderers of `gpulca fleet` (fleet_report.h)
// and their sections (fleet_sections.h) take besides the results - the
// data hash, and the Monte Carlo intervals of a year when there are any.
#pragma once

#include <string>

#include "lca/fleet/fleet_uncertainty.h"

namespace gpulca::reports {

struct FleetReportOptions {
  std::string data_hash;  // of the database the results come from
  // fleet --year --mc: every format of the year gains the intervals in fleet
  // units (section "uncertainty"; JSON: impacts.ID gains the embodied
  // mean, sd, p05, p50, p95, and uncertainty.monte_carlo.quantities lists
  // every row; CSV rows "mc"). Null: none.
  const lca::FleetUncertainty* uncertainty = nullptr;
};

}  // namespace gpulca::reports
