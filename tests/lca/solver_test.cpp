// Golden tests of the technosphere solvers on systems solved by hand.
#include "lca/engine/solver.h"

#include <catch2/catch.hpp>

#include "lca/error.h"
#include "lca/engine/klu_solver.h"
#include "lca/engine/solver_factory.h"
#include "lca/engine/topological_solver.h"
#include "tests/lca/fixtures.h"

namespace gpulca::lca {
namespace {

using testing::Dense;
using testing::kSteelLoopNames;
using testing::SteelLoop;

TEST_CASE("Heijungs & Suh (2002) ch. 2 example: s = (100, 2), g = (120, 14, -100)",
          "[lca][solver]") {
  const SparseMatrix a = Dense({{10.0, 0.0}, {-2.0, 100.0}});
  const SparseMatrix b = Dense({{1.0, 10.0}, {0.1, 2.0}, {0.0, -50.0}});
  const SolverChoice choice =
      GENERATE(SolverChoice::kAuto, SolverChoice::kTopological, SolverChoice::kKlu);
  const auto solver = MakeSolver(a, choice);
  const std::vector<double> s = solver->Solve({1000.0, 0.0});
  REQUIRE(s.size() == 2);
  CHECK(s[0] == Approx(100.0));
  CHECK(s[1] == Approx(2.0));
  const std::vector<double> g = b.Multiply(s);
  CHECK(g[0] == Approx(120.0));
  CHECK(g[1] == Approx(14.0));
  CHECK(g[2] == Approx(-100.0));
}

TEST_CASE("Acyclic chain: module needs 2 dies, a die needs 0.5 wafer runs of 4 wafers",
          "[lca][solver]") {
  // s0 = 1, s1 = 2, 4·s2 = 0.5·2 => s2 = 0.25; CO2 = 10 + 3·2 + 8·0.25 = 18.
  const SparseMatrix a = Dense({{1.0, 0.0, 0.0}, {-2.0, 1.0, 0.0}, {0.0, -0.5, 4.0}});
  const SparseMatrix b = Dense({{10.0, 3.0, 8.0}});
  const SolverChoice choice = GENERATE(SolverChoice::kTopological, SolverChoice::kKlu);
  const std::vector<double> s = MakeSolver(a, choice)->Solve({1.0, 0.0, 0.0});
  CHECK(s[0] == Approx(1.0));
  CHECK(s[1] == Approx(2.0));
  CHECK(s[2] == Approx(0.25));
  CHECK(b.Multiply(s)[0] == Approx(18.0));
}

TEST_CASE("Loop: electricity needs steel needs electricity", "[lca][solver]") {
  const SolverChoice choice = GENERATE(SolverChoice::kAuto, SolverChoice::kKlu);
  const auto solver = MakeSolver(SteelLoop(), choice, &kSteelLoopNames);
  CHECK(std::string(solver->Name()) == "klu");
  const std::vector<double> s = solver->Solve({0.0, 0.0, 1.0});
  CHECK(s[0] == Approx(137.5));
  CHECK(s[1] == Approx(18.75));
  CHECK(s[2] == Approx(1.0));
}

TEST_CASE("Co-product: chlor-alkali's NaOH displaces NaOH production", "[lca][solver]") {
  // Chlor-alkali (0) makes 1 kg Cl2 and 1.1 kg NaOH; NaOH production (1);
  // wafer cleaning (2) needs 0.3 kg Cl2 and 0.5 kg NaOH.
  // s0 = 0.3; 1.1·0.3 + s1 = 0.5 => s1 = 0.17.
  const SparseMatrix a = Dense({{1.0, 0.0, -0.3}, {1.1, 1.0, -0.5}, {0.0, 0.0, 1.0}});
  const SolverChoice choice = GENERATE(SolverChoice::kTopological, SolverChoice::kKlu);
  const std::vector<double> s = MakeSolver(a, choice)->Solve({0.0, 0.0, 1.0});
  CHECK(s[0] == Approx(0.3));
  CHECK(s[1] == Approx(0.17));
  CHECK(s[2] == Approx(1.0));
}

TEST_CASE("Negative flows: avoided production and waste treatment", "[lca][solver]") {
  const SolverChoice choice = GENERATE(SolverChoice::kTopological, SolverChoice::kKlu);
  SECTION("a co-product beyond demand gives a negative scaling") {
    // Cleaning needs 1 kg Cl2 and 0.5 kg NaOH: s1 = 0.5 - 1.1 = -0.6.
    // CO2 per unit (2, 1.5, 0): g = 2 - 0.9 = 1.1.
    const SparseMatrix a = Dense({{1.0, 0.0, -1.0}, {1.1, 1.0, -0.5}, {0.0, 0.0, 1.0}});
    const std::vector<double> s = MakeSolver(a, choice)->Solve({0.0, 0.0, 1.0});
    CHECK(s[1] == Approx(-0.6));
    CHECK(Dense({{2.0, 1.5, 0.0}}).Multiply(s)[0] == Approx(1.1));
  }
  SECTION("waste treatment with a negative reference amount") {
    // Wafer fab (0) outputs 0.2 kg waste; treatment (1) takes 1 kg (A11 = -1):
    // 0.2·1 - s1 = 0 => s1 = 0.2.
    const SparseMatrix a = Dense({{1.0, 0.0}, {0.2, -1.0}});
    const std::vector<double> s = MakeSolver(a, choice)->Solve({1.0, 0.0});
    CHECK(s[0] == Approx(1.0));
    CHECK(s[1] == Approx(0.2));
  }
}

TEST_CASE("Co-product inside a loop: combined heat and power", "[lca][solver]") {
  // CHP (0) makes 1 kWh and 0.5 MJ heat; a heat pump (1) makes 1 MJ from
  // 0.2 kWh. For 1 MJ: s0 = 0.2·s1 and 0.5·s0 + s1 = 1 => s1 = 1/1.1.
  const SparseMatrix a = Dense({{1.0, -0.2}, {0.5, 1.0}});
  const auto solver = MakeSolver(a);
  CHECK(std::string(solver->Name()) == "klu");
  const std::vector<double> s = solver->Solve({0.0, 1.0});
  CHECK(s[0] == Approx(0.2 / 1.1));
  CHECK(s[1] == Approx(1.0 / 1.1));
}

TEST_CASE("Refactor with new values gives the new answer", "[lca][solver]") {
  SECTION("KLU, loop: steel needs 4 kWh/kg => s = (200, 25, 1)") {
    KluSolver solver(SteelLoop(2.0), &kSteelLoopNames);
    solver.Refactor(SteelLoop(4.0));
    const std::vector<double> s = solver.Solve({0.0, 0.0, 1.0});
    CHECK(s[0] == Approx(200.0));
    CHECK(s[1] == Approx(25.0));
  }
  SECTION("topological, Heijungs & Suh with A(1,0) = -4 => s1 = 4") {
    std::vector<int> slots;
    SparseMatrix a =
        SparseMatrix::FromTriplets(2, 2, {{0, 0, 10.0}, {1, 0, -2.0}, {1, 1, 100.0}}, &slots);
    TopologicalSolver solver(a);
    a.SetTripletValues(slots, {10.0, -4.0, 100.0});
    solver.Refactor(a);
    CHECK(solver.Solve({1000.0, 0.0})[1] == Approx(4.0));
  }
  SECTION("KLU pivots afresh when a reused pivot becomes tiny") {
    // Diagonal pivots suit the first values; with A(0,0) = 1e-20 reusing them
    // would give rcond ~1e-40, so Refactor factorises again with row swaps.
    // 1e-20·s0 + s1 = 1 and s0 + s1 = 2 => s = (1, 1) to 1e-20.
    KluSolver solver(Dense({{2.0, 1.0}, {1.0, 2.0}}));
    solver.Refactor(Dense({{1e-20, 1.0}, {1.0, 1.0}}));
    CHECK(solver.rcond() >= KluSolver::kMinRcond);
    const std::vector<double> s = solver.Solve({1.0, 2.0});
    CHECK(s[0] == Approx(1.0));
    CHECK(s[1] == Approx(1.0));
  }
  SECTION("a different pattern is refused") {
    KluSolver klu(SteelLoop());
    CHECK_THROWS_AS(klu.Refactor(Dense({{1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}, {0.0, 0.0, 1.0}})),
                    Error);
    TopologicalSolver topological(Dense({{1.0, 0.0}, {-1.0, 1.0}}));
    CHECK_THROWS_AS(topological.Refactor(Dense({{1.0, 0.0}, {0.0, 1.0}})), Error);
  }
}

TEST_CASE("MakeSolver picks topological for acyclic systems, KLU for loops",
          "[lca][solver]") {
  CHECK(std::string(MakeSolver(Dense({{1.0, 0.0}, {-1.0, 1.0}}))->Name()) == "topological");
  CHECK(std::string(MakeSolver(SteelLoop())->Name()) == "klu");
  CHECK(TopologicalSolver::IsAcyclic(Dense({{10.0, 0.0}, {-2.0, 100.0}})));
  CHECK_FALSE(TopologicalSolver::IsAcyclic(SteelLoop()));
}

TEST_CASE("Solve and names check their sizes", "[lca][solver]") {
  const std::vector<std::string> two_names = {"a", "b"};
  CHECK_THROWS_AS(MakeSolver(SteelLoop(), SolverChoice::kAuto, &two_names), Error);
  CHECK_THROWS_AS(MakeSolver(SteelLoop())->Solve({1.0}), Error);
  CHECK_THROWS_AS(MakeSolver(Dense({{1.0, 0.0}}))->Solve({1.0}), SolveError);  // not square
}

}  // namespace
}  // namespace gpulca::lca
