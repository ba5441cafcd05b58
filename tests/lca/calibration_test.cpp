// Calibration by importance weighting against answers known in closed form.
#include "lca/calibration/calibration.h"

#include <catch2/catch.hpp>

#include <cmath>

#include "lca/error.h"
#include "lca/system/matrix_data.h"
#include "lca/uncertainty/statistics.h"
#include "tests/lca/uncertainty_fixtures.h"
#include "tests/test_support.h"

using namespace gpulca;
using namespace gpulca::lca;

namespace {

constexpr double kZ95 = 1.6448536269514722;

// One GPU emitting 10 kg CO2 with a lognormal of gsd 1.5: ln(x) ~ N(ln 10, ln² 1.5).
inventory::Inventory OneInput(const std::string& second = "") {
  return test::ParseValid(test::UncertaintyToml(
      test::Gpu(test::TomlExchange("co2", "10", "kg", "{ distribution = \"lognormal\", gsd = 1.5 }")) +
      second));
}

Declaration Declared(double value, double gsd, const std::string& id = "d1",
                     const std::string& device = "gpu") {
  Declaration d;
  d.id = id;
  d.device = device;
  d.value = value;
  d.gsd = gsd;
  return d;
}

CalibrationOptions Options(int iterations, double min_ess = 100) {
  CalibrationOptions o;
  o.mc.iterations = iterations;
  o.mc.seed = 5;
  o.mc.threads = 2;
  o.min_ess = min_ess;
  o.gpus = {"gpu"};
  return o;
}

}  // namespace

TEST_CASE("weighted summaries: equal weights are the Hazen rule, weights move the quantiles",
          "[calibration]") {
  const std::vector<double> x = {4, 1, 3, 2};
  // Equal weights: positions (j - 1/2) / 4 = 0.125, 0.375, 0.625, 0.875 of 1, 2, 3, 4.
  const Summary s = SummariseWeighted(x, {1, 1, 1, 1});
  CHECK(s.mean == Approx(2.5));
  CHECK(s.sd == Approx(std::sqrt(5.0 / 3.0)));  // the n - 1 SD
  CHECK(s.p50 == Approx(2.5));
  CHECK(s.p05 == Approx(1.0));  // below the first position: the smallest
  CHECK(s.p95 == Approx(4.0));
  // Sample 4 holds 7/10 of the weight: positions 0.05, 0.15, 0.25, 0.65.
  const Summary w = SummariseWeighted(x, {7, 1, 1, 1});
  CHECK(w.mean == Approx((28 + 1 + 3 + 2) / 10.0));
  CHECK(w.p05 == Approx(1.0));
  CHECK(w.p50 == Approx(3 + (0.5 - 0.25) / (0.65 - 0.25)));
  CHECK(w.p95 == Approx(4.0));
  CHECK(EffectiveSampleSize({1, 1, 1, 1}) == Approx(4.0));
  CHECK(EffectiveSampleSize({7, 1, 1, 1}) == Approx(100.0 / 52.0));
  CHECK(EffectiveSampleSize({0, 0, 3, 0}) == Approx(1.0));
}

TEST_CASE("a lognormal prior and a lognormal declaration: the closed-form posterior",
          "[calibration]") {
  // In log space the prior is N(ln 10, ln² 1.5) and the declaration
  // ln 12 = ln x + e, e ~ N(0, ln² 1.3): the posterior of ln x is normal with
  //   1/τ² = 1/ln² 1.5 + 1/ln² 1.3,   μ = τ² (ln 10 / ln² 1.5 + ln 12 / ln² 1.3)
  // (τ² = 1 / (6.0827 + 14.5275) = 0.048520, τ = 0.22027, μ = 2.4311):
  // median 11.371, p05 7.9152, p95 16.337.
  const double t0 = std::log(1.5), s = std::log(1.3);
  const double tau2 = 1 / (1 / (t0 * t0) + 1 / (s * s));
  const double mu = tau2 * (std::log(10.0) / (t0 * t0) + std::log(12.0) / (s * s));
  const double tau = std::sqrt(tau2);
  const auto inv = OneInput();
  const inventory::ParameterSet p(inv);
  const Calibration c = Calibrate(inv, p, {Declared(12, 1.3)}, Options(40000));
  // About 40,000 × 0.62 effective draws: the posterior within MC error.
  CHECK(c.ess > 20000);
  REQUIRE(c.declarations.size() == 1);
  const Summary& post = c.declarations[0].posterior;
  CHECK(post.p50 == Approx(std::exp(mu)).epsilon(0.01));
  CHECK(post.p05 == Approx(std::exp(mu - kZ95 * tau)).epsilon(0.015));
  CHECK(post.p95 == Approx(std::exp(mu + kZ95 * tau)).epsilon(0.015));
  CHECK(std::exp(mu) == Approx(11.371).epsilon(1e-3));
  CHECK(std::exp(mu - kZ95 * tau) == Approx(7.9152).epsilon(1e-3));
  // The prior, from the same draws unweighted.
  CHECK(c.declarations[0].prior.p50 == Approx(10.0).epsilon(0.01));
  // Its residual: (ln 12 - μ) / sqrt(τ² + ln² 1.3) = 0.4145.
  CHECK(c.declarations[0].residual ==
        Approx((std::log(12.0) - mu) / std::sqrt(tau2 + s * s)).epsilon(0.02));
  // The one input is the emission: its posterior is the same, and it moved.
  REQUIRE(c.inputs.size() == 1);
  CHECK(c.inputs[0].input == "exchange:gpu:co2");
  CHECK(c.inputs[0].posterior.p50 == Approx(post.p50));
  CHECK(c.inputs[0].shift > c.moved_threshold);
  CHECK(c.inputs[0].shift == Approx((post.p50 - c.inputs[0].prior.p50) /
                                    ((c.inputs[0].prior.p95 - c.inputs[0].prior.p05) / 2)));
  REQUIRE(c.gpus.size() == 1);
  CHECK(c.gpus[0].declared_by == std::vector<std::string>{"d1"});
  // The weights sum to 1, and the run repeats exactly.
  double sum = 0;
  for (double w : c.weights) sum += w;
  CHECK(sum == Approx(1.0));
  CHECK(Calibrate(inv, p, {Declared(12, 1.3)}, Options(40000)).weights == c.weights);
}

TEST_CASE("a declaration with a huge uncertainty leaves the prior as it was", "[calibration]") {
  const auto inv = OneInput();
  const inventory::ParameterSet p(inv);
  const Calibration c = Calibrate(inv, p, {Declared(12, 1e6)}, Options(5000));
  CHECK(c.ess == Approx(5000).epsilon(1e-3));
  const DeclarationFit& d = c.declarations[0];
  CHECK(d.posterior.p50 == Approx(d.prior.p50).epsilon(1e-3));
  CHECK(d.posterior.p05 == Approx(d.prior.p05).epsilon(1e-3));
  CHECK(std::abs(c.inputs[0].shift) < c.moved_threshold);
}

TEST_CASE("contradicting declarations are refused, not averaged", "[calibration]") {
  const auto inv = OneInput();
  const inventory::ParameterSet p(inv);
  // The same GPU declared at 5 and at 20 kg, each to within ±2 %. About 200
  // draws near 10 kg carry the weight: enough effective draws, but a
  // posterior that neither declaration supports (each ~28 SD from it).
  const std::vector<Declaration> both = {Declared(5, 1.02, "low"), Declared(20, 1.02, "high")};
  CHECK_THROWS_AS(Calibrate(inv, p, both, Options(4000)), InvalidArgument);
  CHECK_THROWS_WITH(Calibrate(inv, p, both, Options(4000)),
                    Catch::Contains("contradict one another or the model") &&
                        Catch::Contains("low (declared 5") && Catch::Contains("high (declared 20"));
  // Each alone is fine.
  CHECK(std::abs(Calibrate(inv, p, {both[0]}, Options(20000)).declarations[0].residual) < 3);
  // Too few iterations for a sharp declaration: the message says how many would do.
  CHECK_THROWS_WITH(Calibrate(inv, p, {Declared(12, 1.01)}, Options(400)),
                    Catch::Contains("iterations would reach it (--mc)") &&
                        Catch::Contains(" of 400 iterations"));
  // A shard counts the samples it holds, not the whole run's.
  CalibrationOptions shard = Options(400);
  shard.mc.slice.begin = 100;
  shard.mc.slice.end = 200;
  CHECK_THROWS_WITH(Calibrate(inv, p, {Declared(12, 1.01)}, shard),
                    Catch::Contains(" of 100 iterations"));
  CHECK_THROWS_WITH(Calibrate(inv, p, {}, Options(100)), Catch::Contains("at least one"));
  CHECK_THROWS_WITH(Calibrate(inv, p, {Declared(-1, 1.2)}, Options(100)),
                    Catch::Contains("must be positive"));
}

TEST_CASE("a system without a declaration moves only through what it shares", "[calibration]") {
  // A second device shares the uncertain grid with the first; its own
  // emission is certain.
  const std::string grid = test::Process(
      "grid", "electricity", "kWh",
      test::TomlExchange("co2", "0.5", "kg", "{ distribution = \"lognormal\", gsd = 1.4 }"));
  const auto inv = test::ParseValid(test::UncertaintyToml(
      grid +
      test::Gpu(test::TomlExchange("electricity", "20", "kWh") +
                test::TomlExchange("co2", "1", "kg", "{ distribution = \"lognormal\", gsd = 1.5 }")) +
      test::Process("server", "server", "item", test::TomlExchange("electricity", "100", "kWh"),
                    "assembly")));
  const inventory::ParameterSet p(inv);
  CalibrationOptions o = Options(20000);
  o.gpus = {"gpu", "server"};
  // The GPU declared well below its prior (11 kg at nominal): the shared grid moves down.
  const Calibration c = Calibrate(inv, p, {Declared(8, 1.1)}, o);
  REQUIRE(c.gpus.size() == 2);
  const GpuShift& server = c.gpus[1];
  CHECK(server.declared_by.empty());
  CHECK(server.shared_inputs == 1);
  REQUIRE(server.moved_shared.size() == 1);
  CHECK(server.moved_shared[0] == "exchange:grid:co2");
  // The server is 100 kWh of grid: its posterior is the grid's, scaled.
  double grid_p50 = 0;
  for (const InputShift& s : c.inputs) {
    if (s.input == "exchange:grid:co2") grid_p50 = s.posterior.p50;
  }
  CHECK(server.posterior.p50 == Approx(100 * grid_p50).epsilon(1e-9));
  CHECK(server.posterior.p50 < server.prior.p50);
}

TEST_CASE("leave-one-out predicts each declaration from the others", "[calibration]") {
  // Two declarations of one GPU at 12 kg (gsd 1.3): left out, each is
  // predicted by the other's posterior, the closed form above.
  const auto inv = OneInput();
  const inventory::ParameterSet p(inv);
  const LooRun run =
      LeaveOneOut(inv, p, {Declared(12, 1.3, "a"), Declared(12, 1.3, "b")}, Options(40000));
  REQUIRE(run.folds.size() == 2);
  CHECK(run.calibrated == 2);
  for (const LooFold& f : run.folds) {
    CHECK(f.posterior.p50 == Approx(11.371).epsilon(0.01));
    CHECK(f.prior.p50 == Approx(10.0).epsilon(0.01));
    CHECK(f.inside_prior);
    CHECK(f.inside_posterior);
    CHECK(f.ratio_posterior == Approx(12 / f.posterior.p50));
  }
  CHECK(run.median_ratio_posterior == Approx(12 / 11.371).epsilon(0.01));
  // A fold whose other declaration leaves too few draws is not calibrated.
  const LooRun sharp =
      LeaveOneOut(inv, p, {Declared(12, 1.3, "a"), Declared(30, 1.001, "b")}, Options(2000));
  CHECK(sharp.folds[0].refused);
  CHECK_FALSE(sharp.folds[1].refused);
  CHECK(sharp.calibrated == 1);
  CHECK_THROWS_WITH(LeaveOneOut(inv, p, {Declared(12, 1.3)}, Options(100)),
                    Catch::Contains("at least two"));
}

TEST_CASE("weights of another seed or size are refused by the Monte Carlo", "[calibration]") {
  const auto inv = OneInput();
  const inventory::ParameterSet p(inv);
  const MatrixData d = BuildMatrices(inv, p, "gpu", 1.0, {});
  McOptions o;
  o.iterations = 100;
  o.seed = 5;
  auto w = std::make_shared<McWeights>();
  w->seed = 5;
  w->weights.assign(100, 0.01);
  o.weights = w;
  // Equal weights: the Hazen percentiles of the same draws.
  const McResult r = RunMonteCarlo(inv, p, d, o);
  CHECK(r.impacts[0].p50 == Approx(SummariseWeighted(r.samples[0], w->weights).p50));
  w->seed = 6;
  CHECK_THROWS_WITH(RunMonteCarlo(inv, p, d, o), Catch::Contains("run with the calibration's "
                                                                 "iterations and seed"));
  w->seed = 5;
  w->weights.assign(99, 0.01);
  CHECK_THROWS_AS(RunMonteCarlo(inv, p, d, o), InvalidArgument);
}
