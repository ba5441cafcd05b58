// The HTML report rendered by headless Chromium (Debian's `chromium`, which
// scripts/setup installs): the three charts are laid out with a real size,
// their shapes are painted, and the screenshot shows them — compared with
// the same page with the charts hidden, whose chart regions are blank.
// Also printed to PDF. The report has no script: the probe that measures
// the layout is added to a copy for this test only.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "inventory/model/parameters.h"
#include "inventory/toml/toml_loader.h"
#include "lca/gpu/gpu_assessment.h"
#include "reports/gpu_report_html.h"
#include "tests/cli/cli_support.h"
#include "tests/reports/chromium_support.h"
#include "tests/test_support.h"

using namespace gpulca;
using namespace gpulca::test::chromium;
namespace fs = std::filesystem;

namespace {

const char* const kCharts[] = {"chart-stages", "chart-use-phase", "chart-sankey"};

}  // namespace

TEST_CASE("HTML report renders in headless Chromium with its three charts", "[report][html][chromium]") {
  const std::string chromium = Chromium();
  INFO("chromium not found: scripts/setup installs Debian's chromium package");
  REQUIRE_FALSE(chromium.empty());

  inventory::Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet parameters(inv);
  lca::GpuAssessmentOptions o;
  o.gpu = "nvidia-h100-sxm5";
  o.query_wh = 0.3;
  const std::string html = reports::RenderGpuHtml(lca::AssessGpu(inv, parameters, o), {});
  test::TempDir dir;
  const fs::path report = dir.Write("report.html", html);

  // 1. The layout, measured in a copy with the probe.
  const nlohmann::json layout = ProbeLayout(dir, html, "1200,3000");
  double bottom = 0;
  for (const char* id : kCharts) {
    INFO(id);
    REQUIRE(layout["charts"].contains(id));
    const auto& c = layout["charts"][id];
    CHECK(c["w"].get<double>() > 300);
    CHECK(c["h"].get<double>() > 100);
    CHECK(c["x"].get<double>() >= 0);
    CHECK(c["x"].get<double>() + c["w"].get<double>() <= 1200 + 1);
    CHECK(c["painted"].get<int>() >= 5);
    bottom = std::max(bottom, c["y"].get<double>() + c["h"].get<double>());
  }
  const int height = static_cast<int>(std::min(16000.0, bottom + 40));

  // 2. Screenshots of the report, and of the report with its charts hidden
  // (visibility: hidden keeps the layout, so their boxes are blank).
  const Shots shots = ShootWithAndWithoutCharts(dir, html, report, height);
  const Image& shot = shots.drawn;
  const Image& empty = shots.blank;
  CHECK(fs::file_size(dir.path() / "drawn.png") > 50000);
  for (const char* id : kCharts) {
    INFO(id);
    const auto& c = layout["charts"][id];
    const double x = c["x"], y = c["y"], w = c["w"], h = c["h"];
    const Ink drawn = InkIn(shot, x, y, w, h), none = InkIn(empty, x, y, w, h);
    INFO("inked " << drawn.inked << " of " << drawn.pixels << ", " << drawn.colours
                  << " colours; without the chart " << none.inked);
    CHECK(drawn.inked > drawn.pixels / 20);  // at least 5% of the box is drawn
    CHECK(drawn.colours >= 4);               // several series, not one flat fill
    CHECK(none.inked < drawn.inked / 20);    // and it is the chart that drew it
  }

  // 3. Printed: a PDF of several pages.
  REQUIRE(RunChromium(dir, "--no-pdf-header-footer --print-to-pdf=" + (dir.path() / "report.pdf").string(),
                      report, "pdf.log") == 0);
  const std::string pdf = test::ReadAll(dir.path() / "report.pdf");
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  CHECK(pdf.size() > 20000);
  CHECK(std::regex_search(pdf, std::regex("/Type\\s*/Page[^s]")));
}
