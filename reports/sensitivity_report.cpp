#include "reports/sensitivity_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <nlohmann/json.hpp>

#include "reports/internal/dot_whisker_svg.h"
#include "reports/internal/html_page.h"
#include "reports/internal/svg_charts.h"
#include "reports/internal/text_table.h"
#include "reports/internal/tidy_csv.h"

namespace gpulca::reports {
namespace {

using nlohmann::json;

// The groups of impact k by decreasing total order.
std::vector<size_t> ByTotal(const lca::SobolResult& r) {
  std::vector<size_t> order(r.groups.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return r.groups[a].total > r.groups[b].total; });
  return order;
}

std::string Share(double v) { return fmt::format("{:.3f}", v); }

std::vector<TextSection> Sections(const lca::GroupedSobol& s, const SensitivityReportOptions& o) {
  std::vector<TextSection> out;
  TextSection method{"method", "Method", {}, {}};
  method.notes.push_back(fmt::format(
      "Sobol' indices of {} groups of {} uncertain inputs: Saltelli's design on a Sobol' "
      "sequence, N = {}, {} model runs; first order by Saltelli et al. (2010), total order by "
      "Jansen (1999); {} % bootstrap intervals from {} resamples (seed {})",
      s.groups.size(), s.inputs, s.n, s.evaluations, FormatNumber(s.options.confidence * 100),
      s.options.bootstrap, s.options.seed));
  method.notes.push_back("first order: the share of the variance a group explains alone; total "
                         "order: with every interaction it takes part in (total - first is its "
                         "interactions with other groups)");
  if (!o.data_hash.empty()) method.notes.push_back("database " + o.data_hash);
  TextTable groups{{"group", "inputs", "first inputs"}, {false, true, false}, {}};
  for (size_t g = 0; g < s.groups.size(); ++g) {
    std::vector<std::string> first(s.members[g].begin(),
                                   s.members[g].begin() + std::min<size_t>(3, s.members[g].size()));
    groups.rows.push_back({s.groups[g], std::to_string(s.members[g].size()),
                           fmt::format("{}{}", fmt::join(first, ", "),
                                       s.members[g].size() > 3 ? ", ..." : "")});
  }
  method.tables.push_back(groups);
  out.push_back(method);
  for (size_t k = 0; k < s.impact_ids.size(); ++k) {
    TextSection section{"impact-" + s.impact_ids[k],
                        fmt::format("{} ({})", s.impact_ids[k], s.impact_units[k]), {}, {}};
    if (!s.undefined[k].empty()) {
      section.notes.push_back("undefined: " + s.undefined[k]);
      out.push_back(section);
      continue;
    }
    const lca::SobolResult& r = s.impacts[k];
    section.notes.push_back(fmt::format("mean {}, variance {}", FormatNumber(r.mean),
                                        FormatNumber(r.variance)));
    TextTable t{{"group", "first order", "interval", "total order", "interval"},
                {false, true, true, true, true}, {}};
    for (size_t g : ByTotal(r)) {
      const lca::SobolIndex& i = r.groups[g];
      t.rows.push_back({s.groups[g], Share(i.first),
                        fmt::format("{} - {}", Share(i.first_low), Share(i.first_high)),
                        Share(i.total),
                        fmt::format("{} - {}", Share(i.total_low), Share(i.total_high))});
    }
    section.tables.push_back(t);
    out.push_back(section);
  }
  return out;
}

std::string Title(const SensitivityReportOptions& o) {
  return fmt::format("Global sensitivity of {}{}", o.demand,
                     o.boundary.empty() ? "" : ", " + o.boundary);
}

}  // namespace

std::string RenderSensitivityText(const lca::GroupedSobol& s, const SensitivityReportOptions& o) {
  return RenderTextDocument(Title(o), {}, Sections(s, o), false);
}

std::string RenderSensitivityMarkdown(const lca::GroupedSobol& s,
                                      const SensitivityReportOptions& o) {
  return RenderTextDocument(Title(o), {}, Sections(s, o), true);
}

std::string RenderSensitivityHtml(const lca::GroupedSobol& s, const SensitivityReportOptions& o) {
  std::string html = HtmlPageStart(Title(o), "Sobol' indices of groups of uncertain inputs");
  for (const TextSection& section : Sections(s, o)) {
    std::string body = HtmlSectionBody(section);
    const bool impact = section.id.rfind("impact-", 0) == 0;
    const size_t k = impact ? static_cast<size_t>(std::find(s.impact_ids.begin(), s.impact_ids.end(),
                                                            section.id.substr(7)) -
                                                  s.impact_ids.begin())
                            : s.impact_ids.size();
    if (k < s.impact_ids.size() && s.undefined[k].empty()) {
      DotWhiskerChart chart;
      chart.id = "chart-" + s.impact_ids[k];
      chart.title = fmt::format("{}: total-order interval, total order and first order by group",
                                s.impact_ids[k]);
      chart.unit = "share of the variance";
      chart.whisker_label = "total order, interval";
      chart.mid_label = "total order";
      chart.point_label = "first order";
      const lca::SobolResult& r = s.impacts[k];
      for (size_t g : ByTotal(r)) {
        const lca::SobolIndex& i = r.groups[g];
        chart.rows.push_back({s.groups[g], std::max(0.0, i.total_low), std::max(0.0, i.total_high),
                              std::max(0.0, i.total), std::max(0.0, i.first)});
      }
      body += RenderDotWhisker(chart);
    }
    html += HtmlSectionElement(section.id, section.title, body);
  }
  return html + HtmlPageEnd("gpulca sensitivity --sobol");
}

std::string RenderSensitivityJson(const lca::GroupedSobol& s, const SensitivityReportOptions& o) {
  json j;
  j["command"] = "sensitivity";
  j["demand"] = o.demand;
  j["boundary"] = o.boundary;
  j["data_hash"] = o.data_hash;
  j["method"] = {{"n", s.n},
                 {"evaluations", s.evaluations},
                 {"bootstrap", s.options.bootstrap},
                 {"confidence", s.options.confidence},
                 {"seed", s.options.seed},
                 {"inputs", s.inputs}};
  j["groups"] = json::array();
  for (size_t g = 0; g < s.groups.size(); ++g) {
    j["groups"].push_back({{"name", s.groups[g]}, {"inputs", s.members[g]}});
  }
  json impacts = json::object();
  for (size_t k = 0; k < s.impact_ids.size(); ++k) {
    json impact = {{"unit", s.impact_units[k]},
                   {"undefined", s.undefined[k].empty() ? json(nullptr) : json(s.undefined[k])}};
    impact["groups"] = json::array();
    if (s.undefined[k].empty()) {
      const lca::SobolResult& r = s.impacts[k];
      impact["mean"] = r.mean;
      impact["variance"] = r.variance;
      for (size_t g = 0; g < s.groups.size(); ++g) {
        const lca::SobolIndex& i = r.groups[g];
        impact["groups"].push_back({{"name", s.groups[g]},
                                    {"first", i.first},
                                    {"first_low", i.first_low},
                                    {"first_high", i.first_high},
                                    {"total", i.total},
                                    {"total_low", i.total_low},
                                    {"total_high", i.total_high}});
      }
    }
    impacts[s.impact_ids[k]] = impact;
  }
  j["impacts"] = impacts;
  return j.dump(2) + "\n";
}

std::string RenderSensitivityCsv(const lca::GroupedSobol& s, const SensitivityReportOptions& o) {
  TidyCsv csv;
  const TidyKey base = TidyKey("sobol").Process(o.demand);
  for (size_t k = 0; k < s.impact_ids.size(); ++k) {
    const TidyKey impact = base.Impact(s.impact_ids[k]);
    if (!s.undefined[k].empty()) {
      csv.Figure(impact.Measure("total"), std::nullopt, "1", s.undefined[k]);
      continue;
    }
    for (size_t g = 0; g < s.groups.size(); ++g) {
      const lca::SobolIndex& i = s.impacts[k].groups[g];
      const TidyKey group = impact.Category(s.groups[g]);
      csv.Number(group.Measure("first"), i.first, "1");
      csv.Number(group.Measure("first").Statistic("low"), i.first_low, "1");
      csv.Number(group.Measure("first").Statistic("high"), i.first_high, "1");
      csv.Number(group.Measure("total"), i.total, "1");
      csv.Number(group.Measure("total").Statistic("low"), i.total_low, "1");
      csv.Number(group.Measure("total").Statistic("high"), i.total_high, "1");
    }
  }
  return csv.str();
}

}  // namespace gpulca::reports
