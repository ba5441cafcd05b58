// Renderers of one calculation result (`gpulca calc`): pure functions from a
// result to text. No database access, no I/O.
#pragma once

#include <string>

#include "lca/system/result.h"
#include "reports/uncertainty_report.h"

namespace gpulca::reports {

struct CalcReportOptions {
  std::string demand;         // the id the user asked for
  std::string boundary = "cradle-to-gate";  // see BoundaryOf
  std::string data_hash;
  int top = 10;               // rows in the top-contributor tables
  double cutoff = 0.01;       // of the upstream tree
  const UncertaintyView* uncertainty = nullptr;  // its rows in the CSV, when set
};

// "cradle-to-grave" when the system reaches the deployment stage (a use
// phase), else "cradle-to-gate".
std::string BoundaryOf(const lca::LcaResult& result);

// A readable summary: impacts, stages, top processes and flows.
std::string RenderCalcText(const lca::LcaResult& result, const CalcReportOptions& options);
// The JSON of DESIGN.md: demand (product flow, process, amount, unit,
// boundary), impacts, stages, plus processes, flows, and the upstream tree
// and Sankey data of every impact.
std::string RenderCalcJson(const lca::LcaResult& result, const CalcReportOptions& options);
// The tidy CSV (internal/tidy_csv.h): demand, run, impacts, stages,
// processes and flows (contributions by impact), and the uncertainty rows
// when options.uncertainty is set.
std::string RenderCalcCsv(const lca::LcaResult& result, const CalcReportOptions& options);

}  // namespace gpulca::reports
