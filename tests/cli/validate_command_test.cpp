// `gpulca validate` on the bundled data, in every format. The expected
// numbers come from the library on the same data, not from the data's
// current totals (which move as the inventory is revised).
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "inventory/model/parameters.h"
#include "inventory/records/published_footprint.h"
#include "inventory/toml/toml_loader.h"
#include "lca/system/calculation.h"
#include "lca/system/matrix_data.h"
#include "tests/cli/cli_support.h"
#include "tests/reports/report_support.h"
#include "tests/test_support.h"

using namespace gpulca;
namespace fs = std::filesystem;

namespace {

inventory::PublishedSet BundledPublished(const inventory::Inventory& inv) {
  return inventory::LoadPublishedFootprints(
      {(fs::path(test::BundledData()) / "validation").string()}, inv);
}

}  // namespace

TEST_CASE("validate --format json: every bundled footprint, computed as the library does",
          "[cli][validation]") {
  test::BundledDb db;
  const nlohmann::json j = db.Json("validate --mc 200 --seed 3 --threads 2 --format json");
  inventory::Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet parameters(inv);
  const inventory::PublishedSet set = BundledPublished(inv);

  CHECK(j["command"] == "validate");
  CHECK(j["monte_carlo"]["iterations"] == 200);
  CHECK(j["monte_carlo"]["seed"] == 3);
  CHECK(j["ratio_definition"] == "published / gpulca nominal");
  REQUIRE(j["footprints"].size() == set.footprints.size());
  int inside = 0;
  for (size_t i = 0; i < set.footprints.size(); ++i) {
    const inventory::PublishedFootprint& f = set.footprints[i];
    const nlohmann::json& e = j["footprints"][i];
    INFO(f.id);
    CHECK(e["id"] == f.id);
    CHECK(e["device"] == f.device);
    CHECK(e["boundary"] == f.boundary);
    CHECK(e["published"]["value"].get<double>() == f.value);
    CHECK(e["source"]["id"] == f.source);
    CHECK_FALSE(e["source"]["citation"].get<std::string>().empty());
    const lca::LcaResult r =
        lca::Calculate(lca::BuildMatrices(inv, parameters, f.DemandProcess(), 1.0, {f.impact}));
    const double nominal = r.impacts[r.ImpactIndex(f.impact)];
    CHECK(e["gpulca"]["nominal"].get<double>() == Approx(nominal).epsilon(1e-9));
    CHECK(e["gpulca"]["per_unit"].get<double>() == Approx(nominal / f.divisor).epsilon(1e-9));
    CHECK(e["ratio"].get<double>() == Approx(f.value / nominal).epsilon(1e-9));
    const double p05 = e["gpulca"]["p05"], p95 = e["gpulca"]["p95"];
    CHECK(p05 <= p95);
    CHECK(e["inside"].get<bool>() == (p05 <= f.value && f.value <= p95));
    inside += e["inside"].get<bool>() ? 1 : 0;
    // The source's categories and "other" add up to gpulca's total.
    if (!f.categories.empty()) {
      REQUIRE(e["categories"].size() == f.categories.size() + 1);
      double sum = 0;
      for (const auto& k : e["categories"]) sum += k["gpulca"].get<double>();
      CHECK(sum == Approx(nominal).epsilon(1e-9));
      CHECK(e["categories"].back()["name"] == "other");
    }
  }
  CHECK(j["summary"]["footprints"] == set.footprints.size());
  CHECK(j["summary"]["inside"] == inside);

  // The same seed gives the same interval with another thread count.
  const nlohmann::json again = db.Json("validate --mc 200 --seed 3 --threads 1 --format json");
  CHECK(again["footprints"][0]["gpulca"]["p95"] == j["footprints"][0]["gpulca"]["p95"]);
}

TEST_CASE("validate in text, md, csv and html", "[cli][validation]") {
  test::BundledDb db;
  const auto text = db.Run("validate --mc 50");
  INFO(text.out);
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("published figures inside gpulca's 90 % interval") &&
                           Catch::Contains("50 iterations, seed 1") &&
                           Catch::Contains("nvidia-hgx-h100-pcf") &&
                           Catch::Contains("ratio = published / gpulca nominal"));
  const auto md = db.Run("validate --mc 0 --format md");
  REQUIRE(md.exit_code == 0);
  CHECK_THAT(md.out, Catch::Contains("# gpulca validate") && Catch::Contains("| footprint") &&
                         Catch::Contains("No Monte Carlo run"));
  const auto csv = db.Run("validate --mc 20 --format csv");
  REQUIRE(csv.exit_code == 0);
  // NVIDIA's HGX H100 PCF: 1312 kg CO2e for a board of 8 GPUs; gpulca's p95 as in JSON.
  const auto rows = test::ParseCsv(csv.out);
  const test::CsvWhere h100 = {{"section", "footprints"}, {"source", "nvidia-hgx-h100-pcf"}};
  CHECK(test::CsvValue(rows, h100, {{"measure", "published"}}) == 1312);
  CHECK(test::CsvValue(rows, h100, {{"measure", "divisor"}}) == 8);
  const auto j = db.Json("validate --mc 20 --format json");
  CHECK(j["footprints"][0]["id"] == "nvidia-hgx-h100-pcf");
  CHECK(test::CsvValue(rows, h100, {{"measure", "gpulca"}, {"statistic", "p95"}}) ==
        j["footprints"][0]["gpulca"]["p95"].get<double>());
  test::TempDir out;
  const auto html = db.Run("validate --mc 20 --format html --out '" +
                           (out.path() / "v.html").string() + "'");
  REQUIRE(html.exit_code == 0);
  const std::string page = test::ReadAll(out.path() / "v.html");
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK_THAT(page, Catch::Contains("id=\"chart-validation\"") &&
                       Catch::Contains("class=\"point\"") && Catch::Contains("class=\"whisker\""));
  CHECK(page.find("<script") == std::string::npos);
}

TEST_CASE("validate: a bad published-footprint file gives file:line and exit 1",
          "[cli][validation]") {
  test::BundledDb db;
  test::TempDir dir;
  const fs::path bad = dir.Write("bad.toml",
                                 "[[footprint]]\n"
                                 "id = \"x\"\n"
                                 "name = \"X\"\n"
                                 "device = \"no-such-board\"\n"
                                 "boundary = \"cradle-to-gate\"\n"
                                 "value = 10\n"
                                 "unit = \"kg CO2e\"\n"
                                 "source = \"nvidia_hgx_h100_pcf\"\n"
                                 "colour = \"green\"\n");
  const auto r = db.Run("validate --mc 0 --published '" + bad.string() + "'");
  INFO(r.out);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::Contains("bad.toml:9") && Catch::Contains("unknown key 'colour'"));
  const fs::path syntax = dir.Write("syntax.toml", "[[footprint]\nid = 1\n");
  const auto s = db.Run("validate --published '" + syntax.string() + "'");
  CHECK(s.exit_code == 1);
  CHECK_THAT(s.out, Catch::Contains("syntax.toml:1") && Catch::Contains("malformed TOML"));
  const fs::path unknown = dir.Write("unknown.toml",
                                     "[[footprint]]\nid = \"x\"\nname = \"X\"\n"
                                     "device = \"no-such-board\"\nboundary = \"cradle-to-gate\"\n"
                                     "value = 10\nunit = \"kg CO2e\"\nsource = \"nvidia_hgx_h100_pcf\"\n");
  const auto u = db.Run("validate --mc 0 --published '" + unknown.string() + "'");
  CHECK(u.exit_code == 1);
  CHECK_THAT(u.out, Catch::Contains("unknown.toml:2") && Catch::Contains("no-such-board"));
}
