// The bundled fab process gases: ACT's CO2e per cm2, split into individual
// gases and recharacterised with AR6, against hand computations.
#include <catch2/catch.hpp>
#include <cmath>

#include <map>
#include <string>

#include "inventory/model/parameters.h"
#include "inventory/toml/toml_loader.h"
#include "lca/system/calculation.h"
#include "lca/gpu/gpu_assessment.h"
#include "tests/cli/cli_support.h"
#include "tests/test_support.h"

using namespace gpulca;

using gpulca::inventory::Inventory;
using gpulca::inventory::LoadAndValidate;
using gpulca::inventory::ParameterSet;

namespace {

// The inventory (kg per flow) and gwp100, gwp20 of `amount` of `process`.
struct Result {
  std::map<std::string, double> kg;
  double gwp100 = 0, gwp20 = 0;
};

Result Run(const Inventory& inv, const ParameterSet& parameters, const std::string& process,
           double amount = 1) {
  lca::LcaResult r =
      lca::Calculate(lca::BuildMatrices(inv, parameters, process, amount, {"gwp100", "gwp20"}));
  Result out;
  for (size_t f = 0; f < r.data.flow_ids.size(); ++f) out.kg[r.data.flow_ids[f]] = r.inventory[f];
  out.gwp100 = r.impacts[r.ImpactIndex("gwp100")];
  out.gwp20 = r.impacts[r.ImpactIndex("gwp20")];
  return out;
}

}  // namespace

TEST_CASE("process gases at n5: kg of each gas per cm2", "[data][fab]") {
  Inventory inv = LoadAndValidate({test::BundledData()});
  ParameterSet parameters(inv);
  // gpa_n5 = 430 + 0.5 × (225 − 430) = 327.5 g CO2e/cm2 (ACT 95%/99%, mean).
  CHECK(parameters.Value("", "gpa_n5") == Approx(327.5));
  Result r = Run(inv, parameters, "fab_process_gases_n5");
  // m = 327.5 g × share / AR5 GWP100, in kg: NF3 0.40 / 16,100 -> 8.136646e-6;
  // CF4 0.25 / 6,630 -> 1.234917e-5; N2O 0.10 / 265 -> 1.235849e-4.
  CHECK(r.kg["nf3"] == Approx(8.136645962732919e-06).epsilon(1e-9));
  CHECK(r.kg["cf4"] == Approx(1.2349170437405732e-05).epsilon(1e-9));
  CHECK(r.kg["sf6"] == Approx(1.1148936170212766e-06).epsilon(1e-9));
  CHECK(r.kg["chf3"] == Approx(1.8487903225806454e-06).epsilon(1e-9));
  CHECK(r.kg["c2f6"] == Approx(1.4752252252252252e-06).epsilon(1e-9));
  CHECK(r.kg["c_c4f8"] == Approx(1.3731656184486374e-06).epsilon(1e-9));
  CHECK(r.kg["c3f8"] == Approx(3.6797752808988764e-07).epsilon(1e-9));
  CHECK(r.kg["n2o"] == Approx(0.00012358490566037736).epsilon(1e-9));
  CHECK(r.kg.count("ghg_co2e_aggregated") == 0);
  // AR6: Σ m × GWP100 = 0.357258 kg CO2e/cm2 (ACT's 0.3275 at AR5, +9%);
  // Σ m × GWP20 = 0.277389; GWP20/GWP100 = 0.7764.
  CHECK(r.gwp100 == Approx(0.35725844802042767).epsilon(1e-9));
  CHECK(r.gwp20 == Approx(0.27738903861084585).epsilon(1e-9));
}

TEST_CASE("abatement_mix moves every node between ACT's 95% and 99% tables", "[data][fab]") {
  Inventory inv = LoadAndValidate({test::BundledData()});
  ParameterSet parameters(inv);
  for (auto [node, g95, g99] : {std::tuple{"n28", 175.0, 100.0}, std::tuple{"n5", 430.0, 225.0},
                                std::tuple{"n3", 470.0, 275.0}, std::tuple{"n4", 430.0, 225.0}}) {
    INFO(node);
    const std::string id = std::string("gpa_") + node;
    parameters.Override("abatement_mix", 0);
    parameters.Evaluate();
    CHECK(parameters.Value("", id) == Approx(g95));
    parameters.Override("abatement_mix", 1);
    parameters.Evaluate();
    CHECK(parameters.Value("", id) == Approx(g99));
  }
  // The range is uncertainty on one shared parameter, so every node has it.
  const inventory::Parameter* mix = inv.FindGlobal("abatement_mix");
  REQUIRE(mix != nullptr);
  CHECK(mix->uncertainty.IsSet());
}

TEST_CASE("fab water: intake per cm2 and its consumed share", "[data][fab]") {
  Inventory inv = LoadAndValidate({test::BundledData()});
  ParameterSet parameters(inv);
  Result r = Run(inv, parameters, "fab_process_gases_n5");
  CHECK(r.kg.count("water_consumed") == 0);
  // n5: 80 mask layers × 137.3 L / 706.858 cm2 = 15.539 L withdrawn per cm2;
  // 30% consumed: 4.6618 L/cm2. The wafer and other inputs add their own water.
  Result water = Run(inv, parameters, "fab_water_supply", 80 * 137.3 / 706.8583470577034);
  CHECK(water.kg["water_withdrawn"] == Approx(15.539181288190031).epsilon(1e-9));
  CHECK(water.kg["water_consumed"] == Approx(4.661754386457009).epsilon(1e-9));
  // No electricity: the fab's EPA already holds its utilities.
  CHECK(water.gwp100 == 0);
}

TEST_CASE("every catalogue GPU has gwp20 apart from gwp100", "[data][fab]") {
  Inventory inv = LoadAndValidate({test::BundledData()});
  ParameterSet parameters(inv);
  for (const std::string& gpu : lca::CatalogueGpus(inv)) {
    INFO(gpu);
    Result r = Run(inv, parameters, gpu);
    // The fluorinated gases have GWP20 at 72-85% of GWP100 (AR6), the fab
    // grids' methane 82.5 against 29.8: the two no longer cancel to a
    // rounding error, as an aggregated CO2e grid would make them.
    CHECK(std::abs(r.gwp20 - r.gwp100) > 0.005 * r.gwp100);
    CHECK(r.kg["nf3"] > 0);
    CHECK(r.kg["ch4_fossil"] > 0);
  }
}

// One kWh of Taiwan's grid, by hand: the life-cycle total is its GWP100, and
// GWP20 adds (82.5 - 29.8) per kg of fossil methane (AR6); N2O has 273 both ways.
TEST_CASE("a grid's GWP20 exceeds its GWP100 by its methane", "[data][grid]") {
  Inventory inv = LoadAndValidate({test::BundledData()});
  ParameterSet parameters(inv);
  Result r = Run(inv, parameters, "grid_tw");
  const double ghg = parameters.Value("grid_tw", "ghg_g_per_kwh") / 1000;
  const double ch4 = parameters.Value("grid_tw", "ch4_g_per_kwh") / 1000;
  CHECK(ghg == Approx(0.63953));
  CHECK(ch4 > 0.001);
  CHECK(r.gwp100 == Approx(ghg).epsilon(1e-9));
  CHECK(r.gwp20 == Approx(ghg + ch4 * (82.5 - 29.8)).epsilon(1e-9));
}
