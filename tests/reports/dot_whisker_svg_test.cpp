// reports/dot_whisker_svg.h: rows, whiskers, dots and the axis by hand.
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "reports/internal/dot_whisker_svg.h"

using namespace gpulca::reports;

namespace {

int Count(const std::string& svg, const std::string& what) {
  int n = 0;
  for (size_t at = svg.find(what); at != std::string::npos; at = svg.find(what, at + 1)) ++n;
  return n;
}

// The x of the first element of class `cls` (cx for a circle, x1/x2 for a line).
double Attribute(const std::string& svg, const std::string& cls, const std::string& attribute) {
  std::smatch m;
  const std::regex re("class=\"" + cls + "\"[^>]*? " + attribute + "=\"([-0-9.]+)\"");
  REQUIRE(std::regex_search(svg, m, re));
  return std::stod(m[1].str());
}

}  // namespace

TEST_CASE("dot-and-whisker: a linear axis from 0 when the values are close", "[svg][validation]") {
  DotWhiskerChart c;
  c.id = "chart-t";
  c.title = "t <&>";
  c.unit = "kg";
  c.rows = {{"a", 40.0, 60.0, 50.0, 100.0}, {"b", std::nullopt, std::nullopt, 20.0, 10.0}};
  const std::string svg = RenderDotWhisker(c);
  CHECK(svg.find("t &lt;&amp;&gt;") != std::string::npos);
  CHECK(svg.find(" log\"") == std::string::npos);
  CHECK(Count(svg, "<g class=\"dw-row\">") == 2);
  CHECK(Count(svg, "class=\"whisker\"") == 1);  // row b has no interval
  CHECK(Count(svg, "class=\"point\"") == 2);
  // Linear from 0 to 110 (10 % over the largest value): 100 at 100/110 of the width.
  CHECK(Attribute(svg, "point", "cx") ==
        Approx(kDotWhiskerLeft + kDotWhiskerWidth * 100 / 110).margin(0.01));
  CHECK(Attribute(svg, "whisker", "x1") ==
        Approx(kDotWhiskerLeft + kDotWhiskerWidth * 40 / 110).margin(0.01));
  CHECK(svg.find("nan") == std::string::npos);
}

TEST_CASE("dot-and-whisker: a log axis over decades when the span is wide", "[svg][validation]") {
  DotWhiskerChart c;
  c.id = "chart-t";
  c.rows = {{"a", 10.0, 1000.0, 100.0, 1.0}};
  const std::string svg = RenderDotWhisker(c);
  CHECK(svg.find("dot-whisker log") != std::string::npos);
  // From 1 to 1000: three decades; 100 is two thirds of the way.
  CHECK(Attribute(svg, "mid", "x") + 2 ==
        Approx(kDotWhiskerLeft + kDotWhiskerWidth * 2 / 3).margin(0.01));
  CHECK(Attribute(svg, "point", "cx") == Approx(kDotWhiskerLeft).margin(0.01));
  CHECK(svg.find("(log scale)") != std::string::npos);
}

TEST_CASE("dot-and-whisker: no data without a positive value", "[svg][validation]") {
  DotWhiskerChart c;
  c.id = "chart-t";
  c.rows = {{"a", std::nullopt, std::nullopt, 0.0, 0.0}};
  const std::string svg = RenderDotWhisker(c);
  CHECK(svg.find("no data") != std::string::npos);
  CHECK(Count(svg, "dw-row") == 0);
  CHECK(RenderDotWhisker({}).find("no data") != std::string::npos);
}
