#include "lca/engine/loop_convergence.h"

#include <catch2/catch.hpp>

#include "lca/error.h"
#include "lca/engine/technosphere_checks.h"
#include "tests/lca/fixtures.h"

namespace gpulca::lca {
namespace {

using testing::Dense;
using testing::kSteelLoopNames;
using testing::SteelLoop;

// Runs the check with at most `iterations` power iterations; 0 forces the
// exact test whenever the one-pass bounds do not decide.
void Check(const SparseMatrix& a, int iterations) {
  const ProcessNames names(&kSteelLoopNames, a.cols());
  CheckLoopsConverge(a, FindDiagonal(a, names), SupplyGraphOf(a).FindLoops(), names, iterations);
}

TEST_CASE("The loops of a technosphere are its strongly connected components", "[lca][loops]") {
  // 0 <-> 1 loop, 2 -> 3 -> 4 -> 2 loop, 5 consumes from both, 6 alone.
  const SparseMatrix a = SparseMatrix::FromTriplets(
      7, 7,
      {{0, 0, 1}, {1, 1, 1}, {2, 2, 1}, {3, 3, 1}, {4, 4, 1}, {5, 5, 1}, {6, 6, 1},
       {1, 0, -1}, {0, 1, -1}, {3, 2, -1}, {4, 3, -1}, {2, 4, -1}, {0, 5, -1}, {4, 5, -1}});
  const graph::Loops loops = SupplyGraphOf(a).FindLoops();
  REQUIRE(loops.members.size() == 2);
  CHECK(loops.members[0] == std::vector<int>{0, 1});
  CHECK(loops.members[1] == std::vector<int>{2, 3, 4});
  CHECK(loops.loop_of == std::vector<int>{0, 0, 1, 1, 1, -1, -1});
}

TEST_CASE("Loop gain below one converges, at or above one does not", "[lca][loops]") {
  // Bounds alone cannot decide these (row and column sums straddle 1), so
  // they exercise power iteration (30) and the exact M-matrix test (0).
  const int iterations = GENERATE(0, 30);
  CHECK_NOTHROW(Check(SteelLoop(2.0), iterations));   // gain 0.2
  CHECK_NOTHROW(Check(SteelLoop(9.9), iterations));   // gain 0.99
  CHECK_THROWS_AS(Check(SteelLoop(10.0), iterations), SolveError);  // exactly 1
  CHECK_THROWS_AS(Check(SteelLoop(12.0), iterations), SolveError);  // 1.2
}

TEST_CASE("Consumption well below output is settled by the bounds", "[lca][loops]") {
  CHECK_NOTHROW(Check(Dense({{1.0, -0.3, 0.0}, {-0.4, 1.0, 0.0}, {0.0, -0.2, 1.0}}), 0));
}

TEST_CASE("Loops with a co-product are left to the LU", "[lca][loops]") {
  // Gross gain 1.2 but steel co-produces electricity: not judged here.
  CHECK_NOTHROW(Check(Dense({{1.0, 2.0, 0.0}, {-0.6, 1.0, 0.0}, {0.0, 0.0, 1.0}}), 0));
}

}  // namespace
}  // namespace gpulca::lca
