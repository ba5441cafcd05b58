// Renderers of the report on one GPU (`gpulca report`): pure functions from
// a GpuAssessment to text. Every format renders every section of
// gpu_report_sections.h from the same rows, so they carry the same numbers.
#pragma once

#include <cstddef>
#include <string>

#include "lca/gpu/gpu_assessment.h"
#include "reports/uncertainty_report.h"

namespace gpulca::reports {

struct GpuReportOptions {
  std::string data_hash;
  int top = 8;            // rows of the top processes and flows
  double cutoff = 0.02;   // upstream tree, share of the total
  size_t tree_rows = 40;  // upstream tree rows in terminal, md and html (csv, json: all)
  int quality_top = 6;    // processes in the data-quality section
  // Monte Carlo and one-at-a-time results of the headline system (report
  // --mc/--oat): every format gains them (uncertainty_report.h), JSON merged
  // into its impacts and an "uncertainty" object. Null: none.
  const UncertaintyView* uncertainty = nullptr;
};

std::string RenderGpuTerminal(const lca::GpuAssessment& a, const GpuReportOptions& o);
std::string RenderGpuMarkdown(const lca::GpuAssessment& a, const GpuReportOptions& o);
// DESIGN.md's shape (demand, impacts, stages) plus every other section under
// its id: assumptions, use_phase, intensities, per_query, top_processes,
// top_flows, upstream_tree, eol_credits, data_quality; and embodied.
std::string RenderGpuJson(const lca::GpuAssessment& a, const GpuReportOptions& o);
// Long CSV: section,impact,key,value,unit; text values are quoted when needed.
std::string RenderGpuCsv(const lca::GpuAssessment& a, const GpuReportOptions& o);

}  // namespace gpulca::reports
