// Monte Carlo of GPU assessments on the hand-solvable GPU of gpu_fixture.h,
// with a lifetime and a second module made uncertain: intensities divide each
// iteration's total by that iteration's lifetime, and a comparison's P(A < B)
// is that of the paired draws.
#include "lca/gpu/gpu_uncertainty.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "lca/error.h"
#include "lca/system/calculation.h"
#include "lca/gpu/compare.h"
#include "tests/lca/gpu_fixture.h"
#include "tests/test_support.h"

using namespace gpulca;

namespace {

// Replaces the first `from` of `text` by `to` (the fixture must hold it).
std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// The fixture with lifetime_years uniform on [3, 5] (mean 4 as in the fixture).
std::string UncertainLifetime() {
  return Replace(test::kGpuFixture, "id = \"lifetime_years\"\nvalue = 4\n",
                 "id = \"lifetime_years\"\nvalue = 4\n"
                 "uncertainty = { distribution = \"uniform\", min = 3, max = 5 }\n");
}

// A second module, g2: 20 kg CO2 plus X ~ uniform(50, 250) kg, 80 GB, 500 W,
// 2000 TFLOPS; at the gate g1 is 120 kg (100 + 50 kWh x 0.4), so g2 < g1
// exactly when X < 100: P = (100 - 50) / 200 = 0.25.
const char* const kSecondModule = R"T(
[[flow]]
id = "g2"
name = "Second test GPU module"
kind = "product"
unit = "item"

[[process]]
id = "g2"
name = "Second test GPU module, cradle to gate"
stage = "assembly"
location = "TW"
product = { flow = "g2", amount = 1, unit = "item" }
  [[process.parameters]]
  id = "tdp_w"
  value = 500
  source = "s1"
  [[process.parameters]]
  id = "peak_bf16_dense_tflops"
  value = 2000
  source = "s1"
  [[process.parameters]]
  id = "memory_capacity_gb"
  value = 80
  source = "s1"
  [[process.exchanges]]
  flow = "co2"
  amount = 20
  unit = "kg"
  source = "s1"
  [[process.exchanges]]
  flow = "co2"
  amount = 150
  unit = "kg"
  source = "s1"
  uncertainty = { distribution = "uniform", min = 50, max = 250 }
)T";

lca::McOptions Mc(int iterations, uint64_t seed = 7) {
  lca::McOptions o;
  o.iterations = iterations;
  o.seed = seed;
  o.threads = 2;
  return o;
}

}  // namespace

TEST_CASE("at the gate an intensity still carries the lifetime's uncertainty", "[lca][mc][report]") {
  inventory::Inventory inv = test::ParseValid(UncertainLifetime());
  inventory::ParameterSet p(inv);
  lca::GpuAssessment a = lca::AssessGpu(inv, p, lca::GpuAssessmentOptions("g1", false));
  lca::GpuUncertainty u = std::move(lca::RunGpuMonteCarlo(inv, p, {&a}, Mc(4000)).front());
  // The module's 120 kg read no uncertain input: every sample is exact.
  CHECK(u.run.uncertain_inputs == 0);
  CHECK(u.run.impacts[0].sd == 0.0);
  CHECK(u.run.impacts[0].mean == Approx(120));
  // But the lifetime is drawn and each sample divides by its own.
  REQUIRE(u.use.size() == 4000);
  const std::vector<double> per_hour = lca::PerUnitSamples(a, u, 0, lca::PerUnit::kGpuHour);
  double lo = 1e9, hi = 0, sum = 0;
  for (size_t i = 0; i < u.use.size(); ++i) {
    const double h = u.use[i].lifetime_hours;
    CHECK(per_hour[i] == Approx(120.0 / h).epsilon(1e-12));
    lo = std::min(lo, h);
    hi = std::max(hi, h);
    sum += h;
  }
  CHECK(lo >= 3 * 8760.0);
  CHECK(hi <= 5 * 8760.0);
  // Uniform(3, 5) years: mean 4 years, SD 0.577 years, so the mean of 4000
  // draws is within 0.05 years (4 standard errors).
  CHECK(sum / 4000 == Approx(4 * 8760.0).margin(0.05 * 8760));
  // 120 kg over U(3, 5) years: the median of 120 / (y x 8760) is at y = 4.
  CHECK(u.per_gpu_hour[0].p50 == Approx(120.0 / (4 * 8760)).epsilon(0.02));
  // p05 of the intensity is at the lifetime's p95 (4.9 years).
  CHECK(u.per_gpu_hour[0].p05 == Approx(120.0 / (4.9 * 8760)).epsilon(0.02));
}

TEST_CASE("cradle to grave: the use phase and the intensity move with one drawn lifetime",
          "[lca][mc][report]") {
  inventory::Inventory inv = test::ParseValid(UncertainLifetime());
  inventory::ParameterSet p(inv);
  lca::GpuAssessment a = lca::AssessGpu(inv, p, lca::GpuAssessmentOptions("g1"));
  lca::GpuUncertainty u = std::move(lca::RunGpuMonteCarlo(inv, p, {&a}, Mc(500)).front());
  REQUIRE(u.run.uncertain_inputs == 1);
  // By hand (gpu_fixture.h): the total is 166 kg (120 module, 42 host
  // share, 4 module e-waste) plus 0.4 x 1.5 x 600 x 0.5 x 8760 x years / 1000
  // kg of use-phase electricity: 166 + 1576.8 x years.
  for (size_t i = 0; i < u.use.size(); ++i) {
    const double years = u.use[i].lifetime_hours / 8760;
    CHECK(u.run.samples[0][i] == Approx(166 + 1576.8 * years).epsilon(1e-9));
  }
  CHECK(u.use[0].utilization == 0.5);
  CHECK(u.use[0].power_fraction == 0.5);
}

TEST_CASE("compare --mc: P(A < B) from paired draws, known by hand", "[lca][mc][compare]") {
  inventory::Inventory inv = test::ParseValid(UncertainLifetime() + kSecondModule);
  inventory::ParameterSet p(inv);
  lca::CompareOptions o;
  o.gpus = {"g1", "g2"};
  o.cradle_to_grave = false;
  o.monte_carlo = Mc(8000);
  lca::Comparison unit = lca::Compare(inv, p, o);
  REQUIRE(unit.mc_iterations == 8000);
  // g2 below g1 when X < 100: 0.25 (standard error 0.005 at 8000 draws).
  CHECK(unit.gpus[1].p_below_first[0] == Approx(0.25).margin(0.02));
  CHECK(unit.gpus[0].p_below_first[0] == 0.5);
  CHECK(unit.gpus[0].p_lowest[0] + unit.gpus[1].p_lowest[0] == Approx(1.0));
  CHECK(unit.gpus[1].p_lowest[0] == unit.gpus[1].p_below_first[0]);
  CHECK(unit.gpus[1].interval[0].p50 == Approx(170).epsilon(0.03));
  CHECK(unit.gpus[0].interval[0].sd == 0.0);
  // Per GPU-hour both divide by the same drawn lifetime, which cancels:
  // exactly the same iterations have g2 below g1. Unpaired lifetimes would
  // have spread the two apart and moved P towards 0.5.
  o.per = lca::PerUnit::kGpuHour;
  lca::Comparison hour = lca::Compare(inv, p, o);
  CHECK(hour.gpus[1].p_below_first[0] == unit.gpus[1].p_below_first[0]);
  CHECK(hour.gpus[0].interval[0].sd > 0.0);
  // Per PFLOP-hour g2 delivers twice the compute: below g1 when
  // (20 + X) / 2 < 120, i.e. X < 220: P = 170 / 200 = 0.85.
  o.per = lca::PerUnit::kPflopHour;
  lca::Comparison pflop = lca::Compare(inv, p, o);
  CHECK(pflop.gpus[1].p_below_first[0] == Approx(0.85).margin(0.02));
}

TEST_CASE("a tracked parameter that does not exist is an error naming it", "[lca][mc]") {
  inventory::Inventory inv = test::ParseValid(test::kGpuFixture);
  inventory::ParameterSet p(inv);
  const lca::MatrixData d = lca::BuildMatrices(inv, p, "g1", 1.0, {});
  lca::McOptions o = Mc(10);
  o.tracked = {{"", "no_such_parameter"}};
  CHECK_THROWS_WITH(lca::RunMonteCarlo(inv, p, d, o), Catch::Contains("no_such_parameter"));
}

TEST_CASE("at utilization 0 an impact per PFLOP-hour is undefined, not 0", "[lca][mc][report]") {
  inventory::Inventory inv = test::ParseValid(
      Replace(test::kGpuFixture, "id = \"utilization\"\nvalue = 0.5\n",
              "id = \"utilization\"\nvalue = 0\n"));
  inventory::ParameterSet p(inv);
  lca::GpuAssessment a = lca::AssessGpu(inv, p, lca::GpuAssessmentOptions("g1"));
  // By hand (gpu_fixture.h): gpu_power_fraction = 0 + (1 - 0) x 0 = 0, so no
  // use-phase electricity; the life cycle is the 166 kg of the module, the
  // host share and the module's e-waste, over 4 x 8760 = 35,040 h.
  CHECK(a.total[0] == Approx(166));
  CHECK(a.per_gpu_hour[0] == Approx(166.0 / 35040));
  CHECK(a.per_pflop_hour.empty());
  CHECK_THAT(a.per_pflop_hour_undefined, Catch::Contains("utilization 0 of 1000 peak"));
  lca::GpuUncertainty u = std::move(lca::RunGpuMonteCarlo(inv, p, {&a}, Mc(50)).front());
  CHECK(u.per_gpu_hour.size() == a.per_gpu_hour.size());
  CHECK(u.per_pflop_hour.empty());
  CHECK(u.per_pflop_hour_undefined == a.per_pflop_hour_undefined);
  // Asked for the samples anyway (compare --per pflop-hour --mc): refused.
  CHECK_THROWS_AS(lca::PerUnitSamples(a, u, 0, lca::PerUnit::kPflopHour), SolveError);
  CHECK_THROWS_WITH(lca::PerUnitSamples(a, u, 0, lca::PerUnit::kPflopHour),
                    Catch::Contains("g1: impacts per pflop-hour are undefined in 50 of 50 Monte "
                                    "Carlo iterations; iteration 1 drew 0 functional units "
                                    "(utilization 0"));
}
