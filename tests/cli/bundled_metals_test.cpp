// The metals of the bundled data: ADP factors, the mining/refining split and
// the water of the mines. Expected values are computed by hand from the
// cited numbers in data/materials, data/mining and data/methods.
#include <catch2/catch.hpp>

#include "inventory/database.h"
#include "inventory/parameters.h"
#include "lca/calculation.h"
#include "tests/cli/bundled_test_support.h"
#include "tests/cli/cli_support.h"

using namespace gpulca;

namespace {

double Factor(const Inventory& inv, const std::string& method, const std::string& flow) {
  const ImpactMethod* m = inv.FindMethod(method);
  REQUIRE(m != nullptr);
  for (const ImpactFactor& f : m->factors) {
    if (f.flow == flow) return f.value * f.unit_factor;
  }
  FAIL("method " << method << " has no factor for " << flow);
  return 0;
}

}  // namespace

TEST_CASE("ADP factors of tungsten and silicon are CML-IA v4.8's", "[data][metals]") {
  Inventory inv = LoadAndValidate({test::BundledData()});
  // CML v4.8 (2016), ADP elements, ultimate reserves, as implemented by ecoinvent.
  CHECK(Factor(inv, "adp", "tungsten_ore_w") == Approx(0.004518138).epsilon(1e-9));
  CHECK(Factor(inv, "adp", "silicon_si") == Approx(1.40205e-11).epsilon(1e-9));
  // Readings of the other factors that the same file confirms.
  CHECK(Factor(inv, "adp", "silver_ore_ag") == Approx(1.183978618).epsilon(1e-9));
  // Every mineral flow of the vocabulary now has a factor.
  for (const char* flow : {"copper_ore_cu", "gold_ore_au", "silver_ore_ag", "tin_ore_sn",
                           "tantalum_ore_ta", "tungsten_ore_w", "bauxite_al", "cobalt_ore_co",
                           "palladium_ore_pd", "gallium_ga", "silicon_si", "nickel_ore_ni",
                           "iron_ore_fe", "zinc_ore_zn", "lead_ore_pb"}) {
    INFO(flow);
    CHECK(Factor(inv, "adp", flow) > 0);
  }
}

TEST_CASE("a metal's burden is split between mining and refining by its mining share",
          "[data][metals]") {
  Inventory inv = LoadAndValidate({test::BundledData()});
  ParameterSet parameters(inv);
  // 1 kg of copper: Nuss & Eckelman 2.8 kg CO2e and 53.7 MJ, mining share 0.5,
  // 70.4 L of mine water (Northey et al. 2013), 1 kg Cu extracted.
  lca::LcaResult cu = test::Gate(inv, parameters, "copper", 1.0);
  CHECK(test::Impact(cu, "gwp100") == Approx(2.8));
  CHECK(test::StageImpact(cu, "gwp100", Stage::kMining) == Approx(1.4));
  CHECK(test::StageImpact(cu, "gwp100", Stage::kMaterials) == Approx(1.4));
  CHECK(test::StageImpact(cu, "energy", Stage::kMining) == Approx(26.85));
  CHECK(test::StageImpact(cu, "water", Stage::kMining) == Approx(70.4));
  CHECK(test::Impact(cu, "adp") == Approx(0.0013659227538));
  // 1 g of gold: 12.5 kg CO2e, 90% of it at the mine, 260 L of water.
  lca::LcaResult au = test::Gate(inv, parameters, "gold", 0.001);
  CHECK(test::Impact(au, "gwp100") == Approx(12.5));
  CHECK(test::StageImpact(au, "gwp100", Stage::kMining) == Approx(11.25));
  CHECK(test::StageImpact(au, "water", Stage::kMining) == Approx(260));
  // Aluminium: 8.2 kg CO2e/kg, 2% in bauxite mining.
  lca::LcaResult al = test::Gate(inv, parameters, "aluminium", 1.0);
  CHECK(test::StageImpact(al, "gwp100", Stage::kMining) == Approx(0.164));
  // Gallium carries its recovery only (indium proxy), nothing at the mine.
  lca::LcaResult ga = test::Gate(inv, parameters, "gallium", 1.0);
  CHECK(test::Impact(ga, "gwp100") == Approx(102));
  CHECK(test::StageImpact(ga, "gwp100", Stage::kMining) == 0);
  // The share is a parameter like any other.
  parameters.Override("mining_share", 0.25);
  parameters.Evaluate();
  lca::LcaResult cu25 = test::Gate(inv, parameters, "copper", 1.0);
  CHECK(test::StageImpact(cu25, "gwp100", Stage::kMining) == Approx(0.7));
  CHECK(test::Impact(cu25, "gwp100") == Approx(2.8));
}

// Regression: every mining process once took the element from nature and
// nothing else, so the mining stage showed 0 kg CO2e for every GPU.
TEST_CASE("the mining stage of every catalogue GPU carries GHG, energy and water",
          "[data][metals]") {
  Inventory inv = LoadAndValidate({test::BundledData()});
  ParameterSet parameters(inv);
  lca::LcaResult h100 = test::Gate(inv, parameters, "nvidia-h100-sxm5", 1.0);
  CHECK(test::StageImpact(h100, "gwp100", Stage::kMining) > 1.0);
  CHECK(test::StageImpact(h100, "energy", Stage::kMining) > 10.0);
  CHECK(test::StageImpact(h100, "water", Stage::kMining) > 10.0);
  CHECK(test::StageImpact(h100, "adp", Stage::kMining) ==
        Approx(test::Impact(h100, "adp")));
}
