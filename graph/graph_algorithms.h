// Graph algorithms on a product system (Boost.Graph inside): strongly
// connected components, topological order, and Graphviz export. Edges go
// from a consumer to its provider.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "graph/product_system.h"

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

// A Graphviz DOT description: one node per process (label: name, stage,
// location), one edge per link labelled with the flow.
std::string ToDot(const ProductSystem& system, const Inventory& inventory);

}  // namespace gpulca
