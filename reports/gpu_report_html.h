// The report on one GPU as one self-contained HTML page: inline CSS (with
// print rules), inline SVG charts, no script, no network. Holds what the
// other formats hold — assumptions, impacts, stages, use phase,
// intensities, top processes and flows, the upstream tree, data quality and
// sources — and three charts: id "chart-stages" (the stages' shares of every
// impact), "chart-use-phase" (the split of the life-cycle total) and
// "chart-sankey" (the supply chain of the headline impact).
#pragma once

#include <cstddef>
#include <string>

#include "lca/gpu/gpu_assessment.h"
#include "reports/gpu_report.h"

namespace gpulca::reports {

// At most this many nodes in the Sankey diagram (the demand included).
inline constexpr size_t kSankeyMaxNodes = 25;

std::string RenderGpuHtml(const lca::GpuAssessment& a, const GpuReportOptions& o);

}  // namespace gpulca::reports
