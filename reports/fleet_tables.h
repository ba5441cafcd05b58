// A fleet assessment as tables for a spreadsheet (table.h); every impact
// is a column whose header carries its unit:
//   "Fleet"      rows: embodied (all units shipped), operational per year,
//                electricity per year (kWh), units, for the year and the
//                previous one when assessed;
//   "Products"   one row per product: vendor, name, units, embodied,
//                operational per year, electricity per year;
//   "By stage"   the year's embodied impacts by life-cycle stage;
//   "By vendor"  the year's embodied impacts by vendor.
// A pure function of the assessment.
#pragma once

#include <vector>

#include "lca/fleet/fleet.h"
#include "lca/fleet/fleet_assets.h"
#include "reports/internal/table.h"

namespace gpulca::reports {

std::vector<Table> FleetAssessmentTables(const lca::FleetAssessment& fleet);

// An installed base by calendar year: "Years", one row per year with
// GPU-hours, electricity, and each impact amortised embodied and
// operational; "File", the rows read and skipped.
std::vector<Table> AssetTotalsTables(const lca::AssetTotals& totals);

}  // namespace gpulca::reports
