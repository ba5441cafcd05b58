// End to end: an audit of a small order on the bundled data is recorded,
// listed, shown as recorded, verified; a row changed with sqlite3 makes
// verify fail and name the record.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.h"
#include "tests/test_support.h"

using namespace gpulca::test;

namespace {

const char* kSmallOrder = R"T([order]
id = "PO-T1"
buyer = "Test buyer"
supplier = "Test supplier"
[deployment]
region = "US"
lifetime_years = 5
[[line]]
product = "nvidia-h100-sxm5"
quantity = 4
declared = { value = 164, unit = "kg CO2e", boundary = "cradle-to-gate", standard = "ISO 14067" }
[audit]
iterations = 40
seed = 3
)T";

struct Fixture {
  TempDir dir;
  std::string db;
  std::string order;
  Fixture() {
    db = "--db " + (dir.path() / "a.db").string() + " --data " + BundledData();
    order = dir.Write("order.toml", kSmallOrder).string();
  }
};

}  // namespace

TEST_CASE("an audit is recorded, listed, shown as recorded and verified", "[audit][cli]") {
  Fixture f;
  auto run = RunGpulca(f.db + " audit " + f.order + " --format json");
  INFO(run.out);
  REQUIRE(run.exit_code == 0);
  auto audit = nlohmann::json::parse(run.out);
  CHECK(audit["record"]["id"] == 1);
  CHECK(audit["demand"]["amount"] == 4);
  const double per_unit = audit["lines"][0]["per_unit"]["cradle_to_gate"]["gwp100"]["value"];
  CHECK(audit["impacts"]["gwp100"]["value"].get<double>() == Approx(4 * per_unit));
  // The same number as the report of one module.
  auto report = nlohmann::json::parse(
      RunGpulca(f.db + " report nvidia-h100-sxm5 --boundary cradle-to-gate --format json").out);
  CHECK(per_unit == Approx(report["impacts"]["gwp100"]["value"].get<double>()));
  // Embodied per GPU-hour: over 5 years of 8,760 hours.
  CHECK(audit["lines"][0]["embodied_per_gpu_hour_kg_co2e"].get<double>() ==
        Approx(per_unit / (5 * 8760)));
  bool judged = false;
  for (const auto& v : audit["verdicts"]) {
    judged = judged || v["code"].get<std::string>().rfind("declared-", 0) == 0;
  }
  CHECK(judged);
  // The what-ifs: the other mode of the long leg (the order names none: the
  // model flies), a year more of service, products for the same compute.
  const auto& what_ifs = audit["lines"][0]["what_ifs"];
  REQUIRE(what_ifs.size() >= 3);
  CHECK(what_ifs[0]["description"] == "sea instead of air");
  CHECK(what_ifs[0]["change_kg_co2e"].get<double>() < 0);
  CHECK(what_ifs[1]["description"] == "6 years of service");
  CHECK(what_ifs[2]["kind"] == "product");

  auto list = RunGpulca(f.db + " audit list");
  CHECK(list.exit_code == 0);
  CHECK(list.out.find("PO-T1") != std::string::npos);
  auto show = RunGpulca(f.db + " audit show 1 --format json");
  REQUIRE(show.exit_code == 0);
  auto shown = nlohmann::json::parse(show.out);
  CHECK(shown["lines"] == audit["lines"]);
  CHECK(shown["impacts"] == audit["impacts"]);

  auto verify = RunGpulca(f.db + " verify 1");
  INFO(verify.out);
  CHECK(verify.exit_code == 0);
  CHECK(verify.out.find("verified") != std::string::npos);

  // A second audit chains on the first.
  REQUIRE(RunGpulca(f.db + " audit " + f.order).exit_code == 0);
  CHECK(RunGpulca(f.db + " verify 2").exit_code == 0);
  CHECK(RunGpulca(f.db + " audit show 3").exit_code == 1);
}

TEST_CASE("an audit id must be a whole number from 1, not clamped or wrapped", "[audit][cli]") {
  // CLI11 read a number too large for the id as the largest id, and a
  // negative one as it was: both then failed as "no audit N" (exit 1).
  for (const char* args :
       {"verify 99999999999999999999", "audit show 9223372036854775808", "verify 0",
        "audit show 1.5", "verify 0x10", "audit show ' 1'"}) {
    INFO(args);
    auto run = RunGpulca(args);
    CHECK(run.exit_code == 2);
    CHECK(run.out.find("must be an audit id, a whole number from 1 to 9223372036854775807") !=
          std::string::npos);
  }
}

TEST_CASE("verify names a record changed with sqlite3", "[audit][cli]") {
  Fixture f;
  REQUIRE(RunGpulca(f.db + " audit " + f.order + " --format json").exit_code == 0);
  REQUIRE(RunGpulca(f.db + " audit " + f.order + " --format json").exit_code == 0);
  std::string file = (f.dir.path() / "a.db").string();
  auto edit = RunShell("sqlite3 '" + file +
                       "' \"UPDATE audits SET results = replace(results, '\\\"quantity\\\":4', "
                       "'\\\"quantity\\\":3') WHERE id = 1\"");
  REQUIRE(edit.exit_code == 0);
  auto verify = RunGpulca(f.db + " verify 1");
  INFO(verify.out);
  CHECK(verify.exit_code == 1);
  CHECK(verify.out.find("record 1 was changed after it was written") != std::string::npos);
  CHECK(verify.out.find("audit 1 does not verify") != std::string::npos);
  // Record 2 depends on record 1 through the chain.
  CHECK(RunGpulca(f.db + " verify 2").exit_code == 1);
}

TEST_CASE("verify reports results that no longer reproduce", "[audit][cli]") {
  Fixture f;
  REQUIRE(RunGpulca(f.db + " audit " + f.order).exit_code == 0);
  std::string file = (f.dir.path() / "a.db").string();
  // The inventory changes under the audit: the Taiwanese grid gets dirtier.
  auto edit = RunShell("sqlite3 '" + file +
                       "' \"UPDATE parameters SET value = value * 2 WHERE scope = 'grid_tw' AND "
                       "id = 'ghg_g_per_kwh'\"");
  REQUIRE(edit.exit_code == 0);
  auto verify = RunGpulca(f.db + " verify 1");
  INFO(verify.out);
  CHECK(verify.exit_code == 1);
  CHECK(verify.out.find("its results do not reproduce") != std::string::npos);
  CHECK(verify.out.find("/impacts/gwp100/value") != std::string::npos);
}

TEST_CASE("bad orders and ids give clear errors", "[audit][cli]") {
  Fixture f;
  auto unknown = f.dir.Write("u.toml", std::string(kSmallOrder).replace(
                                           std::string(kSmallOrder).find("nvidia-h100-sxm5"), 16,
                                           "nvidia-h900"));
  auto run = RunGpulca(f.db + " audit " + unknown.string());
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("u.toml:9: 'nvidia-h900' is not a GPU in the catalogue") != std::string::npos);
  CHECK(RunGpulca(f.db + " verify 7").out.find("no audit 7") != std::string::npos);
  CHECK(RunGpulca(f.db + " audit").exit_code != 0);
}

TEST_CASE("an order's fab region moves the estimate's logic die where the data allow",
          "[audit][cli]") {
  Fixture f;
  auto order = [&](const std::string& fab) {
    return f.dir.Write("fab-" + fab + ".toml",
                       "[order]\nid = \"F\"\nbuyer = \"b\"\nsupplier = \"s\"\n[[line]]\n"
                       "product = \"nvidia-h100-sxm5\"\nquantity = 1\nfab_region = \"" +
                           fab + "\"\n[audit]\niterations = 0\n");
  };
  auto kr = nlohmann::json::parse(
      RunGpulca(f.db + " audit " + order("KR").string() + " --no-record --format json").out);
  auto jp = nlohmann::json::parse(
      RunGpulca(f.db + " audit " + order("JP").string() + " --no-record --format json").out);
  CHECK(kr["lines"][0]["model"]["fab_region"] == "KR");
  CHECK(jp["lines"][0]["model"]["fab_region"] == "TW");
  auto codes = [](const nlohmann::json& j) {
    std::vector<std::string> out;
    for (const auto& v : j["verdicts"]) out.push_back(v["code"]);
    return out;
  };
  auto kr_codes = codes(kr), jp_codes = codes(jp);
  CHECK(std::find(kr_codes.begin(), kr_codes.end(), "fab-region-differs") == kr_codes.end());
  CHECK(std::find(jp_codes.begin(), jp_codes.end(), "fab-region-differs") != jp_codes.end());
  auto report = nlohmann::json::parse(
      RunGpulca(f.db + " report nvidia-h100-sxm5 --boundary cradle-to-gate --fab-region KR "
                       "--format json")
          .out);
  CHECK(kr["lines"][0]["per_unit"]["cradle_to_gate"]["gwp100"]["value"].get<double>() ==
        Approx(report["impacts"]["gwp100"]["value"].get<double>()));
}

TEST_CASE("a signed tree head kept outside proves the log later", "[audit][cli][merkle]") {
  Fixture f;
  const std::string key = (f.dir.path() / "k.pem").string();
  const std::string head = (f.dir.path() / "head.json").string();
  const std::string file = (f.dir.path() / "a.db").string();
  auto keygen = RunGpulca(f.db + " audit keygen " + key);
  INFO(keygen.out);
  REQUIRE(keygen.exit_code == 0);
  CHECK(RunShell("stat -c %a " + key).out == "600\n");
  REQUIRE(RunGpulca(f.db + " audit " + f.order).exit_code == 0);
  REQUIRE(RunGpulca(f.db + " audit " + f.order).exit_code == 0);
  auto signed_head = RunGpulca(f.db + " audit head --key " + key + " --out " + head);
  INFO(signed_head.out);
  REQUIRE(signed_head.exit_code == 0);
  CHECK(nlohmann::json::parse(ReadAll(head))["tree_size"] == 2);

  auto ok = RunGpulca(f.db + " verify --since " + head + " --public-key " + key + ".pub");
  INFO(ok.out);
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("the log extends the head in " + head + ": 2 records") != std::string::npos);
  CHECK(ok.out.find("(the key given)") != std::string::npos);
  CHECK(RunGpulca(f.db + " verify 1 --since " + head).exit_code == 0);
  // A third audit after the head: the log still extends it.
  REQUIRE(RunGpulca(f.db + " audit " + f.order).exit_code == 0);
  CHECK(RunGpulca(f.db + " verify 3 --since " + head).exit_code == 0);

  SECTION("the last record the head covers deleted") {
    REQUIRE(RunShell("sqlite3 '" + file + "' 'DELETE FROM audits WHERE id >= 2'").exit_code == 0);
    auto run = RunGpulca(f.db + " verify --since " + head);
    INFO(run.out);
    CHECK(run.exit_code == 1);
    CHECK(run.out.find("the head in " + head + " covers 2 records, but the log has 1: record 2 "
                       "was removed") != std::string::npos);
    CHECK(run.out.find("the audit log does not verify") != std::string::npos);
  }
  SECTION("a head altered after it was signed") {
    std::string text = ReadAll(head);
    text.replace(text.find("\"tree_size\": 2"), 14, "\"tree_size\": 1");
    const std::string altered = f.dir.Write("altered.json", text).string();
    auto run = RunGpulca(f.db + " verify --since " + altered);
    CHECK(run.exit_code == 1);
    CHECK(run.out.find("does not carry a valid signature") != std::string::npos);
  }
  SECTION("a head signed by another key than the one required") {
    const std::string other = (f.dir.path() / "other.pem").string();
    REQUIRE(RunGpulca(f.db + " audit keygen " + other).exit_code == 0);
    auto run = RunGpulca(f.db + " verify --since " + head + " --public-key " + other + ".pub");
    CHECK(run.exit_code == 1);
    CHECK(run.out.find("not by the key given with --public-key") != std::string::npos);
  }
  SECTION("a key that others can read signs nothing") {
    REQUIRE(RunShell("chmod 644 " + key).exit_code == 0);
    auto run = RunGpulca(f.db + " audit head --key " + key);
    CHECK(run.exit_code == 1);
    CHECK(run.out.find("open to other users (mode 0644)") != std::string::npos);
  }
  SECTION("verify needs an id or a head") {
    auto run = RunGpulca(f.db + " verify");
    CHECK(run.exit_code == 2);
    CHECK(run.out.find("give an audit id, or --since HEAD") != std::string::npos);
  }
}
