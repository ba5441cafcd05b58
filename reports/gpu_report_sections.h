// The sections of the report on one GPU, as plain rows shared by every
// renderer (terminal, md, json, csv, html), so that the formats cannot
// disagree on what a section holds.
#pragma once

#include <string>
#include <vector>

#include "lca/gpu_assessment.h"
#include "lca/upstream_tree.h"

namespace gpulca::reports {

// "cradle-to-grave" or "cradle-to-gate".
const char* Boundary(const lca::GpuAssessment& a);

// The impact the deep sections (tree, Sankey, data quality) follow:
// gwp100, or the first impact when the result has none.
int HeadlineImpact(const lca::GpuAssessment& a);

// One row per non-empty stage slot of `r`: the slot's name and its value
// for every impact.
struct StageRow {
  std::string key;
  std::vector<double> values;
};
std::vector<StageRow> StageRows(const lca::LcaResult& r);

// The upstream tree of the headline result for `impact`, and the same tree
// flattened depth first (parents before children), at most `max_rows` rows.
lca::UpstreamNode HeadlineTree(const lca::GpuAssessment& a, int impact, double cutoff);
struct TreeRow {
  int depth;
  const lca::UpstreamNode* node;
};
std::vector<TreeRow> FlattenTree(const lca::UpstreamNode& root, size_t max_rows);

// The processes with the largest direct contributions to `impact` in the
// headline result (indices into a.quality), at most `top`.
std::vector<int> QualityProcesses(const lca::GpuAssessment& a, int impact, int top);

// count / of as a share, 0 when `of` is 0.
double CountShare(int count, int of);

}  // namespace gpulca::reports
