// Renderers of the report on one GPU (`gpulca report`): pure functions from
// a GpuAssessment to text. Every format renders every section of
// gpu_report_sections.h from the same rows, so they carry the same numbers.
#pragma once

#include <string>

#include "lca/gpu/gpu_assessment.h"
#include "reports/gpu_report_options.h"

namespace gpulca::reports {

std::string RenderGpuTerminal(const lca::GpuAssessment& a, const GpuReportOptions& o);
std::string RenderGpuMarkdown(const lca::GpuAssessment& a, const GpuReportOptions& o);
// DESIGN.md's shape (demand, impacts, stages) plus every other section under
// its id: assumptions, use_phase, intensities, per_query, top_processes,
// top_flows, upstream_tree, eol_credits, data_quality; and embodied.
std::string RenderGpuJson(const lca::GpuAssessment& a, const GpuReportOptions& o);
// The tidy CSV (internal/tidy_csv.h), the gpu column on every row: demand,
// run, the sections of kGpuSectionIds, sources, and with o.uncertainty its rows.
std::string RenderGpuCsv(const lca::GpuAssessment& a, const GpuReportOptions& o);

}  // namespace gpulca::reports
