#include "reports/validation_report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "reports/internal/dot_whisker_svg.h"
#include "reports/internal/html_page.h"
#include "reports/internal/svg_charts.h"
#include "reports/internal/tidy_csv.h"

namespace gpulca::reports {
namespace {

using lca::FootprintComparison;
using lca::ValidationRun;
using nlohmann::ordered_json;

const char* const kTitle = "gpulca validate: the model against published footprints";

std::string Interval(const FootprintComparison& c, double lca::Summary::*field) {
  return c.interval ? FormatNumber((*c.interval).*field / c.published.divisor) : "n/a";
}

std::string YesNo(const std::optional<bool>& b) { return b ? (*b ? "yes" : "no") : "n/a"; }

std::string Citation(const std::string& id, const ValidationReportOptions& o) {
  auto it = o.sources.find(id);
  if (it == o.sources.end()) return id;
  return it->second.url.empty() ? it->second.citation
                                : fmt::format("{} <{}>", it->second.citation, it->second.url);
}

std::vector<std::string> MethodNotes(const ValidationRun& run) {
  std::vector<std::string> notes;
  notes.push_back(
      "Each published figure is compared with gpulca's assessment of the same product (device) "
      "on the same boundary; both are shown per unit of the figure's own divisor (per GPU for an "
      "8-GPU board).");
  if (run.iterations > 0) {
    notes.push_back(fmt::format(
        "gpulca's interval: p05-p95 of a Monte Carlo run of {} iterations, seed {}, every "
        "footprint's system on the same draws.",
        run.iterations, run.seed));
  } else {
    notes.push_back("No Monte Carlo run (--mc 0): nominal values only, no interval.");
  }
  notes.push_back(
      "ratio = published / gpulca nominal (above 1: the source is higher than gpulca). inside: "
      "the published figure lies within gpulca's 90 % interval.");
  return notes;
}

std::vector<std::string> SummaryNotes(const ValidationRun& run) {
  const lca::ValidationSummary& s = run.summary;
  std::vector<std::string> notes;
  if (s.with_interval > 0) {
    notes.push_back(fmt::format("{} of {} published figures inside gpulca's 90 % interval.",
                                s.inside, s.with_interval));
  }
  if (s.footprints > 0) {
    notes.push_back(fmt::format("Median ratio {}; worst ratio {} ({}).", FormatNumber(s.median_ratio),
                                FormatNumber(s.worst_ratio), s.worst_id));
  } else {
    notes.push_back("No published footprint.");
  }
  return notes;
}

TextTable ComparisonTable(const ValidationRun& run) {
  TextTable t;
  t.header = {"footprint", "boundary", "per", "published", "gpulca", "p05", "p95", "unit",
              "ratio", "inside"};
  t.numeric = {false, false, false, true, true, true, true, false, true, false};
  for (const FootprintComparison& c : run.comparisons) {
    t.rows.push_back({c.published.id, c.published.boundary, c.published.per,
                      FormatNumber(c.PublishedPer()), FormatNumber(c.NominalPer()),
                      Interval(c, &lca::Summary::p05), Interval(c, &lca::Summary::p95), c.unit,
                      FormatNumber(c.ratio), YesNo(c.inside)});
  }
  return t;
}

TextTable InclusionTable(const ValidationRun& run, const ValidationReportOptions& o) {
  TextTable t;
  t.header = {"footprint", "device (gpulca process)", "published", "divisor", "includes",
              "excludes", "source"};
  t.numeric = {false, false, true, true, false, false, false};
  for (const FootprintComparison& c : run.comparisons) {
    const auto& p = c.published;
    std::string value = fmt::format("{} {}", FormatNumber(p.value), p.unit);
    if (p.low && p.high) value += fmt::format(" ({} to {})", FormatNumber(*p.low), FormatNumber(*p.high));
    std::string source = Citation(p.source, o);
    if (!p.standard.empty()) source += "; " + p.standard;
    t.rows.push_back({p.id, c.demand, value, fmt::format("{} {}", FormatNumber(p.divisor), p.per),
                      fmt::format("{}", fmt::join(p.includes, "; ")),
                      fmt::format("{}", fmt::join(p.excludes, "; ")), source});
  }
  return t;
}

TextTable CategoryTable(const FootprintComparison& c) {
  TextTable t;
  t.header = {"category", "published %", "published", "gpulca %", "gpulca", "unit"};
  t.numeric = {false, true, true, true, true, false};
  for (const lca::CategoryComparison& k : c.categories) {
    const std::string pct = k.published ? FormatNumber(*k.published) : "n/a";
    const std::string value =
        k.published ? FormatNumber(*k.published / 100 * c.PublishedPer()) : "n/a";
    t.rows.push_back({k.name, pct, value, FormatNumber(k.gpulca_percent),
                      FormatNumber(k.gpulca / c.published.divisor), c.unit});
  }
  return t;
}

ordered_json Optional(const std::optional<double>& v) { return v ? ordered_json(*v) : ordered_json(); }
ordered_json Optional(const std::optional<bool>& v) { return v ? ordered_json(*v) : ordered_json(); }

ordered_json FootprintJson(const FootprintComparison& c, const ValidationReportOptions& o) {
  const auto& p = c.published;
  ordered_json j = {{"id", p.id},           {"name", p.name},         {"device", p.device},
                    {"demand", c.demand},     {"boundary", p.boundary}, {"impact", p.impact},
                    {"unit", c.unit},         {"divisor", p.divisor},   {"per", p.per},
                    {"includes", p.includes}, {"excludes", p.excludes}, {"standard", p.standard},
                    {"note", p.note}};
  ordered_json source = {{"id", p.source}};
  if (auto it = o.sources.find(p.source); it != o.sources.end()) {
    source["citation"] = it->second.citation;
    source["url"] = it->second.url;
  }
  j["source"] = source;
  j["published"] = {{"value", p.value}, {"low", Optional(p.low)}, {"high", Optional(p.high)},
                    {"per_unit", c.PublishedPer()}};
  ordered_json g = {{"nominal", c.nominal}, {"per_unit", c.NominalPer()}};
  for (const auto& [name, value] : lca::Fields(c.interval.value_or(lca::Summary{}))) {
    g[name] = c.interval ? ordered_json(value) : ordered_json();
  }
  j["gpulca"] = g;
  j["ratio"] = c.ratio;
  j["inside"] = Optional(c.inside);
  j["overlaps"] = Optional(c.overlaps);
  ordered_json categories = ordered_json::array();
  for (const lca::CategoryComparison& k : c.categories) {
    const ordered_json value =
        k.published ? ordered_json(*k.published / 100 * p.value) : ordered_json();
    categories.push_back({{"name", k.name},
                          {"published_percent", Optional(k.published)},
                          {"published_value", value},
                          {"gpulca", k.gpulca},
                          {"gpulca_percent", k.gpulca_percent}});
  }
  j["categories"] = categories;
  return j;
}

std::string Footer(const ValidationReportOptions& o) {
  return "gpulca validate" +
         (o.data_hash.empty() ? "" : ", database <code>" + EscapeXml(o.data_hash) + "</code>");
}

}  // namespace

std::vector<TextSection> ValidationSections(const ValidationRun& run,
                                            const ValidationReportOptions& o) {
  std::vector<TextSection> sections;
  sections.push_back({"method", "How the comparison is made", MethodNotes(run), {}});
  sections.push_back({"summary", "Summary", SummaryNotes(run), {ComparisonTable(run)}});
  sections.push_back({"inclusions", "What each published figure includes", {},
                      {InclusionTable(run, o)}});
  for (const FootprintComparison& c : run.comparisons) {
    if (c.categories.empty()) continue;
    sections.push_back({"categories_" + c.published.id,
                        fmt::format("Categories of {} (per {})", c.published.id, c.published.per),
                        {"gpulca's value of a category: the upstream totals of the processes "
                         "mapped onto it (nominal); 'other' is the rest of each total."},
                        {CategoryTable(c)}});
  }
  return sections;
}

std::string RenderValidationText(const ValidationRun& run, const ValidationReportOptions& o) {
  std::vector<std::string> notes;
  if (!o.data_hash.empty()) notes.push_back("database " + o.data_hash);
  return RenderTextDocument(kTitle, notes, ValidationSections(run, o), false);
}

std::string RenderValidationMarkdown(const ValidationRun& run, const ValidationReportOptions& o) {
  std::vector<std::string> notes;
  if (!o.data_hash.empty()) notes.push_back("database `" + o.data_hash + "`");
  return RenderTextDocument(kTitle, notes, ValidationSections(run, o), true);
}

std::string RenderValidationJson(const ValidationRun& run, const ValidationReportOptions& o) {
  ordered_json j;
  j["command"] = "validate";
  j["data_hash"] = o.data_hash;
  j["monte_carlo"] = {{"iterations", run.iterations}, {"seed", run.seed}};
  j["ratio_definition"] = "published / gpulca nominal";
  ordered_json footprints = ordered_json::array();
  for (const FootprintComparison& c : run.comparisons) footprints.push_back(FootprintJson(c, o));
  j["footprints"] = footprints;
  const lca::ValidationSummary& s = run.summary;
  j["summary"] = {{"footprints", s.footprints},     {"with_interval", s.with_interval},
                  {"inside", s.inside},             {"median_ratio", s.median_ratio},
                  {"worst_ratio", s.worst_ratio},   {"worst_id", s.worst_id}};
  return j.dump(2) + "\n";
}

std::string RenderValidationCsv(const ValidationRun& run, const ValidationReportOptions& o) {
  TidyCsv csv;
  csv.Text(TidyKey("run").Measure("data_hash"), o.data_hash);
  for (const FootprintComparison& c : run.comparisons) {
    const TidyKey footprint = TidyKey("footprints").Source(c.published.id);
    const TidyKey impact = footprint.Impact(c.published.impact);
    csv.Number(impact.Measure("published"), c.published.value, c.unit);
    csv.Number(impact.Measure("gpulca"), c.nominal, c.unit);
    if (c.interval) {
      for (const auto& [statistic, value] : lca::Fields(*c.interval)) {
        csv.Number(impact.Measure("gpulca").Statistic(statistic), value, c.unit);
      }
    }
    csv.Number(footprint.Measure("divisor"), c.published.divisor, c.published.per);
    csv.Number(impact.Measure("ratio"), c.ratio, "1");
    if (c.inside) csv.Flag(impact.Measure("inside"), *c.inside);
    if (c.overlaps) csv.Flag(impact.Measure("overlaps"), *c.overlaps);
    for (const lca::CategoryComparison& k : c.categories) {
      const TidyKey category = impact.Section("categories").Category(k.name);
      if (k.published) csv.Number(category.Measure("published_percent"), *k.published, "%");
      csv.Number(category.Measure("gpulca"), k.gpulca, c.unit);
    }
  }
  return csv.str();
}

std::string RenderValidationHtml(const ValidationRun& run, const ValidationReportOptions& o) {
  DotWhiskerChart chart;
  chart.id = "chart-validation";
  chart.title = "Published footprints against gpulca";
  chart.whisker_label = run.iterations > 0 ? "gpulca p05-p95" : "gpulca (no Monte Carlo)";
  chart.mid_label = "gpulca nominal";
  chart.point_label = "published";
  for (const FootprintComparison& c : run.comparisons) {
    if (chart.unit.empty()) chart.unit = c.unit + " per " + c.published.per;
    DotWhiskerRow row;
    row.label = fmt::format("{} (per {})", c.published.id, c.published.per);
    if (c.interval) {
      row.low = c.interval->p05 / c.published.divisor;
      row.high = c.interval->p95 / c.published.divisor;
    }
    row.mid = c.NominalPer();
    row.point = c.PublishedPer();
    chart.rows.push_back(row);
  }
  std::string out = HtmlPageStart("gpulca validate",
                                  "The model held against published footprints");
  bool charted = false;
  for (const TextSection& s : ValidationSections(run, o)) {
    std::string body = HtmlSectionBody(s);
    if (s.id == "summary" && !charted) {
      body = RenderDotWhisker(chart) + body;
      charted = true;
    }
    out += HtmlSectionElement(s.id, s.title, body);
  }
  return out + HtmlPageEnd(Footer(o));
}

}  // namespace gpulca::reports
