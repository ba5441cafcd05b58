// The sections of the fleet reports as titled notes and tables, shared by the
// terminal, Markdown and HTML renderers (internal to reports/). Section ids:
// a year of shipments: assumptions, shipments, embodied_by_vendor,
// embodied_by_product, embodied_by_stage, operational, change (with a
// previous year); an installed base: assumptions, embodied_by_year,
// operational_by_year.
#pragma once

#include <string>
#include <vector>

#include "lca/fleet/fleet.h"
#include "lca/fleet/fleet_assets.h"
#include "reports/fleet_report_options.h"
#include "reports/internal/text_table.h"

namespace gpulca::reports {

std::string FleetTitle(const lca::FleetAssessment& f);
std::vector<TextSection> FleetSections(const lca::FleetAssessment& f, const FleetReportOptions& o);

std::string AssetsTitle();
std::vector<TextSection> AssetsSections(const lca::AssetTotals& t, const FleetReportOptions& o);

// "+44.2%", or "n/a" when `before` is 0.
std::string FormatChange(double before, double after);

}  // namespace gpulca::reports
