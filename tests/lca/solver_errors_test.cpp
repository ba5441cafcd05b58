// The solvers' errors name the processes at fault.
#include <catch2/catch.hpp>

#include <functional>
#include <string>

#include "lca/error.h"
#include "lca/engine/klu_solver.h"
#include "lca/engine/solver.h"
#include "lca/engine/solver_factory.h"
#include "lca/engine/topological_solver.h"
#include "tests/lca/fixtures.h"

namespace gpulca::lca {
namespace {

using Catch::Matchers::Contains;
using testing::Dense;
using testing::kSteelLoopNames;
using testing::SteelLoop;

std::string MessageOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const SolveError& e) {
    return e.what();
  }
  FAIL("no SolveError thrown");
  return "";
}

TEST_CASE("A zero or missing reference output names the process", "[lca][solver][errors]") {
  const std::vector<std::string> names = {"wafer", "die"};
  const SolverChoice choice = GENERATE(SolverChoice::kTopological, SolverChoice::kKlu);
  const SparseMatrix zero =
      SparseMatrix::FromTriplets(2, 2, {{0, 0, 1.0}, {1, 0, -1.0}, {1, 1, 0.0}});
  std::string message = MessageOf([&] { MakeSolver(zero, choice, &names); });
  CHECK_THAT(message, Contains("'die'") && Contains("zero reference output"));
  const SparseMatrix missing = SparseMatrix::FromTriplets(2, 2, {{0, 0, 1.0}, {1, 0, -1.0}});
  message = MessageOf([&] { MakeSolver(missing, choice); });
  CHECK_THAT(message, Contains("process #1") && Contains("no reference output"));
}

TEST_CASE("A singular system names the column KLU reports and its loop",
          "[lca][solver][errors]") {
  // Two CHP variants with the same outputs, co-producing each other's
  // product, are linearly dependent; the GPU (2) is in no loop.
  const std::vector<std::string> names = {"chp_a", "chp_b", "gpu"};
  const SparseMatrix a = Dense({{1.0, 1.0, -1.0}, {1.0, 1.0, -1.0}, {0.0, 0.0, 1.0}});
  const std::string message = MessageOf([&] { MakeSolver(a, SolverChoice::kAuto, &names); });
  CHECK_THAT(message, Contains("is singular") && Contains("zero pivot"));
  CHECK_THAT(message, Contains("loop of 'chp_a', 'chp_b'"));
  CHECK_THAT(message, !Contains("'gpu'"));
}

TEST_CASE("A nearly singular system is an error", "[lca][solver][errors]") {
  const std::vector<std::string> names = {"x", "y"};
  const SparseMatrix a = Dense({{1.0, 1.0}, {1.0, 1.0 + 1e-15}});
  const std::string message = MessageOf([&] { KluSolver solver(a, &names); });
  CHECK_THAT(message, Contains("nearly singular") && Contains("'x', 'y'"));
}

TEST_CASE("A divergent loop names both processes", "[lca][solver][errors]") {
  // Electricity needs 0.1 kg steel/kWh, steel 12 kWh/kg: 1.2 kWh per kWh.
  const std::string message =
      MessageOf([&] { MakeSolver(SteelLoop(12.0), SolverChoice::kAuto, &kSteelLoopNames); });
  CHECK_THAT(message, Contains("does not converge") && Contains("'electricity', 'steel'"));
  CHECK_THAT(message, !Contains("'gpu'"));
  CHECK_THAT(message, Contains("1.095"));  // spectral radius sqrt(1.2)
}

TEST_CASE("A loop that needs exactly one unit of itself does not converge",
          "[lca][solver][errors]") {
  const std::string message = MessageOf([&] { KluSolver solver(Dense({{1.0, -1.0}, {-1.0, 1.0}})); });
  CHECK_THAT(message, Contains("does not converge") && Contains("process #0, process #1"));
}

TEST_CASE("Refactor into a divergent loop throws and keeps the last factorisation",
          "[lca][solver][errors]") {
  KluSolver solver(SteelLoop(2.0), &kSteelLoopNames);
  CHECK_THROWS_AS(solver.Refactor(SteelLoop(12.0)), SolveError);
  CHECK(solver.Solve({0.0, 0.0, 1.0})[0] == Approx(137.5));
}

TEST_CASE("TopologicalSolver on a cyclic system throws naming the loop",
          "[lca][solver][errors]") {
  const std::string message = MessageOf([&] { TopologicalSolver solver(SteelLoop(), &kSteelLoopNames); });
  CHECK_THAT(message, Contains("'electricity', 'steel'") && Contains("loop"));
  CHECK_THROWS_AS(MakeSolver(SteelLoop(), SolverChoice::kTopological), SolveError);
}

}  // namespace
}  // namespace gpulca::lca
