// Renderers of `gpulca fleet`: pure functions from a FleetAssessment (a year
// of shipments) or AssetTotals (an installed base) to text. Impacts are shown
// in fleet units: t CO2e, GWh of primary energy, ML of water, kg Sb-eq;
// electricity in TWh (shipments) or MWh (assets). Every format carries the
// same numbers.
#pragma once

#include <string>

#include "lca/fleet.h"
#include "lca/fleet_assets.h"

namespace gpulca::reports {

// A value in an impact's own unit, converted to its fleet unit.
struct FleetValue {
  double value;
  std::string unit;
};
FleetValue ToFleetUnit(double value, const std::string& unit);

std::string RenderFleetTerminal(const lca::FleetAssessment& f);
std::string RenderFleetMarkdown(const lca::FleetAssessment& f);
// {"demand": ..., "impacts": ..., "stages": ...} as DESIGN.md, plus shipments,
// vendors, products, operational_per_year, comparison, change.
std::string RenderFleetJson(const lca::FleetAssessment& f);
// Long CSV: section,key,impact,value,unit.
std::string RenderFleetCsv(const lca::FleetAssessment& f);

std::string RenderAssetsTerminal(const lca::AssetTotals& t);
std::string RenderAssetsMarkdown(const lca::AssetTotals& t);
std::string RenderAssetsJson(const lca::AssetTotals& t);
// Long CSV: year,quantity,impact,value,unit.
std::string RenderAssetsCsv(const lca::AssetTotals& t);

}  // namespace gpulca::reports
