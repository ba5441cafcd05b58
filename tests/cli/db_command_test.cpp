// End-to-end: the db commands on good and bad input, through the binary.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "inventory/store.h"

#include "tests/cli/cli_support.h"
#include "tests/test_support.h"

using namespace gpulca::test;

TEST_CASE("db build, info and check on a small inventory", "[cli]") {
  TempDir dir;
  dir.Write("inv/a.toml", kSmallInventory);
  std::string db = (dir.path() / "x.db").string();
  auto built = RunGpulca("--db " + db + " db build " + (dir.path() / "inv").string());
  INFO(built.out);
  REQUIRE(built.exit_code == 0);
  CHECK(built.out.find("3 processes") != std::string::npos);
  auto info = RunGpulca("db info --db " + db);  // --db after the subcommand works too
  CHECK(info.exit_code == 0);
  CHECK(info.out.find(fmt::format("schema version  {}", gpulca::kSchemaVersion)) != std::string::npos);
  auto calc = RunGpulca("--db " + db + " calc --demand wafer_tw --amount 10 --format csv");
  CHECK(calc.exit_code == 0);
  CHECK(calc.out.find("impact,gwp100,total,26,kg CO2e") != std::string::npos);
}

TEST_CASE("a bad file: every problem with file:line, exit 1, database unchanged", "[cli]") {
  TempDir dir;
  dir.Write("good/a.toml", kSmallInventory);
  std::string db = (dir.path() / "x.db").string();
  REQUIRE(RunGpulca("--db " + db + " db build " + (dir.path() / "good").string()).exit_code == 0);
  std::string before = ReadAll(db);
  dir.Write("bad/a.toml", std::string(kSmallInventory) +
                              "\n[[flow]]\nid = \"y\"\nname = \"y\"\nkind = \"product\"\nunit = \"kWh\"\n"
                              "[[process]]\nid = \"q\"\nname = \"q\"\nlocation = \"TW\"\n"
                              "product = { flow = \"y\", amount = 1, unit = \"kg\" }\n");
  auto check = RunGpulca("db check " + (dir.path() / "bad").string());
  CHECK(check.exit_code == 1);
  CHECK(check.out.find("a.toml:") != std::string::npos);
  CHECK(check.out.find("unit 'kg' does not fit flow 'y'") != std::string::npos);
  auto build = RunGpulca("--db " + db + " db build " + (dir.path() / "bad").string());
  CHECK(build.exit_code == 1);
  CHECK(ReadAll(db) == before);
  dir.Write("broken/a.toml", "[[flow]\n");
  auto broken = RunGpulca("--db " + db + " db build " + (dir.path() / "broken").string());
  CHECK(broken.exit_code == 1);
  CHECK(broken.out.find("a.toml:1: malformed TOML") != std::string::npos);
  CHECK(ReadAll(db) == before);
}

TEST_CASE("bad options exit 2 with a message", "[cli]") {
  TempDir dir;
  dir.Write("inv/a.toml", kSmallInventory);
  std::string db = (dir.path() / "x.db").string();
  REQUIRE(RunGpulca("--db " + db + " db build " + (dir.path() / "inv").string()).exit_code == 0);
  auto set = RunGpulca("--db " + db + " calc --demand wafer_tw --set epa=abc");
  CHECK(set.exit_code == 2);
  CHECK(set.out.find("'abc' is not a number") != std::string::npos);
  auto unknown = RunGpulca("--db " + db + " calc --demand wafer_tw --set nothing=1");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.out.find("no parameter of that name") != std::string::npos);
  auto format = RunGpulca("--db " + db + " calc --demand wafer_tw --format xml");
  CHECK(format.exit_code == 2);
  auto demand = RunGpulca("--db " + db + " calc --demand h100");
  CHECK(demand.exit_code == 1);
  CHECK(demand.out.find("'h100'") != std::string::npos);
}
