#include "lca/system/product_system.h"

#include <catch2/catch.hpp>

#include "lca/system/product_graph.h"
#include "lca/error.h"
#include "tests/test_support.h"

using namespace gpulca;

using gpulca::inventory::Inventory;

namespace {
std::string ProviderOf(const Inventory& inv, const ProductSystem& s, const std::string& consumer,
                       const std::string& flow) {
  for (const Link& l : s.links) {
    const inventory::Process& c = inv.processes[s.processes[l.consumer]];
    if (c.id == consumer && c.exchanges[l.exchange].flow == flow) {
      return inv.processes[s.processes[l.provider]].id;
    }
  }
  return "";
}

const char* kConsumer = R"T(
[[process]]
id = "server_us"
name = "Server"
stage = "deployment"
location = "US"
product = { flow = "server", amount = 1, unit = "item" }
  [[process.exchanges]]
  flow = "electricity"
  amount = 10
  unit = "kWh"
  source = "s1"
[[flow]]
id = "server"
name = "Server"
kind = "product"
unit = "item"
)T";
}  // namespace

TEST_CASE("providers: same location first, then the default", "[graph]") {
  Inventory inv = test::ParseValid(std::string(test::kSmallInventory) + kConsumer);
  ProductSystem wafer = BuildProductSystem(inv, "wafer_tw");
  CHECK(wafer.size() == 2);
  CHECK(ProviderOf(inv, wafer, "wafer_tw", "electricity") == "grid_tw");
  ProductSystem server = BuildProductSystem(inv, "server_us");
  CHECK(ProviderOf(inv, server, "server_us", "electricity") == "grid_glo");  // no US grid
  LinkOptions in_taiwan;
  in_taiwan.locations["server_us"] = "TW";
  ProductSystem moved = BuildProductSystem(inv, "server_us", in_taiwan);
  CHECK(ProviderOf(inv, moved, "server_us", "electricity") == "grid_tw");
  CHECK(moved.locations[0] == "TW");
}

TEST_CASE("several providers without a default is an error listing them", "[graph]") {
  std::string text = std::string(test::kSmallInventory) + kConsumer;
  text.replace(text.find("default = true\n"), 15, "");
  std::vector<inventory::Diagnostic> problems;  // validation reports the same input
  Inventory inv = test::Parse(text, &problems);
  CHECK(test::AnyProblem(problems, {"'electricity' has several providers"}));
  CHECK_THROWS_WITH(BuildProductSystem(inv, "server_us"),
                    Catch::Contains("'electricity'") && Catch::Contains("'server_us'") &&
                        Catch::Contains("'grid_glo' (GLO)") && Catch::Contains("'grid_tw' (TW)"));
}

TEST_CASE("no provider is an error naming the flow and the consumer", "[graph]") {
  std::vector<inventory::Diagnostic> problems;  // validation reports the same input
  Inventory inv = test::Parse(std::string(test::kSmallInventory) + kConsumer + R"T(
[[flow]]
id = "cooling"
name = "Cooling"
kind = "product"
unit = "kWh"
[[process]]
id = "rack"
name = "Rack"
stage = "deployment"
location = "US"
product = { flow = "rack", amount = 1, unit = "item" }
  [[process.exchanges]]
  flow = "cooling"
  amount = 1
  unit = "kWh"
  source = "s1"
[[flow]]
id = "rack"
name = "Rack"
kind = "product"
unit = "item"
)T",
                              &problems);
  CHECK(test::AnyProblem(problems, {"no process makes 'cooling'"}));
  CHECK_THROWS_AS(BuildProductSystem(inv, "rack"), LinkError);
  CHECK_THROWS_WITH(BuildProductSystem(inv, "rack"),
                    Catch::Contains("no process makes flow 'cooling'") && Catch::Contains("'rack'"));
  CHECK_THROWS_AS(BuildProductSystem(inv, "nothing"), NotFound);
}

TEST_CASE("loops, topological order and DOT", "[graph]") {
  Inventory inv = test::ParseValid(std::string(test::kSmallInventory) + R"T(
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
  amount = 0.5
  unit = "kWh"
  source = "s1"
)T");
  ProductSystem acyclic = BuildProductSystem(inv, "wafer_tw");
  auto order = TopologicalOrder(acyclic);
  REQUIRE(order);
  CHECK(order->front() == 0);
  CHECK(Loops(acyclic).empty());
  std::string dot = ToDot(acyclic, inv);
  CHECK(dot.find("digraph") == 0);
  CHECK(dot.find("p1 -> p0 [label=\"electricity\"") != std::string::npos);

  // The grid now needs steel: electricity -> steel -> electricity.
  inv.processes[inv.process_index.at("grid_tw")].exchanges.push_back(
      inventory::Exchange{"steel", 0.01, "", "kg", 1.0, "s1", false, "", {}, std::nullopt, "", {}});
  inv.BuildIndex();
  ProductSystem looped = BuildProductSystem(inv, "wafer_tw");
  auto loops = Loops(looped);
  REQUIRE(loops.size() == 1);
  CHECK(loops[0].size() == 2);
  CHECK_FALSE(TopologicalOrder(looped));
}

TEST_CASE("several local providers fall back to the default elsewhere", "[graph]") {
  // Two Taiwanese grids, none marked default: rule 4 takes the world default.
  Inventory inv = test::ParseValid(std::string(test::kSmallInventory) + R"T(
[[process]]
id = "grid_tw2"
name = "Grid TW, second"
location = "TW"
product = { flow = "electricity", amount = 1, unit = "kWh" }
  [[process.exchanges]]
  flow = "co2_fossil"
  amount = 0.6
  unit = "kg"
  source = "s1"
)T");
  ProductSystem wafer = BuildProductSystem(inv, "wafer_tw");
  CHECK(ProviderOf(inv, wafer, "wafer_tw", "electricity") == "grid_glo");
}

TEST_CASE("a co-product is an edge: two plants that make each other's product are a loop",
          "[graph]") {
  Inventory inv = test::ParseValid(R"T(
[[source]]
id = "s1"
citation = "test"
[[flow]]
id = "heat"
name = "Heat"
kind = "product"
unit = "MJ"
[[flow]]
id = "power"
name = "Power"
kind = "product"
unit = "kWh"
[[process]]
id = "boiler"
name = "Boiler"
location = "GLO"
product = { flow = "heat", amount = 1, unit = "MJ" }
  [[process.exchanges]]
  flow = "power"
  amount = 0.1
  unit = "kWh"
  source = "s1"
[[process]]
id = "chp"
name = "Combined heat and power"
location = "GLO"
product = { flow = "power", amount = 1, unit = "kWh" }
  [[process.exchanges]]
  flow = "heat"
  amount = 2
  unit = "MJ"
  source = "s1"
  output = true
)T");
  ProductSystem s = BuildProductSystem(inv, "boiler");
  REQUIRE(s.size() == 2);
  REQUIRE(s.links.size() == 1);
  REQUIRE(s.coproducts.size() == 1);
  CHECK(s.coproducts[0].consumer == 1);  // chp makes the heat...
  CHECK(s.coproducts[0].provider == 0);  // ...that the boiler makes
  auto loops = Loops(s);
  REQUIRE(loops.size() == 1);
  CHECK(loops[0].size() == 2);
  CHECK_FALSE(TopologicalOrder(s));
  std::string dot = ToDot(s, inv);
  CHECK(dot ==
        "digraph product_system {\n"
        "  rankdir=LR;\n"
        "  node [shape=box, fontsize=10];\n"
        "  p0 [label=\"Boiler\\nbackground | GLO\"];\n"
        "  p1 [label=\"Combined heat and power\\nbackground | GLO\"];\n"
        "  p1 -> p0 [label=\"power\", fontsize=8];\n"
        "  p1 -> p0 [label=\"heat (co-product)\", style=dashed, fontsize=8];\n"
        "}\n");
  CHECK(UpstreamDepths(s) == std::vector<int>{0, 1});
  std::string shallow = ToDot(s, inv, 0);
  CHECK(shallow.find("p0 [") != std::string::npos);
  CHECK(shallow.find("p1 [") == std::string::npos);
  CHECK(shallow.find("->") == std::string::npos);
}

TEST_CASE("a relocation moves a consumer's provider to the same product elsewhere", "[graph]") {
  Inventory inv = test::ParseValid(std::string(test::kSmallInventory) + R"T(
[[process]]
id = "wafer_kr"
name = "Wafer, Korea"
stage = "fabrication"
location = "KR"
product = { flow = "wafer_area", amount = 1, unit = "cm2" }
  [[process.exchanges]]
  flow = "co2_fossil"
  amount = 0.2
  unit = "kg"
  source = "s1"
[[flow]]
id = "chip"
name = "Chip"
kind = "product"
unit = "item"
[[process]]
id = "chip_tw"
name = "Chip"
stage = "assembly"
location = "TW"
product = { flow = "chip", amount = 1, unit = "item" }
  [[process.exchanges]]
  flow = "wafer_area"
  amount = 2
  unit = "cm2"
  source = "s1"
  provider = "wafer_tw"
)T");
  LinkOptions to_kr;
  to_kr.relocations.push_back({"chip_tw", "wafer_", "KR"});
  ProductSystem moved = BuildProductSystem(inv, "chip_tw", to_kr);
  CHECK(ProviderOf(inv, moved, "chip_tw", "wafer_area") == "wafer_kr");
  CHECK(moved.unrelocated.empty());
  // The Korean wafer needs no electricity: the Taiwanese grid left with its fab.
  CHECK(moved.size() == 2);

  LinkOptions to_jp;
  to_jp.relocations.push_back({"chip_tw", "wafer_", "JP"});
  ProductSystem kept = BuildProductSystem(inv, "chip_tw", to_jp);
  CHECK(ProviderOf(inv, kept, "chip_tw", "wafer_area") == "wafer_tw");
  CHECK(kept.unrelocated == std::vector<std::string>{"wafer_tw (no wafer_* at JP)"});

  LinkOptions elsewhere;  // a relocation for another consumer changes nothing
  elsewhere.relocations.push_back({"server_us", "wafer_", "KR"});
  CHECK(ProviderOf(inv, BuildProductSystem(inv, "chip_tw", elsewhere), "chip_tw", "wafer_area") ==
        "wafer_tw");
}
