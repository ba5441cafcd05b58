// Renderers of the report on one GPU (`gpulca report`): pure functions from
// a GpuAssessment to text. Every format carries the same numbers.
#pragma once

#include <cstddef>
#include <string>

#include "lca/gpu_assessment.h"

namespace gpulca::reports {

struct GpuReportOptions {
  std::string data_hash;
  int top = 8;
  double cutoff = 0.02;  // upstream tree, share of the total
  size_t tree_rows = 40; // upstream tree rows in terminal, md and html
  int quality_top = 6;   // processes in the data-quality section
};

std::string RenderGpuTerminal(const lca::GpuAssessment& a, const GpuReportOptions& o);
std::string RenderGpuMarkdown(const lca::GpuAssessment& a, const GpuReportOptions& o);
// DESIGN.md's shape (demand, impacts, stages) plus embodied, use_phase,
// intensities, assumptions, top processes and flows.
std::string RenderGpuJson(const lca::GpuAssessment& a, const GpuReportOptions& o);
// Long CSV: section,impact,key,value,unit.
std::string RenderGpuCsv(const lca::GpuAssessment& a, const GpuReportOptions& o);

}  // namespace gpulca::reports
