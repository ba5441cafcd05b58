// Renderers of uncertainty and sensitivity results (Monte Carlo summary by
// impact and stage, the inputs that drive the spread, the one-at-a-time
// table and its tornado chart): pure functions from results to text, for
// any command that computes (calc, report, fleet...). No database, no I/O.
#pragma once

#include <string>
#include <vector>

#include "lca/uncertainty/monte_carlo.h"
#include "lca/uncertainty/one_at_a_time.h"
#include "reports/internal/table.h"

namespace gpulca::reports {

// A quantity derived from the impacts sample by sample (an intensity: the
// total over the functional units of the same iteration).
struct UncertainIntensity {
  std::string key;    // "per_gpu_hour": the JSON and CSV key
  std::string label;  // "GPU-hour": units read "kg CO2e per GPU-hour"
  std::vector<double> nominal;        // [k]
  std::vector<lca::Summary> summary;  // [k], of mc's impacts; empty when undefined
  std::string undefined;              // why the intensity is undefined; empty when defined
};

// What to show; either result may be absent (null).
struct UncertaintyView {
  const lca::McResult* mc = nullptr;
  const lca::OatResult* oat = nullptr;
  std::vector<double> nominal;  // [k] the deterministic impacts, when known
  std::vector<UncertainIntensity> intensities = {};  // shown with mc
  int top = 10;                 // rows of the ranking tables (text, md, html)
  int json_top = 100;           // rows per impact in JSON and CSV rankings
};

// Terminal text: the summary of every impact; stages, drivers and the
// one-at-a-time table of the first impact.
std::string RenderUncertaintyText(const UncertaintyView& view);
// The same as Markdown tables.
std::string RenderUncertaintyMarkdown(const UncertaintyView& view);
// The CSV rows are added by the CSV of the command they belong to
// (internal/uncertainty_csv.h).
// An HTML <section>: the tables, and a tornado chart per impact.
std::string RenderUncertaintyHtml(const UncertaintyView& view);

// Adds the uncertainty to a JSON document of DESIGN.md's shape: each
// `impacts.ID` object present gains mean, sd, p05, p50, p95, and the
// document gains an "uncertainty" object (monte_carlo: iterations, seed,
// uncertain_inputs, intensities.KEY.ID.{nominal,mean,sd,p05,p50,p95},
// stages.STAGE.ID.{mean,sd,p05,p50,p95}, sensitivity.ID
// [...]; one_at_a_time: delta, base, parameters [...]). Returns the
// document, indented by 2, with a final newline.
// REQUIRES: `json` is a JSON object (else gpulca::Error).
std::string MergeUncertaintyJson(const std::string& json, const UncertaintyView& view);

// Spreadsheet tables: "Monte Carlo" (impacts and intensities), "MC by
// stage", "Sensitivity" (every impact) and "One at a time", those the view
// has.
std::vector<Table> UncertaintyTables(const UncertaintyView& view);

}  // namespace gpulca::reports
