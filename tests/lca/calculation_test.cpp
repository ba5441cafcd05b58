// End-to-end golden tests: inventories written as TOML, solved by hand.
#include "lca/system/calculation.h"

#include <catch2/catch.hpp>

#include "lca/error.h"
#include "inventory/model/parameters.h"
#include "lca/system/upstream_tree.h"
#include "tests/test_support.h"

using namespace gpulca;
using namespace gpulca::lca;
using gpulca::inventory::Inventory;

namespace {

LcaResult Run(const Inventory& inv, const std::string& demand, double amount,
              SolverChoice choice = SolverChoice::kAuto, const LinkOptions& links = {}) {
  inventory::ParameterSet parameters(inv);
  return Calculate(
      BuildMatrices(inv, parameters, ResolveDemand(inv, demand), amount, {}, links), choice);
}

double StageValue(const LcaResult& r, int k, gpulca::inventory::Stage stage) {
  return r.by_stage[k][static_cast<int>(stage)];
}

// Heijungs & Suh (2002), ch. 2: electricity (p1) and fuel (p2).
// A = [[10, 0], [-2, 100]], B = [[1, 10], [0.1, 2], [0, -50]], f = [1000, 0].
const char* kHeijungsSuh = R"T(
[[source]]
id = "hs2002"
citation = "Heijungs & Suh, The Computational Structure of Life Cycle Assessment, 2002, ch. 2"
[[flow]]
id = "electricity"
name = "electricity"
kind = "product"
unit = "kWh"
[[flow]]
id = "fuel"
name = "fuel"
kind = "product"
unit = "L"
[[flow]]
id = "co2"
name = "CO2"
kind = "elementary"
compartment = "air"
unit = "kg"
[[flow]]
id = "so2"
name = "SO2"
kind = "elementary"
compartment = "air"
unit = "kg"
[[flow]]
id = "crude"
name = "crude oil"
kind = "elementary"
compartment = "resource"
unit = "L"
[[process]]
id = "p1"
name = "electricity production"
stage = "assembly"
location = "GLO"
product = { flow = "electricity", amount = 10, unit = "kWh" }
  [[process.exchanges]]
  flow = "fuel"
  amount = 2
  unit = "L"
  source = "hs2002"
  [[process.exchanges]]
  flow = "co2"
  amount = 1
  unit = "kg"
  source = "hs2002"
  [[process.exchanges]]
  flow = "so2"
  amount = 0.1
  unit = "kg"
  source = "hs2002"
[[process]]
id = "p2"
name = "fuel production"
stage = "materials"
location = "GLO"
product = { flow = "fuel", amount = 100, unit = "L" }
  [[process.exchanges]]
  flow = "co2"
  amount = 10
  unit = "kg"
  source = "hs2002"
  [[process.exchanges]]
  flow = "so2"
  amount = 2
  unit = "kg"
  source = "hs2002"
  [[process.exchanges]]
  flow = "crude"
  amount = -50
  unit = "L"
  source = "hs2002"
[[method]]
id = "gwp100"
name = "GWP"
unit = "kg CO2e"
source = "hs2002"
  [[method.factors]]
  flow = "co2"
  value = 1
)T";

}  // namespace

TEST_CASE("Heijungs & Suh: s = [100, 2], g = [120, 14, -100]", "[calc]") {
  Inventory inv = test::ParseValid(kHeijungsSuh);
  for (auto choice : {SolverChoice::kTopological, SolverChoice::kKlu}) {
    LcaResult r = Run(inv, "p1", 1000, choice);
    REQUIRE(r.data.process_ids == std::vector<std::string>{"p1", "p2"});
    CHECK(r.scaling[0] == Approx(100));
    CHECK(r.scaling[1] == Approx(2));
    std::map<std::string, double> g;
    for (size_t f = 0; f < r.data.flow_ids.size(); ++f) g[r.data.flow_ids[f]] = r.inventory[f];
    CHECK(g["co2"] == Approx(120));
    CHECK(g["so2"] == Approx(14));
    CHECK(g["crude"] == Approx(-100));
    CHECK(r.impacts[0] == Approx(120));
    // Direct contributions: p1 emits 100 kg, p2 20 kg.
    CHECK(r.by_process[0][0] == Approx(100));
    CHECK(r.by_process[0][1] == Approx(20));
    CHECK(StageValue(r, 0, gpulca::inventory::Stage::kAssembly) == Approx(100));
    CHECK(StageValue(r, 0, gpulca::inventory::Stage::kMaterials) == Approx(20));
    // Intensity: 1 kWh carries 0.12 kg; 1 L of fuel 0.1 kg.
    CHECK(r.intensity[0][0] == Approx(0.12));
    CHECK(r.intensity[0][1] == Approx(0.1));
  }
}

TEST_CASE("background electricity counts in the stage of its consumer", "[calc]") {
  Inventory inv = test::ParseValid(test::kSmallInventory);
  // wafer: 1 cm2 needs 2*2.5 = 5 kWh of TW electricity at 0.5 kg/kWh, plus 0.1 kg.
  LcaResult r = Run(inv, "wafer_tw", 10);
  CHECK(r.impacts[0] == Approx(10 * (5 * 0.5 + 0.1)));
  CHECK(StageValue(r, 0, gpulca::inventory::Stage::kFabrication) == Approx(26));
  CHECK(r.by_stage[0][kUnassigned] == Approx(0));
  // Demanding electricity itself leaves it unassigned to any stage.
  LcaResult e = Run(inv, "electricity", 4);
  CHECK(e.data.process_ids[0] == "grid_glo");  // the default provider
  CHECK(e.impacts[0] == Approx(1.6));
  CHECK(e.by_stage[0][kUnassigned] == Approx(1.6));
}

TEST_CASE("a loop solved by hand: electricity needs steel needs electricity", "[calc]") {
  // grid: 1 kWh needs 0.1 kg steel, emits 0.5 kg; steel: 1 kg needs 2 kWh, emits 2 kg.
  // s_e = 1 + 2 s_s, s_s = 0.1 s_e  =>  s_e = 1.25, s_s = 0.125; h = 0.625 + 0.25.
  std::string text = std::string(test::kSmallInventory) + R"T(
[[flow]]
id = "steel"
name = "Steel"
kind = "product"
unit = "kg"
[[process]]
id = "steel_tw"
name = "Steel"
stage = "materials"
location = "TW"
product = { flow = "steel", amount = 1, unit = "kg" }
  [[process.exchanges]]
  flow = "electricity"
  amount = 2
  unit = "kWh"
  source = "s1"
  [[process.exchanges]]
  flow = "co2_fossil"
  amount = 2
  unit = "kg"
  source = "s1"
)T";
  Inventory inv = test::ParseValid(text);
  auto& grid = inv.processes[inv.process_index.at("grid_tw")];
  grid.exchanges.push_back(
      inventory::Exchange{"steel", 100, "", "g", 1e-3, "s1", false, "", {}, std::nullopt, "", {}});
  inv.BuildIndex();
  LcaResult r = Run(inv, "grid_tw", 1);
  CHECK(std::string(r.solver) == "klu");
  CHECK(r.scaling[0] == Approx(1.25));
  CHECK(r.impacts[0] == Approx(0.875));
  CHECK_THROWS_AS(Run(inv, "grid_tw", 1, SolverChoice::kTopological), SolveError);

  // A product that needs more than one unit of itself through the loop diverges.
  grid.exchanges.back().amount = 600;  // 0.6 kg steel -> 1.2 kWh per kWh
  CHECK_THROWS_WITH(Run(inv, "grid_tw", 1),
                    Catch::Contains("grid_tw") && Catch::Contains("steel_tw"));
}

TEST_CASE("a co-product displaces its provider's product", "[calc]") {
  // The wafer also yields 1 kWh of electricity per cm2 that the grid need not make:
  // net TW electricity = 5 - 1 = 4 kWh per cm2.
  std::string text = test::kSmallInventory;
  text += R"T(
[[process]]
id = "wafer_chp"
name = "Wafer with heat recovery"
stage = "fabrication"
location = "TW"
product = { flow = "wafer_area", amount = 1, unit = "cm2" }
  [[process.exchanges]]
  flow = "electricity"
  amount = 5
  unit = "kWh"
  source = "s1"
  [[process.exchanges]]
  flow = "electricity"
  amount = 1
  unit = "kWh"
  output = true
  source = "s1"
)T";
  Inventory inv = test::ParseValid(text);
  LcaResult r = Run(inv, "wafer_chp", 1);
  CHECK(r.scaling[1] == Approx(4));
  CHECK(r.impacts[0] == Approx(2.0));
}

TEST_CASE("the upstream tree and Sankey data add up", "[calc]") {
  Inventory inv = test::ParseValid(kHeijungsSuh);
  LcaResult r = Run(inv, "p1", 1000);
  UpstreamNode root = UpstreamTree(r, 0, 0.0);
  CHECK(root.total == Approx(120));
  CHECK(root.direct == Approx(100));
  REQUIRE(root.children.size() == 1);
  CHECK(root.children[0].amount == Approx(200));  // L of fuel
  CHECK(root.children[0].total == Approx(20));
  // A cut-off above the fuel's share (1/6) drops it.
  CHECK(UpstreamTree(r, 0, 0.2).children.empty());
  Sankey s = SankeyData(r, 0, 0.0);
  REQUIRE(s.nodes.size() == 2);
  REQUIRE(s.links.size() == 1);
  CHECK(s.links[0].value == Approx(20));
  CHECK(s.nodes[0].total == Approx(120));
}

TEST_CASE("an unknown method or demand is an error naming it", "[calc]") {
  Inventory inv = test::ParseValid(test::kSmallInventory);
  inventory::ParameterSet parameters(inv);
  CHECK_THROWS_WITH(BuildMatrices(inv, parameters, "wafer_tw", 1, {"gwp999"}, {}),
                    Catch::Contains("'gwp999'"));
  CHECK_THROWS_WITH(ResolveDemand(inv, "h100"), Catch::Contains("'h100'"));
}
