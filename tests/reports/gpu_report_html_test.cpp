// The HTML report is one self-contained page: no script, no stylesheet or
// image fetched from anywhere, http(s) only in citation links; three inline
// SVG charts with something drawn in each; print rules.
#include <catch2/catch.hpp>

#include "inventory/model/parameters.h"
#include "inventory/model/validate.h"
#include "inventory/toml/toml_loader.h"
#include "lca/gpu/gpu_assessment.h"
#include "reports/gpu_report_html.h"
#include "tests/cli/cli_support.h"
#include "tests/lca/gpu_fixture.h"
#include "tests/reports/report_support.h"
#include "tests/test_support.h"

using namespace gpulca;

namespace {

using test::Count;

// The <svg> element with id `id`.
std::string Svg(const std::string& html, const std::string& id) {
  size_t start = html.find("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + id + "\"");
  if (start == std::string::npos) return "";
  return html.substr(start, html.find("</svg>", start) - start);
}

}  // namespace

TEST_CASE("HTML report: self-contained, three inline charts, print rules", "[report][html]") {
  inventory::Inventory inv = test::ParseValid(test::kGpuFixture);
  inventory::ParameterSet parameters(inv);
  lca::GpuAssessmentOptions o;
  o.gpu = "g1";
  o.query_wh = 2.0;
  const std::string html = reports::RenderGpuHtml(lca::AssessGpu(inv, parameters, o), {});
  test::CheckSelfContained(html);
  CHECK(Count(html, "<svg ") == 3);
  const std::string stages = Svg(html, "chart-stages"), sankey = Svg(html, "chart-sankey"),
                    use = Svg(html, "chart-use-phase");
  // Each chart has a title and something drawn: stage segments, supply links, arcs.
  CHECK(stages.find("<title id=\"chart-stages-title\">") != std::string::npos);
  CHECK(Count(stages, "<rect class=\"segment") >= 3);
  CHECK(Count(sankey, "<path class=\"link") == 1);  // the module's electricity
  // Embodied module, host share, operational, and the module's end of life.
  CHECK(Count(use, "class=\"arc\"") == 4);
  CHECK(use.find("no data") == std::string::npos);
  // The charts sit in their sections.
  CHECK(test::HtmlSection(html, "stages").find("id=\"chart-stages\"") != std::string::npos);
  CHECK(test::HtmlSection(html, "use_phase").find("id=\"chart-use-phase\"") != std::string::npos);
  CHECK(test::HtmlSection(html, "supply_chain").find("id=\"chart-sankey\"") != std::string::npos);
  // Print: the charts and tables are kept whole, links print their address.
  const size_t print = html.find("@media print");
  REQUIRE(print != std::string::npos);
  const std::string rules = html.substr(print, html.find("</style>") - print);
  CHECK(rules.find("svg.chart") != std::string::npos);
  CHECK(rules.find("break-inside: avoid") != std::string::npos);
  CHECK(rules.find("a[href^=\"http\"]::after") != std::string::npos);
}

TEST_CASE("HTML report of every catalogue GPU is self-contained with three charts",
          "[report][html][data]") {
  inventory::Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet parameters(inv);
  for (const std::string& gpu : lca::CatalogueGpus(inv)) {
    INFO(gpu);
    for (bool grave : {true, false}) {
      lca::GpuAssessmentOptions o;
      o.gpu = gpu;
      o.cradle_to_grave = grave;
      const std::string html = reports::RenderGpuHtml(lca::AssessGpu(inv, parameters, o), {});
      test::CheckSelfContained(html);
      CHECK(Count(html, "<svg ") == 3);
      CHECK(Count(Svg(html, "chart-sankey"), "<path class=\"link") >= 3);
      CHECK(html.find("NaN") == std::string::npos);
      CHECK(html.find(">inf<") == std::string::npos);
    }
  }
}
