// The `gpulca validate` page rendered by headless Chromium: the
// dot-and-whisker chart is laid out with a real size, its whiskers, ticks and
// dots are painted, and the screenshot shows them (compared with the page
// with the chart hidden).
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "inventory/model/parameters.h"
#include "inventory/records/published_footprint.h"
#include "inventory/toml/toml_loader.h"
#include "lca/gpu/validation.h"
#include "reports/validation_report.h"
#include "tests/cli/cli_support.h"
#include "tests/reports/chromium_support.h"
#include "tests/test_support.h"

using namespace gpulca;
using namespace gpulca::test::chromium;
namespace fs = std::filesystem;

TEST_CASE("the validate page renders in headless Chromium with its chart",
          "[validation][html][chromium]") {
  REQUIRE_FALSE(Chromium().empty());
  inventory::Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet parameters(inv);
  inventory::PublishedSet set = inventory::LoadPublishedFootprints(
      {(fs::path(test::BundledData()) / "validation").string()}, inv);
  REQUIRE_FALSE(set.footprints.empty());
  lca::McOptions mc;
  mc.iterations = 200;
  mc.threads = 2;
  const std::string html = reports::RenderValidationHtml(
      lca::RunValidation(inv, parameters, set.footprints, mc), {});
  test::TempDir dir;
  const fs::path page = dir.Write("validate.html", html);

  const nlohmann::json layout = ProbeLayout(dir, html, "1200,2000");
  REQUIRE(layout["charts"].contains("chart-validation"));
  const auto& c = layout["charts"]["chart-validation"];
  const double x = c["x"], y = c["y"], w = c["w"], h = c["h"];
  CHECK(w > 300);
  CHECK(h > 80);
  CHECK(x >= 0);
  CHECK(x + w <= 1200 + 1);
  // Per footprint a tick and a dot, and the legend's tick and dot.
  CHECK(c["painted"].get<int>() >= 2 * static_cast<int>(set.footprints.size()) + 2);

  const int height = static_cast<int>(std::min(8000.0, y + h + 40));
  const Shots shots = ShootWithAndWithoutCharts(dir, html, page, height);
  const Image& shot = shots.drawn;
  const Image& empty = shots.blank;
  const Ink drawn = InkIn(shot, x, y, w, h), none = InkIn(empty, x, y, w, h);
  INFO("inked " << drawn.inked << " of " << drawn.pixels << ", " << drawn.colours << " colours");
  CHECK(drawn.inked > drawn.pixels / 100);  // lines, ticks and dots on a white page
  CHECK(drawn.colours >= 4);                // whisker, dot, tick and text colours
  CHECK(none.inked < drawn.inked / 20);     // and it is the chart that drew them
}
