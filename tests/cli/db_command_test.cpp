// End-to-end: the db commands on good and bad input, through the binary.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "inventory/store/store.h"

#include "tests/cli/cli_support.h"
#include "tests/reports/report_support.h"
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
  CHECK(info.out.find(fmt::format("schema version  {}", gpulca::inventory::kSchemaVersion)) !=
        std::string::npos);
  auto calc = RunGpulca("--db " + db + " calc --demand wafer_tw --amount 10 --format csv");
  CHECK(calc.exit_code == 0);
  CHECK(CsvValue(ParseCsv(calc.out),
                 {{"section", "impacts"}, {"impact", "gwp100"}, {"measure", "total"}}) ==
        Approx(26.0));
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

TEST_CASE("every kind of bad input fails db build and leaves the database as it was", "[cli]") {
  TempDir dir;
  dir.Write("good/a.toml", kSmallInventory);
  std::string db = (dir.path() / "x.db").string();
  REQUIRE(RunGpulca("--db " + db + " db build " + (dir.path() / "good").string()).exit_code == 0);
  const std::string before = ReadAll(db);
  for (const BadInputCase& c : BadInputCases()) {
    SECTION(c.name) {
      // The cases name their file test.toml; here it is bad/a.toml.
      dir.Write("bad/a.toml", std::string(kSmallInventory) + "\n" + c.extra);
      auto build = RunGpulca("--db " + db + " db build " + (dir.path() / "bad").string());
      std::string out = build.out;
      const std::string prefix = dir.path().string() + "/";
      for (size_t at; (at = out.find(prefix)) != std::string::npos;) out.erase(at, prefix.size());
      INFO(out);
      CHECK(build.exit_code == 1);
      for (std::string part : c.expect) {
        if (auto at = part.find("test.toml"); at != std::string::npos) {
          part.replace(at, 9, "bad/a.toml");
        }
        CHECK(out.find(part) != std::string::npos);
      }
      CHECK(ReadAll(db) == before);
    }
  }
}

TEST_CASE("db build reports the loader's and validation's problems in one pass", "[cli]") {
  TempDir dir;
  dir.Write("inv/a.toml", "[[flow]\n");
  dir.Write("inv/b.toml", std::string(kSmallInventory) +
                              "\n[[flow]]\nid = \"y\"\nname = \"y\"\nkind = \"product\"\nunit = \"kWh\"\n"
                              "[[process]]\nid = \"q\"\nname = \"q\"\nlocation = \"TW\"\n"
                              "product = { flow = \"y\", amount = 1, unit = \"kg\" }\n");
  std::string db = (dir.path() / "x.db").string();
  auto build = RunGpulca("--db " + db + " db build " + (dir.path() / "inv").string());
  INFO(build.out);
  CHECK(build.exit_code == 1);
  CHECK(build.out.find("2 problems found") != std::string::npos);
  CHECK(build.out.find("a.toml:1: malformed TOML") != std::string::npos);
  CHECK(build.out.find("unit 'kg' does not fit flow 'y'") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("calc JSON has the demand, impacts and stages of DESIGN.md", "[cli]") {
  TempDir dir;
  dir.Write("inv/a.toml", kSmallInventory);
  std::string db = "--db " + (dir.path() / "x.db").string();
  REQUIRE(RunGpulca(db + " db build " + (dir.path() / "inv").string()).exit_code == 0);
  auto run = RunGpulca(db + " calc --demand wafer_tw --amount 10 --format json");
  INFO(run.out);
  REQUIRE(run.exit_code == 0);
  auto j = nlohmann::json::parse(run.out);
  CHECK(j["demand"]["product"] == "wafer_area");
  CHECK(j["demand"]["process"] == "wafer_tw");
  CHECK(j["demand"]["amount"] == 10);
  CHECK(j["demand"]["unit"] == "cm2");
  CHECK(j["demand"]["boundary"] == "cradle-to-gate");
  // By hand: per cm2, 2 x epa = 5 kWh at 0.5 kg/kWh (2.5 kg) plus 0.1 kg direct.
  CHECK(j["impacts"]["gwp100"]["value"].get<double>() == Approx(26));
  CHECK(j["impacts"]["gwp100"]["unit"] == "kg CO2e");
  for (const char* stage : {"mining", "materials", "fabrication", "assembly", "shipping",
                            "deployment", "end_of_life"}) {
    CHECK(j["stages"].contains(stage));
  }
  CHECK(j["stages"]["fabrication"]["gwp100"].get<double>() == Approx(26));
  // The Sankey data: the wafer and its grid, the grid's supply carrying 25 kg.
  REQUIRE(j["sankey"]["gwp100"]["links"].size() == 1);
  CHECK(j["sankey"]["gwp100"]["links"][0]["value"].get<double>() == Approx(25));
}

TEST_CASE("calc picks a product's provider at --region, and graph draws the system", "[cli]") {
  TempDir dir;
  dir.Write("inv/a.toml", kSmallInventory);
  std::string db = "--db " + (dir.path() / "x.db").string();
  REQUIRE(RunGpulca(db + " db build " + (dir.path() / "inv").string()).exit_code == 0);
  auto tw = nlohmann::json::parse(
      RunGpulca(db + " calc --demand electricity --region TW --format json").out);
  CHECK(tw["demand"]["process"] == "grid_tw");
  CHECK(tw["impacts"]["gwp100"]["value"].get<double>() == Approx(0.5));
  auto world = nlohmann::json::parse(RunGpulca(db + " calc --demand electricity --format json").out);
  CHECK(world["demand"]["process"] == "grid_glo");  // the default provider
  auto dot = RunGpulca(db + " graph wafer_tw --format dot");
  CHECK(dot.exit_code == 0);
  CHECK(dot.out.find("digraph product_system") == 0);
  CHECK(dot.out.find("p1 -> p0 [label=\"electricity\"") != std::string::npos);
  auto shallow = RunGpulca(db + " graph wafer_tw --format dot --depth 0");
  CHECK(shallow.out.find("p1 ") == std::string::npos);
  auto text = RunGpulca(db + " graph wafer_tw");
  CHECK(text.out.find("2 processes, 1 links, 0 co-product links") != std::string::npos);
  CHECK(text.out.find("0 loops") != std::string::npos);
}

TEST_CASE("a bundled database holding additions: the note and the error name 'db rebuild'",
          "[cli]") {
  TempDir dir;
  dir.Write("data/inv.toml", kSmallInventory);
  std::string extra = dir.Write("extra.toml", "[[source]]\nid = \"s8\"\ncitation = \"extra\"\n");
  std::string db = (dir.path() / "bundled.db").string();
  std::string args = "--db " + db + " --data " + (dir.path() / "data").string() + " ";
  REQUIRE(RunGpulca(args + "db add " + extra).exit_code == 0);
  dir.Write("data/more.toml", "[[source]]\nid = \"s9\"\ncitation = \"another\"\n");
  auto info = RunGpulca(args + "db info");
  INFO(info.out);
  CHECK(info.exit_code == 0);
  CHECK_THAT(info.out, Catch::StartsWith(fmt::format(
      "note: {}: the bundled data changed since this database was built, but it also holds "
      "data added since (TOML '{}'), so it was not rebuilt and results use the data as built. "
      "'gpulca db rebuild --db {}' rebuilds it from the current data and replays the "
      "additions.\n", db, extra, db)));
  SQLite::Database(db, SQLite::OPEN_READWRITE).exec("PRAGMA user_version = 1");
  auto old = RunGpulca(args + "db info");
  INFO(old.out);
  CHECK(old.exit_code == 1);
  CHECK(old.out == fmt::format(
      "gpulca: {}: schema version 1 is not gpulca's {}; rebuild it with 'gpulca db build --db "
      "{}'; it holds data added after its build (TOML '{}'): 'gpulca db rebuild --db {}' "
      "rebuilds it and replays them\n", db, gpulca::inventory::kSchemaVersion, db, extra, db));
}
