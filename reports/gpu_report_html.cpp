#include "reports/gpu_report_html.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "lca/system/upstream_tree.h"
#include "reports/internal/gpu_report_sections.h"
#include "reports/internal/ranking.h"
#include "reports/internal/html_page.h"
#include "reports/internal/svg_charts.h"
#include "reports/internal/text_table.h"

namespace gpulca::reports {
namespace {

using lca::GpuAssessment;
using lca::LcaResult;

std::string Esc(const std::string& text) { return EscapeXml(text); }

// Numbers as the Markdown report writes them, so the formats agree.
std::string Num(double v) { return FormatNumber(v); }
std::string Pct(double share) { return FormatPercent(share); }


std::string Id(const std::string& id) { return fmt::format("<span class=\"id\">{}</span>", Esc(id)); }

std::string Assumptions(const GpuSections& s) {
  std::string out = fmt::format("<p><strong>Functional unit:</strong> {}.</p>\n",
                                Esc(s.demand.functional_unit));
  out += fmt::format("<p>Demand: {} {} of <code>{}</code> ({}).{}</p>\n", Num(s.demand.amount),
                     Esc(s.demand.unit), Esc(s.demand.product), Esc(s.demand.boundary),
                     s.data_hash.empty() ? ""
                                         : fmt::format(" Database <code>{}</code>.", Esc(s.data_hash)));
  if (!s.use_phase_on) {
    out += "<p class=\"note\">No use phase in this boundary: the service life and utilisation "
           "below only spread the embodied total over GPU-hours and PFLOP-hours.</p>\n";
  }
  std::vector<std::vector<std::string>> rows;
  for (const AssumptionRow& row : s.assumptions) {
    rows.push_back({Esc(row.label), row.value ? Num(*row.value) : Esc(row.text), Esc(row.unit),
                    fmt::format("<code>{}</code>", Esc(row.key))});
  }
  return out + HtmlTable("Assumptions of the assessment", {"assumption", "value", "unit", "parameter"}, {false, true, false, false}, rows,
                     "assumptions");
}

std::string Impacts(const GpuSections& s) {
  std::string out = "<div class=\"cards\">\n";
  for (const ImpactRow& row : s.impacts) {
    out += fmt::format(
        "<div class=\"card\"><div class=\"k\">{}</div><div class=\"v\">{}</div>"
        "<div class=\"k\">{} · {} embodied</div></div>\n",
        Esc(row.name.empty() ? row.id : row.name), Num(row.total), Esc(row.unit),
        Pct(row.embodied_share));
  }
  out += "</div>\n";
  if (s.credits.applied) {
    out += "<p class=\"note\">Totals are net of the end-of-life credits shown apart in "
           "<a href=\"#eol-credits\">End-of-life credits</a>.</p>\n";
  }
  std::vector<std::vector<std::string>> rows;
  for (const ImpactRow& row : s.impacts) {
    rows.push_back({Esc(row.id), Num(row.total), Esc(row.unit), Num(row.embodied),
                    Pct(row.embodied_share)});
  }
  return out + HtmlTable("Impacts: total and embodied", {"impact", "total", "unit", "embodied", "embodied share"},
                     {false, true, false, true, true}, rows, "impacts");
}

std::string Stages(const GpuSections& s) {
  StackedBarChart chart;
  chart.id = "chart-stages";
  chart.title = fmt::format("Share of each life-cycle stage in every impact, {}", s.demand.boundary);
  for (const StageRow& row : s.stages) chart.series.push_back(row.key);
  for (size_t k = 0; k < s.impacts.size(); ++k) {
    StackedBarRow bar{s.impacts[k].id, {}, Num(s.impacts[k].total) + " " + s.impacts[k].unit};
    for (const StageRow& row : s.stages) bar.values.push_back(row.values[k]);
    chart.rows.push_back(bar);
  }
  std::string out = RenderStackedBars(chart);
  out += "<p class=\"note\">Each bar is one impact; segments are the stages' shares of the sum of "
         "their absolute values. Hatched segments are credits (negative values, e.g. recycling).</p>\n";
  std::vector<std::string> head = {"stage"};
  std::vector<bool> numeric = {false};
  for (size_t k = 0; k < s.impact_ids.size(); ++k) {
    head.push_back(fmt::format("{} ({})", Esc(s.impact_ids[k]), Esc(s.impact_units[k])));
    numeric.push_back(true);
  }
  std::vector<std::vector<std::string>> rows;
  for (const StageRow& row : s.stages) {
    std::vector<std::string> cells = {Esc(row.key)};
    for (double v : row.values) cells.push_back(Num(v));
    rows.push_back(cells);
  }
  return out + HtmlTable("Impacts by life-cycle stage", head, numeric, rows, "stages");
}

std::string UsePhase(const GpuAssessment& a, const GpuSections& s) {
  const int h = HeadlineImpact(a);
  DonutChart chart;
  chart.id = "chart-use-phase";
  chart.unit = s.headline_unit;
  chart.title = fmt::format("Split of the {} {} total of {}: embodied module, host share, "
                            "operational", s.headline_id, s.demand.boundary, a.gpu);
  double other = a.total[h] - a.embodied[h] - a.host_share[h] - a.operational[h];
  chart.parts = {{"embodied module (cradle to gate)", a.embodied[h]}};
  if (a.cradle_to_grave) {
    chart.parts.push_back({"host share (embodied, use, end of life)", a.host_share[h]});
    chart.parts.push_back({"operational (electricity, cooling water)", a.operational[h]});
    if (std::abs(other) > 1e-9 * std::abs(a.total[h])) {
      chart.parts.push_back({"other (delivery to site, module end of life, credits)", other});
    }
  }
  std::string out = RenderDonut(chart);
  if (!s.use_phase_on) {
    return out + "<p class=\"note\">Cradle to gate: no use phase. Run with "
                 "<code>--boundary cradle-to-grave</code> to include it.</p>\n";
  }
  out += fmt::format("<p>{}.</p>\n", Esc(s.use_phase_note));
  std::vector<std::vector<std::string>> rows;
  for (const UsePhaseRow& row : s.use_phase) {
    rows.push_back({Esc(row.id), Esc(row.unit), Num(row.use_phase), Num(row.operational),
                    Num(row.host_share_in_use), Num(row.operational_per_year),
                    Pct(row.embodied_share)});
  }
  return out + HtmlTable("Use phase: operational and the host share in use",
                         {"impact", "unit", "use phase", "operational", "host share in use",
                      "operational per year", "embodied share of total"},
                     {false, false, true, true, true, true, true}, rows, "use-phase");
}

std::string Intensities(const GpuSections& s) {
  std::string out = fmt::format("<p>Per GPU-hour: {}.</p>\n", Esc(s.intensity_basis));
  if (!s.per_pflop_hour_undefined.empty()) {
    out += fmt::format("<p class=\"note\">Per PFLOP-hour: n/a (undefined): {}.</p>\n",
                       Esc(s.per_pflop_hour_undefined));
  }
  std::vector<std::vector<std::string>> rows;
  for (const IntensityRow& row : s.intensities) {
    rows.push_back({Esc(row.id), Esc(row.unit), Num(row.per_gpu_hour),
                    row.per_pflop_hour ? Num(*row.per_pflop_hour) : "n/a"});
  }
  return out + HtmlTable("Impacts per GPU-hour and per PFLOP-hour",
                         {"impact", "unit", "per GPU-hour", "per PFLOP-hour"},
                     {false, false, true, true}, rows, "intensities");
}

std::string PerQuerySection(const GpuSections& s) {
  if (!s.per_query.on) return fmt::format("<p class=\"note\">{}</p>\n", Esc(s.per_query.basis));
  std::string out = fmt::format("<p>A query: {}. Each impact per query is the per-GPU-hour "
                                "figure divided by the queries per GPU-hour.</p>\n",
                                Esc(s.per_query.basis));
  out += "<div class=\"cards\">\n";
  auto card = [&](const std::string& k, double v, const std::string& unit) {
    out += fmt::format("<div class=\"card\"><div class=\"k\">{}</div><div class=\"v\">{}</div>"
                       "<div class=\"k\">{} per query</div></div>\n",
                       Esc(k), Num(v), Esc(unit));
  };
  if (s.per_query.facility_wh) card("facility electricity", *s.per_query.facility_wh, "Wh");
  for (const PerQueryRow& row : s.per_query.rows) {
    if (row.id == "gwp100" || row.id == "water") card(row.id, row.value, row.unit);
  }
  out += "</div>\n";
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"queries per GPU-hour", Num(s.per_query.queries_per_hour), "1/h"});
  rows.push_back({"GPU energy", Num(s.per_query.gpu_wh), "Wh"});
  if (s.per_query.facility_wh) {
    rows.push_back({"facility electricity (GPU and host, PUE in)", Num(*s.per_query.facility_wh), "Wh"});
  }
  for (const PerQueryRow& row : s.per_query.rows) {
    rows.push_back({Esc(row.id), Num(row.value), Esc(row.unit)});
  }
  return out + HtmlTable("Impacts per query", {"quantity", "per query", "unit"}, {false, true, false}, rows, "per-query");
}

std::string TopProcesses(const GpuSections& s) {
  std::vector<std::vector<std::string>> rows;
  for (const ProcessRow& row : s.top_processes) {
    rows.push_back({Id(row.id), Esc(row.name), Esc(row.stage), Esc(row.location), Num(row.value),
                    Pct(row.share)});
  }
  return HtmlTable(fmt::format("Largest processes by direct {}", s.headline_id),
                   {"process", "name", "stage", "location", Esc(s.headline_unit), "share"},
               {false, false, false, false, true, true}, rows, "top-processes");
}

std::string TopFlows(const GpuSections& s) {
  std::vector<std::vector<std::string>> rows;
  for (const FlowRow& row : s.top_flows) {
    rows.push_back({Id(row.id), Num(row.amount), Esc(row.unit), Num(row.value), Pct(row.share)});
  }
  return HtmlTable(fmt::format("Largest elementary flows by {}", s.headline_id),
                   {"flow", "amount", "unit", Esc(s.headline_unit), "share"},
               {false, true, false, true, true}, rows, "top-flows");
}

// The module's supply chain, cradle to gate: at the grave the use-phase
// electricity would leave every supplier a sliver.
std::string SupplyChain(const GpuAssessment& a, const GpuSections& s, double cutoff) {
  const LcaResult& r = a.gate;
  const int h = std::max(0, r.ImpactIndex(s.headline_id));
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
  chart.title = fmt::format("Supply chain of the {} module, cradle to gate, {}: upstream flows of "
                            "at least {:g}% of the module's total, the largest {} processes",
                            a.gpu, r.data.impact_ids[h], 100 * cutoff, kSankeyMaxNodes);
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
  out += fmt::format("<p class=\"note\">The module's supply chain, cradle to gate ({} {} of the "
                     "{} total): {} of {} processes above the cut-off shown; the module is on the "
                     "right, suppliers to its left by their distance in the supply chain. Link "
                     "widths are the {} carried.</p>\n",
                     Num(a.embodied[h]), Esc(r.data.impact_units[h]), Esc(s.demand.boundary),
                     chart.nodes.size(), data.nodes.size(), Esc(r.data.impact_ids[h]));
  return out;
}

std::string Tree(const GpuSections& s, const GpuReportOptions& o) {
  std::string out = fmt::format(
      "<p>Each process with its upstream {} ({}), indented under the process that consumes it; "
      "branches below {}% of the total are cut off.</p>\n",
      Esc(s.headline_id), Esc(s.headline_unit), Num(100 * s.tree_cutoff));
  out += fmt::format(
      "<table class=\"tree\"><caption>Upstream tree of {}</caption><thead><tr>"
      "<th scope=\"col\">process</th><th scope=\"col\" class=\"num\">amount</th>"
      "<th scope=\"col\">unit</th><th scope=\"col\" class=\"num\">upstream</th>"
      "<th scope=\"col\" class=\"num\">direct</th><th scope=\"col\" class=\"num\">share</th>"
      "<th scope=\"col\"><span class=\"visually-hidden\">bar</span></th></tr></thead><tbody>\n",
      Esc(s.headline_id));
  for (size_t i = 0; i < s.tree_lines.size() && i < o.tree_rows; ++i) {
    const TreeLine& n = s.tree_lines[i];
    out += fmt::format(
        "<tr><td style=\"padding-left:{}px\" title=\"{}\">{}</td>"
        "<td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td><span class=\"bar\" style=\"width:{:.0f}px\"></span></td></tr>\n",
        10 + 18 * n.depth, Esc(n.name), Id(n.id), Num(n.amount), Esc(n.unit), Num(n.total),
        Num(n.direct), Pct(n.share), 120 * std::clamp(std::abs(n.share), 0.0, 1.0));
  }
  out += "</tbody></table>\n";
  if (s.tree_lines.size() > o.tree_rows) {
    out += fmt::format("<p class=\"note\">The first {} of {} rows; the JSON and CSV reports hold "
                       "them all.</p>\n", o.tree_rows, s.tree_lines.size());
  }
  return out;
}

std::string Credits(const GpuSections& s) {
  std::string out = fmt::format("<p>{}{}{}</p>\n", s.credits.applied ? "<strong>" : "",
                                Esc(s.credits.status), s.credits.applied ? "</strong>" : "");
  if (!s.credits.applied) return out;
  std::vector<std::vector<std::string>> rows;
  for (const CreditRow& row : s.credits.rows) {
    rows.push_back({Esc(row.id), Esc(row.unit), Num(row.credit), Num(row.net), Num(row.gross)});
  }
  return out + HtmlTable("End-of-life credits", {"impact", "unit", "credit", "net total", "total without credits"},
                     {false, false, true, true, true}, rows, "eol-credits");
}

std::string Quality(const GpuSections& s) {
  std::string out = fmt::format(
      "<p>The processes with the largest direct {}: how many of their exchanges rest on an "
      "estimate (a parameter marked <code>estimate</code>) or carry an uncertainty range, and the "
      "sources their exchanges and parameters cite.</p>\n",
      Esc(s.headline_id));
  std::vector<std::vector<std::string>> rows;
  for (const QualityRow& row : s.quality) {
    const lca::ProcessQuality& q = row.process;
    std::string ids;
    for (const auto& src : q.sources) {
      ids += fmt::format("{}<a href=\"#src-{}\">{}</a>", ids.empty() ? "" : ", ", Esc(src.id),
                         Esc(src.id));
    }
    rows.push_back({Id(q.id), inventory::ToString(q.stage), Esc(q.location), Num(row.value),
                    std::to_string(q.exchanges), Pct(row.estimated_share), Pct(row.uncertain_share),
                    ids.empty() ? "(none)" : ids});
  }
  out += HtmlTable("Data quality of the processes",
                   {"process", "stage", "location", Esc(s.headline_unit), "exchanges", "estimated",
                "uncertain", "sources"},
               {false, false, false, true, true, true, true, false}, rows, "quality");
  out += "<h3>Sources cited</h3>\n<ul class=\"sources\">\n";
  for (const lca::SourceRef& src : s.sources) {
    out += fmt::format("<li id=\"src-{}\"><code>{}</code>: {}", Esc(src.id), Esc(src.id),
                       src.citation.empty() ? "(no citation)" : Esc(src.citation));
    if (!src.url.empty()) out += fmt::format(" <a href=\"{0}\">{0}</a>", Esc(src.url));
    out += "</li>\n";
  }
  return out + "</ul>\n";
}

}  // namespace

std::string RenderGpuHtml(const GpuAssessment& a, const GpuReportOptions& o) {
  const GpuSections s = BuildGpuSections(a, o);
  std::string out = HtmlPageStart(s.title, "Life-cycle assessment by gpulca · functional unit: " +
                                               s.demand.functional_unit);
  auto section = [&](const std::string& id, const std::string& heading, const std::string& body) {
    out += HtmlSectionElement(id, heading, body);
  };
  section("assumptions", SectionTitle("assumptions"), Assumptions(s));
  section("impacts", fmt::format("{} ({})", SectionTitle("impacts"), s.demand.boundary), Impacts(s));
  section("stages", SectionTitle("stages"), Stages(s));
  section("use_phase", SectionTitle("use_phase"), UsePhase(a, s));
  section("intensities", SectionTitle("intensities"), Intensities(s));
  section("per_query", SectionTitle("per_query"), PerQuerySection(s));
  section("top_processes", fmt::format("{} ({}, direct)", SectionTitle("top_processes"), s.headline_id),
          TopProcesses(s));
  section("top_flows", fmt::format("{} ({})", SectionTitle("top_flows"), s.headline_id), TopFlows(s));
  section("supply_chain", "Supply chain of the module", SupplyChain(a, s, std::max(o.cutoff / 2, 0.005)));
  section("upstream_tree", SectionTitle("upstream_tree"), Tree(s, o));
  section("eol_credits", SectionTitle("eol_credits"), Credits(s));
  section("data_quality", SectionTitle("data_quality"), Quality(s));
  if (o.uncertainty) out += RenderUncertaintyHtml(*o.uncertainty);
  return out + HtmlPageEnd(fmt::format("gpulca report of <code>{}</code>{}", Esc(a.gpu),
                                       s.data_hash.empty() ? "" : ", database " + Esc(s.data_hash)));
}

}  // namespace gpulca::reports
