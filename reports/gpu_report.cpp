#include "reports/gpu_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "reports/internal/gpu_report_sections.h"
#include "reports/internal/ranking.h"
#include "reports/internal/text_table.h"
#include "reports/internal/tidy_csv.h"
#include "reports/internal/uncertainty_csv.h"

namespace gpulca::reports {
namespace {

using lca::GpuAssessment;
using nlohmann::ordered_json;

std::string Bar(double share, int width = 24) {
  int n = static_cast<int>(std::lround(std::clamp(std::abs(share), 0.0, 1.0) * width));
  std::string out;
  for (int i = 0; i < n; ++i) out += share < 0 ? "░" : "█";
  return out;
}

std::string AssumptionValue(const AssumptionRow& row) {
  return row.value ? FormatNumber(*row.value) : row.text;
}

std::string SourceIds(const lca::ProcessQuality& q) {
  std::string out;
  for (const auto& src : q.sources) out += (out.empty() ? "" : ", ") + src.id;
  return out.empty() ? "(none)" : out;
}

// Every section as notes and tables, for the terminal and Markdown reports.
std::vector<TextSection> TextSections(const GpuSections& s, const GpuReportOptions& o,
                                      bool terminal) {
  std::vector<TextSection> out;
  auto add = [&](const char* id) -> TextSection& {
    out.push_back({id, SectionTitle(id), {}, {}});
    return out.back();
  };
  const std::string code = terminal ? "" : "`";

  TextSection& a = add("assumptions");
  a.notes.push_back("functional unit: " + s.demand.functional_unit);
  a.notes.push_back(fmt::format("demand: {} {} of {}{}{} ({})", FormatNumber(s.demand.amount),
                                s.demand.unit, code, s.demand.product, code, s.demand.boundary));
  if (!s.data_hash.empty()) a.notes.push_back(fmt::format("database {}{}{}", code, s.data_hash, code));
  if (!s.use_phase_on) {
    a.notes.push_back("no use phase in this boundary: the service life and utilisation below only "
                      "spread the embodied total over GPU-hours and PFLOP-hours");
  }
  TextTable at{{"assumption", "value", "unit", "parameter"}, {false, true, false, false}, {}};
  for (const AssumptionRow& row : s.assumptions) {
    at.rows.push_back({row.label, AssumptionValue(row), row.unit, row.key});
  }
  a.tables.push_back(at);

  TextSection& im = add("impacts");
  im.title += fmt::format(" ({})", s.demand.boundary);
  if (s.credits.applied) {
    im.notes.push_back("totals are net of the end-of-life credits shown apart below");
  }
  TextTable it{{"impact", "total", "unit", "embodied", "embodied share"}, {false, true, false, true, true}, {}};
  for (const ImpactRow& row : s.impacts) {
    it.rows.push_back({row.id, FormatNumber(row.total), row.unit, FormatNumber(row.embodied),
                       FormatPercent(row.embodied_share)});
  }
  im.tables.push_back(it);

  TextSection& st = add("stages");
  const int h = static_cast<int>(std::find(s.impact_ids.begin(), s.impact_ids.end(), s.headline_id) -
                                 s.impact_ids.begin());
  double headline_total = 0;
  for (const ImpactRow& row : s.impacts) {
    if (row.id == s.headline_id) headline_total = row.total;
  }
  TextTable stt{{"stage"}, {false}, {}};
  for (size_t k = 0; k < s.impact_ids.size(); ++k) {
    stt.header.push_back(fmt::format("{} ({})", s.impact_ids[k], s.impact_units[k]));
    stt.numeric.push_back(true);
  }
  stt.header.push_back(s.headline_id + " share");
  stt.numeric.push_back(true);
  if (terminal) {
    stt.header.push_back("");
    stt.numeric.push_back(false);
  }
  for (const StageRow& row : s.stages) {
    std::vector<std::string> cells{row.key};
    for (double v : row.values) cells.push_back(FormatNumber(v));
    const double share = h < static_cast<int>(row.values.size()) ? Share(row.values[h], headline_total) : 0;
    cells.push_back(FormatPercent(share));
    if (terminal) cells.push_back(Bar(share));
    stt.rows.push_back(cells);
  }
  st.tables.push_back(stt);

  TextSection& up = add("use_phase");
  if (s.use_phase_on) {
    up.notes.push_back(s.use_phase_note);
    TextTable ut{{"impact", "unit", "use phase", "operational", "host share in use",
                  "operational per year", "embodied share of total"},
                 {false, false, true, true, true, true, true}, {}};
    for (const UsePhaseRow& row : s.use_phase) {
      ut.rows.push_back({row.id, row.unit, FormatNumber(row.use_phase), FormatNumber(row.operational),
                         FormatNumber(row.host_share_in_use), FormatNumber(row.operational_per_year),
                         FormatPercent(row.embodied_share)});
    }
    up.tables.push_back(ut);
  } else {
    up.notes.push_back("cradle to gate: no use phase (run with --boundary cradle-to-grave to include it)");
  }

  TextSection& in = add("intensities");
  in.notes.push_back("per GPU-hour: " + s.intensity_basis);
  if (!s.per_pflop_hour_undefined.empty()) {
    in.notes.push_back("per PFLOP-hour: n/a (undefined): " + s.per_pflop_hour_undefined);
  }
  TextTable itb{{"impact", "unit", "per GPU-hour", "per PFLOP-hour"}, {false, false, true, true}, {}};
  for (const IntensityRow& row : s.intensities) {
    itb.rows.push_back({row.id, row.unit, FormatNumber(row.per_gpu_hour),
                        row.per_pflop_hour ? FormatNumber(*row.per_pflop_hour) : "n/a"});
  }
  in.tables.push_back(itb);

  TextSection& pq = add("per_query");
  if (s.per_query.on) {
    pq.notes.push_back("a query: " + s.per_query.basis);
    pq.notes.push_back("each impact per query is the per-GPU-hour figure (embodied and, at the "
                       "grave, operational) divided by the queries per GPU-hour");
    TextTable qt{{"quantity", "per query", "unit"}, {false, true, false}, {}};
    qt.rows.push_back({"queries per GPU-hour", FormatNumber(s.per_query.queries_per_hour), "1/h"});
    qt.rows.push_back({"GPU energy", FormatNumber(s.per_query.gpu_wh), "Wh"});
    if (s.per_query.facility_wh) {
      qt.rows.push_back({"facility electricity (GPU and host, PUE in)",
                         FormatNumber(*s.per_query.facility_wh), "Wh"});
    }
    for (const PerQueryRow& row : s.per_query.rows) {
      qt.rows.push_back({row.id, FormatNumber(row.value), row.unit});
    }
    pq.tables.push_back(qt);
  } else {
    pq.notes.push_back(s.per_query.basis);
  }

  TextSection& tp = add("top_processes");
  tp.title += fmt::format(" ({}, direct)", s.headline_id);
  TextTable tpt{{"process", "stage", "location", s.headline_unit, "share"},
                {false, false, false, true, true}, {}};
  for (const ProcessRow& row : s.top_processes) {
    tpt.rows.push_back({code + row.id + code, row.stage, row.location, FormatNumber(row.value),
                        FormatPercent(row.share)});
  }
  tp.tables.push_back(tpt);

  TextSection& tf = add("top_flows");
  tf.title += fmt::format(" ({})", s.headline_id);
  TextTable tft{{"flow", "amount", "unit", s.headline_unit, "share"}, {false, true, false, true, true}, {}};
  for (const FlowRow& row : s.top_flows) {
    tft.rows.push_back({code + row.id + code, FormatNumber(row.amount), row.unit,
                        FormatNumber(row.value), FormatPercent(row.share)});
  }
  tf.tables.push_back(tft);

  TextSection& tr = add("upstream_tree");
  tr.notes.push_back(fmt::format("{} ({}) upstream of each process, indented under its consumer; "
                                 "branches below {}% of the total are cut off",
                                 s.headline_id, s.headline_unit, FormatNumber(100 * s.tree_cutoff)));
  TextTable trt{{"process", "amount", "unit", "upstream", "direct", "share"},
                {false, true, false, true, true, true}, {}};
  for (size_t i = 0; i < s.tree_lines.size() && i < o.tree_rows; ++i) {
    const TreeLine& line = s.tree_lines[i];
    std::string indent;
    for (int d = 0; d < line.depth; ++d) indent += terminal ? "  " : "· ";
    trt.rows.push_back({indent + code + line.id + code, FormatNumber(line.amount), line.unit,
                        FormatNumber(line.total), FormatNumber(line.direct), FormatPercent(line.share)});
  }
  tr.tables.push_back(trt);
  if (s.tree_lines.size() > o.tree_rows) {
    tr.notes.push_back(fmt::format("the first {} of {} rows; json and csv hold them all", o.tree_rows,
                                   s.tree_lines.size()));
  }

  TextSection& ec = add("eol_credits");
  ec.notes.push_back(s.credits.status);
  if (s.credits.applied) {
    TextTable ct{{"impact", "unit", "credit", "net total", "total without credits"},
                 {false, false, true, true, true}, {}};
    for (const CreditRow& row : s.credits.rows) {
      ct.rows.push_back({row.id, row.unit, FormatNumber(row.credit), FormatNumber(row.net),
                         FormatNumber(row.gross)});
    }
    ec.tables.push_back(ct);
  }

  TextSection& dq = add("data_quality");
  dq.notes.push_back(fmt::format("the processes with the largest direct {}: the share of their "
                                 "exchanges that rest on an estimate or carry an uncertainty "
                                 "range, and the sources they cite",
                                 s.headline_id));
  TextTable qt{{"process", "stage", "location", s.headline_unit, "exchanges", "estimated",
                "uncertain", "sources"},
               {false, false, false, true, true, true, true, false}, {}};
  for (const QualityRow& row : s.quality) {
    const lca::ProcessQuality& p = row.process;
    qt.rows.push_back({code + p.id + code, inventory::ToString(p.stage), p.location,
                       FormatNumber(row.value), std::to_string(p.exchanges),
                       FormatPercent(row.estimated_share), FormatPercent(row.uncertain_share),
                       SourceIds(p)});
  }
  dq.tables.push_back(qt);
  TextTable sources{{"source", "citation"}, {false, false}, {}};
  for (const lca::SourceRef& src : s.sources) {
    std::string citation = src.citation.empty() ? "(no citation)" : src.citation;
    if (!src.url.empty()) citation += terminal ? " " + src.url : " <" + src.url + ">";
    sources.rows.push_back({code + src.id + code, citation});
  }
  dq.tables.push_back(sources);
  return out;
}

ordered_json TreeJson(const lca::LcaResult& r, const lca::UpstreamNode& node,
                      double total) {
  ordered_json j = {{"id", r.data.process_ids[node.process]},
                    {"name", r.data.process_names[node.process]},
                    {"stage", inventory::ToString(r.data.stage(node.process))},
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
  const GpuSections s = BuildGpuSections(a, o);
  std::string out = RenderTextDocument(s.title, {}, TextSections(s, o, true), false);
  return o.uncertainty ? out + RenderUncertaintyText(*o.uncertainty) : out;
}

std::string RenderGpuMarkdown(const GpuAssessment& a, const GpuReportOptions& o) {
  const GpuSections s = BuildGpuSections(a, o);
  std::string out = RenderTextDocument(s.title, {}, TextSections(s, o, false), true);
  return o.uncertainty ? out + RenderUncertaintyMarkdown(*o.uncertainty) : out;
}

std::string RenderGpuJson(const GpuAssessment& a, const GpuReportOptions& o) {
  const GpuSections s = BuildGpuSections(a, o);
  const auto& ids = s.impact_ids;
  ordered_json j;
  j["title"] = s.title;
  j["demand"] = {{"product", s.demand.product},   {"process", s.demand.process},
                 {"amount", s.demand.amount},     {"unit", s.demand.unit},
                 {"boundary", s.demand.boundary}, {"gpu", s.demand.gpu},
                 {"functional_unit", s.demand.functional_unit}};
  if (!s.data_hash.empty()) j["data_hash"] = s.data_hash;
  j["assumptions"] = ordered_json::object();
  for (const AssumptionRow& row : s.assumptions) {
    if (row.value) {
      j["assumptions"][row.key] = *row.value;
    } else {
      j["assumptions"][row.key] = row.text;
    }
  }
  j["impacts"] = ordered_json::object();
  for (const ImpactRow& row : s.impacts) {
    j["impacts"][row.id] = {{"value", row.total}, {"unit", row.unit}, {"embodied", row.embodied},
                            {"embodied_share", row.embodied_share}};
    j["embodied"][row.id] = row.embodied;
  }
  j["stages"] = ordered_json::object();
  for (const StageRow& row : s.stages) {
    for (size_t k = 0; k < ids.size(); ++k) j["stages"][row.key][ids[k]] = row.values[k];
  }
  j["use_phase"] = ordered_json::object();
  for (const UsePhaseRow& row : s.use_phase) {
    j["use_phase"][row.id] = {{"total", row.use_phase},
                              {"host_share", row.host_share},
                              {"host_share_in_use", row.host_share_in_use},
                              {"operational", row.operational},
                              {"operational_per_year", row.operational_per_year},
                              {"embodied_share", row.embodied_share},
                              {"unit", row.unit}};
  }
  j["intensities"] = {{"basis", s.intensity_basis}};
  for (const IntensityRow& row : s.intensities) {
    j["intensities"]["per_gpu_hour"][row.id] = row.per_gpu_hour;
    j["intensities"]["per_pflop_hour"][row.id] =
        row.per_pflop_hour ? ordered_json(*row.per_pflop_hour) : ordered_json(nullptr);
  }
  if (!s.per_pflop_hour_undefined.empty()) {
    j["intensities"]["per_pflop_hour_undefined"] = s.per_pflop_hour_undefined;
  }
  ordered_json q = {{"on", s.per_query.on}, {"basis", s.per_query.basis}};
  if (s.per_query.on) {
    q["queries_per_hour"] = s.per_query.queries_per_hour;
    q["gpu_wh"] = s.per_query.gpu_wh;
    if (s.per_query.facility_wh) q["facility_wh"] = *s.per_query.facility_wh;
    for (const PerQueryRow& row : s.per_query.rows) {
      q["impacts"][row.id] = {{"value", row.value}, {"unit", row.unit}};
    }
  }
  j["per_query"] = q;
  const lca::LcaResult& r = a.headline();
  j["top_processes"] = ordered_json::array();
  for (const ProcessRow& row : s.top_processes) {
    ordered_json p = {{"id", row.id},       {"name", row.name},   {"stage", row.stage},
                      {"location", row.location}, {"share", row.share}};
    const auto it = std::find(r.data.process_ids.begin(), r.data.process_ids.end(), row.id);
    const size_t col = static_cast<size_t>(it - r.data.process_ids.begin());
    for (size_t k = 0; k < ids.size(); ++k) p[ids[k]] = r.by_process[k][col];
    j["top_processes"].push_back(p);
  }
  j["top_flows"] = ordered_json::array();
  for (const FlowRow& row : s.top_flows) {
    j["top_flows"].push_back({{"id", row.id},
                              {"amount", row.amount},
                              {"unit", row.unit},
                              {s.headline_id, row.value},
                              {"share", row.share}});
  }
  j["upstream_tree"] = {{"impact", s.headline_id}, {"unit", s.headline_unit}, {"cutoff", s.tree_cutoff}};
  if (!ids.empty()) {
    const int h = HeadlineImpact(a);
    j["upstream_tree"]["root"] = TreeJson(r, s.tree, a.total[h]);
  }
  ordered_json credits = {{"modelled", s.credits.modelled},
                          {"applied", s.credits.applied},
                          {"status", s.credits.status}};
  credits["impacts"] = ordered_json::object();
  for (const CreditRow& row : s.credits.rows) {
    credits["impacts"][row.id] = {{"credit", row.credit}, {"net", row.net}, {"gross", row.gross},
                                  {"unit", row.unit}};
  }
  j["eol_credits"] = credits;
  j["data_quality"] = ordered_json::array();
  for (const QualityRow& row : s.quality) {
    const lca::ProcessQuality& q = row.process;
    ordered_json p = {{"id", q.id},
                      {"name", q.name},
                      {"stage", inventory::ToString(q.stage)},
                      {"location", q.location},
                      {s.headline_id, row.value},
                      {"exchanges", q.exchanges},
                      {"estimated", q.estimated},
                      {"uncertain", q.uncertain},
                      {"estimated_share", row.estimated_share},
                      {"uncertain_share", row.uncertain_share}};
    p["sources"] = ordered_json::array();
    for (const auto& src : q.sources) {
      p["sources"].push_back({{"id", src.id}, {"citation", src.citation}, {"url", src.url}});
    }
    j["data_quality"].push_back(p);
  }
  return o.uncertainty ? MergeUncertaintyJson(j.dump(), *o.uncertainty) : j.dump(2) + "\n";
}

std::string RenderGpuCsv(const GpuAssessment& a, const GpuReportOptions& o) {
  const GpuSections s = BuildGpuSections(a, o);
  TidyCsv csv;
  const TidyKey gpu = TidyKey().Gpu(s.demand.gpu);
  const TidyKey demand = gpu.Section("demand");
  csv.Text(demand.Measure("product"), s.demand.product);
  csv.Text(demand.Measure("process"), s.demand.process);
  csv.Number(demand.Measure("amount"), s.demand.amount, s.demand.unit);
  csv.Text(demand.Measure("boundary"), s.demand.boundary);
  csv.Text(demand.Measure("functional_unit"), s.demand.functional_unit);
  csv.Text(gpu.Section("run").Measure("data_hash"), s.data_hash);
  for (const AssumptionRow& row : s.assumptions) {
    const TidyKey key = gpu.Section("assumptions").Measure(row.key);
    if (row.value) {
      csv.Number(key, *row.value, row.unit);
    } else {
      csv.Text(key, row.text);
    }
  }
  for (const ImpactRow& row : s.impacts) {
    const TidyKey impact = gpu.Section("impacts").Impact(row.id);
    csv.Number(impact.Measure("total"), row.total, row.unit);
    csv.Number(impact.Measure("embodied"), row.embodied, row.unit);
    csv.Number(impact.Measure("embodied_share"), row.embodied_share, "1");
  }
  for (const StageRow& row : s.stages) {
    for (size_t k = 0; k < s.impact_ids.size(); ++k) {
      csv.Number(
          gpu.Section("stages").Impact(s.impact_ids[k]).Stage(row.key).Measure("contribution"),
          row.values[k], s.impact_units[k]);
    }
  }
  for (const UsePhaseRow& row : s.use_phase) {
    const TidyKey impact = gpu.Section("use_phase").Impact(row.id);
    csv.Number(impact.Measure("use_phase"), row.use_phase, row.unit);
    csv.Number(impact.Measure("host_share"), row.host_share, row.unit);
    csv.Number(impact.Measure("host_share_in_use"), row.host_share_in_use, row.unit);
    csv.Number(impact.Measure("operational"), row.operational, row.unit);
    csv.Number(impact.Measure("operational_per_year"), row.operational_per_year, row.unit + "/yr");
    csv.Number(impact.Measure("embodied_share"), row.embodied_share, "1");
  }
  csv.Text(gpu.Section("intensities").Measure("basis"), s.intensity_basis);
  for (const IntensityRow& row : s.intensities) {
    const TidyKey impact = gpu.Section("intensities").Impact(row.id);
    csv.Number(impact.Measure("per_gpu_hour"), row.per_gpu_hour, row.unit + "/GPU-hour");
    csv.Figure(impact.Measure("per_pflop_hour"), row.per_pflop_hour, row.unit + "/PFLOP-hour",
               s.per_pflop_hour_undefined);
  }
  const TidyKey query = gpu.Section("per_query");
  csv.Text(query.Measure("basis"), s.per_query.basis);
  if (s.per_query.on) {
    csv.Number(query.Measure("queries_per_hour"), s.per_query.queries_per_hour, "1/h");
    csv.Number(query.Measure("gpu_energy"), s.per_query.gpu_wh, "Wh");
    if (s.per_query.facility_wh) {
      csv.Number(query.Measure("facility_electricity"), *s.per_query.facility_wh, "Wh");
    }
    for (const PerQueryRow& row : s.per_query.rows) {
      csv.Number(query.Impact(row.id).Measure("per_query"), row.value, row.unit);
    }
  }
  const TidyKey headline = gpu.Impact(s.headline_id);
  for (const ProcessRow& row : s.top_processes) {
    const TidyKey process = headline.Section("top_processes").Process(row.id);
    csv.Number(process.Measure("contribution"), row.value, s.headline_unit);
    csv.Number(process.Measure("share"), row.share, "1");
  }
  for (const FlowRow& row : s.top_flows) {
    csv.Number(gpu.Section("top_flows").Flow(row.id).Measure("amount"), row.amount, row.unit);
    const TidyKey flow = headline.Section("top_flows").Flow(row.id);
    csv.Number(flow.Measure("contribution"), row.value, s.headline_unit);
    csv.Number(flow.Measure("share"), row.share, "1");
  }
  for (const TreeLine& line : s.tree_lines) {
    csv.Number(headline.Section("upstream_tree").Process(line.path).Measure("upstream"), line.total,
               s.headline_unit);
  }
  const TidyKey credits = gpu.Section("eol_credits");
  csv.Flag(credits.Measure("modelled"), s.credits.modelled);
  csv.Flag(credits.Measure("applied"), s.credits.applied);
  csv.Text(credits.Measure("status"), s.credits.status);
  if (s.credits.applied) {
    for (const CreditRow& row : s.credits.rows) {
      const TidyKey impact = credits.Impact(row.id);
      csv.Number(impact.Measure("credit"), row.credit, row.unit);
      csv.Number(impact.Measure("net"), row.net, row.unit);
      csv.Number(impact.Measure("gross"), row.gross, row.unit);
    }
  }
  for (const QualityRow& row : s.quality) {
    const lca::ProcessQuality& q = row.process;
    const TidyKey process = gpu.Section("data_quality").Process(q.id);
    csv.Number(headline.Section("data_quality").Process(q.id).Measure("contribution"), row.value,
               s.headline_unit);
    csv.Number(process.Measure("exchanges"), q.exchanges, "count");
    csv.Number(process.Measure("estimated"), q.estimated, "count");
    csv.Number(process.Measure("uncertain"), q.uncertain, "count");
    for (const auto& src : q.sources) csv.Flag(process.Source(src.id).Measure("cites"), true);
  }
  for (const lca::SourceRef& src : s.sources) {
    const TidyKey source = gpu.Section("sources").Source(src.id);
    csv.Text(source.Measure("citation"), src.citation);
    csv.Text(source.Measure("url"), src.url);
  }
  if (o.uncertainty) AddUncertaintyCsv(*o.uncertainty, gpu, csv);
  return csv.str();
}

}  // namespace gpulca::reports
