#include "reports/gpu_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "reports/gpu_report_sections.h"
#include "reports/ranking.h"

namespace gpulca::reports {
namespace {

using lca::GpuAssessment;
using lca::LcaResult;
using nlohmann::ordered_json;


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


// Source ids of a quality record, comma-separated.
std::string SourceIds(const lca::ProcessQuality& q) {
  std::string out;
  for (const auto& src : q.sources) out += (out.empty() ? "" : ", ") + src.id;
  return out.empty() ? "(none)" : out;
}

// The distinct sources of the records `rows`, in order of first citation.
std::vector<lca::SourceRef> SourcesOf(const GpuAssessment& a, const std::vector<int>& rows) {
  std::vector<lca::SourceRef> out;
  for (int j : rows) {
    for (const auto& src : a.quality[j].sources) {
      bool seen = std::any_of(out.begin(), out.end(),
                              [&](const lca::SourceRef& x) { return x.id == src.id; });
      if (!seen) out.push_back(src);
    }
  }
  return out;
}

ordered_json TreeJson(const LcaResult& r, const lca::UpstreamNode& node, double total) {
  ordered_json j = {{"id", r.data.process_ids[node.process]},
                    {"name", r.data.process_names[node.process]},
                    {"stage", ToString(r.data.stages[node.process])},
                    {"amount", node.amount},
                    {"unit", r.data.product_units[node.process]},
                    {"total", node.total},
                    {"direct", node.direct},
                    {"share", Share(node.total, total)}};
  j["children"] = ordered_json::array();
  for (const auto& child : node.children) j["children"].push_back(TreeJson(r, child, total));
  return j;
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
  for (const StageRow& row : StageRows(r)) {
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
  const int h = HeadlineImpact(a);
  const lca::UpstreamNode tree = HeadlineTree(a, h, o.cutoff);
  out += fmt::format("\nUpstream tree, {} ({}; cut-off {:g}% of the total)\n", d.impact_ids[h],
                     d.impact_units[h], 100 * o.cutoff);
  for (const TreeRow& row : FlattenTree(tree, o.tree_rows)) {
    std::string label = std::string(2 * row.depth, ' ') + r.data.process_ids[row.node->process];
    out += fmt::format("  {:<48} {:>11.4g} {:>6.1f}%\n", label, row.node->total,
                       100 * Share(row.node->total, a.total[h]));
  }
  out += fmt::format("\nData quality behind the top processes, {} (direct)\n", d.impact_ids[h]);
  out += fmt::format("  {:<34} {:<12} {:<5} {:>9} {:>9} {:>9}\n", "process", "stage", "loc",
                     "exchanges", "estimated", "uncertain");
  const std::vector<int> top = QualityProcesses(a, h, o.quality_top);
  for (int j : top) {
    const lca::ProcessQuality& q = a.quality[j];
    out += fmt::format("  {:<34} {:<12} {:<5} {:>9} {:>8.0f}% {:>8.0f}%\n", q.id, ToString(q.stage),
                       q.location, q.exchanges, 100 * CountShare(q.estimated, q.exchanges),
                       100 * CountShare(q.uncertain, q.exchanges));
    out += fmt::format("    sources: {}\n", SourceIds(q));
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
  for (const StageRow& row : StageRows(r)) {
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
  const int h = HeadlineImpact(a);
  const lca::UpstreamNode tree = HeadlineTree(a, h, o.cutoff);
  out += fmt::format("\n## Upstream tree ({}, {}; cut-off {:g}% of the total)\n\n", d.impact_ids[h],
                     d.impact_units[h], 100 * o.cutoff);
  for (const TreeRow& row : FlattenTree(tree, o.tree_rows)) {
    out += fmt::format("{}- `{}` {:.5g} ({:.1f}%)\n", std::string(2 * row.depth, ' '),
                       r.data.process_ids[row.node->process], row.node->total,
                       100 * Share(row.node->total, a.total[h]));
  }
  out += fmt::format("\n## Data quality and sources ({}, top processes)\n\n"
                     "| process | stage | location | exchanges | estimated | uncertain | sources |\n"
                     "| --- | --- | --- | ---: | ---: | ---: | --- |\n", d.impact_ids[h]);
  const std::vector<int> top = QualityProcesses(a, h, o.quality_top);
  for (int j : top) {
    const lca::ProcessQuality& q = a.quality[j];
    out += fmt::format("| {} | {} | {} | {} | {:.0f}% | {:.0f}% | {} |\n", q.id, ToString(q.stage),
                       q.location, q.exchanges, 100 * CountShare(q.estimated, q.exchanges),
                       100 * CountShare(q.uncertain, q.exchanges), SourceIds(q));
  }
  out += "\nSources cited:\n\n";
  for (const lca::SourceRef& src : SourcesOf(a, top)) {
    out += fmt::format("- `{}`: {}{}\n", src.id, src.citation.empty() ? "(no citation)" : src.citation,
                       src.url.empty() ? "" : " <" + src.url + ">");
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
  for (const StageRow& row : StageRows(r)) {
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
  const int h = HeadlineImpact(a);
  j["upstream_tree"] = {{"impact", d.impact_ids[h]}, {"cutoff", o.cutoff}};
  j["upstream_tree"]["root"] = TreeJson(r, HeadlineTree(a, h, o.cutoff), a.total[h]);
  j["data_quality"] = ordered_json::array();
  for (int p : QualityProcesses(a, h, o.quality_top)) {
    const lca::ProcessQuality& q = a.quality[p];
    ordered_json row = {{"id", q.id}, {"name", q.name}, {"stage", ToString(q.stage)},
                        {"location", q.location}, {d.impact_ids[h], r.by_process[h][p]},
                        {"exchanges", q.exchanges}, {"estimated", q.estimated},
                        {"uncertain", q.uncertain},
                        {"estimated_share", CountShare(q.estimated, q.exchanges)},
                        {"uncertain_share", CountShare(q.uncertain, q.exchanges)}};
    row["sources"] = ordered_json::array();
    for (const auto& src : q.sources) {
      row["sources"].push_back({{"id", src.id}, {"citation", src.citation}, {"url", src.url}});
    }
    j["data_quality"].push_back(row);
  }
  return j.dump(2) + "\n";
}

std::string RenderGpuCsv(const GpuAssessment& a, const GpuReportOptions& o) {
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
  for (const StageRow& row : StageRows(r)) {
    for (size_t k = 0; k < d.impact_ids.size(); ++k) {
      out += fmt::format("stage,{},{},{:.10g},{}\n", d.impact_ids[k], row.key, row.values[k], d.impact_units[k]);
    }
  }
  // The upstream tree: one row per node, keyed by its path from the demand.
  const int h = HeadlineImpact(a);
  const lca::UpstreamNode tree = HeadlineTree(a, h, o.cutoff);
  std::vector<std::string> path;
  for (const TreeRow& row : FlattenTree(tree, static_cast<size_t>(-1))) {
    path.resize(row.depth);
    path.push_back(r.data.process_ids[row.node->process]);
    out += fmt::format("upstream,{},{},{:.10g},{}\n", d.impact_ids[h], fmt::join(path, "/"),
                       row.node->total, d.impact_units[h]);
  }
  for (int j : QualityProcesses(a, h, o.quality_top)) {
    const lca::ProcessQuality& q = a.quality[j];
    out += fmt::format("quality,,{}:exchanges,{},count\n", q.id, q.exchanges);
    out += fmt::format("quality,,{}:estimated,{},count\n", q.id, q.estimated);
    out += fmt::format("quality,,{}:uncertain,{},count\n", q.id, q.uncertain);
    for (const auto& src : q.sources) out += fmt::format("quality,,{}:source:{},1,\n", q.id, src.id);
  }
  return out;
}

}  // namespace gpulca::reports
