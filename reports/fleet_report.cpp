#include "reports/fleet_report.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "reports/internal/fleet_sections.h"
#include "reports/internal/ranking.h"
#include "reports/internal/tidy_csv.h"

namespace gpulca::reports {
namespace {

using lca::AssetTotals;
using lca::FleetAssessment;
using lca::FleetYear;
using nlohmann::ordered_json;

double Twh(double kwh) { return kwh / 1e9; }

std::vector<std::string> ImpactHeader(const std::string& first, const std::vector<std::string>& ids,
                                      const std::vector<std::string>& units) {
  std::vector<std::string> h{first};
  for (size_t k = 0; k < ids.size(); ++k) h.push_back(ids[k] + " " + ToFleetUnit(1, units[k]).unit);
  return h;
}

std::vector<std::string> ImpactCells(const std::vector<double>& v, const std::vector<std::string>& units) {
  std::vector<std::string> cells;
  for (size_t k = 0; k < v.size(); ++k) cells.push_back(FormatNumber(ToFleetUnit(v[k], units[k]).value));
  return cells;
}

std::vector<std::string> Row(std::vector<std::string> head, const std::vector<std::string>& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

std::string RegionsText(const FleetAssessment& f) {
  std::vector<std::string> parts;
  for (const auto& r : f.regions) parts.push_back(fmt::format("{} {}", r.region, FormatPercent(r.share)));
  std::string text = fmt::format("{}", fmt::join(parts, ", "));
  if (f.regions.size() == 1 && f.regions[0].region == lca::kFleetDefaultRegion) {
    text += " (the world-average grid, the default for a world's shipments; --region to choose)";
  }
  return text;
}

std::vector<double> StageValues(const FleetYear& y, int slot) {
  std::vector<double> v;
  for (const auto& by : y.by_stage) v.push_back(by[slot]);
  return v;
}

bool AnyNonZero(const std::vector<double>& v) {
  for (double x : v) {
    if (x != 0) return true;
  }
  return false;
}

ordered_json Impacts(const std::vector<double>& v, const std::vector<std::string>& ids,
                     const std::vector<std::string>& units, const std::string& suffix = "") {
  ordered_json j = ordered_json::object();
  for (size_t k = 0; k < ids.size(); ++k) {
    FleetValue fv = ToFleetUnit(v[k], units[k]);
    j[ids[k]] = {{"value", fv.value}, {"unit", fv.unit + suffix}};
  }
  return j;
}

ordered_json YearJson(const FleetYear& y, const FleetAssessment& f) {
  const auto& ids = f.impact_ids;
  const auto& units = f.impact_units;
  ordered_json j;
  j["year"] = y.shipments.year;
  j["units"] = y.shipments.total;
  j["units_source"] = y.shipments.source;
  j["units_estimate"] = y.shipments.total_estimate;
  j["impacts"] = Impacts(y.embodied, ids, units);
  ordered_json stages = ordered_json::object();
  for (int s = 0; s < lca::kStageSlots; ++s) {
    const std::vector<double> v = StageValues(y, s);
    if (AnyNonZero(v)) stages[lca::StageSlotName(s)] = Impacts(v, ids, units);
  }
  j["stages"] = stages;
  ordered_json vendors = ordered_json::array();
  for (const auto& v : y.shipments.vendors) {
    ordered_json vj{{"vendor", v.vendor}, {"units", v.units}, {"share", Share(v.units, y.shipments.total)}};
    auto it = y.by_vendor.find(v.vendor);
    if (it != y.by_vendor.end()) vj["embodied"] = Impacts(it->second, ids, units);
    vendors.push_back(vj);
  }
  j["vendors"] = vendors;
  ordered_json products = ordered_json::array();
  for (const auto& p : y.products) {
    products.push_back({{"gpu", p.gpu},
                        {"vendor", p.vendor},
                        {"units", p.units},
                        {"embodied", Impacts(p.embodied, ids, units)},
                        {"operational_per_year", Impacts(p.operational_per_year, ids, units, "/yr")},
                        {"electricity_twh_per_year", Twh(p.kwh_per_year)}});
  }
  j["products"] = products;
  j["operational_per_year"] = Impacts(y.operational_per_year, ids, units, "/yr");
  j["electricity_twh_per_year"] = Twh(y.kwh_per_year);
  return j;
}

// after / before - 1, or null when before is 0.
ordered_json Relative(double before, double after) {
  return before == 0 ? ordered_json(nullptr) : ordered_json(after / before - 1);
}

}  // namespace

FleetValue ToFleetUnit(double value, const std::string& unit) {
  if (unit == "kg CO2e") return {value / 1e3, "t CO2e"};
  if (unit == "MJ") return {value / 3.6e6, "GWh"};
  if (unit == "L") return {value / 1e6, "ML"};
  return {value, unit};
}

std::string FormatChange(double before, double after) {
  return before == 0 ? "n/a" : fmt::format("{:+.1f}%", (after / before - 1) * 100);
}

namespace {

// The rows of the uncertainty section: quantity, impact, nominal and the
// summary, in fleet units.
struct McRow {
  std::string quantity, impact;
  double nominal;
  lca::Summary s;
  std::string unit;
  std::string measure, vendor;  // the CSV's dimensions of the quantity
};

std::vector<McRow> McRows(const FleetAssessment& f, const lca::FleetUncertainty& u) {
  std::vector<McRow> rows;
  auto add = [&](const std::string& quantity, const std::string& measure, const std::string& vendor,
                 size_t k, double nominal, lca::Summary s, const std::string& suffix) {
    // The fleet units are linear: the factor of 1 converts every statistic.
    const FleetValue v = ToFleetUnit(1.0, f.impact_units[k]);
    for (double* x : {&s.mean, &s.sd, &s.p05, &s.p50, &s.p95}) *x *= v.value;
    rows.push_back(
        {quantity, f.impact_ids[k], nominal * v.value, s, v.unit + suffix, measure, vendor});
  };
  for (size_t k = 0; k < f.impact_ids.size(); ++k) {
    add("embodied", "embodied", "", k, f.year.embodied[k], u.embodied[k], "");
  }
  for (const auto& [vendor, summaries] : u.by_vendor) {
    auto it = f.year.by_vendor.find(vendor);
    if (it == f.year.by_vendor.end()) continue;
    for (size_t k = 0; k < f.impact_ids.size(); ++k) {
      add("embodied, " + vendor, "embodied", vendor, k, it->second[k], summaries[k], "");
    }
  }
  for (size_t k = 0; k < f.impact_ids.size(); ++k) {
    add("operational per year", "operational_per_year", "", k, f.year.operational_per_year[k],
        u.operational_per_year[k], "/yr");
  }
  lca::Summary e = u.kwh_per_year;
  for (double* x : {&e.mean, &e.sd, &e.p05, &e.p50, &e.p95}) *x = Twh(*x);
  rows.push_back({"electricity (facility)", "", Twh(f.year.kwh_per_year), e, "TWh/yr",
                  "electricity_per_year", ""});
  return rows;
}

}  // namespace

std::string FleetTitle(const FleetAssessment& f) {
  return fmt::format("Fleet {}: a year of data-center GPU shipments", f.year.shipments.year);
}

std::vector<TextSection> FleetSections(const FleetAssessment& f, const FleetReportOptions& o) {
  const FleetYear& y = f.year;
  const auto& ids = f.impact_ids;
  const auto& units = f.impact_units;
  std::vector<TextSection> out;

  TextSection a{"assumptions", "Assumptions", {}, {}};
  a.notes.push_back(fmt::format("{} data-center GPUs shipped in {}, as counted by source {}{}; product mix "
                                "per vendor as assumed in data/shipments (estimates with ranges) or --mix",
                                FormatNumber(y.shipments.total), y.shipments.year, y.shipments.source,
                                y.shipments.total_estimate ? ", an estimate" : ""));
  a.notes.push_back(fmt::format("embodied: cradle to gate per module x units; operational: per year once "
                                "deployed, utilisation {}, PUE {}, service life {} yr",
                                FormatNumber(f.utilization), FormatNumber(f.pue),
                                FormatNumber(f.lifetime_years)));
  a.notes.push_back("regions: " + RegionsText(f));
  if (!o.data_hash.empty()) a.notes.push_back("database " + o.data_hash);
  out.push_back(a);

  TextSection sh{"shipments", "Shipments by vendor", {}, {}};
  TextTable vendors{{"vendor", "units", "share"}, {}, {}};
  for (const auto& v : y.shipments.vendors) {
    vendors.rows.push_back({v.vendor, FormatNumber(v.units), FormatPercent(Share(v.units, y.shipments.total))});
  }
  sh.tables.push_back(vendors);
  out.push_back(sh);

  TextSection ev{"embodied_by_vendor", "Embodied, cradle to gate, by vendor", {}, {}};
  TextTable embodied{ImpactHeader("vendor", ids, units), {}, {}};
  for (const auto& v : y.shipments.vendors) {
    auto it = y.by_vendor.find(v.vendor);
    if (it != y.by_vendor.end()) embodied.rows.push_back(Row({v.vendor}, ImpactCells(it->second, units)));
  }
  embodied.rows.push_back(Row({"total"}, ImpactCells(y.embodied, units)));
  ev.tables.push_back(embodied);
  out.push_back(ev);

  TextSection ep{"embodied_by_product", "Embodied by product", {}, {}};
  TextTable products{ImpactHeader("product", ids, units), {}, {}};
  products.header.insert(products.header.begin() + 1, "units");
  for (const auto& p : y.products) {
    products.rows.push_back(Row({p.gpu, FormatNumber(p.units)}, ImpactCells(p.embodied, units)));
  }
  ep.tables.push_back(products);
  out.push_back(ep);

  TextSection es{"embodied_by_stage", "Embodied by stage", {}, {}};
  TextTable stages{ImpactHeader("stage", ids, units), {}, {}};
  for (int s = 0; s < lca::kStageSlots; ++s) {
    const std::vector<double> v = StageValues(y, s);
    if (AnyNonZero(v)) stages.rows.push_back(Row({lca::StageSlotName(s)}, ImpactCells(v, units)));
  }
  es.tables.push_back(stages);
  out.push_back(es);

  TextSection op{"operational", "Operational, per year once deployed", {}, {}};
  TextTable ot{{"quantity", "value", "unit"}, {false, true, false}, {}};
  ot.rows.push_back({"electricity (facility)", FormatNumber(Twh(y.kwh_per_year)), "TWh/yr"});
  for (size_t k = 0; k < ids.size(); ++k) {
    FleetValue v = ToFleetUnit(y.operational_per_year[k], units[k]);
    ot.rows.push_back({ids[k], FormatNumber(v.value), v.unit + "/yr"});
  }
  if (f.dc_twh) {
    ot.rows.push_back({fmt::format("world data centres, {} ({})", f.dc_year, f.dc_source),
                       FormatNumber(*f.dc_twh), "TWh/yr"});
    ot.rows.push_back({"this fleet's share of it", FormatPercent(Twh(y.kwh_per_year) / *f.dc_twh), ""});
  }
  op.tables.push_back(ot);
  out.push_back(op);

  if (f.previous) {
    const FleetYear& p = *f.previous;
    const int from = p.shipments.year, to = y.shipments.year;
    TextSection ch{"change", fmt::format("Change {} -> {}", from, to), {}, {}};
    TextTable ct{{"quantity", std::to_string(from), std::to_string(to), "change", "unit"},
                 {false, true, true, true, false}, {}};
    ct.rows.push_back({"units shipped", FormatNumber(p.shipments.total), FormatNumber(y.shipments.total),
                       FormatChange(p.shipments.total, y.shipments.total), "GPUs"});
    for (size_t k = 0; k < ids.size(); ++k) {
      FleetValue pv = ToFleetUnit(p.embodied[k], units[k]), yv = ToFleetUnit(y.embodied[k], units[k]);
      ct.rows.push_back({"embodied " + ids[k], FormatNumber(pv.value), FormatNumber(yv.value),
                         FormatChange(pv.value, yv.value), yv.unit});
    }
    ct.rows.push_back({"electricity", FormatNumber(Twh(p.kwh_per_year)), FormatNumber(Twh(y.kwh_per_year)),
                       FormatChange(p.kwh_per_year, y.kwh_per_year), "TWh/yr"});
    for (size_t k = 0; k < ids.size(); ++k) {
      FleetValue pv = ToFleetUnit(p.operational_per_year[k], units[k]);
      FleetValue yv = ToFleetUnit(y.operational_per_year[k], units[k]);
      ct.rows.push_back({"operational " + ids[k], FormatNumber(pv.value), FormatNumber(yv.value),
                         FormatChange(pv.value, yv.value), yv.unit + "/yr"});
    }
    if (p.shipments.source != y.shipments.source) {
      ch.notes.push_back(fmt::format("the two years come from different sources ({} and {}): see "
                                     "docs/fleet.md before reading the change",
                                     p.shipments.source, y.shipments.source));
    }
    ch.tables.push_back(ct);
    out.push_back(ch);
  }
  if (const lca::FleetUncertainty* u = o.uncertainty) {
    TextSection us{"uncertainty",
                   fmt::format("Uncertainty of {}: Monte Carlo, {} paired iterations, seed {}{}",
                               y.shipments.year, u->iterations, u->seed,
                               u->calibration
                                   ? fmt::format("; calibrated on {} (effective sample {:.1f}; "
                                                 "posterior, docs/calibration.md)",
                                                 fmt::join(u->calibration->declarations, ", "),
                                                 u->calibration->ess)
                                   : std::string()),
                   {}, {}};
    us.notes.push_back(fmt::format("{} systems per iteration (each module, each life cycle and its "
                                   "host share, per region) on the same draws; shipment counts "
                                   "and mix are not drawn",
                                   u->systems));
    TextTable t{{"quantity", "impact", "nominal", "mean", "p05", "p50", "p95", "unit"},
                {false, false, true, true, true, true, true, false},
                {}};
    for (const McRow& r : McRows(f, *u)) {
      t.rows.push_back({r.quantity, r.impact, FormatNumber(r.nominal), FormatNumber(r.s.mean),
                        FormatNumber(r.s.p05), FormatNumber(r.s.p50), FormatNumber(r.s.p95), r.unit});
    }
    us.tables.push_back(t);
    out.push_back(us);
  }
  return out;
}

std::string AssetsTitle() { return "Installed base: impacts by calendar year"; }

std::vector<TextSection> AssetsSections(const AssetTotals& t, const FleetReportOptions& o) {
  TextSection a{"assumptions", "Assumptions", {}, {}};
  a.notes.push_back(fmt::format("{} rows, {} GPUs; {} bad rows skipped; {} (product, region, utilisation) "
                                "combinations",
                                t.rows, FormatNumber(t.units), t.skipped, t.combinations));
  a.notes.push_back("embodied: cradle to gate, spread over each row's days in service; operational: per "
                    "GPU-hour at the row's region and utilisation x hours in service");
  if (!o.data_hash.empty()) a.notes.push_back("database " + o.data_hash);
  TextSection e{"embodied_by_year", "Amortised embodied by year", {}, {}};
  TextSection op{"operational_by_year", "Operational by year", {}, {}};
  TextTable et{ImpactHeader("year", t.impact_ids, t.impact_units), {}, {}};
  TextTable ot{ImpactHeader("year", t.impact_ids, t.impact_units), {}, {}};
  ot.header.insert(ot.header.begin() + 1, "GPU-years");
  ot.header.insert(ot.header.begin() + 2, "MWh");
  for (const auto& y : t.years) {
    et.rows.push_back(Row({std::to_string(y.year)}, ImpactCells(y.embodied, t.impact_units)));
    ot.rows.push_back(Row({std::to_string(y.year), FormatNumber(y.gpu_hours / 8760), FormatNumber(y.kwh / 1000)},
                          ImpactCells(y.operational, t.impact_units)));
  }
  e.tables.push_back(et);
  op.tables.push_back(ot);
  return {a, e, op};
}

std::string RenderFleetTerminal(const FleetAssessment& f, const FleetReportOptions& o) {
  return RenderTextDocument(FleetTitle(f), {}, FleetSections(f, o), false);
}
std::string RenderFleetMarkdown(const FleetAssessment& f, const FleetReportOptions& o) {
  return RenderTextDocument(FleetTitle(f), {}, FleetSections(f, o), true);
}

std::string RenderFleetJson(const FleetAssessment& f, const FleetReportOptions& o) {
  ordered_json j;
  j["demand"] = {{"product", fmt::format("data-center GPU shipments {}", f.year.shipments.year)},
                 {"amount", f.year.shipments.total},
                 {"unit", "item"},
                 {"boundary", "cradle-to-gate"}};
  if (!o.data_hash.empty()) j["data_hash"] = o.data_hash;
  ordered_json y = YearJson(f.year, f);
  for (auto it = y.begin(); it != y.end(); ++it) j[it.key()] = it.value();
  ordered_json regions = ordered_json::array();
  for (const auto& r : f.regions) regions.push_back({{"region", r.region}, {"share", r.share}});
  j["assumptions"] = {{"regions", regions}, {"utilization", f.utilization}, {"pue", f.pue},
                      {"lifetime_years", f.lifetime_years}};
  if (f.dc_twh) {
    j["comparison"] = {{"world_data_centres_twh", *f.dc_twh},
                       {"year", f.dc_year},
                       {"source", f.dc_source},
                       {"share", Twh(f.year.kwh_per_year) / *f.dc_twh}};
  }
  if (f.previous) {
    const FleetYear& p = *f.previous;
    j["previous"] = YearJson(p, f);
    ordered_json change = {{"from", p.shipments.year},
                           {"to", f.year.shipments.year},
                           {"units", Relative(p.shipments.total, f.year.shipments.total)},
                           {"electricity", Relative(p.kwh_per_year, f.year.kwh_per_year)}};
    for (size_t k = 0; k < f.impact_ids.size(); ++k) {
      change["embodied"][f.impact_ids[k]] = Relative(p.embodied[k], f.year.embodied[k]);
      change["operational_per_year"][f.impact_ids[k]] =
          Relative(p.operational_per_year[k], f.year.operational_per_year[k]);
    }
    j["change"] = change;
  }
  if (const lca::FleetUncertainty* u = o.uncertainty) {
    ordered_json m = {{"iterations", u->iterations}, {"seed", u->seed}, {"systems", u->systems}};
    if (u->calibration) {
      m["calibration"] = {{"declarations", u->calibration->declarations},
                          {"effective_sample_size", u->calibration->ess}};
    }
    m["quantities"] = ordered_json::array();
    for (const McRow& r : McRows(f, *u)) {
      ordered_json s;
      for (auto [key, v] : lca::Fields(r.s)) s[key] = v;
      if (r.quantity == "embodied" && j["impacts"].contains(r.impact)) j["impacts"][r.impact].update(s);
      ordered_json q = {{"quantity", r.quantity}, {"impact", r.impact}, {"nominal", r.nominal}};
      q.update(s);
      q["unit"] = r.unit;
      m["quantities"].push_back(q);
    }
    j["uncertainty"] = {{"monte_carlo", m}};
  }
  return j.dump(2) + "\n";
}

std::string RenderFleetCsv(const FleetAssessment& f, const FleetReportOptions& o) {
  TidyCsv csv;
  csv.Text(TidyKey("run").Measure("data_hash"), o.data_hash);
  for (const auto& r : f.regions) {
    csv.Number(TidyKey("regions").Region(r.region).Measure("share"), r.share, "1");
  }
  for (const FleetYear* y : {f.previous ? &*f.previous : nullptr, &f.year}) {
    if (!y) continue;
    const TidyKey year = TidyKey().Year(y->shipments.year);
    csv.Number(year.Section("fleet").Measure("units"), y->shipments.total, "item");
    csv.Text(year.Section("fleet").Measure("units_source"), y->shipments.source);
    for (const auto& v : y->shipments.vendors) {
      csv.Number(year.Section("by_vendor").Vendor(v.vendor).Measure("units"), v.units, "item");
    }
    for (size_t k = 0; k < f.impact_ids.size(); ++k) {
      const TidyKey impact = year.Impact(f.impact_ids[k]);
      const TidyKey embodied = impact.Measure("embodied");
      auto add = [&](const TidyKey& key, double value, const std::string& suffix = "") {
        const FleetValue v = ToFleetUnit(value, f.impact_units[k]);
        csv.Number(key, v.value, v.unit + suffix);
      };
      add(embodied.Section("fleet"), y->embodied[k]);
      for (const auto& [vendor, values] : y->by_vendor) {
        add(embodied.Section("by_vendor").Vendor(vendor), values[k]);
      }
      for (const auto& p : y->products) {
        add(embodied.Section("by_product").Gpu(p.gpu), p.embodied[k]);
      }
      for (int s = 0; s < lca::kStageSlots; ++s) {
        const double v = y->by_stage[k][s];
        if (v != 0) add(embodied.Section("by_stage").Stage(lca::StageSlotName(s)), v);
      }
      const double operational = y->operational_per_year[k];
      add(impact.Section("fleet").Measure("operational_per_year"), operational, "/yr");
    }
    csv.Number(year.Section("fleet").Measure("electricity_per_year"), Twh(y->kwh_per_year),
               "TWh/yr");
  }
  if (f.dc_twh) {
    const TidyKey world = TidyKey("world_data_centres").Year(f.dc_year);
    csv.Number(world.Measure("electricity_per_year"), *f.dc_twh, "TWh/yr");
    csv.Text(world.Measure("source"), f.dc_source);
  }
  if (const lca::FleetUncertainty* u = o.uncertainty) {
    const TidyKey year = TidyKey("mc").Year(f.year.shipments.year);
    if (u->calibration) {
      for (const std::string& d : u->calibration->declarations) {
        csv.Text(TidyKey("calibration").Source(d).Measure("declaration"), "used");
      }
      csv.Number(TidyKey("calibration").Measure("effective_sample_size"), u->calibration->ess, "1");
    }
    for (const McRow& r : McRows(f, *u)) {
      const TidyKey key = year.Vendor(r.vendor).Impact(r.impact).Measure(r.measure);
      for (auto [statistic, v] : lca::Fields(r.s)) csv.Number(key.Statistic(statistic), v, r.unit);
    }
  }
  if (f.previous) {
    // The relative change from the year before, undefined from nothing.
    const TidyKey change = TidyKey("change").Year(f.year.shipments.year);
    const std::string reason =
        fmt::format("0 in {}: no relative change", f.previous->shipments.year);
    auto rel = [&](const TidyKey& key, double before, double after) {
      std::optional<double> relative;
      if (before != 0) relative = after / before - 1;
      csv.Figure(key, relative, "1", reason);
    };
    rel(change.Measure("units"), f.previous->shipments.total, f.year.shipments.total);
    rel(change.Measure("electricity_per_year"), f.previous->kwh_per_year, f.year.kwh_per_year);
    for (size_t k = 0; k < f.impact_ids.size(); ++k) {
      const TidyKey impact = change.Impact(f.impact_ids[k]);
      rel(impact.Measure("embodied"), f.previous->embodied[k], f.year.embodied[k]);
      rel(impact.Measure("operational_per_year"), f.previous->operational_per_year[k],
          f.year.operational_per_year[k]);
    }
  }
  return csv.str();
}

Table FleetUncertaintyTable(const FleetAssessment& f, const lca::FleetUncertainty& u) {
  Table t{"Monte Carlo",
          {"quantity", "impact", "nominal", "mean", "sd", "p05", "p50", "p95", "unit"},
          {}};
  for (const McRow& r : McRows(f, u)) {
    t.rows.push_back({r.quantity, r.impact, r.nominal, r.s.mean, r.s.sd, r.s.p05, r.s.p50, r.s.p95,
                      r.unit});
  }
  return t;
}

std::string RenderAssetsTerminal(const AssetTotals& t, const FleetReportOptions& o) {
  return RenderTextDocument(AssetsTitle(), {}, AssetsSections(t, o), false);
}
std::string RenderAssetsMarkdown(const AssetTotals& t, const FleetReportOptions& o) {
  return RenderTextDocument(AssetsTitle(), {}, AssetsSections(t, o), true);
}

std::string RenderAssetsJson(const AssetTotals& t, const FleetReportOptions& o) {
  ordered_json j;
  j["demand"] = {{"product", "installed base"}, {"amount", t.units}, {"unit", "item"},
                 {"boundary", "amortised embodied + operational"}};
  if (!o.data_hash.empty()) j["data_hash"] = o.data_hash;
  j["rows"] = t.rows;
  j["skipped"] = t.skipped;
  ordered_json years = ordered_json::array();
  for (const auto& y : t.years) {
    years.push_back({{"year", y.year},
                     {"gpu_hours", y.gpu_hours},
                     {"electricity_mwh", y.kwh / 1000},
                     {"embodied", Impacts(y.embodied, t.impact_ids, t.impact_units)},
                     {"operational", Impacts(y.operational, t.impact_ids, t.impact_units)}});
  }
  j["years"] = years;
  return j.dump(2) + "\n";
}

std::string RenderAssetsCsv(const AssetTotals& t, const FleetReportOptions& o) {
  TidyCsv csv;
  csv.Text(TidyKey("run").Measure("data_hash"), o.data_hash);
  for (const auto& y : t.years) {
    const TidyKey year = TidyKey("years").Year(y.year);
    csv.Number(year.Measure("gpu_hours"), y.gpu_hours, "h");
    csv.Number(year.Measure("electricity"), y.kwh / 1000, "MWh");
    for (size_t k = 0; k < t.impact_ids.size(); ++k) {
      const TidyKey impact = year.Impact(t.impact_ids[k]);
      const FleetValue e = ToFleetUnit(y.embodied[k], t.impact_units[k]);
      const FleetValue op = ToFleetUnit(y.operational[k], t.impact_units[k]);
      csv.Number(impact.Measure("embodied"), e.value, e.unit);
      csv.Number(impact.Measure("operational"), op.value, op.unit);
    }
  }
  return csv.str();
}

}  // namespace gpulca::reports
