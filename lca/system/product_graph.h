// Graph algorithms on a product system, on its graph::SupplyGraph: strongly
// connected components, topological order, upstream traversal and Graphviz
// export. Edges go from a consumer to its provider, and from a co-product's
// maker to the process whose product it displaces.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lca/system/product_system.h"

namespace gpulca {

// The strongly connected components, each a list of positions; a component
// of one process without a self-loop is trivial. Components come in reverse
// topological order of the condensation (providers before consumers).
std::vector<std::vector<int>> StronglyConnectedComponents(const ProductSystem& system);

// The components with more than one process, or one with a self-loop: loops.
std::vector<std::vector<int>> Loops(const ProductSystem& system);

// Positions from the demand towards the raw materials (every consumer before
// its providers), or nullopt when the system has a loop.
std::optional<std::vector<int>> TopologicalOrder(const ProductSystem& system);

// Upstream traversal: for each position, the fewest links from `from` (the
// demand, position 0, by default; 0 for `from` itself, -1 where it does not
// reach), following links and co-products towards the providers. A position
// with a depth above 0 is upstream of `from`.
std::vector<int> UpstreamDepths(const ProductSystem& system, int from = 0);

// A Graphviz DOT description: one node per process (label: name, stage,
// location), one edge per link labelled with the flow (provider -> consumer),
// and a dashed edge per co-product (maker -> the process it displaces).
// Written with fmt rather than boost::write_graphviz, whose layout (graph
// name "G", no indentation, "->" unspaced) would change the output.
// `max_depth` >= 0 cuts the graph off at that many links upstream of the
// demand; -1 shows it whole.
std::string ToDot(const ProductSystem& system, const inventory::Inventory& inventory,
                  int max_depth = -1);

}  // namespace gpulca
