// The SVG charts keep their stated invariants: segment widths, scales,
// escaping, and no NaN for values that are not finite.
#include <catch2/catch.hpp>

#include <regex>

#include "reports/internal/svg_charts.h"

using namespace gpulca::reports;

namespace {

// Widths of the <rect class="CLS..."> elements, in order.
std::vector<double> Widths(const std::string& svg, const std::string& cls) {
  std::vector<double> out;
  const std::regex rect("<rect class=\"" + cls + "[^\"]*\" x=\"[^\"]*\" y=\"[^\"]*\" width=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), rect); it != std::sregex_iterator(); ++it) {
    out.push_back(std::stod((*it)[1]));
  }
  return out;
}

}  // namespace

TEST_CASE("stacked bars: each row fills the width, or is to scale when absolute", "[report][svg]") {
  StackedBarChart c;
  c.id = "c";
  c.title = "a <title> & \"quotes\"";
  c.series = {"one", "two"};
  c.rows = {{"big", {30, 10}, ""}, {"small", {5, 5}, ""}, {"none", {0, 0}, ""}};
  std::string svg = RenderStackedBars(c);
  std::vector<double> w = Widths(svg, "segment");
  REQUIRE(w.size() == 4);  // the row of zeros draws nothing
  CHECK(w[0] + w[1] == Approx(kStackedBarWidth).margin(0.02));
  CHECK(w[2] + w[3] == Approx(kStackedBarWidth).margin(0.02));
  CHECK(w[0] == Approx(kStackedBarWidth * 0.75).margin(0.01));
  CHECK(svg.find("a &lt;title&gt; &amp; &quot;quotes&quot;") != std::string::npos);
  c.absolute = true;
  w = Widths(RenderStackedBars(c), "segment");
  REQUIRE(w.size() == 4);
  CHECK(w[0] + w[1] == Approx(kStackedBarWidth).margin(0.02));
  CHECK(w[2] + w[3] == Approx(kStackedBarWidth * 10 / 40).margin(0.02));
}

TEST_CASE("grouped bars: each row to its own largest value", "[report][svg]") {
  GroupedBarChart c;
  c.id = "g";
  c.series = {"2022", "2023"};
  c.rows = {{"units", {2.67e6, 3.85e6}, {"2.67 M", "3.85 M"}},
            {"t CO2e", {-10, 5}, {"-10", "5"}},
            {"zero", {0, 0}, {}},
            {"broken", {std::nan(""), 1}, {}}};
  const std::string svg = RenderGroupedBars(c);
  const std::vector<double> w = Widths(svg, "bar");
  REQUIRE(w.size() == 5);  // zeros and NaN draw nothing
  CHECK(w[1] == Approx(kStackedBarWidth).margin(0.01));
  CHECK(w[0] == Approx(kStackedBarWidth * 2.67 / 3.85).margin(0.01));
  CHECK(w[2] == Approx(kStackedBarWidth).margin(0.01));  // |-10| is the row's largest
  CHECK(w[3] == Approx(kStackedBarWidth / 2).margin(0.01));
  CHECK(w[4] == Approx(kStackedBarWidth).margin(0.01));
  CHECK(svg.find("nan") == std::string::npos);
  CHECK(svg.find("class=\"bar negative\"") != std::string::npos);
  CHECK(svg.find(">3.85 M</text>") != std::string::npos);
  GroupedBarChart empty{"e", "t", {"a"}, {{"x", {0}, {}}}};
  CHECK(RenderGroupedBars(empty).find("no data") != std::string::npos);
}
