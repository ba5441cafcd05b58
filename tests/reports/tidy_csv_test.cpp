// reports/internal/tidy_csv.h: the one CSV shape, row by row, with
// expectations written by hand.
#include "reports/internal/tidy_csv.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>

#include "tests/reports/report_support.h"

using namespace gpulca;
using reports::TidyCsv;
using reports::TidyKey;

namespace {

const std::string kHeader =
    "section,gpu,line,year,vendor,region,stage,process,flow,input,source,category,scenario,impact,"
    "measure,statistic,value,unit,text\n";

// The rows a TidyCsv wrote after its header.
std::string Rows(const TidyCsv& csv) {
  REQUIRE(csv.str().rfind(kHeader, 0) == 0);
  return csv.str().substr(kHeader.size());
}

}  // namespace

TEST_CASE("tidy CSV: one header, whatever is written", "[reports][csv]") {
  CHECK(TidyCsv().str() == kHeader);
  CHECK(reports::TidyCsvHeader().size() == 19);
  CHECK(reports::TidyCsvHeader().size() == TidyKey::kDimensions + 3);
}

TEST_CASE("tidy CSV: a number, with its dimensions and unit", "[reports][csv]") {
  TidyCsv csv;
  const TidyKey gpu = TidyKey("impacts").Gpu("nvidia-h100-sxm5");
  csv.Number(gpu.Impact("gwp100").Measure("total"), 23826.26170060315, "kg CO2e");
  csv.Number(TidyKey("by_vendor").Year(2022).Vendor("nvidia").Measure("units"), 2640000, "item");
  csv.Number(TidyKey("lines").Line(2).Gpu("nvidia-h100-pcie").Measure("quantity"), 32, "item");
  CHECK(Rows(csv) ==
        "impacts,nvidia-h100-sxm5,,,,,,,,,,,,gwp100,total,,23826.26170060315,kg CO2e,\n"
        "by_vendor,,,2022,nvidia,,,,,,,,,,units,,2640000,item,\n"
        "lines,nvidia-h100-pcie,2,,,,,,,,,,,,quantity,,32,item,\n");
  // A key is a value: the base keeps only what it was given.
  CHECK(gpu.fields()[TidyKey::kImpact].empty());
  CHECK(gpu.fields()[TidyKey::kGpu] == "nvidia-h100-sxm5");
}

TEST_CASE("tidy CSV: every dimension in its own column, in the header's order", "[reports][csv]") {
  TidyCsv csv;
  csv.Number(TidyKey("s")
                 .Gpu("g")
                 .Line(1)
                 .Year(2023)
                 .Vendor("v")
                 .Region("SE")
                 .Stage("mining")
                 .Process("p")
                 .Flow("f")
                 .Input("param:x")
                 .Source("src")
                 .Category("c")
                 .Scenario("sea instead of air")
                 .Impact("gwp100")
                 .Measure("m")
                 .Statistic("p95"),
             1.5, "kg");
  CHECK(Rows(csv) ==
        "s,g,1,2023,v,SE,mining,p,f,param:x,src,c,sea instead of air,gwp100,m,p95,1.5,kg,\n");
}

TEST_CASE("tidy CSV: a dimensionless number has the unit 1", "[reports][csv]") {
  TidyCsv csv;
  csv.Number(TidyKey("impacts").Impact("gwp100").Measure("embodied_share"), 0.25, "");
  csv.Number(TidyKey("footprints").Measure("ratio"), 0.8710862432557154, "1");
  CHECK(Rows(csv) ==
        "impacts,,,,,,,,,,,,,gwp100,embodied_share,,0.25,1,\n"
        "footprints,,,,,,,,,,,,,,ratio,,0.8710862432557154,1,\n");
}

TEST_CASE("tidy CSV: an undefined figure is an empty value and the reason", "[reports][csv]") {
  TidyCsv csv;
  const TidyKey pflop = TidyKey("intensities").Impact("gwp100").Measure("per_pflop_hour");
  csv.Figure(pflop, std::nullopt, "kg CO2e/PFLOP-hour", "utilization 0: no PFLOP-hour is computed");
  csv.Figure(pflop.Impact("water"), 3.5, "L/PFLOP-hour", "unused");
  csv.Figure(pflop.Impact("adp"), std::nan(""), "kg Sb-eq/PFLOP-hour", "");
  csv.Number(pflop.Impact("energy"), std::numeric_limits<double>::infinity(), "MJ/PFLOP-hour");
  csv.Number(pflop.Impact("gwp20"), std::nan(""), "");
  CHECK(Rows(csv) ==
        "intensities,,,,,,,,,,,,,gwp100,per_pflop_hour,,,kg CO2e/PFLOP-hour,"
        "utilization 0: no PFLOP-hour is computed\n"
        "intensities,,,,,,,,,,,,,water,per_pflop_hour,,3.5,L/PFLOP-hour,\n"
        "intensities,,,,,,,,,,,,,adp,per_pflop_hour,,,kg Sb-eq/PFLOP-hour,undefined\n"
        "intensities,,,,,,,,,,,,,energy,per_pflop_hour,,,MJ/PFLOP-hour,not a finite number\n"
        "intensities,,,,,,,,,,,,,gwp20,per_pflop_hour,,,1,not a finite number\n");
  CHECK(csv.str().find("nan") == std::string::npos);
  CHECK(csv.str().find("inf") == std::string::npos);
}

TEST_CASE("tidy CSV: a text observation has no value and no unit, and is quoted",
          "[reports][csv]") {
  TidyCsv csv;
  csv.Text(TidyKey("assumptions").Measure("region"), "US");
  csv.Text(TidyKey("demand").Measure("functional_unit"), "1 module over 5 years, \"in US\"");
  csv.Text(TidyKey("sources").Source("x").Measure("url"), "");  // nothing observed: no row
  csv.Flag(TidyKey("eol_credits").Measure("applied"), false);
  csv.Flag(TidyKey("footprints").Measure("inside"), true);
  CHECK(Rows(csv) ==
        "assumptions,,,,,,,,,,,,,,region,,,,US\n"
        "demand,,,,,,,,,,,,,,functional_unit,,,,\"1 module over 5 years, \"\"in US\"\"\"\n"
        "eol_credits,,,,,,,,,,,,,,applied,,,,false\n"
        "footprints,,,,,,,,,,,,,,inside,,,,true\n");
  // Read back: every row as wide as the header, the text whole in its column.
  const auto rows = test::ParseCsv(csv.str());
  REQUIRE(rows.size() == 5);
  for (const auto& row : rows) CHECK(row.size() == 19);
  CHECK(rows[2][18] == "1 module over 5 years, \"in US\"");
  CHECK(rows[2][16].empty());
  CHECK(rows[2][17].empty());
}
