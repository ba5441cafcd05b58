#include "lca/system/product_graph.h"

#include <fmt/format.h>

#include "graph/supply_graph.h"

namespace gpulca {
namespace {

// One edge per link and co-product link, from consumer to provider.
graph::SupplyGraph GraphOf(const ProductSystem& system) {
  std::vector<graph::SupplyGraph::Edge> edges;
  edges.reserve(system.links.size() + system.coproducts.size());
  for (const auto* links : {&system.links, &system.coproducts}) {
    for (const Link& link : *links) edges.emplace_back(link.consumer, link.provider);
  }
  return graph::SupplyGraph(static_cast<int>(system.size()), std::move(edges));
}

std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::vector<std::vector<int>> StronglyConnectedComponents(const ProductSystem& system) {
  return GraphOf(system).StrongComponents().members;
}

std::vector<std::vector<int>> Loops(const ProductSystem& system) {
  const graph::SupplyGraph g = GraphOf(system);
  const graph::Loops loops = g.FindLoops();
  std::vector<std::vector<int>> out;  // in the order of the components
  for (std::vector<int>& c : g.StrongComponents().members) {
    if (loops.loop_of[c.front()] >= 0) out.push_back(std::move(c));
  }
  return out;
}

std::optional<std::vector<int>> TopologicalOrder(const ProductSystem& system) {
  return GraphOf(system).TopologicalOrder();
}

std::vector<int> UpstreamDepths(const ProductSystem& system, int from) {
  return GraphOf(system).Depths(from);
}

std::string ToDot(const ProductSystem& system, const inventory::Inventory& inventory,
                  int max_depth) {
  std::vector<int> depth = UpstreamDepths(system);
  auto shown = [&](int v) { return max_depth < 0 || depth[v] <= max_depth; };
  std::string out = "digraph product_system {\n  rankdir=LR;\n  node [shape=box, fontsize=10];\n";
  for (size_t i = 0; i < system.size(); ++i) {
    if (!shown(static_cast<int>(i))) continue;
    const inventory::Process& p = inventory.processes[system.processes[i]];
    out += fmt::format(
        "  p{} [label=\"{}\\n{} | {}\"];\n", i, Escape(p.name),
        p.stage == inventory::Stage::kNone ? "background" : inventory::ToString(p.stage),
        Escape(system.locations[i]));
  }
  for (const Link& link : system.links) {
    if (!shown(link.consumer) || !shown(link.provider)) continue;
    const inventory::Process& consumer = inventory.processes[system.processes[link.consumer]];
    out += fmt::format("  p{} -> p{} [label=\"{}\", fontsize=8];\n", link.provider, link.consumer,
                       Escape(consumer.exchanges[link.exchange].flow));
  }
  // A co-product goes from its maker to the process whose product it displaces.
  for (const Link& link : system.coproducts) {
    if (!shown(link.consumer) || !shown(link.provider)) continue;
    const inventory::Process& maker = inventory.processes[system.processes[link.consumer]];
    out += fmt::format("  p{} -> p{} [label=\"{} (co-product)\", style=dashed, fontsize=8];\n",
                       link.consumer, link.provider, Escape(maker.exchanges[link.exchange].flow));
  }
  out += "}\n";
  return out;
}

}  // namespace gpulca
