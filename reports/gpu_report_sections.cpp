#include "reports/gpu_report_sections.h"

#include "reports/ranking.h"

namespace gpulca::reports {
namespace {

void Flatten(const lca::UpstreamNode& node, int depth, size_t max_rows,
             std::vector<TreeRow>& rows) {
  if (rows.size() >= max_rows) return;
  rows.push_back({depth, &node});
  for (const lca::UpstreamNode& child : node.children) Flatten(child, depth + 1, max_rows, rows);
}

}  // namespace

const char* Boundary(const lca::GpuAssessment& a) {
  return a.cradle_to_grave ? "cradle-to-grave" : "cradle-to-gate";
}

int HeadlineImpact(const lca::GpuAssessment& a) {
  int k = a.headline().ImpactIndex("gwp100");
  return k >= 0 ? k : 0;
}

std::vector<StageRow> StageRows(const lca::LcaResult& r) {
  std::vector<StageRow> rows;
  for (int slot = 0; slot < lca::kStageSlots; ++slot) {
    StageRow row{lca::StageSlotName(slot), {}};
    bool any = false;
    for (size_t k = 0; k < r.impacts.size(); ++k) {
      row.values.push_back(r.by_stage[k][slot]);
      any = any || r.by_stage[k][slot] != 0.0;
    }
    if (any) rows.push_back(row);
  }
  return rows;
}

lca::UpstreamNode HeadlineTree(const lca::GpuAssessment& a, int impact, double cutoff) {
  return lca::UpstreamTree(a.headline(), impact, cutoff);
}

std::vector<TreeRow> FlattenTree(const lca::UpstreamNode& root, size_t max_rows) {
  std::vector<TreeRow> rows;
  Flatten(root, 0, max_rows, rows);
  return rows;
}

std::vector<int> QualityProcesses(const lca::GpuAssessment& a, int impact, int top) {
  std::vector<int> out;
  for (int j : TopIndices(a.headline().by_process[impact], top)) {
    if (j < static_cast<int>(a.quality.size())) out.push_back(j);
  }
  return out;
}

double CountShare(int count, int of) {
  return of > 0 ? static_cast<double>(count) / of : 0.0;
}

}  // namespace gpulca::reports
