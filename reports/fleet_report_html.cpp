// The HTML pages of `gpulca fleet`: the sections of the text formats with
// their charts.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "reports/fleet_report.h"
#include "reports/internal/fleet_sections.h"
#include "reports/internal/html_page.h"
#include "reports/internal/svg_charts.h"

namespace gpulca::reports {
namespace {

using lca::AssetTotals;
using lca::FleetAssessment;

int ImpactIndex(const std::vector<std::string>& ids, const std::string& id) {
  auto it = std::find(ids.begin(), ids.end(), id);
  return it == ids.end() ? 0 : static_cast<int>(it - ids.begin());
}

std::string FleetNumber(double value, const std::string& unit) {
  FleetValue v = ToFleetUnit(value, unit);
  return FormatNumber(v.value) + " " + v.unit;
}

// Embodied gwp100 by vendor, split by stage; bars to scale.
std::string VendorStages(const FleetAssessment& f) {
  const int k = ImpactIndex(f.impact_ids, "gwp100");
  const std::string unit = f.impact_ids.empty() ? "" : f.impact_units[k];
  std::map<std::string, std::array<double, lca::kStageSlots>> by_vendor;
  for (const auto& p : f.year.products) {
    auto& row = by_vendor[p.vendor];
    for (int s = 0; s < lca::kStageSlots; ++s) row[s] += p.by_stage[k][s];
  }
  std::vector<int> slots;
  for (int s = 0; s < lca::kStageSlots; ++s) {
    if (f.year.by_stage[k][s] != 0) slots.push_back(s);
  }
  StackedBarChart chart;
  chart.id = "chart-vendor-stages";
  chart.absolute = true;
  chart.title = fmt::format("Embodied {} of the {} shipments by vendor and life-cycle stage, to scale",
                            f.impact_ids.empty() ? "" : f.impact_ids[k], f.year.shipments.year);
  for (int s : slots) chart.series.push_back(lca::StageSlotName(s));
  for (const auto& v : f.year.shipments.vendors) {
    auto it = by_vendor.find(v.vendor);
    if (it == by_vendor.end()) continue;
    StackedBarRow row{v.vendor, {}, FleetNumber(f.year.by_vendor.at(v.vendor)[k], unit)};
    for (int s : slots) row.values.push_back(it->second[s]);
    chart.rows.push_back(row);
  }
  return RenderStackedBars(chart) +
         "<p class=\"note\">Bars are to scale: a vendor's bar is its embodied total against the "
         "largest vendor's.</p>\n";
}

// The fleet's facility electricity per year against the world's data centres.
std::string World(const FleetAssessment& f) {
  if (!f.dc_twh) return "";
  const double fleet = f.year.kwh_per_year / 1e9;
  StackedBarChart chart;
  chart.id = "chart-world";
  chart.title = fmt::format("Electricity of the {} shipments once deployed, against all the world's "
                            "data centres in {} ({} TWh, {})",
                            f.year.shipments.year, f.dc_year, FormatNumber(*f.dc_twh), f.dc_source);
  chart.series = {fmt::format("GPUs shipped in {}, per year", f.year.shipments.year),
                  "the rest of the world's data centres"};
  chart.rows.push_back({fmt::format("{} TWh", FormatNumber(*f.dc_twh)), {fleet, std::max(0.0, *f.dc_twh - fleet)},
                        fmt::format("{} TWh/yr ({})", FormatNumber(fleet), FormatPercent(fleet / *f.dc_twh))});
  return RenderStackedBars(chart);
}

// The previous year against this one, each quantity to its own scale.
std::string Change(const FleetAssessment& f) {
  if (!f.previous) return "";
  const auto& p = *f.previous;
  const auto& y = f.year;
  GroupedBarChart chart;
  chart.id = "chart-change";
  chart.title = fmt::format("{} against {}: units, embodied, electricity and operational, each to "
                            "its own scale", y.shipments.year, p.shipments.year);
  chart.series = {std::to_string(p.shipments.year), std::to_string(y.shipments.year)};
  chart.rows.push_back({"units shipped", {p.shipments.total, y.shipments.total},
                        {FormatNumber(p.shipments.total), FormatNumber(y.shipments.total) + " (" +
                                                               FormatChange(p.shipments.total, y.shipments.total) + ")"}});
  for (size_t k = 0; k < f.impact_ids.size(); ++k) {
    if (f.impact_ids[k] != "gwp100" && f.impact_ids[k] != "water") continue;
    const std::string& unit = f.impact_units[k];
    chart.rows.push_back({"embodied " + f.impact_ids[k], {p.embodied[k], y.embodied[k]},
                          {FleetNumber(p.embodied[k], unit),
                           FleetNumber(y.embodied[k], unit) + " (" + FormatChange(p.embodied[k], y.embodied[k]) + ")"}});
  }
  chart.rows.push_back({"electricity per year", {p.kwh_per_year, y.kwh_per_year},
                        {FormatNumber(p.kwh_per_year / 1e9) + " TWh",
                         FormatNumber(y.kwh_per_year / 1e9) + " TWh (" +
                             FormatChange(p.kwh_per_year, y.kwh_per_year) + ")"}});
  const int k = ImpactIndex(f.impact_ids, "gwp100");
  if (!f.impact_ids.empty()) {
    const std::string& unit = f.impact_units[k];
    chart.rows.push_back({"operational gwp100 per year", {p.operational_per_year[k], y.operational_per_year[k]},
                          {FleetNumber(p.operational_per_year[k], unit),
                           FleetNumber(y.operational_per_year[k], unit) + " (" +
                               FormatChange(p.operational_per_year[k], y.operational_per_year[k]) + ")"}});
  }
  return RenderGroupedBars(chart);
}

std::string Years(const AssetTotals& t) {
  const int k = ImpactIndex(t.impact_ids, "gwp100");
  const std::string unit = t.impact_ids.empty() ? "" : t.impact_units[k];
  StackedBarChart chart;
  chart.id = "chart-years";
  chart.absolute = true;
  chart.title = fmt::format("{} per calendar year: amortised embodied and operational, to scale",
                            t.impact_ids.empty() ? "" : t.impact_ids[k]);
  chart.series = {"amortised embodied", "operational"};
  for (const auto& y : t.years) {
    chart.rows.push_back({std::to_string(y.year), {y.embodied[k], y.operational[k]},
                          FleetNumber(y.embodied[k] + y.operational[k], unit)});
  }
  return RenderStackedBars(chart);
}

std::string Footer(const FleetReportOptions& o) {
  return "gpulca fleet" + (o.data_hash.empty() ? "" : ", database <code>" + EscapeXml(o.data_hash) + "</code>");
}

}  // namespace

std::string RenderFleetHtml(const FleetAssessment& f, const FleetReportOptions& o) {
  std::string out = HtmlPageStart(FleetTitle(f), "Fleet scaling by gpulca: per-GPU results times the units shipped");
  for (const TextSection& s : FleetSections(f, o)) {
    std::string chart;
    if (s.id == "embodied_by_vendor") chart = VendorStages(f);
    if (s.id == "operational") chart = World(f);
    if (s.id == "change") chart = Change(f);
    out += HtmlSectionElement(s.id, s.title, chart + HtmlSectionBody(s));
  }
  return out + HtmlPageEnd(Footer(o));
}

std::string RenderAssetsHtml(const AssetTotals& t, const FleetReportOptions& o) {
  std::string out = HtmlPageStart(AssetsTitle(), "An installed base from an asset file, by gpulca");
  for (const TextSection& s : AssetsSections(t, o)) {
    out += HtmlSectionElement(s.id, s.title, (s.id == "embodied_by_year" ? Years(t) : "") + HtmlSectionBody(s));
  }
  return out + HtmlPageEnd(Footer(o));
}

}  // namespace gpulca::reports
