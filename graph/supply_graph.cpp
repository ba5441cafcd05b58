#include "graph/supply_graph.h"

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/exception.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>
#include <boost/graph/visitors.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstdint>
#include <iterator>

namespace gpulca::graph {

namespace {

// The off-diagonal entries of a pattern in compressed sparse column form as
// edges j -> i, column by column: sorted by source, then target, as the
// graph's constructor takes them, and read in place rather than copied.
class ColumnEdges : public boost::iterator_facade<ColumnEdges, const SupplyGraph::Edge,
                                                  boost::forward_traversal_tag> {
 public:
  // The first edge at or after entry `p`.
  ColumnEdges(const std::vector<int>& col_ptr, const std::vector<int>& row_idx, int p)
      : col_ptr_(&col_ptr), row_idx_(&row_idx), p_(p) {
    Settle();
  }

 private:
  friend class boost::iterator_core_access;
  void increment() {
    ++p_;
    Settle();
  }
  bool equal(const ColumnEdges& other) const { return p_ == other.p_; }
  const SupplyGraph::Edge& dereference() const { return edge_; }

  // Moves p_ past diagonal entries, to the next edge or the end.
  void Settle() {
    for (const int end = col_ptr_->back(); p_ < end; ++p_) {
      while ((*col_ptr_)[column_ + 1] <= p_) ++column_;
      if ((*row_idx_)[p_] != column_) {
        edge_ = {column_, (*row_idx_)[p_]};
        return;
      }
    }
  }

  const std::vector<int>* col_ptr_;
  const std::vector<int>* row_idx_;
  int p_;
  int column_ = 0;
  SupplyGraph::Edge edge_;
};

}  // namespace

struct SupplyGraph::Impl {
  using Graph =
      boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                         boost::no_property, std::uint32_t, std::uint32_t>;
  using Vertex = Graph::vertex_descriptor;
  Graph g;
  int nodes = 0;

  // Edges [begin, end) sorted by source, then target, without repeats;
  // `reserve` at least their number.
  template <typename Edges>
  Impl(int n, Edges begin, Edges end, size_t reserve)
      : g(boost::edges_are_sorted, begin, end, static_cast<Vertex>(n),
          static_cast<Graph::edges_size_type>(reserve)),
        nodes(n) {}

  // A vector indexed by node, as a Boost property map.
  auto Map(std::vector<int>& by_node) const {
    return boost::make_iterator_property_map(by_node.begin(), boost::get(boost::vertex_index, g));
  }

  // component_of for every node; returns the number of components.
  int Components(std::vector<int>& component_of) const {
    component_of.resize(nodes);
    if (nodes == 0) return 0;
    return static_cast<int>(boost::strong_components(g, Map(component_of)));
  }
};

SupplyGraph::SupplyGraph(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

SupplyGraph::SupplyGraph(int nodes, std::vector<Edge> edges) {
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  impl_ = std::make_unique<Impl>(nodes, edges.begin(), edges.end(), edges.size());
}

SupplyGraph SupplyGraph::FromColumns(int nodes, const std::vector<int>& col_ptr,
                                     const std::vector<int>& row_idx) {
  const int entries = col_ptr[nodes];
  return SupplyGraph(std::make_unique<Impl>(nodes, ColumnEdges(col_ptr, row_idx, 0),
                                            ColumnEdges(col_ptr, row_idx, entries), entries));
}

SupplyGraph::SupplyGraph(SupplyGraph&&) noexcept = default;
SupplyGraph& SupplyGraph::operator=(SupplyGraph&&) noexcept = default;
SupplyGraph::~SupplyGraph() = default;

int SupplyGraph::size() const { return impl_->nodes; }

Components SupplyGraph::StrongComponents() const {
  Components c;
  c.members.resize(impl_->Components(c.component_of));
  for (int v = 0; v < impl_->nodes; ++v) c.members[c.component_of[v]].push_back(v);
  return c;
}

Loops SupplyGraph::FindLoops() const {
  std::vector<int> component_of;
  const int count = impl_->Components(component_of);
  std::vector<int> size(count, 0);
  for (int k : component_of) ++size[k];
  std::vector<char> loop(count, 0);
  for (int k = 0; k < count; ++k) loop[k] = size[k] > 1;
  for (auto [e, end] = boost::edges(impl_->g); e != end; ++e) {
    const auto v = boost::source(*e, impl_->g);
    if (boost::target(*e, impl_->g) == v) loop[component_of[v]] = 1;
  }
  Loops loops;
  loops.loop_of.assign(impl_->nodes, -1);
  std::vector<int> number(count, -1);  // component -> loop
  for (int v = 0; v < impl_->nodes; ++v) {
    const int k = component_of[v];
    if (!loop[k]) continue;
    if (number[k] < 0) {
      number[k] = static_cast<int>(loops.members.size());
      loops.members.emplace_back();
    }
    loops.loop_of[v] = number[k];
    loops.members[number[k]].push_back(v);
  }
  return loops;
}

std::optional<std::vector<int>> SupplyGraph::TopologicalOrder() const {
  std::vector<int> order;
  order.reserve(impl_->nodes);
  try {
    // Each node after all the nodes its edges lead to.
    boost::topological_sort(impl_->g, std::back_inserter(order));
  } catch (const boost::not_a_dag&) {
    return std::nullopt;
  }
  std::reverse(order.begin(), order.end());
  return order;
}

std::optional<std::vector<int>> SupplyGraph::KahnOrder() const {
  // By hand: Boost.Graph's topological_sort is depth-first only.
  const Impl::Graph& g = impl_->g;
  std::vector<int> pending(impl_->nodes, 0);  // edges into each node not yet followed
  for (auto [e, end] = boost::edges(g); e != end; ++e) ++pending[boost::target(*e, g)];
  std::vector<int> order;
  order.reserve(impl_->nodes);
  for (int v = 0; v < impl_->nodes; ++v) {
    if (pending[v] == 0) order.push_back(v);
  }
  for (size_t head = 0; head < order.size(); ++head) {
    for (auto [e, end] = boost::out_edges(static_cast<Impl::Vertex>(order[head]), g); e != end;
         ++e) {
      const int w = static_cast<int>(boost::target(*e, g));
      if (--pending[w] == 0) order.push_back(w);
    }
  }
  // A node on or behind a loop is never released.
  if (order.size() != static_cast<size_t>(impl_->nodes)) return std::nullopt;
  return order;
}

std::vector<int> SupplyGraph::Depths(int from) const {
  std::vector<int> depth(impl_->nodes, -1);
  if (from < 0 || from >= impl_->nodes) return depth;
  depth[from] = 0;
  boost::breadth_first_search(impl_->g, static_cast<Impl::Vertex>(from),
                              boost::visitor(boost::make_bfs_visitor(boost::record_distances(
                                  impl_->Map(depth), boost::on_tree_edge()))));
  return depth;
}

}  // namespace gpulca::graph
