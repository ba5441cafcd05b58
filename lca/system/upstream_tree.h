// The upstream contribution tree and the Sankey data of a result, for one
// impact. Built from the intensities λ (total impact per unit of product):
// a node that needs q units of product i carries q·λ_i, and its children
// are the inputs of process i scaled to q. Nodes below `cutoff` (a share of
// the total, by absolute value) are dropped; loops end there too.
#pragma once

#include <string>
#include <vector>

#include "lca/system/result.h"

namespace gpulca::lca {

struct UpstreamNode {
  int process;      // column in the result's matrices
  double amount;    // units of the process's product this node needs
  double total;     // upstream impact, including this process's own
  double direct;    // this process's own (direct) impact for `amount`
  std::vector<UpstreamNode> children;  // by decreasing |total|
};

// REQUIRES: 0 <= impact < number of impacts. max_depth bounds loops.
UpstreamNode UpstreamTree(const LcaResult& result, int impact, double cutoff = 0.01,
                          int max_depth = 12);

struct SankeyNode {
  int process;
  double total;   // upstream impact of the process's scaled output
  double direct;  // direct impact of the process's scaling
};
struct SankeyLink {
  int provider;   // index into nodes
  int consumer;   // index into nodes
  double value;   // the impact carried by the supply
};
struct Sankey {
  std::vector<SankeyNode> nodes;
  std::vector<SankeyLink> links;
};

// Processes whose upstream total is at least `cutoff` of the result's total
// (by absolute value), and the supplies between them.
Sankey SankeyData(const LcaResult& result, int impact, double cutoff = 0.01);

}  // namespace gpulca::lca
