#include "reports/gpu_report_html.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "lca/upstream_tree.h"
#include "reports/gpu_report_sections.h"
#include "reports/ranking.h"
#include "reports/svg_charts.h"

namespace gpulca::reports {
namespace {

using lca::GpuAssessment;
using lca::LcaResult;

std::string Esc(const std::string& text) { return EscapeXml(text); }

// Numbers as the Markdown report writes them, so the formats agree.
std::string Num(double v) { return fmt::format("{:.5g}", v); }
std::string Pct(double share) { return fmt::format("{:.1f}%", 100 * share); }

constexpr const char* kStyle = R"css(
:root { --ink: #1d232a; --muted: #5b6570; --rule: #d8dde3; --band: #f4f6f8; --accent: #1f77b4; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1160px; padding: 24px 28px 48px; color: var(--ink);
       font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--rule); }
h3 { font-size: 15px; margin: 18px 0 6px; }
.sub, .note, footer { color: var(--muted); }
code, .id { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
table { border-collapse: collapse; margin: 6px 0 12px; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { background: var(--band); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 4px; }
.card { flex: 1 1 190px; border: 1px solid var(--rule); border-radius: 6px; padding: 10px 14px; background: var(--band); }
.card .v { font-size: 22px; font-weight: 700; }
.card .k { color: var(--muted); font-size: 12px; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 8px 0 12px; }
.tree td:first-child { white-space: nowrap; }
.tree .bar { display: inline-block; height: 9px; background: var(--accent); opacity: .55; vertical-align: middle; }
ul.sources li { margin-bottom: 4px; }
footer { margin-top: 40px; font-size: 12px; border-top: 1px solid var(--rule); padding-top: 8px; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  section, table, svg.chart, .card { break-inside: avoid; }
  .cards .card { background: none; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 8pt; }
}
)css";

std::string Table(const std::vector<std::string>& head, const std::vector<bool>& numeric,
                  const std::vector<std::vector<std::string>>& rows, const char* cls = "") {
  std::string out = fmt::format("<table class=\"{}\"><thead><tr>", cls);
  for (size_t i = 0; i < head.size(); ++i) {
    out += fmt::format("<th{}>{}</th>", numeric[i] ? " class=\"num\"" : "", head[i]);
  }
  out += "</tr></thead><tbody>\n";
  for (const auto& row : rows) {
    out += "<tr>";
    for (size_t i = 0; i < row.size(); ++i) {
      if (i == 0) {
        out += fmt::format("<th scope=\"row\">{}</th>", row[i]);
      } else {
        out += fmt::format("<td{}>{}</td>", numeric[i] ? " class=\"num\"" : "", row[i]);
      }
    }
    out += "</tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string Assumptions(const GpuAssessment& a, const GpuReportOptions& o) {
  std::string out = "<ul>\n";
  out += fmt::format("<li>Functional unit: 1 <code>{}</code> module, {}</li>\n", Esc(a.gpu),
                     Boundary(a));
  out += fmt::format("<li>TDP {:g} W, peak dense BF16 {:g} TFLOPS, memory {:g} GB</li>\n", a.tdp_w,
                     a.peak_tflops, a.memory_gb);
  if (a.cradle_to_grave) {
    out += fmt::format(
        "<li>Deployed in {}: lifetime {:g} years ({:g} h), utilisation {:g}, average power "
        "{:.0f}% of TDP, PUE {:g}, facility energy {:.0f} kWh</li>\n",
        Esc(a.region), a.lifetime_years, a.lifetime_hours, a.utilization, 100 * a.power_fraction,
        a.pue, a.use_kwh);
  }
  if (a.query_wh) out += fmt::format("<li>A query: {:g} Wh of GPU energy</li>\n", *a.query_wh);
  if (!o.data_hash.empty()) {
    out += fmt::format("<li>Database hash <code>{}</code></li>\n", Esc(o.data_hash));
  }
  return out + "</ul>\n";
}

std::string Impacts(const GpuAssessment& a) {
  const auto& d = a.gate.data;
  std::string out = "<div class=\"cards\">\n";
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    out += fmt::format(
        "<div class=\"card\"><div class=\"k\">{}</div><div class=\"v\">{}</div>"
        "<div class=\"k\">{} · {} embodied</div></div>\n",
        Esc(d.impact_names[k].empty() ? d.impact_ids[k] : d.impact_names[k]),
        fmt::format("{:.4g}", a.total[k]), Esc(d.impact_units[k]),
        Pct(Share(a.embodied[k], a.total[k])));
  }
  out += "</div>\n";
  std::vector<std::vector<std::string>> rows;
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    rows.push_back({Esc(d.impact_ids[k]), Num(a.total[k]), Esc(d.impact_units[k]),
                    Num(a.embodied[k]), Pct(Share(a.embodied[k], a.total[k]))});
  }
  return out + Table({"impact", "total", "unit", "embodied", "embodied share"},
                     {false, true, false, true, true}, rows, "impacts");
}

std::string Stages(const GpuAssessment& a) {
  const LcaResult& r = a.headline();
  const auto& d = a.gate.data;
  const std::vector<StageRow> stages = StageRows(r);
  StackedBarChart chart;
  chart.id = "chart-stages";
  chart.title = fmt::format("Share of each life-cycle stage in every impact, {}", Boundary(a));
  for (const StageRow& row : stages) chart.series.push_back(row.key);
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    StackedBarRow bar{d.impact_ids[k], {}, fmt::format("{:.4g} {}", a.total[k], d.impact_units[k])};
    for (const StageRow& row : stages) bar.values.push_back(row.values[k]);
    chart.rows.push_back(bar);
  }
  std::string out = RenderStackedBars(chart);
  out += "<p class=\"note\">Each bar is one impact; segments are the stages' shares of the sum of "
         "their absolute values. Hatched segments are credits (negative values, e.g. recycling).</p>\n";
  std::vector<std::string> head = {"stage"};
  std::vector<bool> numeric = {false};
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    head.push_back(fmt::format("{} ({})", Esc(d.impact_ids[k]), Esc(d.impact_units[k])));
    numeric.push_back(true);
  }
  std::vector<std::vector<std::string>> rows;
  for (const StageRow& row : stages) {
    std::vector<std::string> cells = {Esc(row.key)};
    for (double v : row.values) cells.push_back(Num(v));
    rows.push_back(cells);
  }
  return out + Table(head, numeric, rows, "stages");
}

std::string UsePhase(const GpuAssessment& a) {
  const auto& d = a.gate.data;
  const int h = HeadlineImpact(a);
  DonutChart chart;
  chart.id = "chart-use-phase";
  chart.unit = d.impact_units[h];
  chart.title = fmt::format("Split of the {} life-cycle total of {}: embodied module, host share, "
                            "operational", d.impact_ids[h], a.gpu);
  double other = a.total[h] - a.embodied[h] - a.use_phase[h];
  chart.parts = {{"embodied module (cradle to gate)", a.embodied[h]},
                 {"host share (embodied, servers and facility)", a.host_share[h]},
                 {"operational (electricity and cooling)", a.operational[h]}};
  if (std::abs(other) > 1e-9 * std::abs(a.total[h])) {
    chart.parts.push_back({"other stages (shipping to site, end of life)", other});
  }
  std::string out = RenderDonut(chart);
  if (!a.cradle_to_grave) {
    return out + "<p class=\"note\">Cradle to gate: no use phase. Run with "
                 "<code>--boundary cradle-to-grave</code> to include it.</p>\n";
  }
  out += fmt::format("<p>Over {:g} years in {}; per year in the last column.</p>\n",
                     a.lifetime_years, Esc(a.region));
  std::vector<std::vector<std::string>> rows;
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    rows.push_back({Esc(d.impact_ids[k]), Esc(d.impact_units[k]), Num(a.use_phase[k]),
                    Num(a.host_share[k]), Num(a.operational[k]),
                    Pct(Share(a.embodied[k], a.total[k])),
                    Num(a.lifetime_years > 0 ? a.operational[k] / a.lifetime_years : 0.0)});
  }
  return out + Table({"impact", "unit", "use phase", "host share", "operational",
                      "embodied share of total", "operational per year"},
                     {false, false, true, true, true, true, true}, rows, "use-phase");
}

std::string Intensities(const GpuAssessment& a) {
  const auto& d = a.gate.data;
  std::vector<std::string> head = {"impact", "unit", "per GPU-hour", "per PFLOP-hour"};
  std::vector<bool> numeric = {false, false, true, true};
  if (!a.per_query.empty()) {
    head.push_back("per query");
    numeric.push_back(true);
  }
  std::vector<std::vector<std::string>> rows;
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    std::vector<std::string> row = {Esc(d.impact_ids[k]), Esc(d.impact_units[k]),
                                    Num(a.per_gpu_hour[k]), Num(a.per_pflop_hour[k])};
    if (!a.per_query.empty()) row.push_back(Num(a.per_query[k]));
    rows.push_back(row);
  }
  std::string out = Table(head, numeric, rows, "intensities");
  if (a.per_query.empty()) {
    out += "<p class=\"note\">Add <code>--query-wh W</code> for the figures of one query.</p>\n";
  }
  return out;
}

std::string Contributions(const GpuAssessment& a, const GpuReportOptions& o) {
  const LcaResult& r = a.headline();
  const auto& d = a.gate.data;
  std::string out = fmt::format("<h3>Top processes, {} (direct)</h3>\n", Esc(d.impact_ids[0]));
  std::vector<std::vector<std::string>> rows;
  for (int j : TopIndices(r.by_process[0], o.top)) {
    rows.push_back({fmt::format("<span class=\"id\">{}</span>", Esc(r.data.process_ids[j])),
                    Esc(r.data.process_names[j]), ToString(r.data.stages[j]),
                    Num(r.by_process[0][j]), Pct(Share(r.by_process[0][j], a.total[0]))});
  }
  out += Table({"process", "name", "stage", Esc(d.impact_units[0]), "share"},
               {false, false, false, true, true}, rows, "top-processes");
  out += fmt::format("<h3>Top elementary flows, {}</h3>\n", Esc(d.impact_ids[0]));
  rows.clear();
  for (int f : TopIndices(r.by_flow[0], o.top)) {
    rows.push_back({fmt::format("<span class=\"id\">{}</span>", Esc(r.data.flow_ids[f])),
                    Num(r.inventory[f]), Esc(r.data.flow_units[f]), Num(r.by_flow[0][f]),
                    Pct(Share(r.by_flow[0][f], a.total[0]))});
  }
  return out + Table({"flow", "amount", "unit", Esc(d.impact_units[0]), "share"},
                     {false, true, false, true, true}, rows, "top-flows");
}

std::string SupplyChain(const GpuAssessment& a, double cutoff) {
  const LcaResult& r = a.headline();
  const int h = HeadlineImpact(a);
  lca::Sankey data = lca::SankeyData(r, h, cutoff);
  // Keep the demand and the largest nodes, at most kSankeyMaxNodes.
  std::vector<int> order(data.nodes.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    bool rx = data.nodes[x].process == 0, ry = data.nodes[y].process == 0;
    if (rx != ry) return rx;
    return std::abs(data.nodes[x].total) > std::abs(data.nodes[y].total);
  });
  if (order.size() > kSankeyMaxNodes) order.resize(kSankeyMaxNodes);
  std::vector<int> kept(data.nodes.size(), -1);
  SankeyChart chart;
  chart.id = "chart-sankey";
  chart.unit = r.data.impact_units[h];
  chart.title = fmt::format("Supply chain of {} for {}: upstream flows of at least {:g}% of the "
                            "total, the largest {} processes", a.gpu, r.data.impact_ids[h],
                            100 * cutoff, kSankeyMaxNodes);
  for (int i : order) {
    kept[i] = static_cast<int>(chart.nodes.size());
    const int j = data.nodes[i].process;
    if (j == 0) chart.root = kept[i];
    chart.nodes.push_back({r.data.process_names[j].empty() ? r.data.process_ids[j]
                                                            : r.data.process_names[j],
                           data.nodes[i].total});
  }
  for (const lca::SankeyLink& l : data.links) {
    if (kept[l.provider] >= 0 && kept[l.consumer] >= 0) {
      chart.links.push_back({kept[l.provider], kept[l.consumer], l.value});
    }
  }
  std::string out = RenderSankey(chart);
  out += fmt::format("<p class=\"note\">{} of {} processes above the cut-off shown; the demand is "
                     "on the right, suppliers to its left by their distance in the supply chain. "
                     "Link widths are the {} carried.</p>\n",
                     chart.nodes.size(), data.nodes.size(), Esc(r.data.impact_ids[h]));
  return out;
}

std::string Tree(const GpuAssessment& a, const GpuReportOptions& o) {
  const LcaResult& r = a.headline();
  const int h = HeadlineImpact(a);
  const lca::UpstreamNode tree = HeadlineTree(a, h, o.cutoff);
  std::string out = fmt::format(
      "<p>Each process with its upstream {} ({}), indented under the process that consumes it; "
      "branches below {:g}% of the total are cut off.</p>\n",
      Esc(r.data.impact_ids[h]), Esc(r.data.impact_units[h]), 100 * o.cutoff);
  out += "<table class=\"tree\"><thead><tr><th>process</th><th class=\"num\">amount</th>"
         "<th>unit</th><th class=\"num\">upstream</th><th class=\"num\">direct</th>"
         "<th class=\"num\">share</th><th></th></tr></thead><tbody>\n";
  for (const TreeRow& row : FlattenTree(tree, o.tree_rows)) {
    const lca::UpstreamNode& n = *row.node;
    double share = Share(n.total, a.total[h]);
    out += fmt::format(
        "<tr><td style=\"padding-left:{}px\" title=\"{}\"><span class=\"id\">{}</span></td>"
        "<td class=\"num\">{:.4g}</td><td>{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td><span class=\"bar\" style=\"width:{:.0f}px\"></span></td></tr>\n",
        10 + 18 * row.depth, Esc(r.data.process_names[n.process]),
        Esc(r.data.process_ids[n.process]), n.amount, Esc(r.data.product_units[n.process]),
        Num(n.total), Num(n.direct), Pct(share), 120 * std::clamp(std::abs(share), 0.0, 1.0));
  }
  return out + "</tbody></table>\n";
}

std::string Quality(const GpuAssessment& a, const GpuReportOptions& o) {
  const LcaResult& r = a.headline();
  const int h = HeadlineImpact(a);
  const std::vector<int> top = QualityProcesses(a, h, o.quality_top);
  std::string out = fmt::format(
      "<p>The processes with the largest direct {}: how many of their exchanges rest on an "
      "estimate (a parameter marked <code>estimate</code>) or carry an uncertainty range, and the "
      "sources their exchanges and parameters cite.</p>\n",
      Esc(r.data.impact_ids[h]));
  std::vector<std::vector<std::string>> rows;
  for (int j : top) {
    const lca::ProcessQuality& q = a.quality[j];
    std::string ids;
    for (const auto& src : q.sources) {
      ids += fmt::format("{}<a href=\"#src-{}\">{}</a>", ids.empty() ? "" : ", ", Esc(src.id),
                         Esc(src.id));
    }
    rows.push_back({fmt::format("<span class=\"id\">{}</span>", Esc(q.id)), ToString(q.stage),
                    Esc(q.location), Num(r.by_process[h][j]), std::to_string(q.exchanges),
                    Pct(CountShare(q.estimated, q.exchanges)),
                    Pct(CountShare(q.uncertain, q.exchanges)), ids.empty() ? "(none)" : ids});
  }
  out += Table({"process", "stage", "location", Esc(r.data.impact_units[h]), "exchanges",
                "estimated", "uncertain", "sources"},
               {false, false, false, true, true, true, true, false}, rows, "quality");
  out += "<h3>Sources cited</h3>\n<ul class=\"sources\">\n";
  std::set<std::string> listed;
  for (int j : top) {
    for (const lca::SourceRef& src : a.quality[j].sources) {
      if (!listed.insert(src.id).second) continue;
      out += fmt::format("<li id=\"src-{}\"><code>{}</code>: {}", Esc(src.id), Esc(src.id),
                         src.citation.empty() ? "(no citation)" : Esc(src.citation));
      if (!src.url.empty()) {
        out += fmt::format(" <a href=\"{0}\">{0}</a>", Esc(src.url));
      }
      out += "</li>\n";
    }
  }
  return out + "</ul>\n";
}

}  // namespace

std::string RenderGpuHtml(const GpuAssessment& a, const GpuReportOptions& o) {
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{0} — life-cycle assessment (gpulca)</title>\n<style>{1}</style>\n</head>\n<body>\n"
      "<header><h1>{0} — {2}</h1><p class=\"sub\">Life-cycle assessment, {3}, by gpulca</p>"
      "</header>\n",
      Esc(a.gpu), kStyle, Esc(a.name), Boundary(a));
  auto section = [&](const char* id, const std::string& heading, const std::string& body) {
    out += fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n{}</section>\n", id, heading, body);
  };
  section("assumptions", "Functional unit and assumptions", Assumptions(a, o));
  section("impacts", fmt::format("Impacts ({})", Boundary(a)), Impacts(a));
  section("stages", "By stage", Stages(a));
  section("use-phase", "Use phase", UsePhase(a));
  section("intensities", "Intensities", Intensities(a));
  section("contributions", "Largest contributions", Contributions(a, o));
  section("supply-chain", "Supply chain", SupplyChain(a, std::max(o.cutoff / 2, 0.005)));
  section("upstream-tree", "Upstream tree", Tree(a, o));
  section("data-quality", "Data quality and sources", Quality(a, o));
  out += fmt::format("<footer>gpulca report of <code>{}</code>{}</footer>\n</body>\n</html>\n",
                     Esc(a.gpu),
                     o.data_hash.empty() ? "" : ", database " + Esc(o.data_hash.substr(0, 16)));
  return out;
}

}  // namespace gpulca::reports
