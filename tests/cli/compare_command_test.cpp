// gpulca compare end to end: the JSON agrees with each GPU's report, the
// HTML is one self-contained page with a chart per impact, bad options exit 2.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.h"

using namespace gpulca;

TEST_CASE("compare agrees with the reports and draws a chart per impact", "[compare][cli]") {
  test::BundledDb db;
  auto c = db.Json("compare nvidia-h100-sxm5 intel-gaudi3 --per gpu-hour --region SE --format json");
  REQUIRE(c["gpus"].size() == 2);
  CHECK(c["per"] == "gpu-hour");
  CHECK(c["region"] == "SE");
  for (int i = 0; i < 2; ++i) {
    const std::string gpu = c["gpus"][i]["demand"]["product"];
    auto r = db.Json("report " + gpu + " --region SE --format json");
    INFO(gpu);
    CHECK(c["gpus"][i]["impacts"]["gwp100"]["value"].get<double>() ==
          Approx(r["impacts"]["gwp100"]["value"].get<double>() /
                 c["gpus"][i]["functional_units"].get<double>()));
  }
  CHECK(c["gpus"][1]["against_first"]["gwp100"]["deciding_stage"].is_string());

  auto html = db.Run("compare nvidia-h100-sxm5 intel-gaudi3 --format html");
  REQUIRE(html.exit_code == 0);
  size_t charts = 0;
  for (size_t at = 0; (at = html.out.find("<svg", at)) != std::string::npos; ++at) ++charts;
  CHECK(charts == 5);
  CHECK(html.out.find("<script") == std::string::npos);
  CHECK(html.out.find("@media print") != std::string::npos);

  CHECK(db.Run("compare nvidia-h100-sxm5").exit_code == 2);
  CHECK(db.Run("compare nvidia-h100-sxm5 amd-mi300x --per furlong").exit_code == 2);
  auto query = db.Run("compare nvidia-h100-sxm5 amd-mi300x --per query");
  CHECK(query.exit_code == 2);
  CHECK(query.out.find("--query-wh") != std::string::npos);
  CHECK(db.Run("compare nvidia-h100-sxm5 nvidia-h900").exit_code == 1);
}
