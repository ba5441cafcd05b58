// Renderers of a workload (`gpulca workload`, lca/workload/workload.h): pure
// functions from its assessments to text, Markdown, HTML, JSON, the tidy CSV
// and spreadsheet tables. Every format carries the same figures: the inputs
// as used and where each came from; electricity (IT and facility);
// operational, amortised embodied and total of every impact, and per
// GPU-hour; water on site, off site and embodied; per request and per 1,000
// tokens for a service; the published figures beside gpulca's. A workload
// that states assumptions is shown twice, as stated and "with gpulca's
// data" (the same run, facts only), side by side, never blended; with Monte
// Carlo, each has its 90 % interval.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lca/workload/workload.h"
#include "reports/internal/table.h"
#include "reports/internal/text_table.h"

namespace gpulca::reports {

struct WorkloadReport {
  lca::WorkloadAssessment stated;
  // The same run with gpulca's data; absent when the workload states no
  // assumption (the two would be the same).
  std::optional<lca::WorkloadAssessment> gpulca_data;
  std::string data_hash;
};

std::vector<TextSection> WorkloadSections(const WorkloadReport& r);
std::string RenderWorkloadText(const WorkloadReport& r);
std::string RenderWorkloadMarkdown(const WorkloadReport& r);
std::string RenderWorkloadHtml(const WorkloadReport& r);
// {"command": "workload", "data_hash", "demand": {product, amount (GPUs),
//  boundary: "workload", kind, gpu_hours}, "impacts": {ID: {value, unit[,
//  p05, p50, p95]}} (totals, as stated), "stages": {"operational": {ID},
//  "embodied": {ID}}, "workload": {the spec}, "runs": {"stated": RUN,
//  "gpulca_data": RUN or null}, "published": [{figure, value, unit,
//  tolerance, compare_only, source, where, gpulca, ratio, within_tolerance}]}; a RUN has
//  "inputs" (the values used and their basis) and "figures": [{section,
//  measure, impact, unit, value[, p05, p50, p95, mean, sd]}].
std::string RenderWorkloadJson(const WorkloadReport& r);
// The tidy CSV (internal/tidy_csv.h): section "workload", scenario "stated"
// or "gpulca_data", measure the figure, statistic for Monte Carlo.
std::string RenderWorkloadCsv(const WorkloadReport& r);
// "Workload" (one row per figure, both runs and their intervals), "Inputs"
// and, for a reproduction, "Published".
std::vector<Table> WorkloadTables(const WorkloadReport& r);

}  // namespace gpulca::reports
