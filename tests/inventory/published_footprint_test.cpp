// inventory/published_footprint.h: the validation TOML format, its checks
// against an inventory (kSmallInventory), every problem with file:line.
#include <catch2/catch.hpp>

#include "lca/error.h"
#include "inventory/records/published_footprint.h"
#include "inventory/toml/toml_files.h"
#include "tests/test_support.h"

using namespace gpulca;

using gpulca::inventory::Diagnostic;

namespace {

const char* const kFootprint = R"T([[source]]
id = "pcf"
citation = "A PCF"
url = "https://example.com/pcf.pdf"

[[footprint]]
id = "wafer-pcf"
name = "Wafer PCF"
device = "wafer_tw"
boundary = "cradle-to-gate"
value = 2.0
unit = "kg CO2e"
low = 1.5
high = 3
source = "pcf"
includes = ["wafer"]
excludes = ["use"]
standard = "ISO 14067"
  [[footprint.category]]
  name = "energy"
  percent = 80
  products = ["electricity"]
)T";

std::vector<Diagnostic> Problems(const std::string& text) {
  inventory::Inventory inv = test::ParseValid(test::kSmallInventory);
  std::vector<Diagnostic> problems;
  inventory::PublishedSet set = inventory::ParsePublishedToml(text, "v.toml", problems);
  if (problems.empty()) problems = inventory::CheckPublishedFootprints(set, inv);
  return problems;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a published footprint reads with every field", "[published]") {
  std::vector<Diagnostic> problems;
  inventory::PublishedSet set = inventory::ParsePublishedToml(kFootprint, "v.toml", problems);
  INFO(inventory::JoinDiagnostics(problems));
  REQUIRE(problems.empty());
  REQUIRE(set.footprints.size() == 1);
  REQUIRE(set.sources.size() == 1);
  const inventory::PublishedFootprint& f = set.footprints[0];
  CHECK(f.id == "wafer-pcf");
  CHECK(f.origin.ToString() == "v.toml:7");
  CHECK(f.DemandProcess() == "wafer_tw");
  CHECK(f.impact == "gwp100");
  CHECK(f.value == 2.0);
  CHECK(*f.low == 1.5);
  CHECK(*f.high == 3);
  CHECK(f.divisor == 1);
  CHECK(f.per == "device");
  CHECK(f.includes == std::vector<std::string>{"wafer"});
  CHECK(f.standard == "ISO 14067");
  REQUIRE(f.categories.size() == 1);
  CHECK(f.categories[0].products == std::vector<std::string>{"electricity"});
  CHECK(f.categories[0].origin.line == 20);
  CHECK(Problems(kFootprint).empty());
}

TEST_CASE("a bad published footprint says where and why", "[published]") {
  struct Case {
    std::string from, to;
    std::vector<std::string> expect;
  };
  const std::vector<Case> cases = {
      {"boundary = \"cradle-to-gate\"", "boundary = \"gate-to-gate\"",
       {"v.toml:10", "boundary 'gate-to-gate'"}},
      {"boundary = \"cradle-to-gate\"", "boundary = \"cradle-to-grave\"",
       {"v.toml:7", "needs the process 'wafer_tw-lifecycle'"}},
      {"device = \"wafer_tw\"", "device = \"gpu9000\"", {"v.toml:7", "device 'gpu9000'"}},
      {"unit = \"kg CO2e\"", "unit = \"t CO2e\"", {"v.toml:7", "unit 't CO2e'", "'kg CO2e'"}},
      {"source = \"pcf\"", "source = \"nobody\"", {"v.toml:7", "unknown source 'nobody'"}},
      {"id = \"pcf\"", "id = \"s1\"", {"v.toml:2", "source 's1' is already defined"}},
      {"value = 2.0", "value = \"two\"", {"v.toml:11", "'value' must be a number"}},
      {"low = 1.5", "low = 2.5", {"v.toml:13", "does not hold the value 2"}},
      {"high = 3\n", "", {"v.toml:7", "both low and high"}},
      {"percent = 80", "percent = 180", {"v.toml:21", "not between 0 and 100"}},
      {"products = [\"electricity\"]", "products = [\"unobtainium\"]",
       {"v.toml:20", "no process makes the product 'unobtainium'"}},
      {"products = [\"electricity\"]", "processes = [\"nope\"]", {"v.toml:20", "unknown process 'nope'"}},
      {"includes = [\"wafer\"]", "includes = \"wafer\"", {"v.toml:16", "array of strings"}},
      {"standard = ", "standrd = ", {"v.toml:18", "unknown key 'standrd'"}},
      {"[[footprint]]", "[[footprint]", {"v.toml:6", "malformed TOML"}},
  };
  for (const Case& c : cases) {
    INFO(c.to);
    const std::vector<Diagnostic> problems = Problems(Replace(kFootprint, c.from, c.to));
    INFO(inventory::JoinDiagnostics(problems));
    CHECK(test::AnyProblem(problems, c.expect));
  }
}

TEST_CASE("LoadPublishedFootprints throws InputError listing every problem", "[published]") {
  inventory::Inventory inv = test::ParseValid(test::kSmallInventory);
  test::TempDir dir;
  dir.Write("bad.toml", Replace(kFootprint, "device = \"wafer_tw\"", "device = \"gpu9000\""));
  try {
    inventory::LoadPublishedFootprints({dir.path().string()}, inv);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("bad.toml:7") && Catch::Contains("gpu9000"));
  }
  dir.Write("bad.toml", kFootprint);
  CHECK(inventory::LoadPublishedFootprints({dir.path().string()}, inv).footprints.size() == 1);
}

TEST_CASE("the inventory loader skips data/validation", "[published][toml]") {
  test::TempDir dir;
  dir.Write("small.toml", test::kSmallInventory);
  std::filesystem::create_directories(dir.path() / "validation");
  dir.Write("validation/published.toml", kFootprint);
  std::vector<Diagnostic> problems;
  const std::vector<std::string> files = inventory::ListTomlFiles({dir.path().string()}, problems);
  CHECK(problems.empty());
  REQUIRE(files.size() == 1);
  CHECK(files[0].find("small.toml") != std::string::npos);
}
