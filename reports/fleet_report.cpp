#include "reports/fleet_report.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "reports/ranking.h"

namespace gpulca::reports {
namespace {

using lca::AssetTotals;
using lca::FleetAssessment;
using lca::FleetYear;
using nlohmann::ordered_json;

struct Table {
  std::string title;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

std::string Num(double v) {
  if (!std::isfinite(v)) return "n/a";
  double a = std::abs(v);
  if (a >= 1000) {
    std::string digits = fmt::format("{:.0f}", a), out;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return (v < 0 ? "-" : "") + out;
  }
  if (a == 0) return "0";
  return fmt::format("{:.3g}", v);
}

std::string Percent(double share) { return fmt::format("{:.1f}%", share * 100); }
std::string Change(double before, double after) {
  return before == 0 ? "n/a" : fmt::format("{:+.1f}%", (after / before - 1) * 100);
}

size_t Width(const std::string& s) {  // UTF-8 code points
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Render(const std::string& title, const std::vector<std::string>& notes,
                   const std::vector<Table>& tables, bool markdown) {
  std::string out = markdown ? "# " + title + "\n\n" : title + "\n" + std::string(Width(title), '=') + "\n";
  for (const std::string& n : notes) out += (markdown ? "- " : "  ") + n + "\n";
  for (const Table& t : tables) {
    out += markdown ? "\n## " + t.title + "\n\n" : "\n" + t.title + "\n";
    if (markdown) {
      out += "| " + fmt::format("{}", fmt::join(t.header, " | ")) + " |\n|";
      for (size_t c = 0; c < t.header.size(); ++c) out += c == 0 ? " --- |" : " ---: |";
      out += "\n";
      for (const auto& row : t.rows) out += "| " + fmt::format("{}", fmt::join(row, " | ")) + " |\n";
      continue;
    }
    std::vector<size_t> w(t.header.size());
    for (size_t c = 0; c < w.size(); ++c) w[c] = Width(t.header[c]);
    for (const auto& row : t.rows)
      for (size_t c = 0; c < row.size() && c < w.size(); ++c) w[c] = std::max(w[c], Width(row[c]));
    auto line = [&](const std::vector<std::string>& cells) {
      std::string s = " ";
      for (size_t c = 0; c < cells.size(); ++c) {
        std::string pad(w[c] - Width(cells[c]), ' ');
        s += " " + (c == 0 ? cells[c] + pad : pad + cells[c]);
      }
      return s + "\n";
    };
    out += line(t.header);
    for (const auto& row : t.rows) out += line(row);
  }
  return out;
}

std::vector<std::string> ImpactHeader(const std::string& first, const std::vector<std::string>& ids,
                                      const std::vector<std::string>& units) {
  std::vector<std::string> h{first};
  for (size_t k = 0; k < ids.size(); ++k) h.push_back(ids[k] + " " + ToFleetUnit(1, units[k]).unit);
  return h;
}

std::vector<std::string> ImpactCells(const std::vector<double>& v, const std::vector<std::string>& units) {
  std::vector<std::string> cells;
  for (size_t k = 0; k < v.size(); ++k) cells.push_back(Num(ToFleetUnit(v[k], units[k]).value));
  return cells;
}

std::vector<std::string> Row(std::vector<std::string> head, const std::vector<std::string>& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

std::string RegionsText(const FleetAssessment& f) {
  std::vector<std::string> parts;
  for (const auto& r : f.regions) {
    parts.push_back(fmt::format("{} {}", r.region.empty() ? "each life cycle's own grid" : r.region,
                                Percent(r.share)));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

double Twh(double kwh) { return kwh / 1e9; }

std::string FleetText(const FleetAssessment& f, bool md) {
  const FleetYear& y = f.year;
  const auto& ids = f.impact_ids;
  const auto& units = f.impact_units;
  std::vector<std::string> notes{
      fmt::format("{} data-center GPUs shipped (bundled shipments; product mix per vendor as assumed in "
                  "data/shipments or --mix)",
                  Num(y.shipments.total)),
      fmt::format("embodied: cradle to gate per module x units; operational: per year once deployed, "
                  "utilisation {}, PUE {}, service life {} yr",
                  f.utilization, f.pue, f.lifetime_years),
      "regions: " + RegionsText(f)};
  std::vector<Table> tables;

  Table vendors{"Shipments by vendor", {"vendor", "units", "share"}, {}};
  for (const auto& v : y.shipments.vendors) {
    vendors.rows.push_back({v.vendor, Num(v.units), Percent(Share(v.units, y.shipments.total))});
  }
  tables.push_back(vendors);

  Table embodied{"Embodied, cradle to gate, by vendor", ImpactHeader("vendor", ids, units), {}};
  for (const auto& v : y.shipments.vendors) {
    auto it = y.by_vendor.find(v.vendor);
    if (it != y.by_vendor.end()) embodied.rows.push_back(Row({v.vendor}, ImpactCells(it->second, units)));
  }
  embodied.rows.push_back(Row({"total"}, ImpactCells(y.embodied, units)));
  tables.push_back(embodied);

  Table products{"Embodied by product", ImpactHeader("product", ids, units), {}};
  products.header.insert(products.header.begin() + 1, "units");
  for (const auto& p : y.products) products.rows.push_back(Row({p.gpu, Num(p.units)}, ImpactCells(p.embodied, units)));
  tables.push_back(products);

  Table stages{"Embodied by stage", ImpactHeader("stage", ids, units), {}};
  for (int s = 0; s < lca::kStageSlots; ++s) {
    std::vector<double> v;
    bool any = false;
    for (size_t k = 0; k < ids.size(); ++k) {
      v.push_back(y.by_stage[k][s]);
      any = any || v.back() != 0;
    }
    if (any) stages.rows.push_back(Row({lca::StageSlotName(s)}, ImpactCells(v, units)));
  }
  tables.push_back(stages);

  Table op{"Operational, per year once deployed", {"quantity", "value", "unit"}, {}};
  op.rows.push_back({"electricity (facility)", Num(Twh(y.kwh_per_year)), "TWh/yr"});
  for (size_t k = 0; k < ids.size(); ++k) {
    FleetValue v = ToFleetUnit(y.operational_per_year[k], units[k]);
    op.rows.push_back({ids[k], Num(v.value), v.unit + "/yr"});
  }
  if (f.dc_twh) {
    op.rows.push_back({fmt::format("share of world data centres, {} ({} TWh, IEA)", f.dc_year, Num(*f.dc_twh)),
                       Percent(Twh(y.kwh_per_year) / *f.dc_twh), ""});
  }
  tables.push_back(op);

  if (f.previous) {
    const FleetYear& p = *f.previous;
    const int a = p.shipments.year, b = y.shipments.year;
    Table ch{fmt::format("Change {} -> {}", a, b), {"quantity", std::to_string(a), std::to_string(b), "change", "unit"}, {}};
    ch.rows.push_back({"units shipped", Num(p.shipments.total), Num(y.shipments.total),
                       Change(p.shipments.total, y.shipments.total), "GPUs"});
    for (size_t k = 0; k < ids.size(); ++k) {
      FleetValue pv = ToFleetUnit(p.embodied[k], units[k]), yv = ToFleetUnit(y.embodied[k], units[k]);
      ch.rows.push_back({"embodied " + ids[k], Num(pv.value), Num(yv.value), Change(pv.value, yv.value), yv.unit});
    }
    ch.rows.push_back({"electricity", Num(Twh(p.kwh_per_year)), Num(Twh(y.kwh_per_year)),
                       Change(p.kwh_per_year, y.kwh_per_year), "TWh/yr"});
    for (size_t k = 0; k < ids.size(); ++k) {
      FleetValue pv = ToFleetUnit(p.operational_per_year[k], units[k]);
      FleetValue yv = ToFleetUnit(y.operational_per_year[k], units[k]);
      ch.rows.push_back({"operational " + ids[k], Num(pv.value), Num(yv.value), Change(pv.value, yv.value),
                         yv.unit + "/yr"});
    }
    tables.push_back(ch);
  }
  return Render(fmt::format("Fleet {}: a year of data-center GPU shipments", y.shipments.year), notes, tables, md);
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
  j["impacts"] = Impacts(y.embodied, ids, units);
  ordered_json stages = ordered_json::object();
  for (int s = 0; s < lca::kStageSlots; ++s) {
    ordered_json st = ordered_json::object();
    bool any = false;
    for (size_t k = 0; k < ids.size(); ++k) {
      st[ids[k]] = ToFleetUnit(y.by_stage[k][s], units[k]).value;
      any = any || y.by_stage[k][s] != 0;
    }
    if (any) stages[lca::StageSlotName(s)] = st;
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

std::string AssetsText(const AssetTotals& t, bool md) {
  std::vector<std::string> notes{
      fmt::format("{} rows, {} GPUs; {} bad rows skipped; {} (product, region, utilisation) combinations", t.rows,
                  Num(t.units), t.skipped, t.combinations),
      "embodied: cradle to gate, spread over each row's days in service; operational: per GPU-hour at the "
      "row's region and utilisation x hours in service"};
  Table e{"Amortised embodied by year", ImpactHeader("year", t.impact_ids, t.impact_units), {}};
  Table o{"Operational by year", ImpactHeader("year", t.impact_ids, t.impact_units), {}};
  o.header.insert(o.header.begin() + 1, "GPU-years");
  o.header.insert(o.header.begin() + 2, "MWh");
  for (const auto& y : t.years) {
    e.rows.push_back(Row({std::to_string(y.year)}, ImpactCells(y.embodied, t.impact_units)));
    o.rows.push_back(Row({std::to_string(y.year), Num(y.gpu_hours / 8760), Num(y.kwh / 1000)},
                         ImpactCells(y.operational, t.impact_units)));
  }
  return Render("Installed base: impacts by calendar year", notes, {e, o}, md);
}

}  // namespace

FleetValue ToFleetUnit(double value, const std::string& unit) {
  if (unit == "kg CO2e") return {value / 1e3, "t CO2e"};
  if (unit == "MJ") return {value / 3.6e6, "GWh"};
  if (unit == "L") return {value / 1e6, "ML"};
  return {value, unit};
}

std::string RenderFleetTerminal(const FleetAssessment& f) { return FleetText(f, false); }
std::string RenderFleetMarkdown(const FleetAssessment& f) { return FleetText(f, true); }

std::string RenderFleetJson(const FleetAssessment& f) {
  ordered_json j;
  j["demand"] = {{"product", fmt::format("data-center GPU shipments {}", f.year.shipments.year)},
                 {"amount", f.year.shipments.total},
                 {"boundary", "cradle-to-gate"}};
  ordered_json y = YearJson(f.year, f);
  for (auto it = y.begin(); it != y.end(); ++it) j[it.key()] = it.value();
  ordered_json regions = ordered_json::array();
  for (const auto& r : f.regions) regions.push_back({{"region", r.region}, {"share", r.share}});
  j["assumptions"] = {{"regions", regions}, {"utilization", f.utilization}, {"pue", f.pue},
                      {"lifetime_years", f.lifetime_years}};
  if (f.dc_twh) {
    j["comparison"] = {{"world_data_centres_twh", *f.dc_twh},
                       {"year", f.dc_year},
                       {"source", "iea2024_electricity"},
                       {"share", Twh(f.year.kwh_per_year) / *f.dc_twh}};
  }
  if (f.previous) j["previous"] = YearJson(*f.previous, f);
  return j.dump(2) + "\n";
}

std::string RenderFleetCsv(const FleetAssessment& f) {
  std::string out = "section,key,impact,value,unit\n";
  auto add = [&](const std::string& section, const std::string& key, const std::string& impact, double v,
                 const std::string& unit) {
    out += fmt::format("{},{},{},{},{}\n", section, key, impact, v, unit);
  };
  for (const FleetYear* y : {f.previous ? &*f.previous : nullptr, &f.year}) {
    if (!y) continue;
    const std::string year = std::to_string(y->shipments.year);
    add("units", year, "", y->shipments.total, "item");
    for (const auto& v : y->shipments.vendors) add("vendor_units", year + ":" + v.vendor, "", v.units, "item");
    for (size_t k = 0; k < f.impact_ids.size(); ++k) {
      FleetValue v = ToFleetUnit(y->embodied[k], f.impact_units[k]);
      add("embodied", year, f.impact_ids[k], v.value, v.unit);
      for (const auto& [vendor, values] : y->by_vendor) {
        v = ToFleetUnit(values[k], f.impact_units[k]);
        add("embodied_vendor", year + ":" + vendor, f.impact_ids[k], v.value, v.unit);
      }
      for (const auto& p : y->products) {
        v = ToFleetUnit(p.embodied[k], f.impact_units[k]);
        add("embodied_product", year + ":" + p.gpu, f.impact_ids[k], v.value, v.unit);
      }
      for (int s = 0; s < lca::kStageSlots; ++s) {
        if (y->by_stage[k][s] == 0) continue;
        v = ToFleetUnit(y->by_stage[k][s], f.impact_units[k]);
        add("embodied_stage", year + ":" + lca::StageSlotName(s), f.impact_ids[k], v.value, v.unit);
      }
      v = ToFleetUnit(y->operational_per_year[k], f.impact_units[k]);
      add("operational_per_year", year, f.impact_ids[k], v.value, v.unit + "/yr");
    }
    add("electricity_per_year", year, "", Twh(y->kwh_per_year), "TWh/yr");
  }
  if (f.dc_twh) add("world_data_centres", std::to_string(f.dc_year), "", *f.dc_twh, "TWh/yr");
  return out;
}

std::string RenderAssetsTerminal(const AssetTotals& t) { return AssetsText(t, false); }
std::string RenderAssetsMarkdown(const AssetTotals& t) { return AssetsText(t, true); }

std::string RenderAssetsJson(const AssetTotals& t) {
  ordered_json j;
  j["demand"] = {{"product", "installed base"}, {"amount", t.units}, {"boundary", "amortised embodied + operational"}};
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

std::string RenderAssetsCsv(const AssetTotals& t) {
  std::string out = "year,quantity,impact,value,unit\n";
  for (const auto& y : t.years) {
    out += fmt::format("{},gpu_hours,,{},h\n{},electricity,,{},MWh\n", y.year, y.gpu_hours, y.year, y.kwh / 1000);
    for (size_t k = 0; k < t.impact_ids.size(); ++k) {
      FleetValue e = ToFleetUnit(y.embodied[k], t.impact_units[k]);
      FleetValue o = ToFleetUnit(y.operational[k], t.impact_units[k]);
      out += fmt::format("{},embodied,{},{},{}\n", y.year, t.impact_ids[k], e.value, e.unit);
      out += fmt::format("{},operational,{},{},{}\n", y.year, t.impact_ids[k], o.value, o.unit);
    }
  }
  return out;
}

}  // namespace gpulca::reports
