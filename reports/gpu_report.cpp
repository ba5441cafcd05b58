#include "reports/gpu_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "reports/ranking.h"

namespace gpulca::reports {
namespace {

using lca::GpuAssessment;
using lca::LcaResult;
using nlohmann::ordered_json;

const char* Boundary(const GpuAssessment& a) {
  return a.cradle_to_grave ? "cradle-to-grave" : "cradle-to-gate";
}


std::string Bar(double share, int width = 30) {
  int n = static_cast<int>(std::lround(std::clamp(share, 0.0, 1.0) * width));
  std::string out;
  for (int i = 0; i < n; ++i) out += "█";
  return out;
}

// Per-query units: Wh, g CO2e and mL read better than kWh, kg and L.
struct Scaled {
  double value;
  std::string unit;
};
Scaled Small(double value, const std::string& unit) {
  if (unit == "kg CO2e") return {value * 1000, "g CO2e"};
  if (unit == "L") return {value * 1000, "mL"};
  if (unit == "MJ") return {value / 3.6e-3, "Wh"};
  if (unit == "kg Sb-eq") return {value * 1e6, "mg Sb-eq"};
  return {value, unit};
}

struct Row {
  std::string key;
  std::vector<double> values;
};

// The stage table of the headline result: one row per non-empty stage slot.
std::vector<Row> StageRows(const LcaResult& r) {
  std::vector<Row> rows;
  for (int slot = 0; slot < lca::kStageSlots; ++slot) {
    Row row{lca::StageSlotName(slot), {}};
    bool any = false;
    for (size_t k = 0; k < r.impacts.size(); ++k) {
      row.values.push_back(r.by_stage[k][slot]);
      any = any || r.by_stage[k][slot] != 0.0;
    }
    if (any) rows.push_back(row);
  }
  return rows;
}

std::string Assumptions(const GpuAssessment& a, const char* bullet) {
  std::string out;
  out += fmt::format("{}functional unit: 1 {} module, {}\n", bullet, a.gpu, Boundary(a));
  out += fmt::format("{}TDP {:g} W, peak dense BF16 {:g} TFLOPS, memory {:g} GB\n", bullet,
                     a.tdp_w, a.peak_tflops, a.memory_gb);
  if (a.cradle_to_grave) {
    out += fmt::format("{}deployed in {}: lifetime {:g} years ({:g} h), utilisation {:g}, average "
                       "power {:.0f}% of TDP, PUE {:g}, facility energy {:.0f} kWh\n",
                       bullet, a.region, a.lifetime_years, a.lifetime_hours, a.utilization,
                       100 * a.power_fraction, a.pue, a.use_kwh);
  }
  return out;
}

}  // namespace

std::string RenderGpuTerminal(const GpuAssessment& a, const GpuReportOptions& o) {
  const LcaResult& r = a.headline();
  const auto& d = a.gate.data;
  std::string out = fmt::format("{} — {}\n{}\n", a.gpu, a.name, std::string(72, '='));
  out += Assumptions(a, "  ");
  if (!o.data_hash.empty()) out += fmt::format("  database {}\n", o.data_hash.substr(0, 16));

  out += fmt::format("\nImpacts ({})\n", Boundary(a));
  out += fmt::format("  {:<8} {:>14} {:<10} {:>14} {:>9}\n", "impact", "total", "unit", "embodied",
                     "embodied%");
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    out += fmt::format("  {:<8} {:>14.5g} {:<10} {:>14.5g} {:>8.1f}%\n", d.impact_ids[k],
                       a.total[k], d.impact_units[k], a.embodied[k],
                       100 * Share(a.embodied[k], a.total[k]));
  }
  out += fmt::format("\nBy stage, {} ({})\n", d.impact_ids[0], d.impact_units[0]);
  for (const Row& row : StageRows(r)) {
    double share = Share(row.values[0], a.total[0]);
    out += fmt::format("  {:<12} {:>12.4g} {:>6.1f}%  {}\n", row.key, row.values[0], 100 * share,
                       Bar(share));
  }
  if (a.cradle_to_grave) {
    out += fmt::format("\nUse phase over {:g} years (per year in brackets)\n", a.lifetime_years);
    for (size_t k = 0; k < d.impact_ids.size(); ++k) {
      out += fmt::format("  {:<8} operational {:>12.5g} ({:.5g}) {:<9} host share {:.5g}\n",
                         d.impact_ids[k], a.operational[k], a.operational[k] / a.lifetime_years,
                         d.impact_units[k], a.host_share[k]);
    }
  }
  out += "\nIntensities\n";
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    out += fmt::format("  {:<8} {:>11.5g} {} per GPU-hour, {:>11.5g} per PFLOP-hour", d.impact_ids[k],
                       a.per_gpu_hour[k], d.impact_units[k], a.per_pflop_hour[k]);
    if (!a.per_query.empty()) {
      Scaled q = Small(a.per_query[k], d.impact_units[k]);
      out += fmt::format(", {:.4g} {} per query", q.value, q.unit);
    }
    out += "\n";
  }
  if (a.query_wh) out += fmt::format("  (a query: {:g} Wh of GPU energy)\n", *a.query_wh);

  out += fmt::format("\nTop processes, {} (direct)\n", d.impact_ids[0]);
  for (int j : TopIndices(r.by_process[0], o.top)) {
    out += fmt::format("  {:<38} {:<12} {:>10.4g} {:>6.1f}%\n", r.data.process_ids[j],
                       ToString(r.data.stages[j]), r.by_process[0][j],
                       100 * Share(r.by_process[0][j], a.total[0]));
  }
  out += fmt::format("\nTop elementary flows, {}\n", d.impact_ids[0]);
  for (int f : TopIndices(r.by_flow[0], o.top)) {
    out += fmt::format("  {:<38} {:>10.4g} {:>6.1f}%\n", r.data.flow_ids[f], r.by_flow[0][f],
                       100 * Share(r.by_flow[0][f], a.total[0]));
  }
  return out;
}

std::string RenderGpuMarkdown(const GpuAssessment& a, const GpuReportOptions& o) {
  const LcaResult& r = a.headline();
  const auto& d = a.gate.data;
  std::string out = fmt::format("# {} — {}\n\n", a.gpu, a.name);
  out += Assumptions(a, "- ");
  if (!o.data_hash.empty()) out += fmt::format("- database hash `{}`\n", o.data_hash);
  out += fmt::format("\n## Impacts ({})\n\n| impact | total | unit | embodied | embodied share |\n"
                     "| --- | ---: | --- | ---: | ---: |\n", Boundary(a));
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    out += fmt::format("| {} | {:.5g} | {} | {:.5g} | {:.1f}% |\n", d.impact_ids[k], a.total[k],
                       d.impact_units[k], a.embodied[k], 100 * Share(a.embodied[k], a.total[k]));
  }
  out += "\n## By stage\n\n| stage |";
  for (const auto& id : d.impact_ids) out += fmt::format(" {} |", id);
  out += "\n| --- |";
  for (size_t k = 0; k < d.impact_ids.size(); ++k) out += " ---: |";
  out += "\n";
  for (const Row& row : StageRows(r)) {
    out += fmt::format("| {} |", row.key);
    for (double v : row.values) out += fmt::format(" {:.5g} |", v);
    out += "\n";
  }
  out += "\n## Intensities\n\n| impact | per GPU-hour | per PFLOP-hour |";
  if (!a.per_query.empty()) out += " per query |";
  out += "\n| --- | ---: | ---: |";
  if (!a.per_query.empty()) out += " ---: |";
  out += "\n";
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    out += fmt::format("| {} ({}) | {:.5g} | {:.5g} |", d.impact_ids[k], d.impact_units[k],
                       a.per_gpu_hour[k], a.per_pflop_hour[k]);
    if (!a.per_query.empty()) out += fmt::format(" {:.5g} |", a.per_query[k]);
    out += "\n";
  }
  out += fmt::format("\n## Top processes ({}, direct)\n\n| process | stage | value | share |\n"
                     "| --- | --- | ---: | ---: |\n", d.impact_ids[0]);
  for (int j : TopIndices(r.by_process[0], o.top)) {
    out += fmt::format("| {} | {} | {:.5g} | {:.1f}% |\n", r.data.process_ids[j],
                       ToString(r.data.stages[j]), r.by_process[0][j],
                       100 * Share(r.by_process[0][j], a.total[0]));
  }
  return out;
}

std::string RenderGpuJson(const GpuAssessment& a, const GpuReportOptions& o) {
  const LcaResult& r = a.headline();
  const auto& d = a.gate.data;
  ordered_json j;
  j["demand"] = {{"product", a.gpu}, {"amount", 1}, {"boundary", Boundary(a)}};
  if (!o.data_hash.empty()) j["data_hash"] = o.data_hash;
  j["assumptions"] = {{"region", a.region},           {"lifetime_years", a.lifetime_years},
                      {"lifetime_hours", a.lifetime_hours}, {"utilization", a.utilization},
                      {"pue", a.pue},                 {"power_fraction", a.power_fraction},
                      {"tdp_w", a.tdp_w},             {"peak_bf16_dense_tflops", a.peak_tflops},
                      {"memory_gb", a.memory_gb},     {"use_kwh", a.use_kwh}};
  if (a.query_wh) j["assumptions"]["query_wh"] = *a.query_wh;
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    const std::string& id = d.impact_ids[k];
    j["impacts"][id] = {{"value", a.total[k]}, {"unit", d.impact_units[k]}};
    j["embodied"][id] = a.embodied[k];
    j["use_phase"][id] = {{"total", a.use_phase[k]},
                          {"operational", a.operational[k]},
                          {"operational_per_year", a.operational[k] / a.lifetime_years},
                          {"host_share", a.host_share[k]}};
    j["intensities"]["per_gpu_hour"][id] = a.per_gpu_hour[k];
    j["intensities"]["per_pflop_hour"][id] = a.per_pflop_hour[k];
    if (!a.per_query.empty()) j["intensities"]["per_query"][id] = a.per_query[k];
  }
  j["stages"] = ordered_json::object();
  for (const Row& row : StageRows(r)) {
    for (size_t k = 0; k < d.impact_ids.size(); ++k) j["stages"][row.key][d.impact_ids[k]] = row.values[k];
  }
  j["top_processes"] = ordered_json::array();
  for (int p : TopIndices(r.by_process[0], o.top)) {
    ordered_json row = {{"id", r.data.process_ids[p]}, {"stage", ToString(r.data.stages[p])}};
    for (size_t k = 0; k < d.impact_ids.size(); ++k) row[d.impact_ids[k]] = r.by_process[k][p];
    j["top_processes"].push_back(row);
  }
  j["top_flows"] = ordered_json::array();
  for (int f : TopIndices(r.by_flow[0], o.top)) {
    j["top_flows"].push_back({{"id", r.data.flow_ids[f]},
                              {"amount", r.inventory[f]},
                              {"unit", r.data.flow_units[f]},
                              {d.impact_ids[0], r.by_flow[0][f]}});
  }
  return j.dump(2) + "\n";
}

std::string RenderGpuCsv(const GpuAssessment& a, const GpuReportOptions&) {
  const LcaResult& r = a.headline();
  const auto& d = a.gate.data;
  std::string out = "section,impact,key,value,unit\n";
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    const std::string& id = d.impact_ids[k];
    const std::string& u = d.impact_units[k];
    out += fmt::format("impact,{},total,{:.10g},{}\n", id, a.total[k], u);
    out += fmt::format("impact,{},embodied,{:.10g},{}\n", id, a.embodied[k], u);
    out += fmt::format("use_phase,{},operational,{:.10g},{}\n", id, a.operational[k], u);
    out += fmt::format("use_phase,{},host_share,{:.10g},{}\n", id, a.host_share[k], u);
    out += fmt::format("intensity,{},per_gpu_hour,{:.10g},{}\n", id, a.per_gpu_hour[k], u);
    out += fmt::format("intensity,{},per_pflop_hour,{:.10g},{}\n", id, a.per_pflop_hour[k], u);
    if (!a.per_query.empty()) out += fmt::format("intensity,{},per_query,{:.10g},{}\n", id, a.per_query[k], u);
  }
  for (const Row& row : StageRows(r)) {
    for (size_t k = 0; k < d.impact_ids.size(); ++k) {
      out += fmt::format("stage,{},{},{:.10g},{}\n", d.impact_ids[k], row.key, row.values[k], d.impact_units[k]);
    }
  }
  return out;
}

}  // namespace gpulca::reports
