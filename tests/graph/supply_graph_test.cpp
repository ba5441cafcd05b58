#include "graph/supply_graph.h"

#include <catch2/catch.hpp>

namespace gpulca::graph {
namespace {

using Order = std::optional<std::vector<int>>;

// 0 -> 1 <-> 2 -> 3: the demand 0 consumes 1, which trades with 2 in a loop;
// 2 consumes 3.
SupplyGraph TwoCycle() { return SupplyGraph(4, {{0, 1}, {1, 2}, {2, 1}, {2, 3}}); }

TEST_CASE("SupplyGraph: a four-node graph with a two-cycle", "[graph][supply_graph]") {
  const SupplyGraph g = TwoCycle();
  REQUIRE(g.size() == 4);

  // Depth-first from 0: 3 finishes first, then the loop, then 0.
  const Components c = g.StrongComponents();
  CHECK(c.component_of == std::vector<int>{2, 1, 1, 0});
  CHECK(c.members == std::vector<std::vector<int>>{{3}, {1, 2}, {0}});

  const Loops loops = g.FindLoops();
  CHECK(loops.loop_of == std::vector<int>{-1, 0, 0, -1});
  CHECK(loops.members == std::vector<std::vector<int>>{{1, 2}});

  CHECK(g.TopologicalOrder() == std::nullopt);
  CHECK(g.KahnOrder() == std::nullopt);

  CHECK(g.Depths(0) == std::vector<int>{0, 1, 2, 3});
  CHECK(g.Depths(2) == std::vector<int>{-1, 1, 0, 1});
  CHECK(g.Depths(3) == std::vector<int>{-1, -1, -1, 0});
  CHECK(g.Depths(4) == std::vector<int>{-1, -1, -1, -1});
}

TEST_CASE("SupplyGraph: without the loop, consumers before providers, depth-first or Kahn's",
          "[graph][supply_graph]") {
  // 0 -> 1, 0 -> 2, 1 -> 3, 2 -> 3; edges given out of order and repeated.
  const SupplyGraph g(4, {{2, 3}, {0, 2}, {1, 3}, {0, 1}, {0, 2}});
  CHECK(g.FindLoops().members.empty());
  CHECK(g.FindLoops().loop_of == std::vector<int>(4, -1));
  // Depth-first, 1 and 3 beneath it finish before 2; Kahn's releases 3 once
  // both its consumers are done.
  CHECK(g.TopologicalOrder() == Order(std::vector<int>{0, 2, 1, 3}));
  CHECK(g.KahnOrder() == Order(std::vector<int>{0, 1, 2, 3}));
  CHECK(g.Depths(0) == std::vector<int>{0, 1, 1, 2});

  // Two demands, 3 and 4. Depth-first from 0, 3 and 4 finish last; Kahn's
  // takes them first, in index order, and 1 waits for 0 and 4.
  const SupplyGraph two(5, {{3, 0}, {0, 1}, {4, 1}, {1, 2}});
  CHECK(two.TopologicalOrder() == Order(std::vector<int>{4, 3, 0, 1, 2}));
  CHECK(two.KahnOrder() == Order(std::vector<int>{3, 4, 0, 1, 2}));
}

TEST_CASE("SupplyGraph: a node with an edge to itself is a loop", "[graph][supply_graph]") {
  const SupplyGraph g(3, {{0, 1}, {1, 1}, {1, 2}});
  const Loops loops = g.FindLoops();
  CHECK(loops.members == std::vector<std::vector<int>>{{1}});
  CHECK(loops.loop_of == std::vector<int>{-1, 0, -1});
  CHECK(g.TopologicalOrder() == std::nullopt);
  CHECK(g.KahnOrder() == std::nullopt);
}

TEST_CASE("SupplyGraph: from a technosphere's columns, the diagonal is no edge",
          "[graph][supply_graph]") {
  // A 4x4 pattern, column j holding the products process j takes:
  //   A(0,0) A(2,0) | A(1,1) A(3,1) | A(1,2) A(2,2) | A(3,3)
  // Edges 0 -> 2, 1 -> 3, 2 -> 1: acyclic; the diagonal adds nothing.
  const std::vector<int> col_ptr{0, 2, 4, 6, 7};
  const std::vector<int> row_idx{0, 2, 1, 3, 1, 2, 3};
  const SupplyGraph g = SupplyGraph::FromColumns(4, col_ptr, row_idx);
  CHECK(g.FindLoops().members.empty());
  CHECK(g.TopologicalOrder() == Order(std::vector<int>{0, 2, 1, 3}));
  CHECK(g.KahnOrder() == Order(std::vector<int>{0, 2, 1, 3}));
  CHECK(g.Depths(0) == std::vector<int>{0, 2, 1, 3});

  // A(2,1) too: 1 -> 2 closes the loop 1 -> 2 -> 1; loops are numbered by
  // their smallest process.
  const SupplyGraph looped = SupplyGraph::FromColumns(4, {0, 2, 5, 7, 8}, {0, 2, 1, 2, 3, 1, 2, 3});
  const Loops loops = looped.FindLoops();
  CHECK(loops.members == std::vector<std::vector<int>>{{1, 2}});
  CHECK(loops.loop_of == std::vector<int>{-1, 0, 0, -1});
  CHECK(looped.TopologicalOrder() == std::nullopt);
  CHECK(looped.KahnOrder() == std::nullopt);
}

TEST_CASE("SupplyGraph: an empty graph", "[graph][supply_graph]") {
  const SupplyGraph g(0, {});
  CHECK(g.size() == 0);
  CHECK(g.StrongComponents().members.empty());
  CHECK(g.FindLoops().members.empty());
  CHECK(g.TopologicalOrder() == Order(std::vector<int>{}));
  CHECK(g.KahnOrder() == Order(std::vector<int>{}));
  CHECK(g.Depths(0).empty());
}

}  // namespace
}  // namespace gpulca::graph
