// AssessChip on the bundled data: ACT reproduced with ACT's own terms, the
// node names the data define, and refusals that name the value at fault.
#include <catch2/catch.hpp>

#include "inventory/database/database.h"
#include "inventory/toml/toml_loader.h"
#include "lca/error.h"
#include "inventory/model/parameters.h"
#include "inventory/model/validate.h"
#include "lca/gpu/chip_assessment.h"
#include "tests/cli/cli_support.h"

using namespace gpulca;

namespace {

lca::ChipOptions ActChip() {
  lca::ChipOptions o;
  o.area_mm2 = 100;
  o.node = "5nm";
  o.ci_fab = 0.583;
  o.epa = 2.75;
  o.gpa = 0.3275;
  o.mpa = 0.5;
  o.yield = 0.875;
  o.packaging = 0.15;
  return o;
}

std::string Argument(const inventory::Inventory& inv, const inventory::ParameterSet& p,
                     const lca::ChipOptions& o) {
  try {
    lca::AssessChip(inv, p, o);
  } catch (const InvalidArgument& e) {
    return e.argument();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("AssessChip reproduces ACT with ACT's terms", "[chip][data]") {
  inventory::Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet parameters(inv);
  const lca::ChipAssessment a = lca::AssessChip(inv, parameters, ActChip());
  // (0.583×2.75 + 0.3275 + 0.5)/0.875 + 0.15 = 2.928.
  CHECK(a.node == "n5");
  CHECK(a.yield_given);
  CHECK(a.grid_process.empty());
  CHECK(a.carbon().total == Approx(2.928).epsilon(1e-9));
  CHECK(a.dies_per_wafer == 640);
  CHECK_FALSE(a.monte_carlo);
  // Every term fixed, D0 given: nothing the model reads moves.
  lca::ChipOptions fixed = ActChip();
  fixed.defect_density = 0.1;
  lca::McOptions mc;
  mc.iterations = 20;
  const lca::ChipAssessment m = lca::AssessChip(inv, parameters, fixed, mc);
  REQUIRE(m.monte_carlo);
  CHECK(m.monte_carlo->iterations == 20);
  REQUIRE(m.monte_carlo->parts.size() == 5);
  CHECK(m.monte_carlo->parts[4].first == "total");
  CHECK(m.monte_carlo->parts[4].second.p50 == Approx(2.928).epsilon(1e-9));
  CHECK(m.monte_carlo->parts[4].second.sd == Approx(0).margin(1e-12));
}

TEST_CASE("AssessChip names the value it refuses", "[chip][data][errors]") {
  inventory::Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet parameters(inv);
  lca::ChipOptions o = ActChip();
  o.node = "n9";
  CHECK(Argument(inv, parameters, o) == "node");
  o = ActChip();
  o.ci_fab.reset();
  o.fab_region = "XX";
  CHECK(Argument(inv, parameters, o) == "fab region");
  o = ActChip();
  o.area_mm2 = -5;
  CHECK(Argument(inv, parameters, o) == "die area");
  o = ActChip();
  o.dies = 0;
  CHECK(Argument(inv, parameters, o) == "dies");
  o = ActChip();
  o.yield = 1.5;
  CHECK_THROWS_AS(lca::AssessChip(inv, parameters, o), InvalidArgument);
}
