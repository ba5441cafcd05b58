// End-to-end: nan, infinities and formulas that are not finite are refused
// by `db check` and `db build` with file:line, and a refused build leaves the
// database byte-for-byte as it was (docs/reliability.md).
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/cli/cli_support.h"
#include "tests/reports/report_support.h"
#include "tests/test_support.h"

using namespace gpulca::test;

namespace {

std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

struct Case {
  const char* name;
  std::string text;    // the whole a.toml
  std::string at;      // text on the line the problem must name
  std::string expect;  // words the message must hold
};

}  // namespace

TEST_CASE("db check and db build refuse numbers and formulas that are not finite", "[nan][cli]") {
  const std::string base = kSmallInventory;
  const std::vector<Case> cases = {
      {"parameter value nan", Replaced(base, "value = 2.5", "value = nan"), "value = nan",
       "parameter 'epa': 'value' must be a finite number, not nan"},
      {"parameter value inf", Replaced(base, "value = 2.5", "value = inf"), "value = inf",
       "parameter 'epa': 'value' must be a finite number, not inf"},
      {"factor nan",
       Replaced(base, "flow = \"co2_fossil\"\n  value = 1", "flow = \"co2_fossil\"\n  value = nan"),
       "value = nan", "factor of 'co2_fossil': 'value' must be a finite number, not nan"},
      {"exchange amount nan", Replaced(base, "amount = 0.1\n", "amount = nan\n"), "amount = nan",
       "exchange of 'co2_fossil': 'amount' must be a finite number, not nan"},
      {"formula amount dividing by zero at nominal",
       Replaced(base, "amount = \"area_factor\"", "amount = \"1 / (epa - 2.5)\""),
       "[[process.exchanges]]\n  flow = \"electricity\"",
       "formula amount '1 / (epa - 2.5)' evaluates to inf at the nominal values; it reads epa = "
       "2.5"},
      {"formula dividing by zero at the max of a range",
       Replaced(Replaced(base, "value = 2.5\nsource = \"s1\"",
                         "value = 2.5\nsource = \"s1\"\n"
                         "uncertainty = { distribution = \"triangular\", min = 2, max = 3 }"),
                "formula = \"2 * epa\"", "formula = \"1 / (3 - epa)\""),
       "id = \"area_factor\"",
       "formula '1 / (3 - epa)' evaluates to inf when epa is at the max of its triangular range, "
       "3"},
  };
  TempDir dir;
  dir.Write("good/a.toml", base);
  std::string db = (dir.path() / "x.db").string();
  REQUIRE(RunGpulca("--db " + db + " db build " + (dir.path() / "good").string()).exit_code == 0);
  const std::string before = ReadAll(db);
  for (const Case& c : cases) {
    INFO(c.name);
    std::string folder = (dir.path() / c.name).string();
    dir.Write(std::string(c.name) + "/a.toml", c.text);
    std::string place = fmt::format("a.toml:{}: ", LineOf(c.text, c.at));
    auto check = RunGpulca("--db " + db + " db check '" + folder + "'");
    INFO(check.out);
    CHECK(check.exit_code == 1);
    CHECK(check.out.find(place) != std::string::npos);
    CHECK(check.out.find(c.expect) != std::string::npos);
    auto build = RunGpulca("--db " + db + " db build '" + folder + "'");
    INFO(build.out);
    CHECK(build.exit_code == 1);
    CHECK(build.out.find(place) != std::string::npos);
    CHECK(ReadAll(db) == before);
  }
  auto calc = RunGpulca("--db " + db + " calc --demand wafer_tw --amount 10 --format csv");
  CHECK(CsvValue(ParseCsv(calc.out),
                 {{"section", "impacts"}, {"impact", "gwp100"}, {"measure", "total"}}) ==
        Approx(26.0));
}

TEST_CASE("the --set and --params options refuse a value that is not finite", "[nan][cli]") {
  TempDir dir;
  dir.Write("inv/a.toml", kSmallInventory);
  std::string db = (dir.path() / "x.db").string();
  REQUIRE(RunGpulca("--db " + db + " db build " + (dir.path() / "inv").string()).exit_code == 0);
  std::string calc = "--db " + db + " calc --demand wafer_tw --amount 10 --format csv ";
  auto set = RunGpulca(calc + "--set epa=nan");
  CHECK(set.exit_code == 2);
  CHECK(set.out.find("--set epa: 'nan' is not a number") != std::string::npos);
  auto params = dir.Write("p.toml", "epa = nan\n");
  auto file = RunGpulca(calc + "--params " + params.string());
  INFO(file.out);
  CHECK(file.exit_code == 1);
  CHECK(file.out.find("p.toml:1: parameter 'epa' must be a finite number, not nan") !=
        std::string::npos);
}
