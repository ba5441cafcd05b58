#include "graph/graph_algorithms.h"

#include <fmt/format.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>
#include <iterator>
#include <set>

namespace gpulca {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

Graph ToBoost(const ProductSystem& system) {
  Graph g(system.size());
  std::set<std::pair<int, int>> seen;
  for (const Link& link : system.links) {
    if (seen.insert({link.consumer, link.provider}).second) {
      boost::add_edge(link.consumer, link.provider, g);
    }
  }
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
  for (const Link& link : system.links) {
    if (link.consumer == link.provider) self.insert(link.consumer);
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

std::string ToDot(const ProductSystem& system, const Inventory& inventory) {
  std::string out = "digraph product_system {\n  rankdir=LR;\n  node [shape=box, fontsize=10];\n";
  for (size_t i = 0; i < system.size(); ++i) {
    const Process& p = inventory.processes[system.processes[i]];
    out += fmt::format("  p{} [label=\"{}\\n{} | {}\"];\n", i, Escape(p.name),
                       p.stage == Stage::kNone ? "background" : ToString(p.stage),
                       Escape(system.locations[i]));
  }
  for (const Link& link : system.links) {
    const Process& consumer = inventory.processes[system.processes[link.consumer]];
    out += fmt::format("  p{} -> p{} [label=\"{}\", fontsize=8];\n", link.provider, link.consumer,
                       Escape(consumer.exchanges[link.exchange].flow));
  }
  out += "}\n";
  return out;
}

}  // namespace gpulca
