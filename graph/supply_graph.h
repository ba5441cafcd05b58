// The supply-chain graph: one node per process and an edge from each process
// to every process whose product it consumes or, for a co-product, displaces
// (consumer -> provider). Built once from a pattern; its queries are its
// loops (strongly connected components), an order for acyclic propagation
// and the reach upstream of a process. Knows nothing of inventories or
// matrices: callers hand it plain arrays.
//
// Boost.Graph inside (a compressed_sparse_row_graph, strong_components,
// topological_sort, breadth_first_search); no Boost type shows here. Every traversal is
// iterative, so chains thousands of processes deep are fine, and
// deterministic: a node's edges are followed in ascending order of their
// target.
//
// Thread safety: const methods may run concurrently.
#pragma once

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace gpulca::graph {

// The strongly connected components.
// Invariants: members[k] is ascending and not empty; component_of[v] == k iff
//   v is in members[k]. Components are numbered in reverse topological order
//   of the condensation: a component comes after every component its edges
//   lead to (providers before consumers).
struct Components {
  std::vector<int> component_of;
  std::vector<std::vector<int>> members;
};

// The loops: the components of more than one node, and single nodes with an
// edge to themselves.
// Invariants: members[k] is ascending and not empty; loop_of[v] == k iff v
//   is in members[k], -1 for a node in no loop. Loops are numbered by their
//   smallest node.
struct Loops {
  std::vector<int> loop_of;
  std::vector<std::vector<int>> members;
};

class SupplyGraph {
 public:
  using Edge = std::pair<int, int>;  // (from, to)

  // `nodes` nodes and the given edges, in any order; repeated edges count once.
  // REQUIRES: nodes >= 0, every endpoint in [0, nodes).
  SupplyGraph(int nodes, std::vector<Edge> edges);

  // The graph of a square technosphere's pattern in compressed sparse column
  // form: entry (i, j) with i != j is the edge j -> i (process j consumes or
  // co-produces product i); the diagonal (each process's reference product)
  // is no edge. Explicit zeros are edges: the graph is the pattern's.
  // REQUIRES: col_ptr has nodes + 1 entries from 0; the rows of each column,
  //   row_idx[col_ptr[j] .. col_ptr[j + 1]), are strictly increasing and in
  //   [0, nodes).
  static SupplyGraph FromColumns(int nodes, const std::vector<int>& col_ptr,
                                 const std::vector<int>& row_idx);

  SupplyGraph(SupplyGraph&&) noexcept;
  SupplyGraph& operator=(SupplyGraph&&) noexcept;
  ~SupplyGraph();

  int size() const;

  // O(nodes + edges).
  Components StrongComponents() const;
  Loops FindLoops() const;

  // Topological orders: every node before the nodes its edges lead to
  // (consumers before their providers), or nullopt when the graph has a
  // loop. O(nodes + edges) each. Two orders, each with a user that depends
  // on it exactly:
  //  - depth-first (boost::topological_sort): each branch followed to its
  //    end before the next, which lists a supply chain readably;
  //  - Kahn's: first the nodes no edge leads to, in index order, then each
  //    node as soon as the last edge into it has been followed. The engine
  //    propagates demand in this order, and the rounding of its results
  //    depends on it (the depth-first order changes last digits).
  std::optional<std::vector<int>> TopologicalOrder() const;
  std::optional<std::vector<int>> KahnOrder() const;

  // For each node, the fewest edges from `from` to it: 0 for `from` itself,
  // -1 where it does not reach (everywhere if `from` is not a node).
  // O(nodes + edges reached).
  std::vector<int> Depths(int from) const;

 private:
  struct Impl;
  explicit SupplyGraph(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace gpulca::graph
