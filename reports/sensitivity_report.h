// Renderers of a global sensitivity analysis (`gpulca sensitivity --sobol`,
// lca/uncertainty/global_sensitivity.h): pure functions from the grouped
// Sobol' indices to text, Markdown, HTML (per impact, the total-order
// interval of each group as a whisker, its total order as a tick and its
// first order as a dot), JSON and the tidy CSV.
#pragma once

#include <string>

#include "lca/uncertainty/global_sensitivity.h"

namespace gpulca::reports {

struct SensitivityReportOptions {
  std::string demand;     // what was assessed: a GPU or a demand id
  std::string boundary;   // "cradle-to-grave", "cradle-to-gate", or "" for a demand
  std::string data_hash;
};

std::string RenderSensitivityText(const lca::GroupedSobol& s, const SensitivityReportOptions& o);
std::string RenderSensitivityMarkdown(const lca::GroupedSobol& s, const SensitivityReportOptions& o);
std::string RenderSensitivityHtml(const lca::GroupedSobol& s, const SensitivityReportOptions& o);
// {"command": "sensitivity", "demand", "boundary", "data_hash", "method":
//  {"n", "evaluations", "bootstrap", "confidence", "seed", "inputs"},
//  "groups": [{"name", "inputs": [...]}], "impacts": {ID: {"unit",
//  "variance", "mean", "undefined" (a reason or null), "groups": [{"name",
//  "first", "first_low", "first_high", "total", "total_low",
//  "total_high"}]}}}.
std::string RenderSensitivityJson(const lca::GroupedSobol& s, const SensitivityReportOptions& o);
// Tidy rows: section "sobol", category the group, impact, measure "first"
// or "total", statistic "" (the estimate), "low" or "high".
std::string RenderSensitivityCsv(const lca::GroupedSobol& s, const SensitivityReportOptions& o);

}  // namespace gpulca::reports
