// Renderers of a comparison (`gpulca compare`): pure functions from a
// Comparison to text. Every format carries the same numbers; with Monte
// Carlo, each adds per impact and GPU the mean, p05, p50, p95, P(below the
// first GPU) and P(lowest) (JSON: in gpus[].impacts.ID, and "monte_carlo").
#pragma once

#include <string>
#include <vector>

#include "lca/gpu/compare.h"
#include "reports/internal/table.h"

namespace gpulca::reports {

struct CompareReportOptions {
  std::string data_hash;
};

std::string RenderCompareTerminal(const lca::Comparison& c, const CompareReportOptions& o);
std::string RenderCompareMarkdown(const lca::Comparison& c, const CompareReportOptions& o);
// DESIGN.md's shape per GPU (demand, impacts, stages) under "gpus", plus the
// functional unit and the deciding stage against the first GPU.
std::string RenderCompareJson(const lca::Comparison& c, const CompareReportOptions& o);
// One self-contained page: the impacts table, the differences against the
// first GPU, and for each impact an inline SVG of stacked bars by stage, one
// bar per GPU.
std::string RenderCompareHtml(const lca::Comparison& c, const CompareReportOptions& o);
// The tidy CSV (internal/tidy_csv.h): run (per, boundary, region), then by
// GPU its functional units, impacts, stages and, with Monte Carlo, mc.
std::string RenderCompareCsv(const lca::Comparison& c, const CompareReportOptions& o);

// Spreadsheet tables: "Compare" (one row per GPU: functional units, every
// impact per functional unit), "By stage" (one row per GPU and stage) and,
// with Monte Carlo, "Monte Carlo" (one row per impact and GPU).
std::vector<Table> CompareTables(const lca::Comparison& c);

}  // namespace gpulca::reports
