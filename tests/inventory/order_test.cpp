// Purchase orders: the example's fields, declared units converted, every
// problem with file:line in one pass, and a canonical form that ignores
// layout and round-trips.
#include "inventory/records/order.h"

#include <catch2/catch.hpp>

#include "lca/error.h"
#include "tests/test_support.h"

using namespace gpulca;

using gpulca::inventory::CanonicalOrderJson;
using gpulca::inventory::ParseOrder;
using gpulca::inventory::PurchaseOrder;

namespace {

const char* kOrder = R"T([order]
id = "PO-1"
buyer = "Buyer"
supplier = "Supplier"
date = "2024-01-02"

[deployment]
region = "SE"
pue = 1.2
utilization = 0.5
lifetime_years = 6

[[line]]
product = "nvidia-h100-sxm5"
quantity = 8
transport = "sea"
fab_region = "TW"
  [line.declared]
  value = 1.312
  unit = "t CO2e"
  per = "line"
  boundary = "cradle-to-gate"
  standard = "ISO 14067"
  source = "a PCF summary"

[[line]]
product = "amd-mi300x"
quantity = 2

[audit]
iterations = 50
seed = 7
lifetime_what_ifs = [7]
)T";

}  // namespace

TEST_CASE("an order is read with its declaration converted to kg CO2e per unit", "[order]") {
  PurchaseOrder o = ParseOrder(kOrder, "order.toml");
  CHECK(o.id == "PO-1");
  CHECK(o.buyer == "Buyer");
  CHECK(o.deployment.region == "SE");
  CHECK(*o.deployment.pue == 1.2);
  CHECK(*o.deployment.lifetime_years == 6);
  REQUIRE(o.lines.size() == 2);
  CHECK(o.lines[0].origin.ToString() == "order.toml:14");
  CHECK(o.lines[0].quantity == 8);
  CHECK(o.lines[0].transport == "sea");
  REQUIRE(o.lines[0].declared);
  // 1.312 t for the line of 8 units: 164 kg each.
  CHECK(o.lines[0].declared->kg_co2e_per_unit == Approx(164));
  CHECK(o.lines[0].declared->source == "a PCF summary");
  CHECK_FALSE(o.lines[1].declared);
  CHECK(o.iterations == 50);
  CHECK(o.seed == 7);
  CHECK(o.lifetime_what_ifs == std::vector<double>{7});
}

TEST_CASE("every problem of an order is reported at once with file:line", "[order]") {
  std::string bad = R"T([order]
id = "PO-2"
supplier = "S"
[deployment]
pue = 0.9
utilization = 1.5
[[line]]
product = "nvidia-h100-sxm5"
quantity = 2.5
transport = "boat"
colour = "green"
  [line.declared]
  value = 10
  unit = "kWh"
  boundary = "cradle-to-moon"
)T";
  try {
    ParseOrder(bad, "bad.toml");
    FAIL("a bad order was accepted");
  } catch (const InputError& e) {
    std::string m = e.what();
    INFO(m);
    CHECK(m.find("8 problems") != std::string::npos);
    CHECK(m.find("bad.toml:2: order: missing 'buyer'") != std::string::npos);
    CHECK(m.find("bad.toml:5: deployment: pue 0.9 must be at least 1") != std::string::npos);
    CHECK(m.find("bad.toml:6: deployment: utilization 1.5 must lie between 0 and 1") !=
          std::string::npos);
    CHECK(m.find("bad.toml:9: line: quantity 2.5 is not a positive whole number") !=
          std::string::npos);
    CHECK(m.find("bad.toml:10: line: transport 'boat' is not 'air' or 'sea'") != std::string::npos);
    CHECK(m.find("bad.toml:11: line: unknown key 'colour'") != std::string::npos);
    CHECK(m.find("declared unit 'kWh' is not a mass of CO2e") != std::string::npos);
    CHECK(m.find("declared boundary 'cradle-to-moon'") != std::string::npos);
  }
  CHECK_THROWS_WITH(ParseOrder("[order\n", "x.toml"), Catch::Contains("x.toml:1: malformed TOML"));
  CHECK_THROWS_WITH(ParseOrder("[order]\nid = \"a\"\nbuyer = \"b\"\nsupplier = \"c\"\n", "e.toml"),
                    Catch::Contains("an order needs at least one [[line]]"));
  CHECK_THROWS_WITH(
      ParseOrder("[order]\nid = \"a\"\nbuyer = \"b\"\nsupplier = \"c\"\n[[line]]\nproduct = "
                 "\"x\"\nquantity = 1\ndeclared = { pact = \"f.json\" }\n",
                 "p.toml"),
      Catch::Contains("p.toml:8: declared:") && Catch::Contains("f.json"));
  CHECK_THROWS_AS(inventory::LoadOrder("/nonexistent/order.toml"), InputError);
}

TEST_CASE("the canonical order ignores layout and round-trips", "[order]") {
  PurchaseOrder a = ParseOrder(kOrder, "a.toml");
  // The same order with its keys in another order, other spacing and comments.
  std::string shuffled = R"T(
[audit]
lifetime_what_ifs = [ 7 ]
seed = 7
iterations = 50
[order]
supplier = "Supplier"   # comment
buyer = "Buyer"
id = "PO-1"
date = "2024-01-02"
[deployment]
lifetime_years = 6.0
utilization = 0.5
pue = 1.2
region = "SE"
[[line]]
fab_region = "TW"
transport = "sea"
quantity = 8
product = "nvidia-h100-sxm5"
declared = { source = "a PCF summary", standard = "ISO 14067", boundary = "cradle-to-gate", per = "line", unit = "t CO2e", value = 1.312 }
[[line]]
quantity = 2
product = "amd-mi300x"
)T";
  PurchaseOrder b = ParseOrder(shuffled, "b.toml");
  CHECK(CanonicalOrderJson(a) == CanonicalOrderJson(b));
  PurchaseOrder back = inventory::OrderFromCanonicalJson(CanonicalOrderJson(a));
  CHECK(CanonicalOrderJson(back) == CanonicalOrderJson(a));
  CHECK(back.lines[0].declared->kg_co2e_per_unit == Approx(164));
  CHECK_THROWS_AS(inventory::OrderFromCanonicalJson("{\"id\": 1}"), InputError);
}

TEST_CASE("the example order in data/examples reads", "[order][data]") {
  PurchaseOrder o =
      inventory::LoadOrder(GPULCA_SOURCE_DIR "/data/examples/order-h100-cluster.toml");
  CHECK(o.lines.size() == 2);
  CHECK(o.lines[0].declared->kg_co2e_per_unit == Approx(164));
}
