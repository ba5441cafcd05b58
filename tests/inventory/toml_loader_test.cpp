#include "inventory/toml/toml_loader.h"

#include <catch2/catch.hpp>

#include "inventory/model/validate.h"
#include "tests/test_support.h"

using namespace gpulca;

TEST_CASE("the small inventory loads with origins and converted units", "[toml]") {
  inventory::Inventory inv = test::ParseValid(test::kSmallInventory);
  REQUIRE(inv.processes.size() == 3);
  const inventory::Process* grid = inv.FindProcess("grid_tw");
  REQUIRE(grid);
  CHECK(grid->origin.file == "test.toml");
  CHECK(grid->origin.line == 32);  // the line of its id
  REQUIRE(grid->exchanges.size() == 1);
  CHECK(*grid->exchanges[0].amount * grid->exchanges[0].unit_factor == Approx(0.5));
  CHECK(grid->stage == inventory::Stage::kNone);
  CHECK(inv.FindProcess("wafer_tw")->stage == inventory::Stage::kFabrication);
  CHECK(inv.ProvidersOf("electricity").size() == 2);
}

TEST_CASE("bad input is reported with file:line and why", "[toml]") {
  std::string base = test::kSmallInventory;
  for (const test::BadInputCase& c : test::BadInputCases()) {
    SECTION(c.name) {
      std::vector<inventory::Diagnostic> problems;
      test::Parse(base + "\n" + c.extra, &problems);
      INFO(inventory::JoinDiagnostics(problems));
      CHECK(test::AnyProblem(problems, c.expect));
    }
  }
}

TEST_CASE("every problem of a directory is found in one pass, in path order", "[toml]") {
  test::TempDir dir;
  dir.Write("b.toml", "[[flow]]\nid = \"y\"\nname = \"y\"\nkind = \"gas\"\nunit = \"kg\"\n");
  dir.Write("a/a.toml", "[[flow]]\nid = \"x\"\nname = \"x\"\nkind = \"product\"\nunit = \"qq\"\n");
  dir.Write("notes.txt", "not toml");
  std::vector<inventory::Diagnostic> problems;
  inventory::Inventory inv = inventory::LoadToml({dir.path().string()}, problems);
  auto more = inventory::Validate(inv);
  problems.insert(problems.end(), more.begin(), more.end());
  CHECK(test::AnyProblem(problems, {"b.toml:4", "unknown kind 'gas'"}));
  CHECK(test::AnyProblem(problems, {"a.toml:2", "unknown unit 'qq'"}));
  CHECK(inv.flows.size() == 2);
  CHECK(inv.flows[0].id == "x");  // a/a.toml sorts before b.toml
}

TEST_CASE("override files are read as name = number", "[toml]") {
  test::TempDir dir;
  auto good = dir.Write("o.toml", "pue = 1.2\nlifetime_years = 6\n");
  auto overrides = inventory::LoadOverrides(good.string());
  REQUIRE(overrides.size() == 2);
  auto bad = dir.Write("bad.toml", "pue = \"high\"\n");
  CHECK_THROWS_WITH(inventory::LoadOverrides(bad.string()),
                    Catch::Contains("bad.toml:1") && Catch::Contains("'pue'"));
}
