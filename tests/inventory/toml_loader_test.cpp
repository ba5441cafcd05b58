#include "inventory/toml_loader.h"

#include <catch2/catch.hpp>

#include "inventory/validate.h"
#include "tests/test_support.h"

using namespace gpulca;

TEST_CASE("the small inventory loads with origins and converted units", "[toml]") {
  Inventory inv = test::ParseValid(test::kSmallInventory);
  REQUIRE(inv.processes.size() == 3);
  const Process* grid = inv.FindProcess("grid_tw");
  REQUIRE(grid);
  CHECK(grid->origin.file == "test.toml");
  CHECK(grid->origin.line == 32);  // the line of its id
  REQUIRE(grid->exchanges.size() == 1);
  CHECK(*grid->exchanges[0].amount * grid->exchanges[0].unit_factor == Approx(0.5));
  CHECK(grid->stage == Stage::kNone);
  CHECK(inv.FindProcess("wafer_tw")->stage == Stage::kFabrication);
  CHECK(inv.ProvidersOf("electricity").size() == 2);
}

TEST_CASE("bad input is reported with file:line and why", "[toml]") {
  std::string base = test::kSmallInventory;
  struct Case {
    const char* name;
    std::string extra;
    std::vector<std::string> expect;
  };
  std::vector<Case> cases = {
      {"malformed TOML", "[[flow]\nid = \"x\"\n", {"test.toml:83", "malformed TOML", "invalid key"}},
      {"duplicate id", "[[flow]]\nid = \"electricity\"\nname = \"e\"\nkind = \"product\"\nunit = \"kWh\"\n",
       {"duplicate flow id 'electricity'", "first defined at test.toml:"}},
      {"unknown flow",
       "[[process]]\nid = \"p\"\nname = \"p\"\nlocation = \"TW\"\n"
       "product = { flow = \"wafer_area\", amount = 1, unit = \"cm2\" }\n"
       "[[process.exchanges]]\nflow = \"unobtainium\"\namount = 1\nunit = \"kg\"\nsource = \"s1\"\n",
       {"unknown flow 'unobtainium'", "process 'p'"}},
      {"unit mismatch",
       "[[process]]\nid = \"p\"\nname = \"p\"\nlocation = \"TW\"\n"
       "product = { flow = \"wafer_area\", amount = 1, unit = \"cm2\" }\n"
       "[[process.exchanges]]\nflow = \"electricity\"\namount = 1\nunit = \"kg\"\nsource = \"s1\"\n",
       {"unit 'kg'", "'electricity'", "'kWh'"}},
      {"unknown unit",
       "[[flow]]\nid = \"x\"\nname = \"x\"\nkind = \"product\"\nunit = \"parsec\"\n",
       {"unknown unit 'parsec'"}},
      {"unknown source",
       "[[parameter]]\nid = \"z\"\nvalue = 1\nsource = \"nobody\"\n", {"unknown source 'nobody'"}},
      {"number without source", "[[parameter]]\nid = \"z\"\nvalue = 1\n", {"no source"}},
      {"formula that does not parse",
       "[[parameter]]\nid = \"z\"\nformula = \"1 +* 2\"\n", {"does not parse"}},
      {"missing reference product",
       "[[process]]\nid = \"p\"\nname = \"p\"\nlocation = \"TW\"\n", {"no reference product"}},
      {"unknown key", "[[source]]\nid = \"s2\"\ncitation = \"c\"\nurll = \"x\"\n",
       {"unknown key 'urll'"}},
      {"estimate without range",
       "[[parameter]]\nid = \"z\"\nvalue = 1\nsource = \"s1\"\nestimate = true\n",
       {"estimate", "no uncertainty"}},
      {"min greater than max",
       "[[parameter]]\nid = \"z\"\nvalue = 1\nsource = \"s1\"\n"
       "uncertainty = { distribution = \"uniform\", min = 3, max = 2 }\n",
       {"min 3 is greater than max 2"}},
      {"negative sd",
       "[[parameter]]\nid = \"z\"\nvalue = 1\nsource = \"s1\"\n"
       "uncertainty = { distribution = \"normal\", sd = -1 }\n",
       {"sd must not be negative"}},
      {"lognormal of zero (a negative value is its mirror image)",
       "[[parameter]]\nid = \"z\"\nvalue = 0\nsource = \"s1\"\n"
       "uncertainty = { distribution = \"lognormal\", gsd = 1.2 }\n",
       {"lognormal", "non-zero amount"}},
      {"provider of another product",
       "[[process]]\nid = \"p\"\nname = \"p\"\nlocation = \"TW\"\n"
       "product = { flow = \"wafer_area\", amount = 1, unit = \"cm2\" }\n"
       "[[process.exchanges]]\nflow = \"electricity\"\namount = 1\nunit = \"kWh\"\nsource = \"s1\"\n"
       "provider = \"wafer_tw\"\n",
       {"provider 'wafer_tw' makes 'wafer_area', not 'electricity'"}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      std::vector<Diagnostic> problems;
      test::Parse(base + "\n" + c.extra, &problems);
      INFO(JoinDiagnostics(problems));
      CHECK(test::AnyProblem(problems, c.expect));
    }
  }
}

TEST_CASE("every problem of a directory is found in one pass, in path order", "[toml]") {
  test::TempDir dir;
  dir.Write("b.toml", "[[flow]]\nid = \"y\"\nname = \"y\"\nkind = \"gas\"\nunit = \"kg\"\n");
  dir.Write("a/a.toml", "[[flow]]\nid = \"x\"\nname = \"x\"\nkind = \"product\"\nunit = \"qq\"\n");
  dir.Write("notes.txt", "not toml");
  std::vector<Diagnostic> problems;
  Inventory inv = LoadToml({dir.path().string()}, problems);
  auto more = Validate(inv);
  problems.insert(problems.end(), more.begin(), more.end());
  CHECK(test::AnyProblem(problems, {"b.toml:4", "unknown kind 'gas'"}));
  CHECK(test::AnyProblem(problems, {"a.toml:2", "unknown unit 'qq'"}));
  CHECK(inv.flows.size() == 2);
  CHECK(inv.flows[0].id == "x");  // a/a.toml sorts before b.toml
}

TEST_CASE("override files are read as name = number", "[toml]") {
  test::TempDir dir;
  auto good = dir.Write("o.toml", "pue = 1.2\nlifetime_years = 6\n");
  auto overrides = LoadOverrides(good.string());
  REQUIRE(overrides.size() == 2);
  auto bad = dir.Write("bad.toml", "pue = \"high\"\n");
  CHECK_THROWS_WITH(LoadOverrides(bad.string()), Catch::Contains("bad.toml:1") && Catch::Contains("'pue'"));
}
