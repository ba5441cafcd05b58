#include "reports/compare_report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "reports/internal/html_page.h"
#include "reports/internal/svg_charts.h"
#include "reports/internal/tidy_csv.h"

namespace gpulca::reports {
namespace {

using lca::ComparedGpu;
using lca::Comparison;
using nlohmann::ordered_json;

const char* Boundary(const Comparison& c) {
  return c.cradle_to_grave ? "cradle-to-grave" : "cradle-to-gate";
}

std::string Heading(const Comparison& c) {
  return fmt::format("per {}, {}{}", lca::ToString(c.per), Boundary(c),
                     c.cradle_to_grave ? ", deployed in " + c.region : "");
}

// "+12.3% (fabrication +40.1)" for GPU g against the first, impact k.
std::string Against(const Comparison& c, const ComparedGpu& g, size_t k) {
  const ComparedGpu& first = c.gpus.front();
  if (&g == &first) return "baseline";
  double base = first.values[k];
  std::string change = base != 0 ? fmt::format("{:+.1f}%", 100 * (g.values[k] - base) / base)
                                 : fmt::format("{:+.4g}", g.values[k] - base);
  return fmt::format("{} ({} {:+.4g})", change, lca::StageSlotName(g.deciding_stage[k]),
                     g.deciding_difference[k]);
}

bool HasMc(const Comparison& c) { return c.mc_iterations > 0; }

std::string McHeading(const Comparison& c) {
  return fmt::format("Uncertainty: Monte Carlo, {} paired iterations, seed {}{}", c.mc_iterations,
                     c.mc_seed,
                     c.calibration
                         ? fmt::format("; calibrated on {} (effective sample {:.1f}; posterior, "
                                       "docs/calibration.md)",
                                       fmt::join(c.calibration->declarations, ", "),
                                       c.calibration->ess)
                         : std::string());
}

// The rows of the uncertainty table: impact, GPU, mean, p05, p50, p95,
// P(below the first GPU), P(lowest).
std::vector<std::vector<std::string>> McRows(const Comparison& c) {
  std::vector<std::vector<std::string>> rows;
  for (size_t k = 0; k < c.impact_ids.size(); ++k) {
    for (const ComparedGpu& g : c.gpus) {
      const lca::Summary& s = g.interval[k];
      rows.push_back({c.impact_ids[k], g.gpu, fmt::format("{:.4g}", s.mean),
                      fmt::format("{:.4g}", s.p05), fmt::format("{:.4g}", s.p50),
                      fmt::format("{:.4g}", s.p95),
                      &g == &c.gpus.front() ? "-" : fmt::format("{:.3f}", g.p_below_first[k]),
                      fmt::format("{:.3f}", g.p_lowest[k])});
    }
  }
  return rows;
}

const std::vector<std::string> kMcHead = {"impact", "GPU", "mean", "p05", "p50", "p95",
                                          "P(below first)", "P(lowest)"};

}  // namespace

std::string RenderCompareTerminal(const Comparison& c, const CompareReportOptions& o) {
  std::string out = fmt::format("Comparison, {}\n{}\n", Heading(c), std::string(72, '='));
  if (!o.data_hash.empty()) out += fmt::format("database {}\n", o.data_hash.substr(0, 16));
  for (size_t k = 0; k < c.impact_ids.size(); ++k) {
    out += fmt::format("\n{} ({})\n", c.impact_ids[k], c.impact_units[k]);
    for (const ComparedGpu& g : c.gpus) {
      out += fmt::format("  {:<24} {:>14.6g}   {}\n", g.gpu, g.values[k], Against(c, g, k));
    }
  }
  out += fmt::format("\nFunctional units per GPU ({})\n", lca::ToString(c.per));
  for (const ComparedGpu& g : c.gpus) {
    out += fmt::format("  {:<24} {:>14.6g}  {}\n", g.gpu, g.functional_units, g.name);
  }
  if (HasMc(c)) {
    out += fmt::format("\n{}\n  {:<16} {:<24} {:>11} {:>11} {:>11} {:>11} {:>14} {:>9}\n",
                       McHeading(c), kMcHead[0], kMcHead[1], kMcHead[2], kMcHead[3], kMcHead[4],
                       kMcHead[5], kMcHead[6], kMcHead[7]);
    for (const auto& r : McRows(c)) {
      out += fmt::format("  {:<16} {:<24} {:>11} {:>11} {:>11} {:>11} {:>14} {:>9}\n", r[0], r[1],
                         r[2], r[3], r[4], r[5], r[6], r[7]);
    }
  }
  return out;
}

std::string RenderCompareMarkdown(const Comparison& c, const CompareReportOptions& o) {
  std::string out = fmt::format("# Comparison, {}\n\n", Heading(c));
  if (!o.data_hash.empty()) out += fmt::format("Database `{}`.\n\n", o.data_hash.substr(0, 16));
  out += "| impact | unit |";
  for (const ComparedGpu& g : c.gpus) out += fmt::format(" {} |", g.gpu);
  out += "\n| --- | --- |";
  for (size_t i = 0; i < c.gpus.size(); ++i) out += " ---: |";
  out += "\n";
  for (size_t k = 0; k < c.impact_ids.size(); ++k) {
    out += fmt::format("| {} | {} |", c.impact_ids[k], c.impact_units[k]);
    for (const ComparedGpu& g : c.gpus) out += fmt::format(" {:.5g} |", g.values[k]);
    out += "\n";
  }
  out += "\n## Against the first GPU (the stage that makes the difference)\n\n| impact |";
  for (const ComparedGpu& g : c.gpus) out += fmt::format(" {} |", g.gpu);
  out += "\n| --- |";
  for (size_t i = 0; i < c.gpus.size(); ++i) out += " --- |";
  out += "\n";
  for (size_t k = 0; k < c.impact_ids.size(); ++k) {
    out += fmt::format("| {} |", c.impact_ids[k]);
    for (const ComparedGpu& g : c.gpus) out += fmt::format(" {} |", Against(c, g, k));
    out += "\n";
  }
  out += fmt::format("\n## Functional units per GPU ({})\n\n| GPU | name | units |\n"
                     "| --- | --- | ---: |\n",
                     lca::ToString(c.per));
  for (const ComparedGpu& g : c.gpus) {
    out += fmt::format("| {} | {} | {:.6g} |\n", g.gpu, g.name, g.functional_units);
  }
  if (HasMc(c)) {
    out += fmt::format("\n## {}\n\n|", McHeading(c));
    for (const std::string& h : kMcHead) out += " " + h + " |";
    out += "\n| --- | --- |";
    for (size_t i = 2; i < kMcHead.size(); ++i) out += " ---: |";
    out += "\n";
    for (const auto& r : McRows(c)) out += "| " + fmt::format("{}", fmt::join(r, " | ")) + " |\n";
  }
  return out;
}

std::string RenderCompareHtml(const Comparison& c, const CompareReportOptions& o) {
  std::string out = HtmlPageStart(fmt::format("Comparison, {}", Heading(c)),
                                  "GPUs side by side by gpulca, on one functional unit");
  std::vector<std::string> head = {"impact", "unit"};
  std::vector<bool> numeric = {false, false};
  for (const ComparedGpu& g : c.gpus) {
    head.push_back(EscapeXml(g.gpu));
    numeric.push_back(true);
  }
  std::vector<std::vector<std::string>> rows, against;
  for (size_t k = 0; k < c.impact_ids.size(); ++k) {
    std::vector<std::string> row = {EscapeXml(c.impact_ids[k]), EscapeXml(c.impact_units[k])};
    std::vector<std::string> diff = {EscapeXml(c.impact_ids[k]), ""};
    for (const ComparedGpu& g : c.gpus) {
      row.push_back(fmt::format("{:.5g}", g.values[k]));
      diff.push_back(EscapeXml(Against(c, g, k)));
    }
    rows.push_back(std::move(row));
    against.push_back(std::move(diff));
  }
  out += HtmlSectionElement("impacts", "Impacts per functional unit", HtmlTable(fmt::format("Impacts per {}", lca::ToString(c.per)), head, numeric, rows));
  std::vector<bool> text(numeric.size(), false);
  out += HtmlSectionElement("against-first", "Against the first GPU: the stage that makes the "
                            "difference", HtmlTable("Against the first GPU: difference and the stage that decides it", head, text,
                                      against));
  std::string charts;
  for (size_t k = 0; k < c.impact_ids.size(); ++k) {
    StackedBarChart chart;
    chart.id = "chart-" + c.impact_ids[k];
    chart.title = fmt::format("{} by stage ({})", c.impact_ids[k], c.impact_units[k]);
    for (int slot = 0; slot < lca::kStageSlots; ++slot) chart.series.push_back(lca::StageSlotName(slot));
    for (const ComparedGpu& g : c.gpus) {
      StackedBarRow row;
      row.label = g.gpu;
      row.values.assign(g.by_stage[k].begin(), g.by_stage[k].end());
      row.note = fmt::format("{:.4g}", g.values[k]);
      chart.rows.push_back(std::move(row));
    }
    charts += fmt::format("<h3>{}</h3>\n", EscapeXml(chart.title)) + RenderStackedBars(chart);
  }
  out += HtmlSectionElement("by-stage", "By stage", charts);
  std::vector<std::vector<std::string>> units;
  for (const ComparedGpu& g : c.gpus) {
    units.push_back({EscapeXml(g.gpu), EscapeXml(g.name), fmt::format("{:.6g}", g.functional_units)});
  }
  out += HtmlSectionElement(
      "functional-units", fmt::format("Functional units per GPU ({})", lca::ToString(c.per)),
      HtmlTable("Functional units each GPU delivers", {"GPU", "name", "units"},
                {false, false, true}, units));
  if (HasMc(c)) {
    std::vector<std::vector<std::string>> rows = McRows(c);
    for (auto& r : rows) {
      for (auto& cell : r) cell = EscapeXml(cell);
    }
    std::vector<std::string> head;
    for (const std::string& h : kMcHead) head.push_back(EscapeXml(h));
    out += HtmlSectionElement("uncertainty", McHeading(c),
                              HtmlTable(McHeading(c), head,
                                        {false, false, true, true, true, true, true, true}, rows));
  }
  std::string footer = "gpulca";
  if (!o.data_hash.empty()) footer += fmt::format(" · database <code>{}</code>", o.data_hash.substr(0, 16));
  return out + HtmlPageEnd(footer);
}

std::string RenderCompareJson(const Comparison& c, const CompareReportOptions& o) {
  ordered_json j;
  j["per"] = lca::ToString(c.per);
  j["boundary"] = Boundary(c);
  j["region"] = c.region;
  if (!o.data_hash.empty()) j["data_hash"] = o.data_hash;
  j["gpus"] = ordered_json::array();
  for (const ComparedGpu& g : c.gpus) {
    ordered_json x;
    x["demand"] = {{"product", g.gpu}, {"amount", 1}, {"boundary", Boundary(c)}};
    x["name"] = g.name;
    x["functional_units"] = g.functional_units;
    x["impacts"] = ordered_json::object();
    x["stages"] = ordered_json::object();
    x["against_first"] = ordered_json::object();
    for (size_t k = 0; k < c.impact_ids.size(); ++k) {
      const std::string& id = c.impact_ids[k];
      x["impacts"][id] = {{"value", g.values[k]}, {"unit", c.impact_units[k]}};
      for (int slot = 0; slot < lca::kStageSlots; ++slot) {
        if (slot < inventory::kStageCount || g.by_stage[k][slot] != 0.0) {
          x["stages"][lca::StageSlotName(slot)][id] = g.by_stage[k][slot];
        }
      }
      x["against_first"][id] = {{"difference", g.values[k] - c.gpus.front().values[k]},
                                {"deciding_stage", lca::StageSlotName(g.deciding_stage[k])},
                                {"deciding_difference", g.deciding_difference[k]}};
      if (HasMc(c)) {
        const lca::Summary& s = g.interval[k];
        for (auto [key, v] : lca::Fields(s)) x["impacts"][id][key] = v;
        x["impacts"][id]["p_below_first"] = g.p_below_first[k];
        x["impacts"][id]["p_lowest"] = g.p_lowest[k];
      }
    }
    if (HasMc(c)) x["uncertain_inputs"] = g.uncertain_inputs;
    j["gpus"].push_back(x);
  }
  if (HasMc(c)) {
    j["monte_carlo"] = {{"iterations", c.mc_iterations}, {"seed", c.mc_seed}, {"paired", true}};
    if (c.calibration) {
      j["monte_carlo"]["calibration"] = {{"declarations", c.calibration->declarations},
                                         {"effective_sample_size", c.calibration->ess}};
    }
  }
  return j.dump(2) + "\n";
}

std::string RenderCompareCsv(const Comparison& c, const CompareReportOptions& o) {
  TidyCsv csv;
  const TidyKey run("run");
  csv.Text(run.Measure("per"), lca::ToString(c.per));
  csv.Text(run.Measure("boundary"), Boundary(c));
  csv.Text(run.Measure("region"), c.region);
  csv.Text(run.Measure("data_hash"), o.data_hash);
  if (c.calibration) {
    for (const std::string& d : c.calibration->declarations) {
      csv.Text(TidyKey("calibration").Source(d).Measure("declaration"), "used");
    }
    csv.Number(TidyKey("calibration").Measure("effective_sample_size"), c.calibration->ess, "1");
  }
  // The functional units in one GPU: counted in the unit compared per ("item": the GPU).
  const std::string per = c.per == lca::PerUnit::kUnit ? "item" : lca::ToString(c.per);
  for (const ComparedGpu& g : c.gpus) {
    csv.Number(TidyKey("functional_units").Gpu(g.gpu).Measure("functional_units"),
               g.functional_units, per);
    for (size_t k = 0; k < c.impact_ids.size(); ++k) {
      const TidyKey impact = TidyKey().Gpu(g.gpu).Impact(c.impact_ids[k]);
      const std::string& unit = c.impact_units[k];
      csv.Number(impact.Section("impacts").Measure("total"), g.values[k], unit);
      for (int slot = 0; slot < lca::kStageSlots; ++slot) {
        csv.Number(impact.Section("stages").Stage(lca::StageSlotName(slot)).Measure("contribution"),
                   g.by_stage[k][slot], unit);
      }
      if (HasMc(c)) {
        const TidyKey mc = impact.Section("mc");
        for (auto [statistic, v] : lca::Fields(g.interval[k])) {
          csv.Number(mc.Measure("total").Statistic(statistic), v, unit);
        }
        csv.Number(mc.Measure("p_below_first"), g.p_below_first[k], "1");
        csv.Number(mc.Measure("p_lowest"), g.p_lowest[k], "1");
      }
    }
  }
  return csv.str();
}

std::vector<Table> CompareTables(const Comparison& c) {
  std::vector<std::string> headers = {"gpu", "name",
                                      fmt::format("functional units ({})", lca::ToString(c.per))};
  for (size_t k = 0; k < c.impact_ids.size(); ++k) {
    headers.push_back(fmt::format("{} ({})", c.impact_ids[k], c.impact_units[k]));
  }
  Table main{"Compare", headers, {}};
  std::vector<std::string> stage_headers = {"gpu", "stage"};
  stage_headers.insert(stage_headers.end(), headers.begin() + 3, headers.end());
  Table stages{"By stage", stage_headers, {}};
  for (const ComparedGpu& g : c.gpus) {
    std::vector<Cell> row = {g.gpu, g.name, g.functional_units};
    for (double v : g.values) row.emplace_back(v);
    main.rows.push_back(std::move(row));
    for (int slot = 0; slot < lca::kStageSlots; ++slot) {
      std::vector<Cell> s = {g.gpu, std::string(lca::StageSlotName(slot))};
      for (size_t k = 0; k < c.impact_ids.size(); ++k) s.emplace_back(g.by_stage[k][slot]);
      stages.rows.push_back(std::move(s));
    }
  }
  if (!HasMc(c)) return {main, stages};
  Table mc{"Monte Carlo",
           {"gpu", "impact", "unit", "mean", "sd", "p05", "p50", "p95", "P(below first)",
            "P(lowest)"},
           {}};
  for (size_t k = 0; k < c.impact_ids.size(); ++k) {
    for (const ComparedGpu& g : c.gpus) {
      const lca::Summary& s = g.interval[k];
      mc.rows.push_back({g.gpu, c.impact_ids[k], c.impact_units[k], s.mean, s.sd, s.p05, s.p50,
                         s.p95, g.p_below_first[k], g.p_lowest[k]});
    }
  }
  return {main, stages, mc};
}

}  // namespace gpulca::reports
