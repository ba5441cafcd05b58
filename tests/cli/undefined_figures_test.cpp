// An undefined figure is never printed as zero: `report --utilization 0`
// has no impact per PFLOP-hour (the GPU does no work), so JSON gives null
// with the reason, text and HTML "n/a" with the reason, XLSX an empty cell
// with the reason in the row's note. And the small conformance fixes: the
// use-phase row adds up, fleet stages carry units, HTML tables have captions
// and scoped headers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.h"
#include "tests/reports/report_support.h"
#include "tests/reports/xlsx_reader.h"
#include "tests/test_support.h"

using namespace gpulca;

namespace {

const char* const kImpacts[] = {"gwp100", "gwp20", "energy", "water", "adp"};
const char* const kReason =
    "at utilization 0 of 989.5 peak dense BF16 TFLOPS the GPU does no work over its life "
    "(0 PFLOP-hours), so there is nothing to divide by";

}  // namespace

TEST_CASE("report --utilization 0: per PFLOP-hour is undefined in every format, never 0",
          "[undefined][report][cli][data]") {
  test::BundledDb db;
  const std::string base = "report nvidia-h100-sxm5 --utilization 0";
  auto j = db.Json(base + " --format json");
  for (const char* k : kImpacts) {
    INFO(k);
    CHECK(j["intensities"]["per_pflop_hour"][k].is_null());
    CHECK(j["intensities"]["per_gpu_hour"][k].get<double>() > 0);
  }
  CHECK(j["intensities"]["per_pflop_hour_undefined"] == kReason);

  const std::string term = db.Run(base).out;
  const std::string intensities = test::TerminalSection(term, "Intensities");
  CHECK(intensities.find(std::string("per PFLOP-hour: n/a (undefined): ") + kReason) !=
        std::string::npos);
  CHECK(test::Count(intensities, " n/a\n") == 5);  // one per impact, in the per PFLOP-hour column

  const std::string html = test::HtmlSection(db.Run(base + " --format html").out, "intensities");
  CHECK(html.find(std::string("Per PFLOP-hour: n/a (undefined): ") + kReason) != std::string::npos);
  CHECK(test::Count(html, "<td class=\"num\">n/a</td>") == 5);

  // CSV: a row per impact with an empty value and the reason, never 0.
  const auto csv = test::ParseCsv(db.Run(base + " --format csv").out);
  const auto& header = csv.at(0);
  auto column = [&](const char* name) {
    return std::find(header.begin(), header.end(), name) - header.begin();
  };
  int undefined = 0;
  for (const auto& row : csv) {
    if (row.at(column("measure")) != "per_pflop_hour") continue;
    INFO(row.at(column("impact")));
    CHECK(row.at(column("value")).empty());
    CHECK(row.at(column("text")) == kReason);
    ++undefined;
  }
  CHECK(undefined == 5);

  const std::string dir = db.dir.path().string();
  REQUIRE(db.Run(base + " --format xlsx --out " + dir + "/u.xlsx").exit_code == 0);
  bool found = false;
  for (const auto& sheet : test::ReadXlsx(dir + "/u.xlsx")) {
    if (sheet.name != "Intensities") continue;
    found = true;
    REQUIRE(sheet.text.at({0, 3}) == "per PFLOP-hour (unit/PFLOP-hour)");
    REQUIRE(sheet.text.at({0, 4}) == "note");
    for (int row = 1; row <= 5; ++row) {
      INFO(row);
      CHECK(sheet.text.at({row, 0}) == kImpacts[row - 1]);
      CHECK(sheet.numbers.at({row, 2}) > 0);     // per GPU-hour
      CHECK(sheet.numbers.count({row, 3}) == 0);  // per PFLOP-hour: empty
      CHECK(sheet.text.count({row, 3}) == 0);
      CHECK(sheet.text.at({row, 4}) == std::string("per PFLOP-hour undefined: ") + kReason);
    }
  }
  CHECK(found);

  // With Monte Carlo: no distribution of an undefined figure either.
  auto mc = db.Json(base + " --mc 20 --seed 1 --format json");
  const auto& m = mc["uncertainty"]["monte_carlo"]["intensities"];
  CHECK(m["per_pflop_hour"].is_null());
  CHECK(m["per_pflop_hour_undefined"] == kReason);
  CHECK(m["per_gpu_hour"]["gwp100"]["p50"].get<double>() > 0);
  const auto mc_csv = test::ParseCsv(db.Run(base + " --mc 20 --seed 1 --format csv").out);
  int mc_undefined = 0;
  for (const auto& row : mc_csv) {
    if (row.at(column("section")) != "mc" || row.at(column("measure")) != "per_pflop_hour") continue;
    CHECK(row.at(column("value")).empty());
    CHECK(row.at(column("text")) == kReason);
    ++mc_undefined;
  }
  CHECK(mc_undefined == 25);  // 5 impacts x 5 statistics
}

TEST_CASE("report: the use-phase row adds up, and the host's whole share is said apart",
          "[undefined][report][cli][data]") {
  test::BundledDb db;
  auto j = db.Json("report nvidia-h100-sxm5 --format json");
  for (const char* k : kImpacts) {
    INFO(k);
    const auto& u = j["use_phase"][k];
    CHECK(u["total"].get<double>() ==
          Approx(u["operational"].get<double>() + u["host_share_in_use"].get<double>())
              .epsilon(1e-12));
  }
  // The host share's use part is its direct (deployment-stage) emission: its
  // embodied part and e-waste are upstream, in the other stages.
  CHECK(j["use_phase"]["gwp100"]["host_share_in_use"].get<double>() <
        j["use_phase"]["gwp100"]["host_share"].get<double>());
  const std::string term = test::TerminalSection(db.Run("report nvidia-h100-sxm5").out, "Use phase");
  CHECK(term.find("use phase operational host share in use") != std::string::npos);
  CHECK(term.find("The host's whole share also carries its embodied and end-of-life parts, which "
                  "are in the other stages: 459.7 kg CO2e gwp100, ") != std::string::npos);
}

TEST_CASE("fleet JSON: every stage value carries its unit", "[undefined][fleet][cli][data]") {
  test::BundledDb db;
  auto j = db.Json("fleet --year 2022 --format json");
  REQUIRE(j["stages"].contains("fabrication"));
  double sum = 0;
  for (auto& [stage, impacts] : j["stages"].items()) {
    INFO(stage);
    CHECK(impacts["gwp100"]["unit"] == "t CO2e");
    CHECK(impacts["energy"]["unit"] == "GWh");
    sum += impacts["gwp100"]["value"].get<double>();
  }
  // The stages add up to the fleet's embodied total, in the same unit.
  CHECK(j["impacts"]["gwp100"]["unit"] == "t CO2e");
  CHECK(sum == Approx(j["impacts"]["gwp100"]["value"].get<double>()).epsilon(1e-9));
}

TEST_CASE("HTML reports: every table has a caption and every header cell a scope",
          "[undefined][html][cli][data]") {
  test::BundledDb db;
  for (const std::string command :
       {"report nvidia-h100-sxm5 --mc 20 --seed 1", "compare nvidia-h100-sxm5 amd-mi300x --mc 20",
        "fleet --year 2022", "validate"}) {
    INFO(command);
    const std::string html = db.Run(command + " --format html").out;
    const size_t tables = test::Count(html, "<table");
    CHECK(tables > 0);
    CHECK(std::regex_search(html, std::regex("<table[^>]*>\\s*<caption>[^<]+</caption>")));
    CHECK(test::Count(html, "<caption>") == tables);
    const std::regex th("<th[ >]");
    const auto cells = std::distance(std::sregex_iterator(html.begin(), html.end(), th),
                                     std::sregex_iterator());
    CHECK(cells > 0);
    CHECK(static_cast<size_t>(cells) ==
          test::Count(html, "<th scope=\"col\"") + test::Count(html, "<th scope=\"row\""));
  }
}

TEST_CASE("calc: a share of an impact whose total is 0 is n/a, not 0.0%",
          "[undefined][calc][cli][data]") {
  test::BundledDb db;
  // Air freight emits CO2e and uses energy, but draws no water and no
  // metals: its water and adp totals are 0, so their shares are undefined.
  const std::string out = db.Run("calc --demand freight_air_transport").out;
  INFO(out);
  CHECK(out.find("  water                 0 L\n") != std::string::npos);
  CHECK(out.find("  shipping         100.0%     100.0%     100.0%        n/a        n/a\n") !=
        std::string::npos);
}
