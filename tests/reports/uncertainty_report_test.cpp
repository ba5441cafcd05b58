// The uncertainty renderers and the tornado chart, on results made by hand.
#include "reports/uncertainty_report.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <regex>

#include "lca/error.h"
#include "reports/internal/tidy_csv.h"
#include "reports/internal/tornado_svg.h"
#include "reports/internal/uncertainty_csv.h"
#include "tests/reports/report_support.h"

namespace gpulca::reports {
namespace {

using Catch::Matchers::Contains;

// The widths of the <rect class="CLASS"> elements, in order.
std::vector<double> Widths(const std::string& svg, const std::string& cls) {
  std::vector<double> out;
  const std::regex rect("<rect class=\"" + cls + "\"[^>]* width=\"([0-9.]+)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), rect); it != std::sregex_iterator();
       ++it) {
    out.push_back(std::stod((*it)[1]));
  }
  return out;
}

TEST_CASE("tornado: widest swing first, one scale, at most max_bars", "[reports][tornado]") {
  TornadoChart c;
  c.id = "t";
  c.title = "gwp100";
  c.unit = "kg";
  c.base = 100;
  c.bars = {{"a <x>", 90, 110}, {"b", 95, 130}, {"c", 100, 100}};
  c.max_bars = 2;
  const std::string svg = RenderTornado(c);
  const auto count = [&](const std::string& what) {
    size_t n = 0;
    for (size_t p = svg.find(what); p != std::string::npos; p = svg.find(what, p + 1)) ++n;
    return n;
  };
  CHECK(count("<g class=\"tornado-bar\">") == 2);
  CHECK(svg.find(">b</text>") < svg.find(">a &lt;x&gt;</text>"));
  CHECK(svg.find(">c</text>") == std::string::npos);
  // The widest side is b's +30: kTornadoHalfWidth; the others in proportion.
  const std::vector<double> low = Widths(svg, "low"), high = Widths(svg, "high");
  REQUIRE(low.size() == 2);
  REQUIRE(high.size() == 2);
  CHECK(high[0] == Approx(kTornadoHalfWidth).margin(0.01));
  CHECK(low[0] == Approx(kTornadoHalfWidth * 5 / 30).margin(0.01));
  CHECK(low[1] == Approx(kTornadoHalfWidth * 10 / 30).margin(0.01));
  CHECK(high[1] == Approx(kTornadoHalfWidth * 10 / 30).margin(0.01));
  CHECK_THAT(svg, Contains("<title id=\"t-title\">gwp100</title>"));
}

TEST_CASE("tornado: no swing is 'no data', nothing not finite is written", "[reports][tornado]") {
  TornadoChart c;
  c.id = "z";
  c.base = 5;
  c.bars = {{"flat", 5, 5}, {"broken", std::nan(""), 5}};
  const std::string svg = RenderTornado(c);
  CHECK_THAT(svg, Contains("no data"));
  CHECK_THAT(svg, !Contains("nan") && !Contains("inf"));
}

// One impact, 100 iterations; an OAT table of two parameters.
struct Results {
  lca::McResult mc;
  lca::OatResult oat;
  Results() {
    mc.iterations = 100;
    mc.seed = 3;
    mc.uncertain_inputs = 2;
    mc.impact_ids = {"gwp100"};
    mc.impact_units = {"kg CO2e"};
    mc.impacts = {{10.5, 2.0, 7.0, 10.0, 14.0}};
    mc.stages.resize(1);
    mc.stages[0][static_cast<int>(inventory::Stage::kFabrication)] = {10.5, 2.0, 7.0, 10.0, 14.0};
    mc.sensitivity = {{{"param:pue", 1.5, 0.9, 0.8}, {"param:yield", 0.9, -0.3, 0.1}}};
    oat.impact_ids = {"gwp100"};
    oat.impact_units = {"kg CO2e"};
    oat.base = {10.0};
    oat.rows = {{"param:yield", 0.9, 0.81, 0.99, {10.5}, {9.6}},
                {"param:pue", 1.5, 1.35, 1.65, {9.0}, {11.0}}};
  }
};

TEST_CASE("uncertainty JSON: p05, p50, p95 on every impact, stages, drivers, OAT",
          "[reports][uncertainty]") {
  Results r;
  UncertaintyView v{&r.mc, &r.oat, {10.0}};
  const std::string merged = MergeUncertaintyJson(
      R"({"demand": {"product": "x"}, "impacts": {"gwp100": {"value": 10.0, "unit": "kg CO2e"}}})", v);
  const auto j = nlohmann::json::parse(merged);
  const auto& g = j["impacts"]["gwp100"];
  CHECK(g["value"] == 10.0);
  CHECK(g["mean"] == 10.5);
  CHECK(g["sd"] == 2.0);
  CHECK(g["p05"] == 7.0);
  CHECK(g["p50"] == 10.0);
  CHECK(g["p95"] == 14.0);
  const auto& mc = j["uncertainty"]["monte_carlo"];
  CHECK(mc["iterations"] == 100);
  CHECK(mc["seed"] == 3);
  CHECK(mc["stages"]["fabrication"]["gwp100"]["p95"] == 14.0);
  CHECK(mc["stages"]["mining"]["gwp100"]["sd"] == 0.0);
  CHECK(mc["sensitivity"]["gwp100"][0]["input"] == "param:pue");
  CHECK(mc["sensitivity"]["gwp100"][0]["first_order"] == 0.8);
  const auto& oat = j["uncertainty"]["one_at_a_time"];
  CHECK(oat["delta"] == 0.1);
  CHECK(oat["parameters"][1]["parameter"] == "param:pue");
  CHECK(oat["parameters"][1]["high_value"] == 1.65);
  CHECK(oat["parameters"][1]["gwp100"]["high"] == 11.0);
  CHECK_THROWS_AS(MergeUncertaintyJson("[1, 2]", v), Error);
}

TEST_CASE("uncertainty text, Markdown, CSV and HTML", "[reports][uncertainty]") {
  Results r;
  UncertaintyView v{&r.mc, &r.oat, {10.0}};
  const std::string text = RenderUncertaintyText(v);
  CHECK_THAT(text, Contains("Monte Carlo, 100 iterations, seed 3, 2 uncertain inputs"));
  // The OAT table by decreasing swing: pue (2) before yield (0.9).
  const size_t table = text.find("One at a time");
  REQUIRE(table != std::string::npos);
  CHECK(text.find("param:pue", table) < text.find("param:yield", table));
  CHECK_THAT(text, Contains("+1 (+10.00%)"));
  const std::string md = RenderUncertaintyMarkdown(v);
  CHECK_THAT(md, Contains("| gwp100 | 10 | 10.5 | 2 | 7 | 10 | 14 | kg CO2e |"));
  const std::string html = RenderUncertaintyHtml(v);
  CHECK_THAT(html, Contains("<section class=\"uncertainty\">") && Contains("id=\"tornado-gwp100\""));
  CHECK(RenderUncertaintyText(UncertaintyView{}).empty());
}

TEST_CASE("uncertainty CSV rows: one observation a row, the base's dimensions on each",
          "[reports][uncertainty][csv]") {
  Results r;
  TidyCsv csv;
  AddUncertaintyCsv(UncertaintyView{&r.mc, &r.oat, {10.0}}, TidyKey().Gpu("g1"), csv);
  const auto rows = test::ParseCsv(csv.str());
  const test::CsvWhere mc = {{"section", "mc"}, {"gpu", "g1"}, {"impact", "gwp100"}};
  CHECK(test::CsvValue(rows, mc, {{"stage", ""}, {"measure", "total"}, {"statistic", "p95"}}) ==
        14);
  CHECK(test::CsvValue(rows, mc, {{"stage", "fabrication"}, {"statistic", "p05"}}) == 7);
  CHECK(test::CsvValue(rows, mc, {{"stage", "mining"}, {"statistic", "mean"}}) == 0);
  const test::CsvWhere pue = {
      {"section", "sensitivity"}, {"impact", "gwp100"}, {"input", "param:pue"}};
  CHECK(test::CsvValue(rows, pue, {{"measure", "spearman"}}) == 0.9);
  CHECK(test::CsvValue(rows, pue, {{"measure", "first_order"}}) == 0.8);
  const test::CsvWhere yield = {{"section", "one_at_a_time"}, {"input", "param:yield"}};
  CHECK(test::CsvValue(rows, yield, {{"measure", "at_low"}}) == 10.5);
  CHECK(test::CsvValue(rows, yield, {{"measure", "at_high"}}) == 9.6);
  // The exact text of a row: shortest numbers, "1" for a correlation.
  CHECK_THAT(csv.str(), Contains("\nsensitivity,g1,,,,,,,,param:pue,,,,gwp100,spearman,,0.9,1,\n"));
  // 5 statistics x (total + 8 stages) + 2 x 2 sensitivity + 2 x 2 one-at-a-time, and the header.
  CHECK(rows.size() == 1 + 5 * (1 + lca::kStageSlots) + 4 + 4);
  for (size_t i = 1; i < rows.size(); ++i) CHECK(rows[i][1] == "g1");
  TidyCsv none;
  AddUncertaintyCsv(UncertaintyView{}, TidyKey(), none);
  CHECK(none.str() == TidyCsv().str());
}

}  // namespace
}  // namespace gpulca::reports
