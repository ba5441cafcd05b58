// Matching imported elementary flows to gpulca's (jsonld_match.h,
// jsonld_resources.h) and readable ids (jsonld_ids.h).
#include "inventory/jsonld/jsonld_match.h"

#include <catch2/catch.hpp>

#include "inventory/jsonld/jsonld_ids.h"
#include "tests/inventory/jsonld_fixture.h"
#include "tests/test_support.h"

using namespace gpulca;

using gpulca::inventory::Inventory;
using gpulca::inventory::Slug;

namespace {

Inventory Base() {
  return test::ParseValid(std::string(test::kJsonldBase) + R"T(
[[flow]]
id = "energy_nuclear"
name = "Primary energy, nuclear"
kind = "elementary"
compartment = "resource"
unit = "MJ"

[[flow]]
id = "energy_renewable"
name = "Primary energy, renewable"
kind = "elementary"
compartment = "resource"
unit = "MJ"
)T");
}

// The match of a resource flow: (gpulca flow id, factor), or ("", 0).
std::pair<std::string, double> Resource(const Inventory& inv, const std::string& name,
                                        const std::string& unit) {
  auto m = inventory::ElementaryMatcher(inv).Match(name, "", "resource", unit);
  return m ? std::make_pair(m->flow->id, m->factor) : std::make_pair(std::string(), 0.0);
}

}  // namespace

TEST_CASE("fuels in the ground become primary energy at their heating value", "[jsonld]") {
  Inventory inv = Base();
  const double gas_m3 = 1036 * 1055.05585262 / 0.028316846592 / 1e6;  // EIA, 38.60 MJ/m3
  CHECK(gas_m3 == Approx(38.60).epsilon(1e-4));
  auto gas = Resource(inv, "Gas, natural, in ground", "m3");
  CHECK(gas.first == "energy_fossil");
  CHECK(gas.second == Approx(gas_m3));
  CHECK(Resource(inv, "Gas, natural, in ground", "L").second == Approx(gas_m3 / 1000));
  CHECK(Resource(inv, "Gas, natural, in ground ", "kg").second == Approx(1 / 0.0191));  // FEDEFL
  CHECK(Resource(inv, "Oil, crude, in ground", "kg").second == Approx(1 / 0.0221));
  CHECK(Resource(inv, "Coal, hard, unspecified, in ground", "kg").second == Approx(1 / 0.0417));
  CHECK(Resource(inv, "Coal, lignite, in ground", "kg").second == Approx(1 / 0.0714));
  CHECK(Resource(inv, "Coal, unprocessed bituminous, in ground", "kg").second == Approx(1 / 0.0367));
  CHECK(Resource(inv, "Peat, in ground", "t").second == Approx(1000 / 0.0577));
  CHECK(Resource(inv, "Uranium, in ground", "kg") == std::make_pair(std::string("energy_nuclear"), 5e5));
  // A value written in the name wins: the export's own.
  CHECK(Resource(inv, "Coal, 26.4 MJ per kg, in ground", "kg").second == Approx(26.4));
  CHECK(Resource(inv, "Coal; Raw, in ground; Underground mine; 27.1 MJ/kg", "kg").second == Approx(27.1));
  CHECK(Resource(inv, "Uranium oxide, 332 GJ per kg, in ore", "kg") ==
        std::make_pair(std::string("energy_nuclear"), 332000.0));
  CHECK(Resource(inv, "Wood and wood waste, 9.5 MJ per kg", "kg") ==
        std::make_pair(std::string("energy_renewable"), 9.5));
  // Not a fuel: an ore, a mine gas, a helium resource.
  CHECK(Resource(inv, "Uranium ore", "kg").first.empty());
  CHECK(Resource(inv, "Gas, mine, off-gas, process, coal mining/m3", "m3").first.empty());
  CHECK(Resource(inv, "Helium, 0.08% in natural gas, in ground", "kg").first.empty());
}

TEST_CASE("energy flows in MJ go to their carrier, unnamed ones stay unmatched", "[jsonld]") {
  Inventory inv = Base();
  using P = std::pair<std::string, double>;
  CHECK(Resource(inv, "Energy, from hydro power", "MJ") == P{"energy_renewable", 1});
  CHECK(Resource(inv, "Energy, kinetic (in wind), converted", "MJ") == P{"energy_renewable", 1});
  CHECK(Resource(inv, "Energy, gross calorific value, in biomass", "MJ") == P{"energy_renewable", 1});
  CHECK(Resource(inv, "Energy, potential (in hydropower reservoir), converted", "MJ") ==
        P{"energy_renewable", 1});
  CHECK(Resource(inv, "Crude oil (in MJ)", "MJ") == P{"energy_fossil", 1});
  CHECK(Resource(inv, "Coalbed methane (in MJ)", "MJ") == P{"energy_fossil", 1});
  CHECK(Resource(inv, "Uranium natural (in MJ)", "kWh") == P{"energy_nuclear", 3.6});
  CHECK(Resource(inv, "Energy, unspecified", "MJ").first.empty());
  CHECK(Resource(inv, "non used primary energy from water power", "MJ").first.empty());
  CHECK(Resource(inv, "Energy, output, from gasoline", "MJ").first.empty());
}

TEST_CASE("mineral elements, water and CO2 uptake", "[jsonld]") {
  Inventory inv = Base();
  using P = std::pair<std::string, double>;
  CHECK(Resource(inv, "Copper, 0.99% in sulfide, Cu 0.36% and Mo 8.2E-3% in crude ore, in ground",
                 "kg") == P{"copper_ore_cu", 1});
  CHECK(Resource(inv, "Copper", "g") == P{"copper_ore_cu", 0.001});
  CHECK(Resource(inv, "Copper, ions", "kg").first.empty());       // not in the ground
  CHECK(Resource(inv, "Iron ore, in ground", "kg").first.empty());  // an ore, not the element
  CHECK(Resource(inv, "Gold, Au 1.1E-4%, in ore, in ground", "kg").first.empty());  // no gold here
  // Only a consumption is water consumed; a withdrawal is not.
  CHECK(Resource(inv, "Water, consumptive use, unspecified origin/m3", "m3") ==
        P{"water_consumed", 1000});
  CHECK(Resource(inv, "Water, river", "m3").first.empty());
  CHECK(inventory::IsWaterWithdrawal("Water, well, in ground"));
  CHECK(inventory::IsWaterWithdrawal("Water (river water from technosphere, turbined)"));
  CHECK_FALSE(inventory::IsWaterWithdrawal("Water, consumptive use, unspecified origin/m3"));
  CHECK_FALSE(inventory::IsWaterWithdrawal("Sodium chloride, in ground"));
  CHECK(Resource(inv, "Carbon dioxide, in air", "kg") == P{"co2_biogenic", -1});
}

TEST_CASE("emissions to air match by name, then by CAS in the same compartment", "[jsonld]") {
  Inventory inv = Base();
  inventory::ElementaryMatcher m(inv);
  CHECK(m.Match("Methane", "", "air", "kg")->flow->id == "ch4_fossil");
  CHECK(m.Match("Carbon dioxide, fossil [Inorganic emissions to air]", "", "air", "g")->factor ==
        Approx(0.001));
  CHECK(m.Match("CO2, whatever it is called", "000124-38-9", "air", "kg")->flow->id == "co2_fossil");
  CHECK(m.Match("CO2, biogenic, by another name", "124-38-9", "air", "kg")->flow->id ==
        "co2_biogenic");
  CHECK_FALSE(m.Match("Methane", "", "water", "kg"));  // a methane emission to water is not to air
  CHECK_FALSE(m.Match("Carbon dioxide", "", "air", "MJ"));  // wrong dimension
  std::string compartment, sub;
  CHECK(inventory::CompartmentOf({"Elementary flows", "Emission to air", "unspecified"},
                                 &compartment, &sub));
  CHECK(compartment == "air");
  CHECK_FALSE(inventory::CompartmentOf({"Elementary Flows"}, &compartment, &sub));
}

TEST_CASE("imported objects get readable ids", "[jsonld]") {
  CHECK(Slug("Transport, combination truck, long-haul, diesel powered") ==
        "transport-combination-truck-long-haul-diesel-powered");
  CHECK(Slug("  Electricity, at eGrid, RFCE, 2010 ") == "electricity-at-egrid-rfce-2010");
  CHECK(Slug("Particulates, < 2.5 um") == "particulates-2-5-um");
  CHECK(Slug("---") == "item");
  CHECK(Slug("alpha beta gamma delta", 12) == "alpha-beta");
  auto ids = inventory::ReadableIds(
      {{"AA11BB22-0000", "Water"}, {"cc33dd44-1111", "Water"}, {"ee55ff66-2222", "Steel, at mill"}},
      "x");
  CHECK(ids["AA11BB22-0000"] == "x.water-aa11bb22");  // two alike: both tagged
  CHECK(ids["cc33dd44-1111"] == "x.water-cc33dd44");
  CHECK(ids["ee55ff66-2222"] == "x.steel-at-mill");
}
