#include "inventory/model/parameters.h"

#include <catch2/catch.hpp>

#include "lca/error.h"
#include "inventory/model/formula_functions.h"
#include "tests/test_support.h"

using namespace gpulca;

using gpulca::inventory::DieYieldAt;
using gpulca::inventory::HarvestYield;

namespace {
const char* kHeader = R"T(
[[source]]
id = "s"
citation = "c"
)T";
}

TEST_CASE("formulas evaluate in dependency order with process scope", "[parameters]") {
  inventory::Inventory inv = test::ParseValid(std::string(kHeader) + R"T(
[[parameter]]
id = "c"
formula = "a * b + 1"
[[parameter]]
id = "a"
value = 3
source = "s"
[[parameter]]
id = "b"
formula = "a ^ 2"
[[parameter]]
id = "d"
formula = "floor(7.9) + ceil(0.2) + (a > 2 ? 100 : 0)"
)T");
  inventory::ParameterSet p(inv);
  CHECK(p.Value("", "b") == Approx(9));
  CHECK(p.Value("", "c") == Approx(28));
  CHECK(p.Value("", "d") == Approx(108));
  p.Override("a", 2);
  p.Evaluate();
  CHECK(p.Value("", "c") == Approx(9));
  CHECK(p.Value("", "d") == Approx(8));
}

TEST_CASE("process parameters hide globals and parameters_from is seen", "[parameters]") {
  inventory::Inventory inv = test::ParseValid(test::kSmallInventory);
  inventory::ParameterSet p(inv);
  CHECK(p.Value("wafer_tw", "area_factor") == Approx(5.0));
  size_t wafer = inv.process_index.at("wafer_tw");
  CHECK(p.ExchangeAmount(wafer, 0) == Approx(5.0));
  p.Override("epa", 3.0);
  p.Evaluate();
  CHECK(p.ExchangeAmount(wafer, 0) == Approx(6.0));
  CHECK_THROWS_AS(p.Override("nonexistent", 1), InvalidArgument);
}

TEST_CASE("an unknown name in a formula names the formula and the name", "[parameters]") {
  std::vector<inventory::Diagnostic> problems;
  test::Parse(std::string(kHeader) + R"T(
[[parameter]]
id = "x"
formula = "y * 2"
)T", &problems);
  CHECK(test::AnyProblem(problems, {"test.toml:", "'x'", "unknown parameter 'y'"}));
}

TEST_CASE("a circular definition names every parameter in it", "[parameters]") {
  std::vector<inventory::Diagnostic> problems;
  test::Parse(std::string(kHeader) + R"T(
[[parameter]]
id = "p"
formula = "q + 1"
[[parameter]]
id = "q"
formula = "r * 2"
[[parameter]]
id = "r"
formula = "p"
)T", &problems);
  REQUIRE(test::AnyProblem(problems, {"test.toml:", "circular definition among parameters: p, q, r"}));
}

TEST_CASE("a formula that does not parse is reported with its text", "[parameters]") {
  std::vector<inventory::Diagnostic> problems;
  test::Parse(std::string(kHeader) + R"T(
[[parameter]]
id = "x"
formula = "2 * (3 + "
)T", &problems);
  CHECK(test::AnyProblem(problems, {"test.toml:7", "'2 * (3 + '", "does not parse"}));
}

// Binomial harvesting by hand: 3 units of yield 0.9, the die sells with at
// most one bad unit: 0.9^3 + 3 * 0.9^2 * 0.1 = 0.729 + 0.243 = 0.972.
TEST_CASE("harvest_yield is the binomial probability of at most k bad units", "[parameters]") {
  CHECK(HarvestYield(0.9, 3, 0) == Approx(0.729));
  CHECK(HarvestYield(0.9, 3, 1) == Approx(0.972));
  CHECK(HarvestYield(0.9, 3, 3) == Approx(1.0));
  CHECK(HarvestYield(1.0, 144, 0) == 1.0);
  CHECK(HarvestYield(0.0, 4, 2) == 0.0);
  CHECK_THROWS_AS(HarvestYield(1.2, 3, 1), FormulaError);
  CHECK_THROWS_AS(HarvestYield(0.9, 2.5, 1), FormulaError);
  CHECK_THROWS_AS(HarvestYield(0.9, 3, 4), FormulaError);
  inventory::Inventory inv = test::ParseValid(std::string(kHeader) + R"T(
[[parameter]]
id = "units"
value = 3
source = "s"
[[parameter]]
id = "y"
formula = "harvest_yield(0.9, units, 1)"
)T");
  inventory::ParameterSet p(inv);
  CHECK(p.Value("", "y") == Approx(0.972));
  // Constant arguments are checked when the formula is read, with its line.
  std::vector<inventory::Diagnostic> problems;
  test::Parse(std::string(kHeader) + R"T(
[[parameter]]
id = "y"
formula = "harvest_yield(0.9, 3, 4)"
)T", &problems);
  CHECK(test::AnyProblem(problems, {"test.toml:7", "'y'", "spare units 4"}));
}

// The three yield models by hand at A·D0 = 0.8954 (GH100, 8.14 cm2 x 0.11/cm2):
// Poisson e^-0.8954 = 0.408444; Murphy ((1 - 0.408444)/0.8954)^2 = 0.436473;
// negative binomial (1 + 0.08954)^-10 = 0.424198.
TEST_CASE("die_yield gives the model of its code, and names a bad argument", "[parameters]") {
  CHECK(DieYieldAt(1, 0.8954, 10) == Approx(0.408444).epsilon(1e-5));
  CHECK(DieYieldAt(2, 0.8954, 10) == Approx(0.436473).epsilon(1e-5));
  CHECK(DieYieldAt(3, 0.8954, 10) == Approx(0.4241976).epsilon(1e-6));
  CHECK(DieYieldAt(2, 0, 10) == 1.0);
  CHECK_THROWS_WITH(DieYieldAt(4, 0.5, 10), Catch::Contains("yield model 4"));
  CHECK_THROWS_WITH(DieYieldAt(3, -1, 10), Catch::Contains("A*D0 -1"));
  CHECK_THROWS_WITH(DieYieldAt(3, 0.5, 0), Catch::Contains("alpha 0"));
  inventory::Inventory inv = test::ParseValid(std::string(kHeader) + R"T(
[[parameter]]
id = "m"
value = 3
source = "s"
[[parameter]]
id = "y"
formula = "die_yield(m, 8.14 * 0.11, 10)"
)T");
  inventory::ParameterSet p(inv);
  CHECK(p.Value("", "y") == Approx(0.4241976).epsilon(1e-6));
}
