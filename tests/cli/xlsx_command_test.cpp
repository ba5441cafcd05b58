// --format xlsx on report, compare, fleet and audit: each workbook reopens
// with the numbers of the same command's JSON, and without --out it is a
// usage error.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.h"
#include "tests/reports/xlsx_reader.h"
#include "tests/test_support.h"

using namespace gpulca;

namespace {

const test::XlsxSheet& Sheet(const std::vector<test::XlsxSheet>& sheets, const std::string& name) {
  for (const auto& s : sheets) {
    if (s.name == name) return s;
  }
  FAIL("no sheet " << name);
  throw;
}

// The number in column `header` of the row whose first cell is `label`.
double Cell(const test::XlsxSheet& s, const std::string& label, const std::string& header) {
  int row = -1, column = -1;
  for (const auto& [pos, text] : s.text) {
    if (pos.second == 0 && text == label && row < 0) row = pos.first;
    if (pos.first == 0 && text == header) column = pos.second;
  }
  INFO(s.name << ": " << label << " / " << header);
  REQUIRE(row >= 0);
  REQUIRE(column >= 0);
  auto it = s.numbers.find({row, column});
  REQUIRE(it != s.numbers.end());
  return it->second;
}

}  // namespace

TEST_CASE("every command's xlsx reopens with the numbers of its JSON", "[xlsx][cli]") {
  test::BundledDb db;
  const std::string dir = db.dir.path().string();

  SECTION("compare") {
    auto j = db.Json("compare nvidia-h100-sxm5 amd-mi300x --per gpu-hour --format json");
    REQUIRE(db.Run("compare nvidia-h100-sxm5 amd-mi300x --per gpu-hour --format xlsx --out " +
                   dir + "/c.xlsx")
                .exit_code == 0);
    auto sheets = test::ReadXlsx(dir + "/c.xlsx");
    const auto& main = Sheet(sheets, "Compare");
    CHECK(Cell(main, "amd-mi300x", "gwp100 (kg CO2e per gpu-hour)") ==
          Approx(j["gpus"][1]["impacts"]["gwp100"]["value"].get<double>()).epsilon(1e-12));
    CHECK(Cell(main, "nvidia-h100-sxm5", "functional units (gpu-hour)") ==
          Approx(j["gpus"][0]["functional_units"].get<double>()));
  }
  SECTION("fleet") {
    auto j = db.Json("fleet --year 2023 --format json");
    REQUIRE(db.Run("fleet --year 2023 --format xlsx --out " + dir + "/f.xlsx").exit_code == 0);
    auto sheets = test::ReadXlsx(dir + "/f.xlsx");
    CHECK(Sheet(sheets, "Fleet").numbers.size() > 4);
    double embodied = 0;
    const auto& products = Sheet(sheets, "Products");
    for (const auto& [pos, text] : products.text) {
      if (pos.second == 0 && pos.first > 0) {
        embodied += Cell(products, text, "gwp100 (kg CO2e, embodied)");
      }
    }
    // The JSON gives the fleet in tonnes, the sheet in the method's kg.
    REQUIRE(j["impacts"]["gwp100"]["unit"] == "t CO2e");
    CHECK(embodied / 1000 == Approx(j["impacts"]["gwp100"]["value"].get<double>()).epsilon(1e-9));
  }
  SECTION("audit") {
    auto order = db.dir.Write("o.toml",
                              "[order]\nid = \"X\"\nbuyer = \"b\"\nsupplier = \"s\"\n[[line]]\n"
                              "product = \"nvidia-h100-pcie\"\nquantity = 3\n[audit]\n"
                              "iterations = 20\n");
    auto j = db.Json("audit " + order.string() + " --no-record --format json");
    REQUIRE(db.Run("audit " + order.string() + " --no-record --format xlsx --out " + dir +
                   "/a.xlsx")
                .exit_code == 0);
    auto sheets = test::ReadXlsx(dir + "/a.xlsx");
    CHECK(Cell(Sheet(sheets, "Totals"), "gwp100", "embodied") ==
          Approx(j["impacts"]["gwp100"]["value"].get<double>()).epsilon(1e-12));
    CHECK(Sheet(sheets, "Verdicts").rows >= 2);
  }
  SECTION("report, and no --out") {
    REQUIRE(db.Run("report nvidia-h100-sxm5 --format xlsx --out " + dir + "/r.xlsx").exit_code == 0);
    CHECK(test::ReadXlsx(dir + "/r.xlsx").size() >= 3);
    auto missing = db.Run("report nvidia-h100-sxm5 --format xlsx");
    CHECK(missing.exit_code == 2);
    CHECK(missing.out.find("--format xlsx writes a file: name it with --out FILE.xlsx") !=
          std::string::npos);
  }
}

TEST_CASE("report --format pact is a PACT footprint of the module, cradle to gate", "[pact][cli]") {
  test::BundledDb db;
  auto pact = db.Json("report nvidia-h100-sxm5 --format pact --reference-year 2024");
  auto gate = db.Json("report nvidia-h100-sxm5 --boundary cradle-to-gate --format json");
  CHECK(pact["specVersion"].get<std::string>().rfind("2.", 0) == 0);
  CHECK(pact["pcf"]["referencePeriodStart"] == "2024-01-01T00:00:00Z");
  CHECK(pact["pcf"]["declaredUnit"] == "kilogram");
  const double per_kg = std::stod(pact["pcf"]["pCfIncludingBiogenic"].get<std::string>());
  const double mass = std::stod(pact["pcf"]["unitaryProductAmount"].get<std::string>());
  CHECK(per_kg * mass == Approx(gate["impacts"]["gwp100"]["value"].get<double>()).epsilon(1e-6));
  // An audit reads it back as the supplier's declaration: it agrees with the estimate.
  auto file = db.dir.Write("supplier.json", pact.dump());
  auto order = db.dir.Write("o.toml",
                            "[order]\nid = \"P\"\nbuyer = \"b\"\nsupplier = \"s\"\n[[line]]\n"
                            "product = \"nvidia-h100-sxm5\"\nquantity = 1\n"
                            "declared = { pact = \"supplier.json\" }\n[audit]\niterations = 30\n");
  auto audit = db.Json("audit " + order.string() + " --no-record --format json");
  const auto& declared = audit["lines"][0]["declared"];
  CHECK(declared["source"] == "supplier.json");
  CHECK(declared["boundary"] == "cradle-to-gate");
  CHECK(declared["kg_co2e_per_unit"].get<double>() ==
        Approx(std::stod(pact["pcf"]["pCfExcludingBiogenic"].get<std::string>()) * mass));
  bool within = false;
  for (const auto& v : audit["verdicts"]) within = within || v["code"] == "declared-within-interval";
  CHECK(within);
}
