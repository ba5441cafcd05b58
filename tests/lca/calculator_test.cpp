// The Calculator on hand-solved systems: stage attribution through a
// background loop (both ways of computing it), transposed solves, refactoring.
#include "lca/engine/calculator.h"

#include <catch2/catch.hpp>

#include "lca/error.h"
#include "lca/system/calculation.h"
#include "lca/engine/klu_lu.h"
#include "lca/engine/klu_solver.h"
#include "lca/engine/solver_factory.h"
#include "lca/engine/topological_solver.h"
#include "tests/lca/fixtures.h"

namespace gpulca::lca {
namespace {

using inventory::Stage;
using testing::Dense;
using testing::SteelLoop;

// Electricity (0) and steel (1) form the background loop of SteelLoop; a
// die (2, fabrication) needs 10 kWh and 0.001·`steel_per_die`... see below;
// the GPU (3, assembly) needs 1 die, 90 kWh and 5 kg steel. Emissions per
// unit: 0.5, 2, 1, 3 kg CO2; `impacts` impacts, impact k counting CO2 k+1
// times. With steel_uses_die, steel needs 0.001 dies per kg (the
// background consumes a foreground product).
MatrixData GpuSystem(int impacts, bool steel_uses_die = false) {
  MatrixData d;
  d.process_ids = {"electricity", "steel", "die", "gpu"};
  d.stage_slots = {-1, -1, static_cast<int>(Stage::kFabrication), static_cast<int>(Stage::kAssembly)};
  d.technosphere = Dense({{1.0, -2.0, -10.0, -90.0},
                          {-0.1, 1.0, 0.0, -5.0},
                          {0.0, steel_uses_die ? -0.001 : 0.0, 1.0, -1.0},
                          {0.0, 0.0, 0.0, 1.0}});
  d.biosphere = Dense({{0.5, 2.0, 1.0, 3.0}});
  std::vector<std::vector<double>> c(impacts, std::vector<double>(1));
  for (int k = 0; k < impacts; ++k) {
    c[k][0] = k + 1.0;
    d.impact_ids.push_back("impact" + std::to_string(k));
  }
  d.characterisation = Dense(c);
  d.demand = {0.0, 0.0, 0.0, 1.0};
  return d;
}

TEST_CASE("Stage attribution through a background loop, solved by hand", "[lca][calculator]") {
  // Background block B = [[1, -2], [-0.1, 1]], B⁻¹ = 1.25·[[1, 2], [0.1, 1]].
  // Fabrication's 10 kWh: x = (12.5, 1.25), 0.5·12.5 + 2·1.25 = 8.75, plus
  // the die's own 1 kg: 9.75. Assembly's 90 kWh and 5 kg: x = (125, 17.5),
  // 62.5 + 35 = 97.5, plus 3: 100.5. Total 110.25.
  // One impact needs one transposed solve, three need two forward solves.
  const int impacts = GENERATE(1, 2, 3);
  const MatrixData d = GpuSystem(impacts);
  Calculator calculator(d);
  StageTotals t;
  calculator.Evaluate(d, &t);
  for (int k = 0; k < impacts; ++k) {
    INFO("impact " << k);
    const double m = k + 1.0;
    CHECK(t.impacts[k] == Approx(110.25 * m));
    CHECK(t.by_stage[k][static_cast<int>(Stage::kFabrication)] == Approx(9.75 * m));
    CHECK(t.by_stage[k][static_cast<int>(Stage::kAssembly)] == Approx(100.5 * m));
    CHECK(t.by_stage[k][kUnassigned] == 0.0);
  }
}

TEST_CASE("Stage attribution when the background consumes a foreground product",
          "[lca][calculator]") {
  // Steel needs 0.001 dies per kg, so the block of the background has its own
  // factorisation. By definition: x_σ = B⁻¹ r_σ with r_fab = (10 s_die, 0)
  // and r_asm = (90, 5); stages then sum to the total.
  const MatrixData d = GpuSystem(GENERATE(1, 3), true);
  Calculator calculator(d);
  StageTotals t;
  calculator.Evaluate(d, &t);
  const double s_die = t.scaling[2];
  CHECK(s_die == Approx(1.0 + 0.001 * t.scaling[1]));
  auto impact_of = [](double e, double s) {  // 1.25·[[1,2],[0.1,1]]·(e, s)
    const double x0 = 1.25 * (e + 2 * s), x1 = 1.25 * (0.1 * e + s);
    return 0.5 * x0 + 2 * x1;
  };
  const double fab = 1.0 * s_die + impact_of(10 * s_die, 0);
  const double assembly = 3.0 + impact_of(90, 5);
  CHECK(t.by_stage[0][static_cast<int>(Stage::kFabrication)] == Approx(fab));
  CHECK(t.by_stage[0][static_cast<int>(Stage::kAssembly)] == Approx(assembly));
  CHECK(t.impacts[0] == Approx(fab + assembly));
}

TEST_CASE("Transposed solves give the upstream intensities", "[lca][solver]") {
  // Aᵀλ = c for the steel loop and c = (0.5, 2, 10): λ0 - 0.1 λ1 = 0.5 and
  // -2 λ0 + λ1 = 2 give λ = (0.875, 3.75); λ2 = 10 + 100·0.875 + 5·3.75.
  const auto solver = MakeSolver(SteelLoop());
  const std::vector<double> lambda = solver->SolveTransposed({0.5, 2.0, 10.0});
  CHECK(lambda[0] == Approx(0.875));
  CHECK(lambda[1] == Approx(3.75));
  CHECK(lambda[2] == Approx(116.25));
  SECTION("both solvers agree on an acyclic chain, one vector or several at once") {
    const SparseMatrix a = Dense({{1.0, 0.0, 0.0}, {-2.0, 1.0, 0.0}, {0.0, -0.5, 4.0}});
    // λ2 = 8/4 = 2, λ1 = 3 + 0.5·2 = 4, λ0 = 10 + 2·4 = 18 (the chain's 18 kg).
    for (SolverChoice choice : {SolverChoice::kTopological, SolverChoice::kKlu}) {
      const auto s = MakeSolver(a, choice);
      std::vector<double> two = {10.0, 3.0, 8.0, 1.0, 0.0, 0.0};
      s->SolveInPlace(two, 2, true);
      CHECK(two[0] == Approx(18.0));
      CHECK(two[1] == Approx(4.0));
      CHECK(two[2] == Approx(2.0));
      CHECK(two[3] == Approx(1.0));
      CHECK(two[4] == Approx(0.0).margin(1e-15));
      std::vector<double> wrong(4, 0.0);
      CHECK_THROWS_AS(s->SolveInPlace(wrong, 2, false), Error);
    }
  }
}

TEST_CASE("A well-posed loop with a huge reference amount is not 'nearly singular'",
          "[lca][solver][errors]") {
  // The steel loop with electricity's reference output written as 10^16
  // units (its whole column times 10^16), or steel's product in a unit 10^15
  // times smaller (its row times 10^15). KLU's own rcond of the unscaled
  // matrix is below kMinRcond; the equilibrated matrix is the same loop.
  SECTION("a column scaled by 1e16") {
    const SparseMatrix a = Dense({{1e16, -2.0, -100.0}, {-1e15, 1.0, -5.0}, {0.0, 0.0, 1.0}});
    KluLu raw(3, a.col_ptr(), a.row_idx());
    REQUIRE(raw.Factor(a.values()));
    CHECK(raw.rcond() < KluSolver::kMinRcond);
    KluSolver solver(a);
    CHECK(solver.rcond() > 0.1);
    const std::vector<double> s = solver.Solve({0.0, 0.0, 1.0});
    CHECK(s[0] == Approx(137.5e-16));
    CHECK(s[1] == Approx(18.75));
  }
  SECTION("a row scaled by 1e15") {
    const SparseMatrix a = Dense({{1.0, -2e-15, -100.0}, {-1e14, 1.0, -5e15}, {0.0, 0.0, 1.0}});
    KluLu raw(3, a.col_ptr(), a.row_idx());
    REQUIRE(raw.Factor(a.values()));
    CHECK(raw.rcond() < KluSolver::kMinRcond);
    KluSolver solver(a);
    const std::vector<double> s = solver.Solve({0.0, 0.0, 1.0});
    CHECK(s[0] == Approx(137.5));
    CHECK(s[1] == Approx(18.75e15));
    CHECK(solver.SolveTransposed({0.5, 2e-15, 10.0})[2] == Approx(116.25));
  }
}

TEST_CASE("Refactor starts from the first pivot order: the result does not depend on what "
          "was factorised before",
          "[lca][solver]") {
  // Values that force a fresh factorisation (a reused pivot becomes tiny),
  // then the original values again: the same bits as straight after
  // construction, and as another solver that never saw the tiny pivot.
  const SparseMatrix first = Dense({{2.0, 1.0}, {1.0, 2.0}});
  const SparseMatrix tiny = Dense({{1e-20, 1.0}, {1.0, 1.0}});
  KluSolver solver(first);
  const std::vector<double> before = solver.Solve({1.0, 2.0});
  solver.Refactor(tiny);
  CHECK(solver.Solve({1.0, 2.0})[0] == Approx(1.0));
  solver.Refactor(first);
  KluSolver fresh(first);
  fresh.Refactor(first);
  CHECK(solver.Solve({1.0, 2.0}) == fresh.Solve({1.0, 2.0}));
  CHECK(solver.Solve({1.0, 2.0})[0] == Approx(before[0]));
}

TEST_CASE("Calculate: intensities, by process and by stage from one factorisation",
          "[lca][calculator]") {
  LcaResult r = Calculate(GpuSystem(1));
  CHECK(r.impacts[0] == Approx(110.25));
  // λ of the GPU is its total; λ of electricity 0.875 (as above, c = (0.5, 2)).
  CHECK(r.intensity[0][3] == Approx(110.25));
  CHECK(r.intensity[0][0] == Approx(0.875));
  CHECK(r.by_process[0][0] == Approx(0.5 * 137.5));
  CHECK(r.by_stage[0][static_cast<int>(Stage::kFabrication)] == Approx(9.75));
}

}  // namespace
}  // namespace gpulca::lca
