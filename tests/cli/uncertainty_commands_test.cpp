// report --mc and compare --mc end to end on the bundled data: the interval
// of every impact and intensity in each format, reproducible for any thread
// count, P(A < B) for a comparison, and the options that make no sense
// refused.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.h"
#include "tests/reports/report_support.h"

using namespace gpulca;
using Catch::Matchers::Contains;

namespace {

void CheckOrdered(const nlohmann::json& s) {
  CHECK(s["p05"].get<double>() <= s["p50"].get<double>());
  CHECK(s["p50"].get<double>() <= s["p95"].get<double>());
  CHECK(s["p05"].get<double>() < s["p95"].get<double>());
}

}  // namespace

TEST_CASE("report --mc: impacts and intensities with their intervals, any thread count",
          "[cli][mc][report]") {
  test::BundledDb db;
  const std::string args = "report nvidia-h100-sxm5 --mc 200 --seed 3 --query-wh 0.3 --format json";
  const auto j = db.Json(args + " --threads 1");
  CheckOrdered(j["impacts"]["gwp100"]);
  const auto& mc = j["uncertainty"]["monte_carlo"];
  CHECK(mc["iterations"] == 200);
  CHECK(mc["uncertain_inputs"].get<int>() > 10);
  for (const char* key : {"per_gpu_hour", "per_pflop_hour", "per_query"}) {
    INFO(key);
    const auto& x = mc["intensities"][key]["gwp100"];
    CheckOrdered(x);
    // The report shows per query in g CO2e, the uncertainty in kg CO2e.
    const bool query = std::string(key) == "per_query";
    const double nominal = query ? j["per_query"]["impacts"]["gwp100"]["value"].get<double>() / 1000
                                 : j["intensities"][key]["gwp100"].get<double>();
    CHECK(x["nominal"].get<double>() == Approx(nominal));
  }
  // The lifetime divides the total: the intensity's spread is not the
  // total's spread over the nominal lifetime.
  const double hours = 5 * 8760;
  CHECK(mc["intensities"]["per_gpu_hour"]["gwp100"]["sd"].get<double>() !=
        Approx(j["impacts"]["gwp100"]["sd"].get<double>() / hours));
  CHECK(db.Json(args + " --threads 2") == j);
}

TEST_CASE("report --mc in the other formats; PACT refuses it", "[cli][mc][report]") {
  test::BundledDb db;
  // The CSV holds the JSON's figures of the same run, to the last bit.
  auto csv = db.Run("report nvidia-h100-sxm5 --mc 50 --format csv");
  REQUIRE(csv.exit_code == 0);
  const auto rows = test::ParseCsv(csv.out);
  const auto j = db.Json("report nvidia-h100-sxm5 --mc 50 --format json");
  const auto& mc = j["uncertainty"]["monte_carlo"];
  const test::CsvWhere gwp = {{"section", "mc"}, {"gpu", "nvidia-h100-sxm5"}, {"impact", "gwp100"}};
  CHECK(test::CsvValue(rows, gwp, {{"stage", ""}, {"measure", "total"}, {"statistic", "p95"}}) ==
        j["impacts"]["gwp100"]["p95"].get<double>());
  CHECK(test::CsvValue(rows, gwp, {{"measure", "per_gpu_hour"}, {"statistic", "p50"}}) ==
        mc["intensities"]["per_gpu_hour"]["gwp100"]["p50"].get<double>());
  CHECK(test::CsvValue(rows, gwp, {{"stage", "fabrication"}, {"statistic", "mean"}}) ==
        mc["stages"]["fabrication"]["gwp100"]["mean"].get<double>());
  const auto& driver = mc["sensitivity"]["gwp100"][0];
  CHECK(test::CsvValue(rows, {{"section", "sensitivity"},
                              {"impact", "gwp100"},
                              {"input", driver["input"].get<std::string>()},
                              {"measure", "spearman"}}) == driver["spearman"].get<double>());
  const auto& moved = j["uncertainty"]["one_at_a_time"]["parameters"][0];
  CHECK(test::CsvValue(rows, {{"section", "one_at_a_time"},
                              {"impact", "gwp100"},
                              {"input", moved["parameter"].get<std::string>()},
                              {"measure", "at_high"}}) == moved["gwp100"]["high"].get<double>());
  auto text = db.Run("report nvidia-h100-sxm5 --mc 50");
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Contains("Uncertainty: Monte Carlo, 50 iterations") &&
                           Contains("kg CO2e per GPU-hour"));
  auto md = db.Run("report nvidia-h100-sxm5 --mc 50 --format md");
  CHECK_THAT(md.out, Contains("### Intensities"));
  auto html = db.Run("report nvidia-h100-sxm5 --mc 50 --format html");
  CHECK_THAT(html.out, Contains("<section class=\"uncertainty\">") && Contains("tornado-gwp100"));
  CHECK(html.out.find("<section class=\"uncertainty\">") < html.out.find("<footer>"));
  auto pact = db.Run("report nvidia-h100-sxm5 --mc 50 --format pact");
  CHECK(pact.exit_code != 0);
  CHECK_THAT(pact.out, Contains("PACT") && Contains("--mc"));
  CHECK(db.Run("report nvidia-h100-sxm5 --mc -3").exit_code != 0);
}

TEST_CASE("compare --mc: paired intervals and P(A < B) in every format", "[cli][mc][compare]") {
  test::BundledDb db;
  const std::string gpus = "compare nvidia-h100-sxm5 amd-mi300x intel-gaudi3 --per gpu-hour ";
  const auto j = db.Json(gpus + "--mc 300 --seed 5 --format json");
  CHECK(j["monte_carlo"]["iterations"] == 300);
  CHECK(j["monte_carlo"]["paired"] == true);
  double lowest = 0;
  for (const auto& g : j["gpus"]) {
    const auto& x = g["impacts"]["gwp100"];
    CheckOrdered(x);
    CHECK(x["p_below_first"].get<double>() >= 0.0);
    CHECK(x["p_below_first"].get<double>() <= 1.0);
    lowest += x["p_lowest"].get<double>();
  }
  CHECK(lowest == Approx(1.0));
  CHECK(j["gpus"][0]["impacts"]["gwp100"]["p_below_first"] == 0.5);
  // The nominal values are those of the comparison without --mc.
  const auto plain = db.Json(gpus + "--format json");
  CHECK(j["gpus"][1]["impacts"]["gwp100"]["value"] == plain["gpus"][1]["impacts"]["gwp100"]["value"]);
  auto text = db.Run(gpus + "--mc 100");
  CHECK_THAT(text.out, Contains("100 paired iterations") && Contains("P(below first)"));
  const auto csv = test::ParseCsv(db.Run(gpus + "--mc 300 --seed 5 --format csv").out);
  for (const auto& g : j["gpus"]) {
    const test::CsvWhere at = {{"section", "mc"},
                               {"gpu", g["demand"]["product"].get<std::string>()},
                               {"impact", "gwp100"}};
    for (const char* p : {"p_below_first", "p_lowest"}) {
      CHECK(test::CsvValue(csv, at, {{"measure", p}}) == g["impacts"]["gwp100"][p].get<double>());
    }
  }
  CHECK_THAT(db.Run(gpus + "--mc 100 --format html").out, Contains("id=\"uncertainty\""));
  CHECK_THAT(db.Run(gpus + "--mc 100 --format md").out, Contains("| P(below first) |"));
  auto oat = db.Run(gpus + "--oat pue");
  CHECK(oat.exit_code != 0);
  CHECK_THAT(oat.out, Contains("--oat"));
}
