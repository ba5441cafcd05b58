// GpuReportOptions: what the renderers of the report on one GPU
// (gpu_report.h, gpu_report_html.h) and its sections
// (gpu_report_sections.h) take besides the assessment - the data hash, how
// many rows the top lists, the upstream tree and the data-quality section
// show, and the uncertainty results when there are any.
#pragma once

#include <cstddef>
#include <string>

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

}  // namespace gpulca::reports
