// Spreadsheets: tables written with libxlsxwriter and read back with a zip
// and XML reader (xlsx_reader.h): sheets in order, headers with units,
// numbers as numbers equal to the assessment's, text as text.
#include "reports/xlsx_writer.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <limits>

#include "lca/error.h"
#include "inventory/model/parameters.h"
#include "inventory/toml/toml_loader.h"
#include "lca/fleet/fleet.h"
#include "lca/gpu/gpu_assessment.h"
#include "reports/fleet_tables.h"
#include "reports/gpu_tables.h"
#include "tests/reports/xlsx_reader.h"
#include "tests/test_support.h"

using namespace gpulca;
using reports::Cell;
using reports::Table;

namespace {

// Excel keeps 16 significant digits.
Approx Same(double x) { return Approx(x).epsilon(1e-15).margin(1e-300); }

const test::XlsxSheet& SheetNamed(const std::vector<test::XlsxSheet>& sheets, const std::string& name) {
  for (const auto& s : sheets) {
    if (s.name == name) return s;
  }
  FAIL("no sheet " << name);
  throw;
}

// The row whose first cell is `label`, or -1.
int RowOf(const test::XlsxSheet& s, const std::string& label) {
  for (const auto& [pos, text] : s.text) {
    if (pos.second == 0 && text == label) return pos.first;
  }
  return -1;
}

// The column whose header is `header`, or -1.
int ColumnOf(const test::XlsxSheet& s, const std::string& header) {
  for (const auto& [pos, text] : s.text) {
    if (pos.first == 0 && text == header) return pos.second;
  }
  return -1;
}

}  // namespace

TEST_CASE("xlsx: numbers stay numbers, text stays text, sheets keep their order", "[xlsx]") {
  test::TempDir dir;
  std::string path = (dir.path() / "t.xlsx").string();
  const double third = 1.0 / 3;
  std::vector<Table> tables = {
      {"Zeta first", {"name", "mass (kg)", "energy (MJ)"},
       {{std::string("A & B <c>"), 0.1 + 0.2, -2.5e10},
        {std::string("tiny"), 1e-300, third},
        {std::string("gap"), Cell{}, std::numeric_limits<double>::quiet_NaN()}}},
      {"Alpha second", {"x"}, {{42.0}}},
  };
  reports::WriteXlsx(tables, path);
  auto sheets = test::ReadXlsx(path);
  REQUIRE(sheets.size() == 2);
  CHECK(sheets[0].name == "Zeta first");
  CHECK(sheets[1].name == "Alpha second");
  const auto& s = sheets[0];
  CHECK(s.rows == 4);
  CHECK(s.text.at({0, 1}) == "mass (kg)");
  CHECK(s.text.at({1, 0}) == "A & B <c>");
  CHECK(s.numbers.at({1, 1}) == Same(0.1 + 0.2));
  CHECK(s.numbers.at({1, 2}) == Same(-2.5e10));
  CHECK(s.numbers.at({2, 1}) == Same(1e-300));
  CHECK(s.numbers.at({2, 2}) == Same(third));
  CHECK(s.numbers.count({3, 1}) == 0);  // empty stays empty
  CHECK(s.text.count({3, 1}) == 0);
  CHECK(s.text.count({3, 2}) == 0);      // not a number: undefined, left empty
  CHECK(s.numbers.count({3, 2}) == 0);
  CHECK(s.text.count({1, 1}) == 0);      // a number is not written as text
  CHECK(sheets[1].numbers.at({1, 0}) == 42.0);
}

TEST_CASE("xlsx: names Excel refuses and files that cannot be written", "[xlsx]") {
  test::TempDir dir;
  std::string path = (dir.path() / "t.xlsx").string();
  auto refuse = [&](const std::vector<Table>& tables, const char* why) {
    CHECK_THROWS_AS(reports::WriteXlsx(tables, path), InvalidArgument);
    CHECK_THROWS_WITH(reports::WriteXlsx(tables, path), Catch::Contains(why));
    CHECK_FALSE(std::filesystem::exists(path));
  };
  refuse({{"a/b", {}, {}}}, "'a/b' cannot be a sheet name");
  refuse({{std::string(32, 'x'), {}, {}}}, "cannot be a sheet name");
  refuse({{"Data", {}, {}}, {"data", {}, {}}}, "sheet 'data' is given twice");
  std::string nowhere = (dir.path() / "no" / "such" / "dir" / "t.xlsx").string();
  CHECK_THROWS_WITH(reports::WriteXlsx({{"x", {"a"}, {{1.0}}}}, nowhere),
                    Catch::Contains(nowhere) && Catch::Contains("cannot write"));
  CHECK_FALSE(std::filesystem::exists(nowhere));
}

TEST_CASE("xlsx: a GPU report reopens with the assessment's numbers", "[xlsx]") {
  inventory::Inventory inv = inventory::LoadAndValidate({GPULCA_SOURCE_DIR "/data"});
  inventory::ParameterSet parameters(inv);
  auto a = lca::AssessGpu(inv, parameters, lca::GpuAssessmentOptions("nvidia-h100-sxm5", true, "", 2.0));
  test::TempDir dir;
  std::string path = (dir.path() / "h100.xlsx").string();
  reports::WriteXlsx(reports::GpuAssessmentTables(a), path);
  auto sheets = test::ReadXlsx(path);
  std::vector<std::string> names;
  for (const auto& s : sheets) names.push_back(s.name);
  CHECK(names == std::vector<std::string>{"Impacts", "Intensities", "By stage", "Processes",
                                          "Flows", "Assumptions", "Data quality"});
  const lca::LcaResult& r = a.headline();
  const auto& ids = r.data.impact_ids;

  const auto& impacts = SheetNamed(sheets, "Impacts");
  REQUIRE(ColumnOf(impacts, "gwp100 (kg CO2e)") == 1);
  int total = RowOf(impacts, "total, cradle to grave"), embodied = RowOf(impacts, "embodied, cradle to gate");
  REQUIRE(total > 0);
  REQUIRE(embodied > 0);
  // Intensities: a row per impact, the unit in its own column.
  const auto& intensities = SheetNamed(sheets, "Intensities");
  REQUIRE(ColumnOf(intensities, "per GPU-hour (unit/GPU-hour)") == 2);
  REQUIRE(ColumnOf(intensities, "per PFLOP-hour (unit/PFLOP-hour)") == 3);
  REQUIRE(ColumnOf(intensities, "per query (unit/query)") == 4);
  for (size_t k = 0; k < ids.size(); ++k) {
    int col = ColumnOf(impacts, fmt::format("{} ({})", ids[k], r.data.impact_units[k]));
    INFO(ids[k]);
    REQUIRE(col > 0);
    CHECK(impacts.numbers.at({total, col}) == Same(a.total[k]));
    CHECK(impacts.numbers.at({embodied, col}) == Same(a.embodied[k]));
    CHECK(impacts.numbers.at({RowOf(impacts, "use phase, operational"), col}) == Same(a.operational[k]));
    CHECK(impacts.numbers.at({RowOf(impacts, "use phase, host share in use"), col}) ==
          Same(a.use_phase[k] - a.operational[k]));
    const int row = RowOf(intensities, ids[k]);
    CHECK(intensities.text.at({row, 1}) == r.data.impact_units[k]);
    CHECK(intensities.numbers.at({row, 2}) == Same(a.per_gpu_hour[k]));
    CHECK(intensities.numbers.at({row, 3}) == Same(a.per_pflop_hour[k]));
    CHECK(intensities.numbers.at({row, 4}) == Same(a.per_query[k]));
  }

  // By stage: the stages add up to the total, as in the assessment.
  const auto& stages = SheetNamed(sheets, "By stage");
  double sum = 0;
  for (int row = 1; row < stages.rows; ++row) sum += stages.numbers.at({row, 1});
  CHECK(sum == Approx(a.total[0]));
  CHECK(stages.numbers.at({RowOf(stages, "deployment"), 1}) ==
        Same(r.by_stage[0][static_cast<int>(inventory::Stage::kDeployment)]));

  // Every process, largest direct gwp100 first; every flow with its amount.
  const auto& processes = SheetNamed(sheets, "Processes");
  CHECK(processes.rows == static_cast<int>(r.data.process_ids.size()) + 1);
  int gwp = ColumnOf(processes, "gwp100 (kg CO2e, direct)");
  REQUIRE(gwp > 0);
  for (int row = 2; row < processes.rows; ++row) {
    CHECK(std::fabs(processes.numbers.at({row - 1, gwp})) >= std::fabs(processes.numbers.at({row, gwp})));
  }
  const auto& flows = SheetNamed(sheets, "Flows");
  for (size_t f = 0; f < r.data.flow_ids.size(); ++f) {
    int row = RowOf(flows, r.data.flow_ids[f]);
    REQUIRE(row > 0);
    CHECK(flows.numbers.at({row, 1}) == Same(r.inventory[f]));
    CHECK(flows.text.at({row, 2}) == r.data.flow_units[f]);
  }
  const auto& assumptions = SheetNamed(sheets, "Assumptions");
  CHECK(assumptions.numbers.at({RowOf(assumptions, "use_kwh"), 1}) == Same(a.use_kwh));
  CHECK(assumptions.text.at({RowOf(assumptions, "region"), 1}) == a.region);
  CHECK(SheetNamed(sheets, "Data quality").rows == static_cast<int>(a.quality.size()) + 1);
}

TEST_CASE("xlsx: a fleet year reopens with the assessment's numbers", "[xlsx]") {
  inventory::Inventory inv = inventory::LoadAndValidate({GPULCA_SOURCE_DIR "/data"});
  inventory::ParameterSet parameters(inv);
  lca::FleetOptions o;
  o.year = 2023;
  o.regions = {{"US", 1.0}};
  lca::FleetAssessment f = lca::AssessFleet(inv, parameters, o);
  test::TempDir dir;
  std::string path = (dir.path() / "fleet.xlsx").string();
  reports::WriteXlsx(reports::FleetAssessmentTables(f), path);
  auto sheets = test::ReadXlsx(path);
  REQUIRE(sheets.size() == 4);
  const auto& fleet = SheetNamed(sheets, "Fleet");
  int gwp = ColumnOf(fleet, "gwp100 (kg CO2e)");
  REQUIRE(gwp > 0);
  CHECK(fleet.numbers.at({1, 0}) == 2023);
  CHECK(fleet.numbers.at({1, gwp}) == Same(f.year.embodied[0]));
  CHECK(fleet.numbers.at({2, gwp}) == Same(f.year.operational_per_year[0]));
  CHECK(fleet.numbers.at({1, ColumnOf(fleet, "units")}) == Same(f.year.shipments.total));
  const auto& products = SheetNamed(sheets, "Products");
  CHECK(products.rows == static_cast<int>(f.year.products.size()) + 1);
  int embodied = ColumnOf(products, "gwp100 (kg CO2e, embodied)");
  REQUIRE(embodied > 0);
  for (size_t i = 0; i < f.year.products.size(); ++i) {
    int row = static_cast<int>(i) + 1;
    CHECK(products.text.at({row, 0}) == f.year.products[i].gpu);
    CHECK(products.numbers.at({row, 3}) == Same(f.year.products[i].units));
    CHECK(products.numbers.at({row, embodied}) == Same(f.year.products[i].embodied[0]));
  }
  const auto& vendors = SheetNamed(sheets, "By vendor");
  for (const auto& [vendor, values] : f.year.by_vendor) {
    CHECK(vendors.numbers.at({RowOf(vendors, vendor), 1}) == Same(values[0]));
  }
}
