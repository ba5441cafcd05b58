#include "lca/system/upstream_tree.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace gpulca::lca {
namespace {

UpstreamNode Grow(const LcaResult& r, int k, int process, double amount, double threshold,
                  int depth) {
  const SparseMatrix& a = r.data.technosphere;
  UpstreamNode node;
  node.process = process;
  node.amount = amount;
  node.total = amount * r.intensity[k][process];
  const double scaling = amount / a.At(process, process);
  node.direct = r.scaling[process] != 0.0
                    ? r.by_process[k][process] * scaling / r.scaling[process]
                    : 0.0;
  if (depth <= 0) return node;
  for (int p = a.col_ptr()[process]; p < a.col_ptr()[process + 1]; ++p) {
    int provider = a.row_idx()[p];
    if (provider == process) continue;
    double needed = -a.values()[p] * scaling;
    if (std::abs(needed * r.intensity[k][provider]) < threshold) continue;
    node.children.push_back(Grow(r, k, provider, needed, threshold, depth - 1));
  }
  std::sort(node.children.begin(), node.children.end(),
            [](const UpstreamNode& x, const UpstreamNode& y) {
              return std::abs(x.total) > std::abs(y.total);
            });
  return node;
}

}  // namespace

UpstreamNode UpstreamTree(const LcaResult& result, int impact, double cutoff, int max_depth) {
  double threshold = std::abs(result.impacts[impact]) * cutoff;
  return Grow(result, impact, 0, result.data.demand[0], threshold, max_depth);
}

Sankey SankeyData(const LcaResult& result, int impact, double cutoff) {
  const SparseMatrix& a = result.data.technosphere;
  const auto& lambda = result.intensity[impact];
  const double threshold = std::abs(result.impacts[impact]) * cutoff;
  Sankey sankey;
  std::map<int, int> node_of;
  for (int j = 0; j < a.cols(); ++j) {
    double total = result.scaling[j] * a.At(j, j) * lambda[j];
    if (j == 0 || std::abs(total) >= threshold) {
      node_of[j] = static_cast<int>(sankey.nodes.size());
      sankey.nodes.push_back({j, total, result.by_process[impact][j]});
    }
  }
  for (auto [j, consumer] : node_of) {
    for (int p = a.col_ptr()[j]; p < a.col_ptr()[j + 1]; ++p) {
      int i = a.row_idx()[p];
      auto it = node_of.find(i);
      if (i == j || it == node_of.end()) continue;
      double value = -a.values()[p] * result.scaling[j] * lambda[i];
      if (std::abs(value) >= threshold) sankey.links.push_back({it->second, consumer, value});
    }
  }
  return sankey;
}

}  // namespace gpulca::lca
