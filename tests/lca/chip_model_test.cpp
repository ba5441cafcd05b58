// ACT's die equation, yield models and dies per wafer, against hand
// computations (values to 1e-9 relative unless noted).
#include "lca/gpu/chip_model.h"

#include <catch2/catch.hpp>

#include <cmath>

#include "lca/error.h"

using namespace gpulca;
using namespace gpulca::lca;
using Catch::Matchers::Contains;

TEST_CASE("DiesPerWafer: GH100, 814 mm2 on 300 mm", "[chip]") {
  // π·300²/(4·814) = 86.837635; π·300/√(2·814) = 23.358445; difference 63.479 -> 63.
  CHECK(DiesPerWafer(814) == 63);
  CHECK(DiesPerWafer(814, 300) == 63);
  // 100 mm2: 706.858 − 66.643 = 640.215 -> 640.
  CHECK(DiesPerWafer(100) == 640);
  // A die larger than the wafer: the formula goes negative; floored at 0.
  CHECK(DiesPerWafer(80000) == 0);
  CHECK_THROWS_AS(DiesPerWafer(0), InvalidArgument);
  CHECK_THROWS_WITH(DiesPerWafer(-5), Contains("-5"));
}

TEST_CASE("Yield models at A = 8.14 cm2, D0 = 0.11 /cm2", "[chip]") {
  // A·D0 = 0.8954.
  // Poisson: exp(−0.8954) = 0.408444188.
  CHECK(PoissonYield(8.14, 0.11) == Approx(0.40844418828564194).epsilon(1e-9));
  // Murphy: ((1 − e^−0.8954)/0.8954)² = (0.591556/0.8954)² = 0.436472887.
  CHECK(MurphyYield(8.14, 0.11) == Approx(0.4364728865523542).epsilon(1e-9));
  // Negative binomial, α = 10: (1 + 0.08954)^−10 = 0.424197603.
  CHECK(NegativeBinomialYield(8.14, 0.11, 10) == Approx(0.4241976027148448).epsilon(1e-9));

  CHECK(DieYield(YieldModel::kPoisson, 8.14, 0.11, 10) == PoissonYield(8.14, 0.11));
  CHECK(DieYield(YieldModel::kMurphy, 8.14, 0.11, 10) == MurphyYield(8.14, 0.11));
  CHECK(DieYield(YieldModel::kNegativeBinomial, 8.14, 0.11, 10) ==
        NegativeBinomialYield(8.14, 0.11, 10));
}

TEST_CASE("Yield models tend to 1 as A·D0 -> 0", "[chip]") {
  CHECK(PoissonYield(0, 0.1) == 1.0);
  CHECK(MurphyYield(0, 0.1) == 1.0);
  CHECK(MurphyYield(1, 0) == 1.0);
  // Murphy ≈ 1 − x for small x: x = 1e-6.
  CHECK(MurphyYield(1e-6, 1) == Approx(1 - 1e-6).epsilon(1e-12));
  CHECK(NegativeBinomialYield(0, 0.1, 3) == 1.0);
  // Negative binomial -> Poisson as α -> ∞.
  CHECK(NegativeBinomialYield(8.14, 0.11, 1e7) == Approx(PoissonYield(8.14, 0.11)).epsilon(1e-6));
}

TEST_CASE("Yield models reject bad inputs, naming the value", "[chip]") {
  CHECK_THROWS_AS(PoissonYield(-1, 0.1), InvalidArgument);
  CHECK_THROWS_WITH(MurphyYield(-2.5, 0.1), Contains("-2.5"));
  CHECK_THROWS_WITH(PoissonYield(1, -0.3), Contains("-0.3"));
  CHECK_THROWS_WITH(NegativeBinomialYield(1, 0.1, 0), Contains("alpha 0"));
  CHECK_THROWS_WITH(DieYield(YieldModel::kPoisson, 1, 0.1, -1), Contains("alpha -1"));
  CHECK_THROWS_AS(PoissonYield(std::nan(""), 0.1), InvalidArgument);
}

TEST_CASE("Yield model names and data codes", "[chip]") {
  CHECK(ParseYieldModel("poisson") == YieldModel::kPoisson);
  CHECK(ParseYieldModel("murphy") == YieldModel::kMurphy);
  CHECK(ParseYieldModel("negative-binomial") == YieldModel::kNegativeBinomial);
  CHECK_THROWS_WITH(ParseYieldModel("seeds"), Contains("seeds") && Contains("murphy"));
  CHECK(YieldModelFromCode(1) == YieldModel::kPoisson);
  CHECK(YieldModelFromCode(2) == YieldModel::kMurphy);
  CHECK(YieldModelFromCode(3) == YieldModel::kNegativeBinomial);
  CHECK_THROWS_AS(YieldModelFromCode(4), InvalidArgument);
}

TEST_CASE("ActDieCarbon: 1 cm2 at 5 nm with ACT's defaults", "[chip]") {
  // ACT (act/models/logic/*.yaml, location_2022.yaml, common.py):
  // CI Taiwan 583 g/kWh, EPA 2.75 kWh/cm2, GPA 97% = (430 + 225)/2 = 327.5 g/cm2,
  // MPA 500 g/cm2, yield 0.875, 150 g per IC.
  ActParameters p{0.583, 2.75, 0.3275, 0.5, 0.875};
  CHECK(p.packaging_kg_per_ic == 0.15);
  // energy    = 1 × 0.583 × 2.75 / 0.875 = 1.60325 / 0.875 = 1.832285714
  // gases     = 0.3275 / 0.875           = 0.374285714
  // materials = 0.5 / 0.875              = 0.571428571
  // packaging = 0.15 (per IC, not divided by the yield)
  // total     = 2.43075 / 0.875 + 0.15   = 2.928
  CHECK(ActDieCarbon(1.0, p) == Approx(2.928).epsilon(1e-12));
  DieCarbon c = ActDieCarbonSplit(1.0, p);
  CHECK(c.energy == Approx(1.832285714285714).epsilon(1e-12));
  CHECK(c.gases == Approx(0.3742857142857143).epsilon(1e-12));
  CHECK(c.materials == Approx(0.5714285714285714).epsilon(1e-12));
  CHECK(c.packaging == 0.15);
  CHECK(c.total == Approx(c.energy + c.gases + c.materials + c.packaging));
  // Area scales the fab terms only: 8.14 cm2 -> 8.14 × 2.778 + 0.15 = 22.762.
  CHECK(ActDieCarbon(8.14, p) == Approx(8.14 * 2.43075 / 0.875 + 0.15).epsilon(1e-12));
  // A bare die (ACT's n_ics = 0) has no packaging.
  CHECK(ActDieCarbonSplit(1.0, p, 0).total == Approx(2.778).epsilon(1e-12));
}

TEST_CASE("ActDieCarbon rejects bad parameters", "[chip]") {
  ActParameters p{0.583, 2.75, 0.3275, 0.5, 0.875};
  CHECK_THROWS_WITH(ActDieCarbon(-1, p), Contains("die area -1"));
  ActParameters bad = p;
  bad.yield = 0;
  CHECK_THROWS_WITH(ActDieCarbon(1, bad), Contains("yield 0"));
  bad.yield = 1.2;
  CHECK_THROWS_WITH(ActDieCarbon(1, bad), Contains("(0, 1]"));
  bad = p;
  bad.epa_kwh_per_cm2 = -2;
  CHECK_THROWS_WITH(ActDieCarbon(1, bad), Contains("EPA -2"));
  bad = p;
  bad.ci_fab_kg_per_kwh = -0.1;
  CHECK_THROWS_AS(ActDieCarbon(1, bad), InvalidArgument);
}

TEST_CASE("ChipletPackageCarbon: two dies on an interposer", "[chip]") {
  ChipletDesign d;
  d.dies = 2;
  d.die_area_cm2 = 1;
  d.die = ActParameters{0.5, 2.0, 0.3, 0.5, 0.8};  // packaging 0.15 per package
  d.interposer_area_cm2 = 2;
  d.interposer = ActParameters{0.5, 1.0, 0.1, 0.25, 0.5, 0};
  d.bonding_yield = 0.9;
  // Die per good die: 1 × (0.5×2 + 0.3 + 0.5)/0.8 = 1.8/0.8 = 2.25 (energy 1.25).
  // Interposer per good interposer: 2 × (0.5×1 + 0.1 + 0.25)/0.5 = 3.4 (energy 2).
  // Assembly yield 0.9² = 0.81.
  // Package: (2 × 2.25 + 3.4)/0.81 + 0.15 = 7.9/0.81 + 0.15 = 9.903086420.
  ChipletCarbon c = ChipletPackageCarbon(d);
  CHECK(c.die.total == Approx(2.25));
  CHECK(c.die.packaging == 0);
  CHECK(c.interposer.total == Approx(3.4));
  CHECK(c.assembly_yield == Approx(0.81));
  CHECK(c.package.total == Approx(9.903086419753087).epsilon(1e-12));
  CHECK(c.package.energy == Approx((2 * 1.25 + 2.0) / 0.81).epsilon(1e-12));  // 5.5556
  CHECK(c.package.packaging == 0.15);
  CHECK(c.package.total ==
        Approx(c.package.energy + c.package.gases + c.package.materials + c.package.packaging));

  SECTION("without an interposer") {
    d.interposer_area_cm2 = 0;
    // (2 × 2.25)/0.81 + 0.15 = 5.555556 + 0.15 = 5.705556.
    CHECK(ChipletPackageCarbon(d).package.total == Approx(4.5 / 0.81 + 0.15).epsilon(1e-12));
    CHECK(ChipletPackageCarbon(d).interposer.total == 0);
  }
  SECTION("one die, perfect bonding, equals ACT's single die") {
    d.dies = 1;
    d.interposer_area_cm2 = 0;
    d.bonding_yield = 1;
    CHECK(ChipletPackageCarbon(d).package.total == Approx(ActDieCarbon(1, d.die)));
  }
  SECTION("bad designs") {
    d.dies = 0;
    CHECK_THROWS_WITH(ChipletPackageCarbon(d), Contains("die count 0"));
    d.dies = 2;
    d.bonding_yield = 0;
    CHECK_THROWS_WITH(ChipletPackageCarbon(d), Contains("bonding yield 0"));
    d.bonding_yield = 0.9;
    d.interposer_area_cm2 = -1;
    CHECK_THROWS_WITH(ChipletPackageCarbon(d), Contains("interposer area -1"));
  }
}

TEST_CASE("WaferAreaPerGoodDie: edge loss included, as the catalogue", "[chip]") {
  // 814 mm2: DPW 63; Y = 0.4241976 -> 706.858347 / (63 × 0.4241976) = 26.449875 cm2,
  // against A / Y = 19.189 cm2 without the edge loss.
  CHECK(WaferAreaPerGoodDie(814, 0.4241976027148448) == Approx(26.44987546137315).epsilon(1e-12));
  // 100 mm2 at Y = 1: 706.858347 / 640 = 1.104466 cm2 (vs 1 cm2).
  CHECK(WaferAreaPerGoodDie(100, 1) == Approx(706.8583470577034 / 640).epsilon(1e-12));
  CHECK_THROWS_WITH(WaferAreaPerGoodDie(80000, 1), Contains("no whole die fits"));
  CHECK_THROWS_WITH(WaferAreaPerGoodDie(100, 0), Contains("yield 0"));
}
