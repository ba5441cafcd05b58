#include "reports/audit_report.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "lca/error.h"
#include "reports/internal/tidy_csv.h"

namespace gpulca::reports {
namespace {

using inventory::PurchaseOrder;
using lca::AuditResult;
using lca::LineAudit;
using lca::Verdict;
using lca::WhatIf;
using nlohmann::json;

int Gwp(const AuditResult& r) {
  for (size_t k = 0; k < r.impact_ids.size(); ++k) {
    if (r.impact_ids[k] == "gwp100") return static_cast<int>(k);
  }
  return 0;
}

json IntervalJson(const std::optional<lca::Summary>& s) {
  if (!s) return nullptr;
  json j;
  for (auto [key, v] : lca::Fields(*s)) j[key] = v;
  return j;
}

json ImpactsJson(const AuditResult& r, const std::vector<double>& values) {
  json j = json::object();
  for (size_t k = 0; k < r.impact_ids.size(); ++k) {
    j[r.impact_ids[k]] = {{"value", values[k]}, {"unit", r.impact_units[k]}};
  }
  return j;
}

json StagesJson(const AuditResult& r,
                const std::vector<std::array<double, lca::kStageSlots>>& by_stage) {
  json j = json::object();
  for (int slot = 0; slot < lca::kStageSlots; ++slot) {
    json s = json::object();
    bool any = slot < inventory::kStageCount;
    for (size_t k = 0; k < r.impact_ids.size(); ++k) {
      s[r.impact_ids[k]] = by_stage[k][slot];
      any = any || by_stage[k][slot] != 0.0;
    }
    if (any) j[lca::StageSlotName(slot)] = s;
  }
  return j;
}

json VerdictJson(const Verdict& v) {
  return {{"level", lca::ToString(v.level)}, {"code", v.code}, {"message", v.message}};
}

json WhatIfJson(const WhatIf& w) {
  return {{"kind", w.kind},
          {"description", w.description},
          {"units", w.units},
          {"gate_kg_co2e", w.gate_kg},
          {"grave_kg_co2e", w.grave_kg},
          {"per_gpu_hour_kg_co2e", w.per_gpu_hour_kg},
          {"embodied_per_gpu_hour_kg_co2e", w.embodied_per_gpu_hour_kg},
          {"change_kg_co2e", w.change_kg}};
}

json ResultsJson(const AuditResult& r, const PurchaseOrder& o) {
  json j;
  double units = 0;
  for (const LineAudit& l : r.lines) units += static_cast<double>(l.line.quantity);
  j["order"] = {{"id", o.id}, {"buyer", o.buyer}, {"supplier", o.supplier}, {"date", o.date}};
  j["demand"] = {{"product", fmt::format("purchase order {}", o.id)},
                 {"amount", units},
                 {"boundary", "cradle-to-gate"}};
  j["deployment"] = {{"region", r.region},
                     {"pue", r.pue},
                     {"utilization", r.utilization},
                     {"lifetime_years", r.lifetime_years}};
  j["monte_carlo"] = {{"iterations", o.iterations}, {"seed", o.seed}};
  j["impact_order"] = r.impact_ids;  // the keys of the impact objects sort otherwise
  j["impacts"] = ImpactsJson(r, r.total_gate);
  j["stages"] = StagesJson(r, r.total_gate_by_stage);
  j["life_cycle"] = ImpactsJson(r, r.total_grave);
  j["lines"] = json::array();
  j["verdicts"] = json::array();
  for (size_t i = 0; i < r.lines.size(); ++i) {
    const LineAudit& l = r.lines[i];
    json line;
    line["line"] = i + 1;
    line["product"] = l.line.product;
    line["name"] = l.name;
    line["quantity"] = l.line.quantity;
    line["per_unit"] = {{"cradle_to_gate", ImpactsJson(r, l.gate)},
                        {"cradle_to_grave", ImpactsJson(r, l.grave)}};
    line["interval_gwp100"] = {{"cradle_to_gate", IntervalJson(l.estimate.gate_interval)},
                               {"cradle_to_grave", IntervalJson(l.estimate.grave_interval)}};
    line["embodied_per_gpu_hour_kg_co2e"] = l.embodied_per_gpu_hour_kg;
    line["life_cycle_per_gpu_hour_kg_co2e"] = l.grave_per_gpu_hour_kg;
    line["lifetime_hours"] = l.lifetime_hours;
    line["model"] = {{"fab_region", l.estimate.model_fab_region},
                     {"assembly_region", l.estimate.model_assembly_region},
                     {"transport", l.estimate.model_transport}};
    if (l.line.declared) {
      const inventory::DeclaredFootprint& d = *l.line.declared;
      line["declared"] = {{"kg_co2e_per_unit", d.kg_co2e_per_unit}, {"boundary", d.boundary},
                          {"standard", d.standard},                 {"source", d.source}};
    } else {
      line["declared"] = nullptr;
    }
    line["verdicts"] = json::array();
    for (const Verdict& v : l.verdicts) {
      line["verdicts"].push_back(VerdictJson(v));
      json summary = VerdictJson(v);
      summary["line"] = i + 1;
      summary["product"] = l.line.product;
      j["verdicts"].push_back(summary);
    }
    line["what_ifs"] = json::array();
    for (const WhatIf& w : l.what_ifs) line["what_ifs"].push_back(WhatIfJson(w));
    j["lines"].push_back(line);
  }
  return j;
}

std::string Range(const std::optional<lca::Summary>& s) {
  return s ? fmt::format("{:.4g}–{:.4g}", s->p05, s->p95) : "—";
}

std::string Declared(const LineAudit& l) {
  if (!l.line.declared) return "—";
  return fmt::format("{:.4g} ({})", l.line.declared->kg_co2e_per_unit, l.line.declared->boundary);
}

std::string Header(const AuditResult& r, const PurchaseOrder& o, const AuditContext& c) {
  std::string out = fmt::format("buyer {}, supplier {}{}\n", o.buyer, o.supplier,
                                o.date.empty() ? "" : ", dated " + o.date);
  out += fmt::format("deployment {}: PUE {:g}, utilisation {:g}, {:g} years; Monte Carlo {} "
                     "iterations, seed {}\n",
                     r.region, r.pue, r.utilization, r.lifetime_years, o.iterations, o.seed);
  if (c.record_id > 0) out += fmt::format("recorded as audit {} at {}\n", c.record_id, c.created_at);
  if (!c.content_hash.empty()) out += fmt::format("database {}\n", c.content_hash.substr(0, 16));
  return out;
}

}  // namespace

std::string AuditResultsJson(const AuditResult& result, const PurchaseOrder& order) {
  return ResultsJson(result, order).dump();
}

namespace {

std::optional<lca::Summary> IntervalFromJson(const json& j) {
  if (j.is_null()) return std::nullopt;
  return lca::Summary{j.at("mean"), j.at("sd"), j.at("p05"), j.at("p50"), j.at("p95")};
}

std::vector<double> ImpactsFromJson(const AuditResult& r, const json& j) {
  std::vector<double> out;
  for (const std::string& id : r.impact_ids) out.push_back(j.at(id).at("value"));
  return out;
}

}  // namespace

AuditResult ParseAuditResults(const std::string& text) {
  try {
    json j = json::parse(text);
    AuditResult r;
    const json& d = j.at("deployment");
    r.region = d.at("region");
    r.pue = d.at("pue");
    r.utilization = d.at("utilization");
    r.lifetime_years = d.at("lifetime_years");
    for (const std::string id : j.at("impact_order")) {
      r.impact_ids.push_back(id);
      r.impact_units.push_back(j.at("impacts").at(id).at("unit"));
    }
    r.total_gate = ImpactsFromJson(r, j.at("impacts"));
    r.total_grave = ImpactsFromJson(r, j.at("life_cycle"));
    r.total_gate_by_stage.assign(r.impact_ids.size(), {});
    for (int slot = 0; slot < lca::kStageSlots; ++slot) {
      const json& stages = j.at("stages");
      if (!stages.contains(lca::StageSlotName(slot))) continue;
      for (size_t k = 0; k < r.impact_ids.size(); ++k) {
        r.total_gate_by_stage[k][slot] = stages.at(lca::StageSlotName(slot)).at(r.impact_ids[k]);
      }
    }
    for (const json& x : j.at("lines")) {
      LineAudit l;
      l.line.product = x.at("product");
      l.line.quantity = x.at("quantity");
      l.name = x.at("name");
      l.gate = ImpactsFromJson(r, x.at("per_unit").at("cradle_to_gate"));
      l.grave = ImpactsFromJson(r, x.at("per_unit").at("cradle_to_grave"));
      l.estimate.gate_interval = IntervalFromJson(x.at("interval_gwp100").at("cradle_to_gate"));
      l.estimate.grave_interval = IntervalFromJson(x.at("interval_gwp100").at("cradle_to_grave"));
      l.embodied_per_gpu_hour_kg = x.at("embodied_per_gpu_hour_kg_co2e");
      l.grave_per_gpu_hour_kg = x.at("life_cycle_per_gpu_hour_kg_co2e");
      l.lifetime_hours = x.at("lifetime_hours");
      l.estimate.model_fab_region = x.at("model").at("fab_region");
      l.estimate.model_assembly_region = x.at("model").at("assembly_region");
      l.estimate.model_transport = x.at("model").at("transport");
      if (!x.at("declared").is_null()) {
        inventory::DeclaredFootprint f;
        f.kg_co2e_per_unit = x["declared"].at("kg_co2e_per_unit");
        f.boundary = x["declared"].at("boundary");
        f.standard = x["declared"].at("standard");
        f.source = x["declared"].at("source");
        l.line.declared = f;
      }
      for (const json& v : x.at("verdicts")) {
        const std::string level = v.at("level");
        Verdict verdict;
        verdict.level = level == "ok"     ? Verdict::Level::kOk
                        : level == "flag" ? Verdict::Level::kFlag
                                          : Verdict::Level::kNote;
        verdict.code = v.at("code");
        verdict.message = v.at("message");
        l.verdicts.push_back(verdict);
      }
      for (const json& w : x.at("what_ifs")) {
        WhatIf what;
        what.kind = w.at("kind");
        what.description = w.at("description");
        what.units = w.at("units");
        what.gate_kg = w.at("gate_kg_co2e");
        what.grave_kg = w.at("grave_kg_co2e");
        what.per_gpu_hour_kg = w.at("per_gpu_hour_kg_co2e");
        what.embodied_per_gpu_hour_kg = w.at("embodied_per_gpu_hour_kg_co2e");
        what.change_kg = w.at("change_kg_co2e");
        l.what_ifs.push_back(what);
      }
      r.lines.push_back(std::move(l));
    }
    return r;
  } catch (const json::exception& e) {
    throw InputError(fmt::format("the recorded results cannot be read: {}", e.what()));
  }
}

std::string RenderAuditJson(const AuditResult& result, const PurchaseOrder& order,
                            const AuditContext& context) {
  json j = ResultsJson(result, order);
  j["record"] = {{"id", context.record_id},
                 {"created_at", context.created_at},
                 {"content_hash", context.content_hash}};
  return j.dump(2) + "\n";
}

std::string RenderAuditTerminal(const AuditResult& r, const PurchaseOrder& o,
                                const AuditContext& c) {
  const int k = Gwp(r);
  std::string out = fmt::format("Audit of order {}\n{}\n", o.id, std::string(72, '='));
  out += Header(r, o, c);
  out += "\nVerdicts\n";
  for (size_t i = 0; i < r.lines.size(); ++i) {
    for (const Verdict& v : r.lines[i].verdicts) {
      std::string level = v.level == Verdict::Level::kFlag ? "FLAG" : lca::ToString(v.level);
      out += fmt::format("  {:<4}  line {} {}: {}\n", level, i + 1, r.lines[i].line.product,
                         v.message);
    }
  }
  out += fmt::format("\nLines, gwp100 ({} per unit)\n", r.impact_units[k]);
  out += fmt::format("  {:<4} {:<24} {:>6} {:>10} {:>17} {:>18} {:>11} {:>12}\n", "line",
                     "product", "qty", "gate", "90% interval", "declared", "life cycle",
                     "embodied/h");
  for (size_t i = 0; i < r.lines.size(); ++i) {
    const LineAudit& l = r.lines[i];
    out += fmt::format("  {:<4} {:<24} {:>6} {:>10.4g} {:>17} {:>18} {:>11.4g} {:>12.4g}\n",
                       i + 1, l.line.product, l.line.quantity, l.gate[k],
                       Range(l.estimate.gate_interval), Declared(l), l.grave[k],
                       l.embodied_per_gpu_hour_kg);
  }
  out += "\nTotals of the order\n";
  out += fmt::format("  {:<8} {:>16} {:>16}  {}\n", "impact", "embodied", "life cycle", "unit");
  for (size_t i = 0; i < r.impact_ids.size(); ++i) {
    out += fmt::format("  {:<8} {:>16.6g} {:>16.6g}  {}\n", r.impact_ids[i], r.total_gate[i],
                       r.total_grave[i], r.impact_units[i]);
  }
  for (size_t i = 0; i < r.lines.size(); ++i) {
    const LineAudit& l = r.lines[i];
    out += fmt::format("\nWhat-ifs, line {} ({} x {}; life cycle {:.6g} kg CO2e)\n", i + 1,
                       l.line.quantity, l.line.product, l.line.quantity * l.grave[k]);
    for (const WhatIf& w : l.what_ifs) {
      out += fmt::format("  {:<52} life cycle {:>12.6g} kg ({:+.4g}), {:.4g} kg per GPU-hour\n",
                         w.description, w.grave_kg, w.change_kg, w.per_gpu_hour_kg);
    }
  }
  return out;
}

std::string RenderAuditMarkdown(const AuditResult& r, const PurchaseOrder& o,
                                const AuditContext& c) {
  const int k = Gwp(r);
  std::string out = fmt::format("# Audit of order {}\n\n", o.id);
  std::string header = Header(r, o, c);
  for (size_t at = 0; (at = header.find('\n', at)) != std::string::npos; at += 3) {
    header.replace(at, 1, "  \n");
  }
  out += header + "\n## Verdicts\n\n| line | product | level | verdict |\n| --- | --- | --- | --- |\n";
  for (size_t i = 0; i < r.lines.size(); ++i) {
    for (const Verdict& v : r.lines[i].verdicts) {
      out += fmt::format("| {} | {} | {} | {} |\n", i + 1, r.lines[i].line.product,
                         lca::ToString(v.level), v.message);
    }
  }
  out += fmt::format("\n## Lines, gwp100 ({} per unit)\n\n", r.impact_units[k]);
  out += "| line | product | quantity | cradle to gate | 90% interval | declared | life cycle | "
         "embodied per GPU-hour |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n";
  for (size_t i = 0; i < r.lines.size(); ++i) {
    const LineAudit& l = r.lines[i];
    out += fmt::format("| {} | {} | {} | {:.4g} | {} | {} | {:.4g} | {:.4g} |\n", i + 1,
                       l.line.product, l.line.quantity, l.gate[k], Range(l.estimate.gate_interval),
                       Declared(l), l.grave[k], l.embodied_per_gpu_hour_kg);
  }
  out += "\n## Totals of the order\n\n| impact | embodied | life cycle | unit |\n"
         "| --- | ---: | ---: | --- |\n";
  for (size_t i = 0; i < r.impact_ids.size(); ++i) {
    out += fmt::format("| {} | {:.6g} | {:.6g} | {} |\n", r.impact_ids[i], r.total_gate[i],
                       r.total_grave[i], r.impact_units[i]);
  }
  for (size_t i = 0; i < r.lines.size(); ++i) {
    const LineAudit& l = r.lines[i];
    out += fmt::format("\n## What-ifs, line {} ({} x {})\n\n| alternative | life cycle, kg CO2e | "
                       "change, kg CO2e | per GPU-hour, kg CO2e |\n| --- | ---: | ---: | ---: |\n",
                       i + 1, l.line.quantity, l.line.product);
    for (const WhatIf& w : l.what_ifs) {
      out += fmt::format("| {} | {:.6g} | {:+.4g} | {:.4g} |\n", w.description, w.grave_kg,
                         w.change_kg, w.per_gpu_hour_kg);
    }
  }
  return out;
}

std::string RenderAuditCsv(const AuditResult& r, const PurchaseOrder& o, const AuditContext& c) {
  TidyCsv csv;
  const TidyKey run("run");
  csv.Text(run.Measure("order"), o.id);
  if (c.record_id > 0) csv.Text(run.Measure("record_id"), std::to_string(c.record_id));
  csv.Text(run.Measure("data_hash"), c.content_hash);
  const TidyKey assumptions("assumptions");
  csv.Text(assumptions.Measure("region"), r.region);
  csv.Number(assumptions.Measure("pue"), r.pue, "1");
  csv.Number(assumptions.Measure("utilization"), r.utilization, "1");
  csv.Number(assumptions.Measure("lifetime_years"), r.lifetime_years, "yr");
  for (size_t k = 0; k < r.impact_ids.size(); ++k) {
    const TidyKey impact = TidyKey("totals").Impact(r.impact_ids[k]);
    csv.Number(impact.Measure("cradle_to_gate"), r.total_gate[k], r.impact_units[k]);
    csv.Number(impact.Measure("cradle_to_grave"), r.total_grave[k], r.impact_units[k]);
  }
  // The estimate's interval, the declaration, the intensities and the
  // what-ifs are of gwp100, in kg CO2e.
  const std::string gwp = r.impact_ids.empty() ? "" : r.impact_ids[Gwp(r)];
  const std::string kg = "kg CO2e", per_unit = kg + "/item", per_hour = kg + "/GPU-hour";
  for (size_t i = 0; i < r.lines.size(); ++i) {
    const LineAudit& l = r.lines[i];
    const TidyKey line = TidyKey("lines").Line(i + 1).Gpu(l.line.product);
    csv.Number(line.Measure("quantity"), static_cast<double>(l.line.quantity), "item");
    for (size_t k = 0; k < r.impact_ids.size(); ++k) {
      const TidyKey impact = line.Impact(r.impact_ids[k]);
      const std::string unit = r.impact_units[k] + "/item";
      csv.Number(impact.Measure("cradle_to_gate_per_unit"), l.gate[k], unit);
      csv.Number(impact.Measure("cradle_to_grave_per_unit"), l.grave[k], unit);
    }
    const TidyKey headline = line.Impact(gwp);
    if (const auto& s = l.estimate.gate_interval) {
      for (auto [statistic, v] : lca::Fields(*s)) {
        csv.Number(headline.Measure("cradle_to_gate_per_unit").Statistic(statistic), v, per_unit);
      }
    }
    if (l.line.declared) {
      csv.Number(headline.Measure("declared_per_unit"), l.line.declared->kg_co2e_per_unit,
                 per_unit);
      csv.Text(line.Measure("declared_boundary"), l.line.declared->boundary);
    }
    csv.Number(headline.Measure("cradle_to_gate_per_gpu_hour"), l.embodied_per_gpu_hour_kg,
               per_hour);
    csv.Number(headline.Measure("cradle_to_grave_per_gpu_hour"), l.grave_per_gpu_hour_kg, per_hour);
    for (const Verdict& v : l.verdicts) {
      const TidyKey verdict = line.Section("verdicts").Category(v.code);
      csv.Text(verdict.Measure("level"), lca::ToString(v.level));
      csv.Text(verdict.Measure("message"), v.message);
    }
    for (const WhatIf& w : l.what_ifs) {
      const TidyKey what_if = line.Section("what_ifs").Scenario(w.description);
      const TidyKey impact = what_if.Impact(gwp);
      csv.Text(what_if.Measure("kind"), w.kind);
      csv.Number(what_if.Measure("quantity"), w.units, "item");
      csv.Number(impact.Measure("cradle_to_gate"), w.gate_kg, kg);
      csv.Number(impact.Measure("cradle_to_grave"), w.grave_kg, kg);
      csv.Number(impact.Measure("change"), w.change_kg, kg);
      csv.Number(impact.Measure("cradle_to_gate_per_gpu_hour"), w.embodied_per_gpu_hour_kg,
                 per_hour);
      csv.Number(impact.Measure("cradle_to_grave_per_gpu_hour"), w.per_gpu_hour_kg, per_hour);
    }
  }
  return csv.str();
}

std::vector<Table> AuditTables(const AuditResult& r) {
  const int k = Gwp(r);
  const std::string unit = r.impact_units[k];
  Table lines{"Lines",
              {"line", "product", "quantity", fmt::format("gwp100 per unit, gate ({})", unit),
               fmt::format("p05, gate ({})", unit), fmt::format("p95, gate ({})", unit),
               fmt::format("declared per unit ({})", unit), "declared boundary",
               fmt::format("gwp100 per unit, life cycle ({})", unit),
               fmt::format("embodied per GPU-hour ({})", unit),
               fmt::format("life cycle per GPU-hour ({})", unit)},
              {}};
  Table verdicts{"Verdicts", {"line", "product", "level", "code", "message"}, {}};
  Table what_ifs{"What-ifs",
                 {"line", "product", "kind", "alternative", "units",
                  fmt::format("gate ({})", unit), fmt::format("life cycle ({})", unit),
                  fmt::format("change ({})", unit), fmt::format("per GPU-hour ({})", unit)},
                 {}};
  for (size_t i = 0; i < r.lines.size(); ++i) {
    const LineAudit& l = r.lines[i];
    const double line = static_cast<double>(i + 1);
    const auto& interval = l.estimate.gate_interval;
    lines.rows.push_back(
        {line, l.line.product, static_cast<double>(l.line.quantity), l.gate[k],
         interval ? Cell(interval->p05) : Cell(), interval ? Cell(interval->p95) : Cell(),
         l.line.declared ? Cell(l.line.declared->kg_co2e_per_unit) : Cell(),
         l.line.declared ? Cell(l.line.declared->boundary) : Cell(), l.grave[k],
         l.embodied_per_gpu_hour_kg, l.grave_per_gpu_hour_kg});
    for (const Verdict& v : l.verdicts) {
      verdicts.rows.push_back({line, l.line.product, std::string(lca::ToString(v.level)), v.code,
                               v.message});
    }
    for (const WhatIf& w : l.what_ifs) {
      what_ifs.rows.push_back({line, l.line.product, w.kind, w.description, w.units, w.gate_kg,
                               w.grave_kg, w.change_kg, w.per_gpu_hour_kg});
    }
  }
  Table totals{"Totals", {"impact", "unit", "embodied", "life cycle"}, {}};
  for (size_t i = 0; i < r.impact_ids.size(); ++i) {
    totals.rows.push_back({r.impact_ids[i], r.impact_units[i], r.total_gate[i], r.total_grave[i]});
  }
  return {lines, totals, verdicts, what_ifs};
}

std::string RenderAuditList(const std::vector<inventory::AuditRecord>& records) {
  if (records.empty()) return "no audits recorded\n";
  std::string out = fmt::format("{:>4}  {:<20}  {:<24}  {:<16}  {}\n", "id", "recorded at", "order",
                                "database", "hash");
  for (const inventory::AuditRecord& r : records) {
    out += fmt::format("{:>4}  {:<20}  {:<24}  {:<16}  {}\n", r.id, r.created_at, r.order_id,
                       r.content_hash.substr(0, 16), r.hash.substr(0, 16));
  }
  return out;
}

namespace {

void Diff(const json& a, const json& b, const std::string& path, std::vector<std::string>& out,
          size_t limit) {
  if (out.size() >= limit) return;
  if (a.is_number() && b.is_number()) {
    double x = a.get<double>(), y = b.get<double>();
    if (x == y || std::abs(x - y) <= 1e-9 * std::max(std::abs(x), std::abs(y))) return;
    out.push_back(fmt::format("{}: {:.10g} -> {:.10g}", path, x, y));
    return;
  }
  if (a.type() != b.type()) {
    out.push_back(fmt::format("{}: {} -> {}", path, a.dump(), b.dump()));
    return;
  }
  if (a.is_object()) {
    for (auto it = a.begin(); it != a.end(); ++it) {
      std::string p = path + "/" + it.key();
      if (!b.contains(it.key())) {
        out.push_back(fmt::format("{}: missing from the recomputation", p));
      } else {
        Diff(*it, b.at(it.key()), p, out, limit);
      }
      if (out.size() >= limit) return;
    }
    for (auto it = b.begin(); it != b.end(); ++it) {
      if (!a.contains(it.key())) out.push_back(fmt::format("{}/{}: new in the recomputation", path, it.key()));
    }
  } else if (a.is_array()) {
    if (a.size() != b.size()) {
      out.push_back(fmt::format("{}: {} elements -> {}", path, a.size(), b.size()));
      return;
    }
    for (size_t i = 0; i < a.size(); ++i) Diff(a[i], b[i], fmt::format("{}/{}", path, i), out, limit);
  } else if (a != b) {
    out.push_back(fmt::format("{}: {} -> {}", path, a.dump(), b.dump()));
  }
}

}  // namespace

std::vector<std::string> DiffJson(const std::string& stored, const std::string& recomputed,
                                  size_t limit) {
  std::vector<std::string> out;
  json a, b;
  try {
    a = json::parse(stored);
  } catch (const json::exception&) {
    return {"the stored results are not JSON"};
  }
  b = json::parse(recomputed);
  Diff(a, b, "", out, limit);
  return out;
}

}  // namespace gpulca::reports
