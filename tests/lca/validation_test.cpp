// lca/gpu/validation.h on a board solved by hand, built on kSmallInventory
// (test_support.h): four cm2 of its Taiwanese wafer, a heat sink, and the
// board's own electricity (world grid) and direct emissions.
//   wafer: 5 kWh x 0.5 (Taiwan grid) + 0.1 = 2.6 kg per cm2, 4 cm2 = 10.4
//   heat sink: 2 kg per kg, 1.5 kg = 3
//   board: kwh (20, uniform 0-40) x 0.4 (world grid) = 8, direct 3
//   total 24.4 at the nominal values; 16.4 + 0.4 kwh, within [16.4, 32.4].
#include <catch2/catch.hpp>

#include "lca/error.h"
#include "inventory/model/parameters.h"
#include "inventory/records/published_footprint.h"
#include "lca/gpu/validation.h"
#include "tests/test_support.h"

using namespace gpulca;

using gpulca::inventory::Inventory;
using gpulca::inventory::PublishedSet;

namespace {

const char* const kBoard = R"T(
[[flow]]
id = "heatsink"
name = "Heat sink"
kind = "product"
unit = "kg"

[[flow]]
id = "board"
name = "Board"
kind = "product"
unit = "item"

[[process]]
id = "heatsink_make"
name = "Heat sink"
stage = "assembly"
location = "GLO"
product = { flow = "heatsink", amount = 1, unit = "kg" }
  [[process.exchanges]]
  flow = "co2_fossil"
  amount = 2
  unit = "kg"
  source = "s1"

[[process]]
id = "board"
name = "Board"
stage = "assembly"
location = "GLO"
product = { flow = "board", amount = 1, unit = "item" }
  [[process.parameters]]
  id = "kwh"
  value = 20
  source = "s1"
  uncertainty = { distribution = "uniform", min = 0, max = 40 }
  [[process.exchanges]]
  flow = "wafer_area"
  amount = 4
  unit = "cm2"
  source = "s1"
  [[process.exchanges]]
  flow = "heatsink"
  amount = 1.5
  unit = "kg"
  source = "s1"
  [[process.exchanges]]
  flow = "electricity"
  amount = "kwh"
  unit = "kWh"
  source = "s1"
  [[process.exchanges]]
  flow = "co2_fossil"
  amount = 3
  unit = "kg"
  source = "s1"
)T";

// A published footprint of the board: 48.8 kg (twice gpulca's), split 50 %
// chips, 10 % thermal.
const char* const kPublished = R"T(
[[source]]
id = "vendor"
citation = "A vendor's PCF"

[[footprint]]
id = "board-pcf"
name = "Board PCF"
device = "board"
boundary = "cradle-to-gate"
value = 48.8
unit = "kg CO2e"
divisor = 4
per = "chip"
source = "vendor"
includes = ["chips", "heat sink"]
  [[footprint.category]]
  name = "chips"
  percent = 50
  products = ["wafer_area"]
  [[footprint.category]]
  name = "thermal"
  percent = 10
  processes = ["heatsink_make"]
)T";

PublishedSet Published(const std::string& text, const Inventory& inv) {
  std::vector<inventory::Diagnostic> problems;
  PublishedSet set = inventory::ParsePublishedToml(text, "published.toml", problems);
  for (const inventory::Diagnostic& d : inventory::CheckPublishedFootprints(set, inv))
    problems.push_back(d);
  INFO(inventory::JoinDiagnostics(problems));
  REQUIRE(problems.empty());
  return set;
}

lca::McOptions Options(int iterations) {
  lca::McOptions o;
  o.iterations = iterations;
  o.seed = 7;
  o.threads = 2;
  return o;
}

}  // namespace

TEST_CASE("validation: nominal, ratio and categories by hand", "[validation]") {
  Inventory inv = test::ParseValid(std::string(test::kSmallInventory) + kBoard);
  inventory::ParameterSet parameters(inv);
  PublishedSet set = Published(kPublished, inv);
  lca::ValidationRun run = lca::RunValidation(inv, parameters, set.footprints, Options(0));
  REQUIRE(run.comparisons.size() == 1);
  const lca::FootprintComparison& c = run.comparisons[0];
  CHECK(c.demand == "board");
  CHECK(c.unit == "kg CO2e");
  CHECK(c.nominal == Approx(24.4));
  CHECK(c.NominalPer() == Approx(6.1));
  CHECK(c.PublishedPer() == Approx(12.2));
  CHECK(c.ratio == Approx(2));  // published / gpulca
  CHECK_FALSE(c.interval);
  CHECK_FALSE(c.inside);

  REQUIRE(c.categories.size() == 3);
  CHECK(c.categories[0].name == "chips");
  CHECK(c.categories[0].gpulca == Approx(10.4));  // the wafer with its electricity
  CHECK(c.categories[0].gpulca_percent == Approx(100 * 10.4 / 24.4));
  CHECK(*c.categories[0].published == Approx(50));
  CHECK(c.categories[1].name == "thermal");
  CHECK(c.categories[1].gpulca == Approx(3));
  CHECK(c.categories[2].name == "other");
  CHECK(c.categories[2].gpulca == Approx(11));  // the board's electricity and direct
  CHECK(*c.categories[2].published == Approx(40));
  double sum = 0;
  for (const auto& k : c.categories) sum += k.gpulca;
  CHECK(sum == Approx(c.nominal));
}

TEST_CASE("validation: the 90 % interval decides inside or outside", "[validation]") {
  Inventory inv = test::ParseValid(std::string(test::kSmallInventory) + kBoard);
  inventory::ParameterSet parameters(inv);
  PublishedSet set = Published(kPublished, inv);
  // Two figures: one at gpulca's nominal (inside), the published 48.8 (outside).
  set.footprints.push_back(set.footprints[0]);
  set.footprints[1].id = "at-nominal";
  set.footprints[1].value = 24.4;
  lca::ValidationRun run = lca::RunValidation(inv, parameters, set.footprints, Options(2000));
  CHECK(run.iterations == 2000);
  CHECK(run.seed == 7);
  REQUIRE(run.comparisons.size() == 2);
  for (const auto& c : run.comparisons) {
    REQUIRE(c.interval);
    // 16.4 + 0.4 kwh with kwh uniform on [0, 40]: p05 near 17.2, p95 near 31.6.
    CHECK(c.interval->p05 == Approx(17.2).margin(0.5));
    CHECK(c.interval->p95 == Approx(31.6).margin(0.5));
  }
  CHECK(*run.comparisons[0].inside == false);
  CHECK(*run.comparisons[1].inside == true);
  CHECK(run.summary.footprints == 2);
  CHECK(run.summary.with_interval == 2);
  CHECK(run.summary.inside == 1);
  CHECK(run.summary.median_ratio == Approx(1.5));  // of 2 and 1
  CHECK(run.summary.worst_ratio == Approx(2));
  CHECK(run.summary.worst_id == "board-pcf");

  // Same seed, other thread count: the same interval.
  lca::McOptions one = Options(2000);
  one.threads = 1;
  lca::ValidationRun again = lca::RunValidation(inv, parameters, set.footprints, one);
  CHECK(again.comparisons[0].interval->p05 == run.comparisons[0].interval->p05);
  CHECK(again.comparisons[0].interval->p95 == run.comparisons[0].interval->p95);
}

TEST_CASE("validation: a source's own range overlaps gpulca's interval", "[validation]") {
  Inventory inv = test::ParseValid(std::string(test::kSmallInventory) + kBoard);
  inventory::ParameterSet parameters(inv);
  PublishedSet set = Published(kPublished, inv);
  set.footprints[0].low = 30;
  set.footprints[0].high = 60;
  lca::ValidationRun run = lca::RunValidation(inv, parameters, set.footprints, Options(500));
  CHECK(*run.comparisons[0].inside == false);
  CHECK(*run.comparisons[0].overlaps == true);
}

TEST_CASE("validation: categories that supply one another are an error with file:line",
          "[validation]") {
  Inventory inv = test::ParseValid(std::string(test::kSmallInventory) + kBoard);
  inventory::ParameterSet parameters(inv);
  PublishedSet set = Published(kPublished, inv);
  inventory::PublishedCategory energy;
  energy.name = "energy";
  energy.percent = 10;
  energy.products = {"electricity"};
  energy.origin = {"published.toml", 99};
  set.footprints[0].categories.push_back(energy);
  try {
    lca::RunValidation(inv, parameters, set.footprints, Options(0));
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("published.toml:99") && Catch::Contains("energy") &&
                             Catch::Contains("upstream of 'wafer_tw'"));
  }
}

TEST_CASE("validation: the summary of no footprint is empty", "[validation]") {
  lca::ValidationSummary s = lca::SummariseValidation({});
  CHECK(s.footprints == 0);
  CHECK(s.inside == 0);
  CHECK(s.worst_id.empty());
}
