// The `gpulca workload` page rendered by headless Chromium: its three charts
// (operational and embodied share of each impact, water on site, off site
// and embodied, electricity of each run) are laid out with a real size and
// painted, and the screenshot shows them (compared with the page with the
// charts hidden).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "inventory/model/parameters.h"
#include "inventory/records/workload_spec.h"
#include "inventory/toml/toml_loader.h"
#include "lca/workload/workload.h"
#include "reports/workload_report.h"
#include "tests/cli/cli_support.h"
#include "tests/reports/chromium_support.h"
#include "tests/test_support.h"

using namespace gpulca;
using namespace gpulca::test::chromium;
namespace fs = std::filesystem;

TEST_CASE("the workload page renders in headless Chromium with its three charts",
          "[workload][html][chromium]") {
  REQUIRE_FALSE(Chromium().empty());
  const inventory::Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet parameters(inv);
  const inventory::WorkloadSpec spec = inventory::LoadWorkload(
      test::BundledData() + "/examples/workload-gpt3-training.toml", lca::WorkloadFigureIds(inv));
  reports::WorkloadReport report{lca::AssessWorkload(inv, parameters, spec), std::nullopt, ""};
  report.gpulca_data = lca::AssessWorkload(inv, parameters, inventory::WithoutAssumptions(spec));
  const std::string html = reports::RenderWorkloadHtml(report);
  test::TempDir dir;
  const fs::path page = dir.Write("workload.html", html);

  const nlohmann::json layout = ProbeLayout(dir, html, "1200,3000");
  double bottom = 0;
  // Painted elements at least: a bar segment per run and impact (two runs,
  // five impacts); the water's three parts of two runs; four electricity bars.
  const std::pair<const char*, int> charts[] = {
      {"chart-impacts", 10}, {"chart-water", 6}, {"chart-electricity", 4}};
  for (const auto& [id, painted] : charts) {
    INFO(id);
    REQUIRE(layout["charts"].contains(id));
    const auto& c = layout["charts"][id];
    CHECK(c["w"].get<double>() > 300);
    CHECK(c["h"].get<double>() > 60);
    CHECK(c["x"].get<double>() >= 0);
    CHECK(c["x"].get<double>() + c["w"].get<double>() <= 1200 + 1);
    CHECK(c["painted"].get<int>() >= painted);
    bottom = std::max(bottom, c["y"].get<double>() + c["h"].get<double>());
  }
  const int height = static_cast<int>(std::min(16000.0, bottom + 40));
  const Shots shots = ShootWithAndWithoutCharts(dir, html, page, height);
  for (const auto& [id, painted] : charts) {
    INFO(id);
    const auto& c = layout["charts"][id];
    const double x = c["x"], y = c["y"], w = c["w"], h = c["h"];
    const Ink drawn = InkIn(shots.drawn, x, y, w, h), none = InkIn(shots.blank, x, y, w, h);
    INFO("inked " << drawn.inked << " of " << drawn.pixels << ", " << drawn.colours
                  << " colours; without the chart " << none.inked);
    CHECK(drawn.inked > drawn.pixels / 20);
    CHECK(drawn.colours >= 3);
    CHECK(none.inked < drawn.inked / 20);
  }
}
