// End-to-end: `gpulca calc --mc` on a small inventory in a temporary
// database.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "cli/progress.h"
#include "tests/cli/cli_support.h"
#include "tests/lca/uncertainty_fixtures.h"
#include "tests/reports/report_support.h"
#include "tests/test_support.h"

using namespace gpulca::test;
using Catch::Matchers::Contains;

namespace {

// A GPU of 100 kWh (lognormal gsd 1.2) from a grid of g kg CO2/kWh
// (g = 0.5, uniform 0.4..0.6).
struct Setup {
  TempDir dir;
  Setup() {
    dir.Write("data/gpu.toml",
              UncertaintyToml(
                  TomlParameter("g", "0.5", "{ distribution = \"uniform\", min = 0.4, max = 0.6 }") +
                  Grid("", "g") +
                  Gpu(TomlExchange("electricity", "100", "kWh",
                                   "{ distribution = \"lognormal\", gsd = 1.2 }"))));
  }
  CommandResult Calc(const std::string& args) const {
    return RunGpulca("--db '" + (dir.path() / "mc.db").string() + "' --data '" +
                     (dir.path() / "data").string() + "' calc --demand gpu " + args);
  }
};

TEST_CASE("calc --mc: p05, p50, p95 per impact and stage; the same for any thread count",
          "[cli][mc]") {
  Setup s;
  const CommandResult one = s.Calc("--mc 400 --seed 9 --threads 1 --format json");
  INFO(one.out);
  REQUIRE(one.exit_code == 0);
  const auto j = nlohmann::json::parse(one.out);
  const auto& g = j["impacts"]["gwp100"];
  CHECK(g["value"].get<double>() == Approx(50.0));
  CHECK(g["p05"].get<double>() < g["p50"].get<double>());
  CHECK(g["p50"].get<double>() < g["p95"].get<double>());
  CHECK(g["p50"].get<double>() == Approx(50.0).epsilon(0.05));
  const auto& mc = j["uncertainty"]["monte_carlo"];
  CHECK(mc["iterations"] == 400);
  CHECK(mc["seed"] == 9);
  CHECK(mc["uncertain_inputs"] == 2);
  CHECK(mc["stages"]["assembly"]["gwp100"]["p95"].get<double>() == g["p95"].get<double>());
  // OAT of g: ±10 % of 50 kg.
  const auto& oat = j["uncertainty"]["one_at_a_time"]["parameters"][0];
  CHECK(oat["parameter"] == "param:g");
  CHECK(oat["gwp100"]["low"].get<double>() == Approx(45.0));
  const CommandResult two = s.Calc("--mc 400 --seed 9 --threads 2 --format json");
  CHECK(two.out == one.out);
  CHECK(s.Calc("--mc 400 --seed 10 --format json").out != one.out);
}

TEST_CASE("calc --mc: text and CSV, and no progress bar off a terminal", "[cli][mc]") {
  Setup s;
  const CommandResult text = s.Calc("--mc 50");
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Contains("Monte Carlo, 50 iterations, seed 1, 2 uncertain inputs"));
  CHECK_THAT(text.out, Contains("What drives gwp100") && Contains("One at a time"));
  CHECK_THAT(text.out, !Contains("monte carlo ["));
  const CommandResult csv = s.Calc("--mc 50 --format csv");
  REQUIRE(csv.exit_code == 0);
  // The tidy CSV: the nominal 100 kWh x 0.5 kg/kWh, g moved by -10 % and +10 %, the interval.
  const auto rows = ParseCsv(csv.out);
  CHECK(CsvValue(rows, {{"section", "impacts"}, {"impact", "gwp100"}, {"measure", "total"}}) ==
        Approx(50.0));
  const CsvWhere g = {{"section", "one_at_a_time"}, {"impact", "gwp100"}, {"input", "param:g"}};
  CHECK(CsvValue(rows, g, {{"measure", "at_low"}}) == Approx(45.0));
  CHECK(CsvValue(rows, g, {{"measure", "at_high"}}) == Approx(55.0));
  const CsvWhere mc = {{"section", "mc"}, {"impact", "gwp100"}, {"measure", "total"}};
  CHECK(CsvValue(rows, mc, {{"statistic", "p05"}}) < CsvValue(rows, mc, {{"statistic", "p50"}}));
  CHECK(CsvValue(rows, mc, {{"statistic", "p50"}}) < CsvValue(rows, mc, {{"statistic", "p95"}}));
  const CommandResult oat = s.Calc("--oat g");
  REQUIRE(oat.exit_code == 0);
  CHECK_THAT(oat.out, Contains("One at a time") && !Contains("Monte Carlo"));
}

TEST_CASE("calc --mc: bad options", "[cli][mc]") {
  Setup s;
  CHECK(s.Calc("--mc -5").exit_code == 2);
  CHECK(s.Calc("--mc 10 --threads many").exit_code == 2);
  const CommandResult unknown = s.Calc("--oat nope");
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.out, Contains("--oat nope: no parameter of that name"));
}

TEST_CASE("progress bar line", "[cli][mc]") {
  using gpulca::cli::ProgressBar;
  CHECK(ProgressBar::Line("mc", 50, 100, 1500, 10) == "mc [#####.....]  50%  50/100  1.5k/s");
  CHECK(ProgressBar::Line("mc", 0, 0, 0, 4) == "mc [....]   0%  0/0");
  std::FILE* sink = std::tmpfile();
  {
    ProgressBar off("x", false, sink);
    off.Update(1, 2);
  }
  CHECK(std::ftell(sink) == 0);
  {
    ProgressBar on("x", true, sink);
    on.Update(1, 2);
  }
  CHECK(std::ftell(sink) > 0);
  std::fclose(sink);
}

}  // namespace
