// gpulca fleet end to end: a year of shipments in every format, the regions
// it runs in, and an asset file against the report's per-GPU figures.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "reports/internal/text_table.h"
#include "tests/cli/cli_support.h"
#include "tests/reports/report_support.h"
#include "tests/test_support.h"

using namespace gpulca;
using reports::FormatNumber;

TEST_CASE("fleet --year gives units that add up to the cited shipments, in every format",
          "[fleet][cli][data]") {
  test::BundledDb db;
  auto j = db.Json("fleet --year 2023 --region US=0.5 --region EU --format json");
  CHECK(j["units"].get<double>() == 3.85e6);
  double units = 0;
  for (const auto& p : j["products"]) units += p["units"].get<double>();
  CHECK(units == Approx(3.85e6));
  CHECK(j["previous"]["units"].get<double>() == 2.67e6);
  CHECK(j["impacts"]["gwp100"]["unit"] == "t CO2e");
  CHECK(j["impacts"]["gwp100"]["value"].get<double>() > j["previous"]["impacts"]["gwp100"]["value"].get<double>());
  CHECK(j["comparison"]["world_data_centres_twh"].get<double>() == 460);
  CHECK(j["comparison"]["source"] == "iea2024_electricity");
  CHECK(j["data_hash"].get<std::string>().size() == 64);
  // The change from 2022: +44.2% in units, and what it means in impacts.
  CHECK(j["change"]["from"] == 2022);
  CHECK(j["change"]["units"].get<double>() == Approx(3.85 / 2.67 - 1));
  CHECK(j["change"]["embodied"]["gwp100"].get<double>() ==
        Approx(j["impacts"]["gwp100"]["value"].get<double>() /
                   j["previous"]["impacts"]["gwp100"]["value"].get<double>() - 1));

  const std::string base = "fleet --year 2023";
  auto json = db.Json(base + " --format json");
  const auto csv = test::ParseCsv(db.Run(base + " --format csv").out);
  const std::string md = db.Run(base + " --format md").out;
  const std::string html = db.Run(base + " --format html").out;
  const std::string text = db.Run(base).out;
  CHECK(text.find("Change 2022 -> 2023") != std::string::npos);
  CHECK(text.find("+44.2%") != std::string::npos);
  CHECK(text.find("database " + json["data_hash"].get<std::string>()) != std::string::npos);
  for (const char* k : {"gwp100", "energy", "water", "adp"}) {
    INFO(k);
    const double embodied = json["impacts"][k]["value"];
    const double operational = json["operational_per_year"][k]["value"];
    CHECK(test::CsvValue(
              csv,
              {{"section", "fleet"}, {"year", "2023"}, {"impact", k}, {"measure", "embodied"}}) ==
          Approx(embodied).epsilon(1e-12));
    CHECK(test::CsvValue(csv, {{"section", "fleet"},
                               {"year", "2023"},
                               {"impact", k},
                               {"measure", "operational_per_year"}}) ==
          Approx(operational).epsilon(1e-12));
    CHECK(test::MarkdownSection(md, "Embodied, cradle to gate, by vendor").find(FormatNumber(embodied)) !=
          std::string::npos);
    CHECK(test::HtmlSection(html, "embodied_by_vendor").find(FormatNumber(embodied)) != std::string::npos);
    CHECK(test::HtmlSection(html, "operational").find(FormatNumber(operational)) != std::string::npos);
    CHECK(test::TerminalSection(text, "Operational, per year once deployed").find(FormatNumber(operational)) !=
          std::string::npos);
  }
  CHECK(test::CsvValue(csv, {{"section", "fleet"}, {"year", "2022"}, {"measure", "units"}}) ==
        2670000);
  CHECK(test::CsvValue(
            csv, {{"section", "change"}, {"year", "2023"}, {"impact", ""}, {"measure", "units"}}) ==
        Approx(3.85 / 2.67 - 1));
  test::CheckSelfContained(html);
  CHECK(test::Count(html, "<svg ") == 3);
  for (const char* id : {"chart-vendor-stages", "chart-world", "chart-change"}) {
    INFO(id);
    CHECK(html.find(fmt::format("id=\"{}\"", id)) != std::string::npos);
  }
  CHECK(html.find("no data") == std::string::npos);
  auto y22 = db.Run("fleet --year 2022 --format md");
  CHECK(y22.out.find("## Embodied by stage") != std::string::npos);
  CHECK(y22.out.find("## Change") == std::string::npos);  // no 2021 data
}

TEST_CASE("fleet --year: the regions change the operational part, and only it", "[fleet][cli][data]") {
  test::BundledDb db;
  auto at = [&](const std::string& region) {
    return db.Json("fleet --year 2023 --format json" + (region.empty() ? "" : " --region " + region));
  };
  const auto se = at("SE"), us = at("US"), cn = at("CN"), glo = at("GLO"), none = at("");
  auto op = [](const nlohmann::json& j) { return j["operational_per_year"]["gwp100"]["value"].get<double>(); };
  CHECK(op(se) < op(us));
  CHECK(op(us) < op(cn));
  // The same GPUs, the same electricity; only the grid differs.
  CHECK(se["impacts"]["gwp100"]["value"].get<double>() == Approx(cn["impacts"]["gwp100"]["value"].get<double>()));
  CHECK(se["electricity_twh_per_year"].get<double>() == Approx(cn["electricity_twh_per_year"].get<double>()));
  // Without --region: the world-average grid.
  CHECK(none["assumptions"]["regions"][0]["region"] == "GLO");
  CHECK(op(none) == Approx(op(glo)));
  CHECK(op(none) != Approx(op(us)));
  // Half in SE, half in CN: the mean of the two.
  auto mixed = db.Json("fleet --year 2023 --region SE=0.5 --region CN --format json");
  CHECK(op(mixed) == Approx((op(se) + op(cn)) / 2));
}

TEST_CASE("fleet --mix and bad fleet options", "[fleet][cli][data]") {
  test::BundledDb db;
  auto mix = db.dir.Write("mix.toml", "\"amd-mi300x\" = 0.7\n\"amd-mi325x\" = 0.2\n");
  auto bad = db.Run("fleet --year 2023 --mix " + mix.string());
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.find("shipments 2023: the product mix of vendor 'amd' adds up to 0.9, not 1") != std::string::npos);
  auto year = db.Run("fleet --year 2019");
  CHECK(year.exit_code == 1);
  CHECK(year.out.find("no shipment data for 2019") != std::string::npos);
  CHECK(db.Run("fleet").exit_code == 2);
  auto region = db.Run("fleet --year 2023 --region XX");
  CHECK(region.exit_code == 2);
  CHECK(region.out.find("--region XX: no electricity grid for that region") != std::string::npos);
  auto pue = db.Run("fleet --year 2023 --set pue=0.9");
  CHECK(pue.exit_code == 2);
  CHECK(pue.out.find("parameter pue = 0.9") != std::string::npos);
}

TEST_CASE("fleet --assets stops at a bad row with its line number, or skips it", "[fleet][cli][data]") {
  test::BundledDb db;
  auto csv = db.dir.Write("assets.csv",
                          "product,count,region,deployed,retired,utilization\n"
                          "nvidia-h100-sxm5,8,US,2023-07-01,2024-07-01,0.5\n"
                          "nvidia-h900,8,US,2023-07-01,,0.5\n"
                          "amd-mi300x,4,EU,2024-01-01,,0.7\n"
                          "amd-mi300x,4,EU,2024-01-01,2023-01-01,0.7\n");
  auto stop = db.Run("fleet --assets " + csv.string());
  CHECK(stop.exit_code == 1);
  CHECK(stop.out.find("assets.csv:3: unknown product 'nvidia-h900'") != std::string::npos);
  auto skip = db.Run("fleet --assets " + csv.string() + " --skip-bad --format json");
  INFO(skip.out);
  CHECK(skip.exit_code == 0);
  CHECK(skip.out.find("assets.csv:5: retired 2023-01-01 is not after deployed 2024-01-01") != std::string::npos);
  CHECK(skip.out.find("skipped 2 bad rows") != std::string::npos);
  auto text = db.Run("fleet --assets " + csv.string() + " --skip-bad");
  CHECK(text.out.find("Amortised embodied by year") != std::string::npos);
  CHECK(text.out.find("database ") != std::string::npos);
  const auto page = db.dir.path() / "assets.html";
  CHECK(db.Run("fleet --assets " + csv.string() + " --skip-bad --format html --out " + page.string())
            .exit_code == 0);
  const std::string html = test::ReadAll(page);
  test::CheckSelfContained(html);
  CHECK(test::Count(html, "<svg ") == 1);
  CHECK(test::Count(test::HtmlSection(html, "embodied_by_year"), "<rect class=\"segment") >= 6);
}

// Two rows computed by hand from what `gpulca report` says of each GPU.
TEST_CASE("fleet --assets against the report's per-GPU figures", "[fleet][cli][data]") {
  test::BundledDb db;
  auto report = [&](const std::string& gpu, const std::string& region, double u) {
    return db.Json(fmt::format("report {} --region {} --utilization {} --format json", gpu, region, u));
  };
  const auto h100 = report("nvidia-h100-sxm5", "SE", 0.5), mi300 = report("amd-mi300x", "CN", 0.8);
  const double hours = h100["assumptions"]["lifetime_hours"];  // 43,800: 1,825 days
  auto embodied = [](const nlohmann::json& r) { return r["embodied"]["gwp100"].get<double>() / 1e3; };  // t
  auto per_hour = [&](const nlohmann::json& r) {
    return r["use_phase"]["gwp100"]["operational"].get<double>() / hours / 1e3;  // t per GPU-hour
  };
  auto kwh_per_hour = [&](const nlohmann::json& r) { return r["assumptions"]["use_kwh"].get<double>() / hours; };
  auto csv = db.dir.Write("two.csv",
                          "product,count,region,deployed,retired,utilization\n"
                          "nvidia-h100-sxm5,4,SE,2023-07-01,2024-07-01,0.5\n"
                          "amd-mi300x,2,CN,2024-01-01,,0.8\n");
  auto j = db.Json("fleet --assets " + csv.string() + " --format json");
  auto year = [&](int y) {
    for (const auto& row : j["years"])
      if (row["year"] == y) return row;
    FAIL("no year " << y);
    return nlohmann::json();
  };
  // 2023: the H100s for 184 of their 366 days (2023-07-01 to 2024-07-01).
  const auto y23 = year(2023), y24 = year(2024);
  CHECK(y23["embodied"]["gwp100"]["value"].get<double>() == Approx(4 * embodied(h100) * 184 / 366));
  CHECK(y23["operational"]["gwp100"]["value"].get<double>() == Approx(4 * 184 * 24 * per_hour(h100)));
  CHECK(y23["electricity_mwh"].get<double>() == Approx(4 * 184 * 24 * kwh_per_hour(h100) / 1000));
  // 2024: the H100s' other 182 days, and the MI300Xs' first 366 of 1,825.
  CHECK(y24["embodied"]["gwp100"]["value"].get<double>() ==
        Approx(4 * embodied(h100) * 182 / 366 + 2 * embodied(mi300) * 366 / 1825));
  CHECK(y24["operational"]["gwp100"]["value"].get<double>() ==
        Approx(4 * 182 * 24 * per_hour(h100) + 2 * 366 * 24 * per_hour(mi300)));
  CHECK(y24["gpu_hours"].get<double>() == Approx((4 * 182 + 2 * 366) * 24));
}

TEST_CASE("fleet --assets: the region column chooses the grid", "[fleet][cli][data]") {
  test::BundledDb db;
  auto operational = [&](const std::string& region) {
    auto csv = db.dir.Write(region + ".csv", "nvidia-h100-sxm5,10," + region + ",2023-01-01,2024-01-01,0.6\n");
    auto j = db.Json("fleet --assets " + csv.string() + " --format json");
    REQUIRE(j["years"].size() == 1);
    return std::make_pair(j["years"][0]["operational"]["gwp100"]["value"].get<double>(),
                          j["years"][0]["embodied"]["gwp100"]["value"].get<double>());
  };
  const auto se = operational("SE"), us = operational("US"), cn = operational("CN");
  CHECK(se.first < us.first);
  CHECK(us.first < cn.first);
  CHECK(se.second == Approx(cn.second));
}

TEST_CASE("fleet --assets on a terminal: skipped rows do not overwrite the progress bar",
          "[fleet][cli][data]") {
  test::BundledDb db;
  // Over 4 MiB so that the bar is drawn before the bad row at the end.
  std::string text = "product,count,region,deployed,retired,utilization\n";
  while (text.size() < (5u << 20)) text += "nvidia-h100-sxm5,1,US,2023-01-01,2024-01-01,0.6\n";
  text += "nvidia-h900,1,US,2023-01-01,,0.6\n";
  auto csv = db.dir.Write("big.csv", text);
  // `script` runs the command on a pseudo-terminal (util-linux, in every Debian).
  const std::string cmd = fmt::format("script -qec \"'{}' {} fleet --assets '{}' --skip-bad --format json "
                                      "--out /dev/null\" /dev/null 2>&1",
                                      GPULCA_BINARY, db.args, csv.string());
  std::string out;
  FILE* pipe = popen(cmd.c_str(), "r");
  REQUIRE(pipe);
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  CHECK(pclose(pipe) == 0);
  INFO(out);
  const size_t bad = out.find("gpulca: skipped ");
  REQUIRE(bad != std::string::npos);
  REQUIRE(out.find("] ") < bad);  // a bar was drawn before
  // The bar's line is cleared before the message, and the bar drawn again after.
  CHECK(out.compare(bad - 4, 4, "\r\x1b[K") == 0);
  CHECK(out.find("\rassets [", bad) != std::string::npos);
  CHECK(out.find("100%") != std::string::npos);
}
