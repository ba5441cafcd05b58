// End-to-end: `gpulca import jsonld`, `db add` of the USLCI grid bridge, and
// a GPU report deployed on an imported grid, through the binary.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.h"
#include "tests/inventory/jsonld_fixture.h"
#include "tests/reports/report_support.h"
#include "tests/test_support.h"

using namespace gpulca::test;

namespace {

nlohmann::json Json(const CommandResult& r) {
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("import: a broken export exits 1, names the entry, changes nothing", "[cli][jsonld]") {
  TempDir dir;
  dir.Write("base/base.toml", kJsonldBase);
  std::string db = (dir.path() / "x.db").string();
  REQUIRE(RunGpulca("--db " + db + " db build " + (dir.path() / "base").string()).exit_code == 0);
  std::string before = ReadAll(db);
  auto files = JsonldFixture(2);
  files["processes/00000000-0000-4000-8000-000000000103.json"] = "[1, 2";
  std::string zip = (dir.path() / "broken.zip").string();
  WriteZip(zip, files);
  auto r = RunGpulca("--db " + db + " import jsonld " + zip + " --prefix fix");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::Contains("broken.zip: processes/00000000-0000-4000-8000-000000000103.json"));
  CHECK(ReadAll(db) == before);
  auto missing = RunGpulca("--db " + db + " import jsonld " + (dir.path() / "none.zip").string());
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.out, Catch::Contains("none.zip: no such file or directory"));
  auto prefix = RunGpulca("--db " + db + " import jsonld " + zip + " --prefix 'Bad Prefix'");
  CHECK_THAT(prefix.out, Catch::Contains("id prefix 'Bad Prefix' must match"));
  CHECK(prefix.exit_code == 2);
  CHECK(ReadAll(db) == before);
}

TEST_CASE("import USLCI, bridge its eGRID mixes, deploy a GPU on them", "[cli][jsonld][uslci]") {
  std::string uslci = UslciZip();
  if (uslci.empty()) {
    WARN("USLCI is not on this machine: skipped");
    return;
  }
  TempDir dir;
  std::string db = (dir.path() / "x.db").string();
  std::string at = "--db " + db + " ";
  auto imported = RunGpulca(at + "import jsonld " + uslci + " --top 3");
  INFO(imported.out);
  REQUIRE(imported.exit_code == 0);
  CHECK_THAT(imported.out, Catch::Contains("(olca-schema v1)") &&
                               Catch::Contains("read:    766 processes, 4601 flows") &&
                               Catch::Contains("written: 766 processes") &&
                               Catch::Contains("water: 234 exchanges of withdrawals") &&
                               Catch::Contains("unlinked product inputs, cut off: 2829 exchanges"));

  // calc on an eGRID mix, per MJ, named by its readable id.
  auto calc = RunGpulca(at + "calc --demand uslci.electricity-at-egrid-rfce-2010 --format csv");
  CHECK(calc.exit_code == 0);
  CHECK(CsvValue(ParseCsv(calc.out),
                 {{"section", "impacts"}, {"impact", "gwp100"}, {"measure", "total"}}) ==
        Approx(0.1452507737).epsilon(1e-9));
  auto text = RunGpulca(at + "calc --demand uslci.electricity-at-egrid-rfce-2010");
  CHECK_THAT(text.out, Catch::Contains("uslci.electricity-bituminous-coal-at-power-plant"));

  // The bridge makes the eGRID mixes gpulca's electricity in regions of their own.
  auto added = RunGpulca(at + "db add " GPULCA_SOURCE_DIR "/data/examples/uslci-egrid2010-bridge.toml");
  INFO(added.out);
  REQUIRE(added.exit_code == 0);
  CHECK_THAT(added.out, Catch::Contains("6 processes"));
  auto rfce = Json(RunGpulca(at + "report nvidia-h100-sxm5 --region US-RFCE-USLCI --format json"));
  auto camx = Json(RunGpulca(at + "report nvidia-h100-sxm5 --region US-CAMX-USLCI --format json"));
  CHECK(rfce["assumptions"]["region"] == "US-RFCE-USLCI");
  double use_kwh = rfce["assumptions"]["use_kwh"];
  CHECK(use_kwh == Approx(camx["assumptions"]["use_kwh"].get<double>()));
  // Only the use-phase grid differs: 3.6 MJ per kWh at USLCI's intensity per
  // MJ (RFCE 0.14525077, CAMX 0.17700631, by the independent calculation).
  double delta = camx["impacts"]["gwp100"]["value"].get<double>() -
                 rfce["impacts"]["gwp100"]["value"].get<double>();
  CHECK(delta == Approx(use_kwh * 3.6 * (0.17700631157393726 - 0.14525077372977915)));
  // The operational use phase is that electricity, to within the delivery freight.
  double operational = rfce["use_phase"]["gwp100"]["operational"];
  CHECK(operational == Approx(use_kwh * 3.6 * 0.14525077372977915).epsilon(0.001));

  // The database says what it holds and how to rebuild it.
  auto info = RunGpulca(at + "db info");
  CHECK_THAT(info.out, Catch::Contains("origin          bundled+import") &&
                           Catch::Contains("content hash") &&
                           Catch::Contains("gpulca import jsonld '" + uslci + "' --prefix uslci") &&
                           Catch::Contains("gpulca db add '" GPULCA_SOURCE_DIR "/data/examples/uslci-egrid2010-bridge.toml'"));
}
