// Monte Carlo on small systems whose distributions are known by hand.
#include "lca/uncertainty/monte_carlo.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "lca/error.h"
#include "lca/system/calculation.h"
#include "tests/lca/uncertainty_fixtures.h"
#include "tests/test_support.h"

using namespace gpulca;
using namespace gpulca::lca;
using Catch::Matchers::Contains;

namespace {

using test::TomlExchange;
using test::Gpu;
using test::Grid;
using test::TomlParameter;
using test::Steelworks;
using test::UncertaintyToml;

constexpr const char* kLognormal15 = "{ distribution = \"lognormal\", gsd = 1.5 }";

McResult Run(const gpulca::inventory::Inventory& inv, const std::string& demand, int iterations,
             int threads = 1, uint64_t seed = 11) {
  inventory::ParameterSet p(inv);
  const MatrixData d = BuildMatrices(inv, p, demand, 1.0, {});
  McOptions o;
  o.iterations = iterations;
  o.threads = threads;
  o.seed = seed;
  return RunMonteCarlo(inv, p, d, o);
}

TEST_CASE("one lognormal emission: a lognormal result with known median and p05/p95",
          "[lca][mc]") {
  // 10 kg CO2, gsd 1.5: median 10, p05 = 10/1.5^1.644854 = 5.133123,
  // p95 = 19.481375, mean 10·exp((ln 1.5)²/2) = 10.856685.
  const auto inv = test::ParseValid(UncertaintyToml(Gpu(TomlExchange("co2", "10", "kg", kLognormal15))));
  const McResult r = Run(inv, "gpu", 20000);
  REQUIRE(r.uncertain_inputs == 1);
  const Summary& s = r.impacts[0];
  CHECK(s.p50 == Approx(10.0).epsilon(0.015));
  CHECK(s.p05 == Approx(5.133123).epsilon(0.02));
  CHECK(s.p95 == Approx(19.481375).epsilon(0.02));
  CHECK(s.mean == Approx(10.856685).epsilon(0.01));
  // The GPU is the only process: all of it in its stage, assembly.
  CHECK(r.stages[0][static_cast<int>(inventory::Stage::kAssembly)].p50 == s.p50);
  REQUIRE(r.sensitivity[0].size() == 1);
  CHECK(r.sensitivity[0][0].input == "exchange:gpu:co2");
  CHECK(r.sensitivity[0][0].spearman == Approx(1.0));
  CHECK(r.sensitivity[0][0].first_order == Approx(1.0).margin(0.02));
}

TEST_CASE("a lognormal input through the technosphere, with a loop (KLU)", "[lca][mc]") {
  // The GPU takes 2 kWh (gsd 1.2); steel needs 2 kWh/kg and electricity 0.1
  // kg steel/kWh: 1 kWh delivered is 1.25 kWh made. Result 2·1.25·0.5·X:
  // median 1.25, p95 = 1.25·1.2^1.644854 = 1.686166.
  const auto inv = test::ParseValid(UncertaintyToml(
      Grid(TomlExchange("steel", "0.1", "kg")) + Steelworks() +
      Gpu(TomlExchange("electricity", "2", "kWh", "{ distribution = \"lognormal\", gsd = 1.2 }"))));
  const McResult r = Run(inv, "gpu", 20000);
  CHECK(r.impacts[0].p50 == Approx(1.25).epsilon(0.01));
  CHECK(r.impacts[0].p95 == Approx(1.686166).epsilon(0.015));
  // Electricity and steel are background: they count in the GPU's stage.
  CHECK(r.stages[0][static_cast<int>(inventory::Stage::kAssembly)].p50 ==
        Approx(1.25).epsilon(0.01));
}

// A loop, uncertain parameters read by formulas, exchanges and a factor: the
// KLU path with every kind of input.
std::string Mixed() {
  return UncertaintyToml(
      TomlParameter("steel_per_kwh", "0.1", "{ distribution = \"uniform\", min = 0.05, max = 0.15 }") +
      TomlParameter("kwh_per_kg", "base_kwh * 1.0") +
      TomlParameter("base_kwh", "2", "{ distribution = \"triangular\", min = 1.5, max = 3 }") +
      TomlParameter("die", "4", "{ distribution = \"lognormal\", gsd = 1.3 }") +
      TomlParameter("unused", "4", "{ distribution = \"lognormal\", gsd = 1.3 }") +
      Grid(TomlExchange("steel", "steel_per_kwh", "kg") +
           TomlExchange("co2", "0.01", "kg", "{ distribution = \"normal\", sd = 0.002 }")) +
      Steelworks("kwh_per_kg") +
      Gpu(TomlExchange("electricity", "100", "kWh", "{ distribution = \"lognormal\", gsd = 1.1 }") +
          TomlExchange("steel", "5", "kg") + TomlExchange("co2", "2 * die", "kg")));
}

TEST_CASE("the same seed gives bit-identical samples on 1, 2 and 4 threads", "[lca][mc]") {
  const auto inv = test::ParseValid(Mixed());
  const McResult one = Run(inv, "gpu", 300, 1);
  REQUIRE(one.uncertain_inputs == 5);  // not "unused"
  for (int threads : {2, 4}) {
    INFO(threads << " threads");
    const McResult many = Run(inv, "gpu", 300, threads);
    CHECK(many.samples == one.samples);
    CHECK(many.impacts[0].sd == one.impacts[0].sd);
  }
  // The first iteration is no exception: it is not the nominal result.
  inventory::ParameterSet p(inv);
  const LcaResult nominal = Calculate(BuildMatrices(inv, p, "gpu", 1.0, {}));
  CHECK(one.samples[0][0] != nominal.impacts[0]);
  CHECK(Run(inv, "gpu", 300, 1, 12).samples != one.samples);
}

TEST_CASE("only inputs that reach the system are drawn", "[lca][mc]") {
  const auto inv = test::ParseValid(Mixed());
  const McResult r = Run(inv, "gpu", 50);
  std::vector<std::string> names;
  for (const SensitivityRow& row : r.sensitivity[0]) names.push_back(row.input);
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"exchange:gpu:electricity", "exchange:grid:co2#3",
                                          "param:base_kwh", "param:die", "param:steel_per_kwh"});
}

TEST_CASE("a system without uncertainty gives a zero-width interval, exactly", "[lca][mc]") {
  // A loop solved by KLU, and an uncertain parameter in the database that
  // no formula of this system reads.
  const auto inv = test::ParseValid(UncertaintyToml(
      TomlParameter("other", "1", "{ distribution = \"uniform\", min = 0, max = 2 }") +
      Grid(TomlExchange("steel", "0.1", "kg")) + Steelworks() +
      Gpu(TomlExchange("electricity", "100", "kWh"))));
  const McResult r = Run(inv, "gpu", 200, 2);
  CHECK(r.uncertain_inputs == 0);
  const Summary& s = r.impacts[0];
  CHECK(s.sd == 0.0);
  CHECK(s.p05 == s.p95);
  CHECK(s.p05 == s.mean);
  CHECK(s.mean == Approx(62.5));  // 100 kWh · 1.25 · 0.5
  for (int slot = 0; slot < kStageSlots; ++slot) CHECK(r.stages[0][slot].sd == 0.0);
}

TEST_CASE("a parameter used twice is one draw: the two uses move together", "[lca][mc]") {
  // Both exchanges read k: CO2 = k·(3 + 7) = 10·k, exactly monotone in k.
  const auto inv = test::ParseValid(UncertaintyToml(
      TomlParameter("k", "1", "{ distribution = \"uniform\", min = 0.5, max = 1.5 }") +
      Gpu(TomlExchange("co2", "3 * k", "kg") + TomlExchange("co2", "7 * k", "kg"))));
  const McResult r = Run(inv, "gpu", 2000);
  REQUIRE(r.sensitivity[0].size() == 1);
  CHECK(r.sensitivity[0][0].spearman == Approx(1.0));
  CHECK(r.impacts[0].mean == Approx(10.0).epsilon(0.02));
  CHECK(r.impacts[0].sd == Approx(10.0 / std::sqrt(12.0)).epsilon(0.05));
}

TEST_CASE("first-order shares of an additive model", "[lca][mc]") {
  // CO2 = X1 + X2, X1 ~ N(10, 1), X2 ~ N(20, 2): shares 1/5 and 4/5.
  const auto inv = test::ParseValid(UncertaintyToml(
      Gpu(TomlExchange("co2", "10", "kg", "{ distribution = \"normal\", sd = 1 }") +
          TomlExchange("co2", "20", "kg", "{ distribution = \"normal\", sd = 2 }"))));
  const McResult r = Run(inv, "gpu", 5000);
  REQUIRE(r.sensitivity[0].size() == 2);
  const SensitivityRow& big = r.sensitivity[0][0];
  const SensitivityRow& small = r.sensitivity[0][1];
  CHECK(big.input == "exchange:gpu:co2#1");
  CHECK(big.first_order == Approx(0.8).margin(0.04));
  CHECK(small.first_order == Approx(0.2).margin(0.04));
  CHECK(big.spearman == Approx(std::sqrt(0.8)).margin(0.03));
}

TEST_CASE("paired runs share their draws: P(A < B)", "[lca][mc]") {
  // Two products on one grid whose intensity is uncertain: A takes 100 kWh,
  // B 120 kWh. B - A = 20·0.5·g > 0 in every iteration: P(A < B) = 1, and
  // B/A = 1.2 exactly, iteration by iteration.
  const auto inv = test::ParseValid(UncertaintyToml(
      TomlParameter("g", "1", kLognormal15) + Grid("", "0.5 * g") +
      Gpu(TomlExchange("electricity", "100", "kWh")) +
      Gpu(TomlExchange("electricity", "120", "kWh"), "server_build", "server")));
  inventory::ParameterSet p(inv);
  McOptions o;
  o.iterations = 500;
  o.threads = 2;
  const std::vector<McResult> r =
      MonteCarloOfDemands(inv, p, {{"gpu", 1.0, {}}, {"server_build", 1.0, {}}}, {}, o);
  REQUIRE(r.size() == 2);
  for (int i = 0; i < 500; ++i) CHECK(r[1].samples[0][i] == Approx(1.2 * r[0].samples[0][i]));
  CHECK(ProbabilityLess(r[0], r[1], 0) == 1.0);
  CHECK(ProbabilityLess(r[1], r[0], 0) == 0.0);
  // Run alone, A draws the same g at each iteration as in the pair.
  CHECK(Run(inv, "gpu", 500, 1, o.seed).samples == r[0].samples);
}

TEST_CASE("a draw that breaks the system names the iteration and the seed", "[lca][mc]") {
  // Steel needs 2..20 kWh/kg: above 10 the loop needs more than it makes.
  const auto inv = test::ParseValid(UncertaintyToml(
      Grid(TomlExchange("steel", "0.1", "kg")) +
      Steelworks("2", "{ distribution = \"uniform\", min = 2, max = 20 }") +
      Gpu(TomlExchange("electricity", "100", "kWh"))));
  try {
    Run(inv, "gpu", 100, 2);
    FAIL("no error");
  } catch (const SolveError& e) {
    CHECK_THAT(e.what(), Contains("Monte Carlo iteration") && Contains("seed 11") &&
                             Contains("does not converge"));
  }
  // A formula that a draw takes out of its domain: sqrt of a negative k. (A
  // triangular or uniform range that reaches it is refused by validation; a
  // normal one is unbounded and not checked at an end.)
  const auto bad_formula = test::ParseValid(UncertaintyToml(
      TomlParameter("k", "0.5", "{ distribution = \"normal\", sd = 1 }") +
      Gpu(TomlExchange("co2", "sqrt(k)", "kg"))));
  CHECK_THROWS_WITH(Run(bad_formula, "gpu", 100, 2),
                    Contains("Monte Carlo iteration") && Contains("sqrt(k)"));
  CHECK_THROWS_AS(Run(bad_formula, "gpu", 100), FormulaError);
  CHECK_THROWS_AS(Run(inv, "gpu", 0), InvalidArgument);
  CHECK_THROWS_AS(Run(inv, "gpu", 10, 0), InvalidArgument);
}

}  // namespace
