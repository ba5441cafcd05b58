// One-at-a-time ±10 % on a linear system computed by hand.
#include "lca/uncertainty/one_at_a_time.h"

#include <catch2/catch.hpp>

#include "lca/error.h"
#include "tests/lca/uncertainty_fixtures.h"
#include "tests/test_support.h"

using namespace gpulca;
using namespace gpulca::lca;

namespace {

// A GPU takes e kWh (e = 100, triangular 80..105) of 0.5 kg CO2/kWh and
// emits 2·f kg itself (f = 3, no distribution); a yield y = 0.96 (uniform
// 0.9..1) divides a 9.6 kg emission. gwp100 = 0.5 e + 2 f + 9.6 / y = 66.
// energy counts only the grid's 1 MJ/kWh: e.
std::string Linear() {
  using namespace test;
  return UncertaintyToml(
      TomlParameter("e", "100", "{ distribution = \"triangular\", min = 80, max = 105 }") +
      TomlParameter("f", "3") +
      TomlParameter("y", "0.96", "{ distribution = \"uniform\", min = 0.9, max = 1 }") +
      TomlParameter("twice_f", "2 * f") + Grid() +
      Gpu(TomlExchange("electricity", "e", "kWh") + TomlExchange("co2", "twice_f + 9.6 / y", "kg")));
}

TEST_CASE("one at a time on a linear system", "[lca][oat]") {
  const inventory::Inventory inv = test::ParseValid(Linear());
  inventory::ParameterSet p(inv);
  const MatrixData d = BuildMatrices(inv, p, "gpu", 1.0, {"gwp100", "energy"});
  const OatResult r = OneAtATime(inv, p, d, {"f"});
  REQUIRE(r.impact_ids == std::vector<std::string>{"gwp100", "energy"});
  CHECK(r.base[0] == Approx(66.0));
  CHECK(r.base[1] == Approx(100.0));
  REQUIRE(r.rows.size() == 3);  // e and y (uncertain, by name), then f (named)
  const OatRow& e = r.rows[0];
  CHECK(e.parameter == "param:e");
  // 0.9·100 = 90: 45 + 6 + 10 = 61; 1.1·100 = 110 lies beyond max 105:
  // 52.5 + 6 + 10 = 68.5.
  CHECK(e.low_value == Approx(90.0));
  CHECK(e.high_value == Approx(105.0));
  CHECK(e.low[0] == Approx(61.0));
  CHECK(e.high[0] == Approx(68.5));
  CHECK(e.low[1] == Approx(90.0));
  CHECK(e.high[1] == Approx(105.0));
  const OatRow& y = r.rows[1];
  CHECK(y.parameter == "param:y");
  // Both moves leave [0.9, 1]: 0.864 becomes 0.9 (9.6/0.9 = 10.667), 1.056
  // becomes 1 (9.6).
  CHECK(y.low_value == 0.9);
  CHECK(y.low[0] == Approx(50.0 + 6.0 + 9.6 / 0.9));
  CHECK(y.high_value == 1.0);
  CHECK(y.high[0] == Approx(65.6));
  CHECK(y.low[1] == Approx(100.0));
  const OatRow& f = r.rows[2];
  CHECK(f.parameter == "f");
  // Through the formula twice_f: ±0.6 kg.
  CHECK(f.low[0] == Approx(65.4));
  CHECK(f.high[0] == Approx(66.6));
}

TEST_CASE("one at a time: bad names are errors", "[lca][oat]") {
  const inventory::Inventory inv = test::ParseValid(Linear());
  inventory::ParameterSet p(inv);
  const MatrixData d = BuildMatrices(inv, p, "gpu", 1.0, {});
  CHECK_THROWS_WITH(OneAtATime(inv, p, d, {"nope"}), Catch::Contains("no parameter"));
  CHECK_THROWS_WITH(OneAtATime(inv, p, d, {"twice_f"}), Catch::Contains("formula"));
  CHECK_THROWS_AS(OneAtATime(inv, p, d, {}, 1.5), InvalidArgument);
  // A named uncertain parameter is listed once.
  CHECK(OneAtATime(inv, p, d, {"e"}).rows.size() == 2);
}

}  // namespace
