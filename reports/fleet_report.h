// Renderers of `gpulca fleet`: pure functions from a FleetAssessment (a year
// of shipments) or AssetTotals (an installed base) to text. Impacts are shown
// in fleet units: t CO2e, GWh of primary energy, ML of water, kg Sb-eq;
// electricity in TWh (shipments) or MWh (assets). Every format renders the
// sections of fleet_sections.h, so they carry the same numbers.
#pragma once

#include <string>

#include "lca/fleet/fleet.h"
#include "lca/fleet/fleet_assets.h"
#include "lca/fleet/fleet_uncertainty.h"
#include "reports/fleet_report_options.h"
#include "reports/internal/table.h"

namespace gpulca::reports {

// A value in an impact's own unit, converted to its fleet unit.
struct FleetValue {
  double value;
  std::string unit;
};
FleetValue ToFleetUnit(double value, const std::string& unit);

std::string RenderFleetTerminal(const lca::FleetAssessment& f, const FleetReportOptions& o = {});
std::string RenderFleetMarkdown(const lca::FleetAssessment& f, const FleetReportOptions& o = {});
// {"demand": ..., "impacts": ..., "stages": ...} as DESIGN.md, plus data_hash,
// assumptions, shipments, vendors, products, operational_per_year,
// comparison, previous and change (the relative change from the previous year).
std::string RenderFleetJson(const lca::FleetAssessment& f, const FleetReportOptions& o = {});
// The tidy CSV (internal/tidy_csv.h): run, regions, then by year fleet,
// by_vendor, by_product and by_stage; world_data_centres, mc and change.
std::string RenderFleetCsv(const lca::FleetAssessment& f, const FleetReportOptions& o = {});
// One self-contained page (html_page.h) with the tables of the text formats
// and inline SVG charts: "chart-vendor-stages" (embodied by vendor and stage),
// "chart-world" (the fleet's electricity against the world's data centres),
// "chart-change" (the previous year against this one, when there is one).
std::string RenderFleetHtml(const lca::FleetAssessment& f, const FleetReportOptions& o = {});

// The spreadsheet table "Monte Carlo" of a year's intervals.
Table FleetUncertaintyTable(const lca::FleetAssessment& f, const lca::FleetUncertainty& u);

std::string RenderAssetsTerminal(const lca::AssetTotals& t, const FleetReportOptions& o = {});
std::string RenderAssetsMarkdown(const lca::AssetTotals& t, const FleetReportOptions& o = {});
std::string RenderAssetsJson(const lca::AssetTotals& t, const FleetReportOptions& o = {});
// The tidy CSV (internal/tidy_csv.h): run, then years (GPU-hours,
// electricity, embodied and operational by impact) by calendar year.
std::string RenderAssetsCsv(const lca::AssetTotals& t, const FleetReportOptions& o = {});
// One page with the tables and "chart-years" (amortised embodied and
// operational per calendar year).
std::string RenderAssetsHtml(const lca::AssetTotals& t, const FleetReportOptions& o = {});

}  // namespace gpulca::reports
