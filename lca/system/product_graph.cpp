#include "lca/system/product_graph.h"

#include <fmt/format.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>
#include <deque>
#include <iterator>
#include <set>

namespace gpulca {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// Every link and co-product link, once per pair of processes.
std::set<std::pair<int, int>> Edges(const ProductSystem& system) {
  std::set<std::pair<int, int>> edges;
  for (const auto* links : {&system.links, &system.coproducts}) {
    for (const Link& link : *links) edges.insert({link.consumer, link.provider});
  }
  return edges;
}

Graph ToBoost(const ProductSystem& system) {
  Graph g(system.size());
  for (auto [from, to] : Edges(system)) boost::add_edge(from, to, g);
  return g;
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
  Graph g = ToBoost(system);
  std::vector<int> component(system.size());
  int count = boost::strong_components(g, component.data());
  std::vector<std::vector<int>> out(count);
  for (size_t v = 0; v < system.size(); ++v) out[component[v]].push_back(static_cast<int>(v));
  return out;
}

std::vector<std::vector<int>> Loops(const ProductSystem& system) {
  std::set<int> self;
  for (auto [from, to] : Edges(system)) {
    if (from == to) self.insert(from);
  }
  std::vector<std::vector<int>> out;
  for (auto& c : StronglyConnectedComponents(system)) {
    if (c.size() > 1 || self.count(c[0])) out.push_back(std::move(c));
  }
  return out;
}

std::optional<std::vector<int>> TopologicalOrder(const ProductSystem& system) {
  if (!Loops(system).empty()) return std::nullopt;
  Graph g = ToBoost(system);
  std::vector<int> reversed;
  boost::topological_sort(g, std::back_inserter(reversed));  // providers first
  return std::vector<int>(reversed.rbegin(), reversed.rend());
}

std::vector<int> UpstreamDepths(const ProductSystem& system, int from) {
  std::vector<std::vector<int>> providers(system.size());
  for (auto [consumer, provider] : Edges(system)) providers[consumer].push_back(provider);
  std::vector<int> depth(system.size(), -1);
  if (from < 0 || static_cast<size_t>(from) >= system.size()) return depth;
  std::deque<int> queue{from};
  depth[from] = 0;
  while (!queue.empty()) {
    int v = queue.front();
    queue.pop_front();
    for (int w : providers[v]) {
      if (depth[w] < 0) {
        depth[w] = depth[v] + 1;
        queue.push_back(w);
      }
    }
  }
  return depth;
}

std::string ToDot(const ProductSystem& system, const Inventory& inventory, int max_depth) {
  std::vector<int> depth = UpstreamDepths(system);
  auto shown = [&](int v) { return max_depth < 0 || depth[v] <= max_depth; };
  std::string out = "digraph product_system {\n  rankdir=LR;\n  node [shape=box, fontsize=10];\n";
  for (size_t i = 0; i < system.size(); ++i) {
    if (!shown(static_cast<int>(i))) continue;
    const Process& p = inventory.processes[system.processes[i]];
    out += fmt::format("  p{} [label=\"{}\\n{} | {}\"];\n", i, Escape(p.name),
                       p.stage == Stage::kNone ? "background" : ToString(p.stage),
                       Escape(system.locations[i]));
  }
  for (const Link& link : system.links) {
    if (!shown(link.consumer) || !shown(link.provider)) continue;
    const Process& consumer = inventory.processes[system.processes[link.consumer]];
    out += fmt::format("  p{} -> p{} [label=\"{}\", fontsize=8];\n", link.provider, link.consumer,
                       Escape(consumer.exchanges[link.exchange].flow));
  }
  // A co-product goes from its maker to the process whose product it displaces.
  for (const Link& link : system.coproducts) {
    if (!shown(link.consumer) || !shown(link.provider)) continue;
    const Process& maker = inventory.processes[system.processes[link.consumer]];
    out += fmt::format("  p{} -> p{} [label=\"{} (co-product)\", style=dashed, fontsize=8];\n",
                       link.consumer, link.provider, Escape(maker.exchanges[link.exchange].flow));
  }
  out += "}\n";
  return out;
}

}  // namespace gpulca
