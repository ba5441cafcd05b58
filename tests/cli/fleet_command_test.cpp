// gpulca fleet end to end: a year of shipments and an asset file.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.h"
#include "tests/test_support.h"

using namespace gpulca;

TEST_CASE("fleet --year gives units that add up to the cited shipments, and the change", "[fleet][cli]") {
  test::TempDir dir;
  std::string db = "--db " + (dir.path() / "f.db").string() + " --data " + test::BundledData();
  auto json = test::RunGpulca(db + " fleet --year 2023 --region US=0.5 --region EU --format json");
  INFO(json.out);
  REQUIRE(json.exit_code == 0);
  auto j = nlohmann::json::parse(json.out);
  CHECK(j["units"].get<double>() == 3.85e6);
  double units = 0;
  for (const auto& p : j["products"]) units += p["units"].get<double>();
  CHECK(units == Approx(3.85e6));
  CHECK(j["previous"]["units"].get<double>() == 2.67e6);
  CHECK(j["impacts"]["gwp100"]["unit"] == "t CO2e");
  CHECK(j["impacts"]["gwp100"]["value"].get<double>() > j["previous"]["impacts"]["gwp100"]["value"].get<double>());
  CHECK(j["comparison"]["world_data_centres_twh"].get<double>() == 460);
  auto text = test::RunGpulca(db + " fleet --year 2023");
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("Change 2022 -> 2023") != std::string::npos);
  CHECK(text.out.find("+44.2%") != std::string::npos);
  auto y22 = test::RunGpulca(db + " fleet --year 2022 --format csv");
  CHECK(y22.exit_code == 0);
  CHECK(y22.out.find("units,2022,,2670000,item") != std::string::npos);
  auto md = test::RunGpulca(db + " fleet --year 2022 --format md");
  CHECK(md.out.find("## Embodied by stage") != std::string::npos);
}

TEST_CASE("fleet --mix and bad fleet options", "[fleet][cli]") {
  test::TempDir dir;
  std::string db = "--db " + (dir.path() / "f.db").string() + " --data " + test::BundledData();
  auto mix = dir.Write("mix.toml", "\"amd-mi300x\" = 0.7\n\"amd-mi325x\" = 0.2\n");
  auto bad = test::RunGpulca(db + " fleet --year 2023 --mix " + mix.string());
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.find("shipments 2023: the product mix of vendor 'amd' adds up to 0.9, not 1") != std::string::npos);
  auto year = test::RunGpulca(db + " fleet --year 2019");
  CHECK(year.exit_code == 1);
  CHECK(year.out.find("no shipment data for 2019") != std::string::npos);
  CHECK(test::RunGpulca(db + " fleet").exit_code == 2);
}

TEST_CASE("fleet --assets stops at a bad row with its line number, or skips it", "[fleet][cli]") {
  test::TempDir dir;
  std::string db = "--db " + (dir.path() / "f.db").string() + " --data " + test::BundledData();
  auto csv = dir.Write("assets.csv",
                       "product,count,region,deployed,retired,utilization\n"
                       "nvidia-h100-sxm5,8,US,2023-07-01,2024-07-01,0.5\n"
                       "nvidia-h900,8,US,2023-07-01,,0.5\n"
                       "amd-mi300x,4,EU,2024-01-01,,0.7\n"
                       "amd-mi300x,4,EU,2024-01-01,2023-01-01,0.7\n");
  auto stop = test::RunGpulca(db + " fleet --assets " + csv.string());
  CHECK(stop.exit_code == 1);
  CHECK(stop.out.find("assets.csv:3: unknown product 'nvidia-h900'") != std::string::npos);
  auto skip = test::RunGpulca(db + " fleet --assets " + csv.string() + " --skip-bad --format json");
  INFO(skip.out);
  CHECK(skip.exit_code == 0);
  CHECK(skip.out.find("assets.csv:5: retired 2023-01-01 is not after deployed 2024-01-01") != std::string::npos);
  CHECK(skip.out.find("skipped 2 bad rows") != std::string::npos);
  auto text = test::RunGpulca(db + " fleet --assets " + csv.string() + " --skip-bad");
  CHECK(text.out.find("Amortised embodied by year") != std::string::npos);
  CHECK(text.out.find("2023") != std::string::npos);
}
