// AssessGpu on the hand-solvable GPU of gpu_fixture.h: the use phase and its
// operational part, per query, end-of-life credits, and the checks of the
// resolved parameters whatever set them.
#include <catch2/catch.hpp>

#include "lca/error.h"
#include "inventory/model/parameters.h"
#include "lca/gpu/gpu_assessment.h"
#include "tests/lca/gpu_fixture.h"
#include "tests/test_support.h"

using namespace gpulca;

using gpulca::inventory::Inventory;
using gpulca::inventory::ParameterSet;

namespace {

lca::GpuAssessmentOptions Options(const std::string& region = "",
                                  std::optional<double> query_wh = std::nullopt) {
  lca::GpuAssessmentOptions o;
  o.gpu = "g1";
  o.region = region;
  o.query_wh = query_wh;
  return o;
}

constexpr int kGwp = 0, kEnergy = 1, kWater = 2;  // method order of the fixture

std::string Refusal(const Inventory& inv, const char* name, double value) {
  ParameterSet p(inv);
  p.Override(name, value);
  p.Evaluate();
  try {
    lca::AssessGpu(inv, p, Options());
  } catch (const InvalidArgument& e) {
    CHECK(e.argument().rfind("parameter ", 0) == 0);
    return e.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("AssessGpu: totals, use phase and operational part by hand", "[lca][report]") {
  Inventory inv = test::ParseValid(test::kGpuFixture);
  ParameterSet parameters(inv);
  lca::GpuAssessment a = lca::AssessGpu(inv, parameters, Options());
  REQUIRE(a.gate.data.impact_ids == std::vector<std::string>{"gwp100", "energy", "water"});
  CHECK(a.region == "US");
  CHECK(a.lifecycle == "g1-lifecycle");
  CHECK(a.product_name == "Test GPU module");
  CHECK(a.use_kwh == Approx(15768));
  CHECK(a.embodied[kGwp] == Approx(120));
  CHECK(a.embodied[kEnergy] == Approx(500));
  CHECK(a.embodied[kWater] == Approx(200));
  CHECK(a.total[kGwp] == Approx(6473.2));
  CHECK(a.total[kEnergy] == Approx(158180));
  CHECK(a.total[kWater] == Approx(10712));
  CHECK(a.use_phase[kGwp] == Approx(6347.2));
  // The host share's upstream includes its end of life (2 kg), which is not
  // in the use phase: the operational part leaves it in place.
  CHECK(a.host_share[kGwp] == Approx(42));
  CHECK(a.operational[kGwp] == Approx(6307.2));
  CHECK(a.operational[kWater] == Approx(10512));
  CHECK(a.grave->by_stage[kGwp][static_cast<int>(inventory::Stage::kEndOfLife)] == Approx(6));
  // Per GPU-hour over 4 years; per PFLOP-hour at 1 PFLOPS x 0.5.
  CHECK(a.lifetime_hours == 35040);
  CHECK(a.per_gpu_hour[kGwp] == Approx(6473.2 / 35040));
  CHECK(a.per_pflop_hour[kGwp] == Approx(6473.2 / 35040 / 0.5));
  CHECK(a.per_query.empty());
  CHECK(a.eol_credits[kGwp] == 0);
  CHECK_FALSE(a.eol_credits_on);
}

TEST_CASE("AssessGpu: the region chooses the use-phase grid", "[lca][report]") {
  Inventory inv = test::ParseValid(test::kGpuFixture);
  ParameterSet parameters(inv);
  lca::GpuAssessment se = lca::AssessGpu(inv, parameters, Options("SE"));
  CHECK(se.operational[kGwp] == Approx(15768 * 0.05));
  CHECK(se.embodied[kGwp] == Approx(120));
  try {
    lca::AssessGpu(inv, parameters, Options("XX"));
    FAIL("no error");
  } catch (const InvalidArgument& e) {
    CHECK(std::string(e.what()) == "region XX: no electricity grid for that region; known: SE, US");
    CHECK(e.argument() == "region");
  }
}

TEST_CASE("AssessGpu: per query from the GPU energy of a query or from throughput", "[lca][report]") {
  Inventory inv = test::ParseValid(test::kGpuFixture);
  ParameterSet parameters(inv);
  // 2 Wh of GPU energy at 500 W x 0.5 = 250 W: 125 queries per GPU-hour.
  lca::GpuAssessment a = lca::AssessGpu(inv, parameters, Options("", 2.0));
  CHECK(a.queries_per_hour == Approx(125));
  CHECK(a.gpu_wh_per_query == Approx(2));
  // Facility electricity: 2 Wh x PUE 1.5 x (500 + 100) / 500 = 3.6 Wh.
  CHECK(a.facility_wh_per_query == Approx(3.6));
  REQUIRE(a.per_query.size() == 3);
  CHECK(a.per_query[kGwp] == Approx(6473.2 / 35040 / 125));
  CHECK(a.per_query[kWater] == Approx(10712.0 / 35040 / 125));
  // The same throughput given directly gives the same figures.
  lca::GpuAssessmentOptions o = Options();
  o.queries_per_hour = 125;
  lca::GpuAssessment b = lca::AssessGpu(inv, parameters, o);
  CHECK(b.per_query[kGwp] == Approx(a.per_query[kGwp]));
  CHECK(b.gpu_wh_per_query == Approx(2));
  CHECK(b.facility_wh_per_query == Approx(3.6));
  // At the gate there is no use phase, so no facility electricity.
  o.cradle_to_grave = false;
  lca::GpuAssessment gate = lca::AssessGpu(inv, parameters, o);
  CHECK(gate.per_query[kGwp] == Approx(120.0 / 35040 / 125));
  CHECK(gate.facility_wh_per_query == 0);
  o.query_wh = 2.0;
  CHECK_THROWS_AS(lca::AssessGpu(inv, parameters, o), InvalidArgument);
  o.query_wh.reset();
  o.queries_per_hour = -1;
  CHECK_THROWS_WITH(lca::AssessGpu(inv, parameters, o),
                    "queries_per_hour -1: must be a positive number");
}

TEST_CASE("AssessGpu: end-of-life credits are computed apart and only when on", "[lca][report]") {
  Inventory inv = test::ParseValid(test::kGpuFixture);
  ParameterSet parameters(inv);
  parameters.Override("eol_credits", 1);
  parameters.Evaluate();
  lca::GpuAssessment a = lca::AssessGpu(inv, parameters, Options());
  CHECK(a.eol_credits_on);
  // 2 kg of module x -0.6 kg copper x 5 kg CO2 per kg.
  CHECK(a.eol_credits[kGwp] == Approx(-6));
  CHECK(a.total[kGwp] == Approx(6473.2 - 6));
  CHECK(a.eol_credits[kWater] == 0);
}

TEST_CASE("AssessGpu refuses resolved parameters out of range, however set", "[lca][report][errors]") {
  Inventory inv = test::ParseValid(test::kGpuFixture);
  CHECK(Refusal(inv, "pue", 0.5) ==
        "parameter pue = 0.5: the power usage effectiveness must be a number of at least 1");
  CHECK(Refusal(inv, "utilization", 3) ==
        "parameter utilization = 3: the utilisation must be a number between 0 and 1");
  CHECK(Refusal(inv, "lifetime_years", -2) ==
        "parameter lifetime_years = -2: the service life must be a positive number of years");
  CHECK_THAT(Refusal(inv, "lifetime_years", 0), Catch::StartsWith("parameter lifetime_years = 0:"));
  CHECK_THAT(Refusal(inv, "lifetime_hours", 0), Catch::StartsWith("parameter lifetime_hours = 0:"));
  CHECK_THAT(Refusal(inv, "idle_power_fraction", 2),
             Catch::StartsWith("parameter gpu_power_fraction = 1.5:"));
  CHECK_THAT(Refusal(inv, "tdp_w", -5), Catch::StartsWith("parameter tdp_w of g1 = -5:"));
  CHECK(Refusal(inv, "pue", 1.0) == "accepted");
  CHECK(Refusal(inv, "utilization", 0) == "accepted");
}
