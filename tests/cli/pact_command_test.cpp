// `report --format pact` on the bundled data: every catalogue GPU's
// footprint conforms to PACT v2.3 (the schema with its formats, and the
// specification's MUST rules, checked by the conformance module and asserted
// here one by one), and the command line's PACT options: ids, the reference
// year, --supersedes.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "inventory/records/pact_conformance.h"
#include "inventory/records/pact_formats.h"
#include "tests/cli/cli_support.h"

using namespace gpulca;
using nlohmann::json;

namespace {

std::vector<std::string> CatalogueGpus(const test::BundledDb& db) {
  auto r = db.Run("list gpus");
  REQUIRE(r.exit_code == 0);
  std::istringstream lines(r.out);
  std::string line, id;
  std::vector<std::string> ids;
  std::getline(lines, line);  // the header
  while (std::getline(lines, line)) {
    std::istringstream(line) >> id;
    ids.push_back(id);
  }
  return ids;
}

double Seconds(const json& v) { return *inventory::DateTimeSeconds(v.get<std::string>()); }

bool IsSet(const json& ids) {
  std::set<std::string> seen;
  for (const json& id : ids) {
    if (!inventory::IsUrn(id.get<std::string>()) || !seen.insert(id.get<std::string>()).second)
      return false;
  }
  return !ids.empty();
}

// The specification's MUST rules, asserted without the conformance module.
void CheckMustRules(const json& pf, const std::string& gpu) {
  const json& pcf = pf.at("pcf");
  CHECK(inventory::IsUuidV4(pf["id"].get<std::string>()));
  CHECK(pf["version"] == 1);
  CHECK_FALSE(pf.contains("precedingPfIds"));
  CHECK(IsSet(pf["companyIds"]));
  CHECK(pf["productIds"] == json::array({"urn:pact:gpulca:product-id:" + gpu}));
  CHECK(pf["productClassifications"] == json::array({"urn:cpc:4529"}));
  // The reference period: the last complete calendar year before `created`.
  const std::string created = pf["created"];
  const int year = std::stoi(created.substr(0, 4)) - 1;
  CHECK(pcf["referencePeriodStart"] == fmt::format("{}-01-01T00:00:00Z", year));
  CHECK(pcf["referencePeriodEnd"] == fmt::format("{}-01-01T00:00:00Z", year + 1));
  CHECK(Seconds(pcf["referencePeriodStart"]) < Seconds(pcf["referencePeriodEnd"]));
  CHECK(Seconds(pcf["referencePeriodEnd"]) <= Seconds(pf["created"]));
  // The O* properties, there whatever the period (they are required from 2025 on).
  for (const char* key : {"pCfIncludingBiogenic", "dLucGhgEmissions", "landManagementGhgEmissions",
                          "otherBiogenicGhgEmissions", "biogenicCarbonWithdrawal",
                          "biogenicAccountingMethodology", "primaryDataShare", "dqi"}) {
    INFO(key);
    CHECK(pcf.contains(key));
  }
  const json& dqi = pcf["dqi"];
  CHECK(dqi["coveragePercent"].get<double>() > 0);
  CHECK(dqi["coveragePercent"].get<double>() <= 100);
  for (const char* key : {"technologicalDQR", "temporalDQR", "geographicalDQR", "completenessDQR",
                          "reliabilityDQR"}) {
    INFO(key);
    CHECK(dqi[key].get<double>() >= 1);
    CHECK(dqi[key].get<double>() <= 3);
  }
  // Secondary data only: the sources of its emission factors are listed.
  CHECK(pcf["primaryDataShare"] == 0);
  REQUIRE(pcf["secondaryEmissionFactorSources"].is_array());
  CHECK(pcf["secondaryEmissionFactorSources"].size() >= 3);
  for (const json& s : pcf["secondaryEmissionFactorSources"]) {
    CHECK_FALSE(s["name"].get<std::string>().empty());
    CHECK_FALSE(s["version"].get<std::string>().empty());
  }
  CHECK_FALSE(pcf.contains("productOrSectorSpecificRules"));
  int geographies = 0;
  for (const char* key :
       {"geographyRegionOrSubregion", "geographyCountry", "geographyCountrySubdivision"}) {
    geographies += pcf.contains(key) ? 1 : 0;
  }
  CHECK(geographies <= 1);
  CHECK(std::stod(pcf["unitaryProductAmount"].get<std::string>()) > 0);
  for (const char* key :
       {"pCfExcludingBiogenic", "fossilGhgEmissions", "fossilCarbonContent",
        "biogenicCarbonContent", "dLucGhgEmissions", "otherBiogenicGhgEmissions"}) {
    INFO(key);
    CHECK(inventory::IsPactDecimal(pcf[key].get<std::string>()));
    CHECK(std::stod(pcf[key].get<std::string>()) >= 0);
  }
  CHECK(std::stod(pcf["biogenicCarbonWithdrawal"].get<std::string>()) <= 0);
  CHECK(pcf["exemptedEmissionsPercent"].get<double>() <= 5);
  CHECK_FALSE(
      (pcf["packagingEmissionsIncluded"] == false && pcf.contains("packagingGhgEmissions")));
}

}  // namespace

TEST_CASE("every catalogue GPU's PACT footprint conforms to v2.3", "[pact][cli]") {
  test::BundledDb db;
  const std::vector<std::string> gpus = CatalogueGpus(db);
  CHECK(gpus.size() >= 12);
  for (const std::string& gpu : gpus) {
    INFO(gpu);
    const json pf = db.Json("report " + gpu +
                            " --format pact --company 'Example Compute Inc.' "
                            "--company-id urn:pact:company:customcode:vendor-assigned:6789");
    const auto violations = inventory::CheckPactConformance(pf.dump());
    INFO(inventory::DescribeAll(violations, 50));
    CHECK(violations.empty());
    CheckMustRules(pf, gpu);
  }
}

TEST_CASE("report --format pact: ids, reference year and supersedes on the command line",
          "[pact][cli]") {
  test::BundledDb db;
  const std::string report = "report nvidia-h100-sxm5 --format pact ";
  auto refused = [&](const std::string& options, const std::string& message) {
    auto r = db.Run(report + options);
    INFO(r.out);
    CHECK(r.exit_code == 2);
    CHECK(r.out == "gpulca: " + message + "\n");
  };
  refused(
      "--company-id urn:pact:company:customcode:vendor-assigned:1 --company-id "
      "urn:pact:company:customcode:vendor-assigned:1",
      "--company-id urn:pact:company:customcode:vendor-assigned:1 is given twice: a PACT "
      "footprint's "
      "ids are a set, so give each once");
  refused(
      "--company-id urn:x:y",
      "--company-id 'urn:x:y': not a URN (RFC 8141): the namespace identifier 'x' has 1 character; "
      "RFC 8141 asks for 2 to 32");
  refused("--company-id urn:foo:",
          "--company-id 'urn:foo:': not a URN (RFC 8141): the namespace-specific string after the "
          "second "
          "':' is empty");
  refused("--product-id 'URN:FOO:a b'",
          "--product-id 'URN:FOO:a b': not a URN (RFC 8141): the namespace-specific string holds a "
          "space, "
          "which a URN must %-encode");

  // The default period is the last complete year; one that has not ended is refused.
  const json pf = db.Json(report);
  const std::string created = pf["created"];
  const int latest = std::stoi(created.substr(0, 4)) - 1;
  CHECK(pf["pcf"]["referencePeriodStart"] == fmt::format("{}-01-01T00:00:00Z", latest));
  auto now = db.Run(report + fmt::format("--reference-year {}", latest + 1));
  CHECK(now.exit_code == 2);
  CHECK_THAT(now.out,
             Catch::StartsWith(fmt::format("gpulca: --reference-year {}: the year has not ended "
                                           "(its reference period ends {}-01-01T00:00:00Z, "
                                           "after now, ",
                                           latest + 1, latest + 2)));
  CHECK_THAT(now.out, Catch::EndsWith(fmt::format("the latest is {}\n", latest)));
  CHECK(db.Json(report + "--reference-year 2024")["pcf"]["referencePeriodEnd"] ==
        "2025-01-01T00:00:00Z");

  // The same data, the same id; --supersedes keeps the footprint as it was.
  const json again = db.Json(report);
  CHECK(again["id"] == pf["id"]);
  const auto first = db.dir.Write("first.json", pf.dump(2));
  const json same = db.Json(report + "--supersedes " + first.string());
  CHECK(same == pf);
  // Other data (here the company): a new footprint of the product, after the first.
  const json next =
      db.Json(report + "--company 'Example Compute Inc.' --supersedes " + first.string());
  CHECK(next["id"] != pf["id"]);
  CHECK(next["version"] == 2);
  CHECK(next["precedingPfIds"] == json::array({pf["id"]}));
  CHECK(inventory::CheckPactConformance(next.dump()).empty());

  // Another product's footprint, a non-conforming one, the wrong format.
  const json a100 = db.Json("report nvidia-a100-sxm4-80gb --format pact");
  const auto other = db.dir.Write("a100.json", a100.dump());
  auto r = db.Run(report + "--supersedes " + other.string());
  CHECK(r.exit_code == 2);
  CHECK(r.out ==
        fmt::format("gpulca: --supersedes {}: it is the footprint of another product (productIds "
                    "urn:pact:gpulca:product-id:nvidia-a100-sxm4-80gb), and this one is of "
                    "nvidia-h100-sxm5 (productIds urn:pact:gpulca:product-id:nvidia-h100-sxm5); a "
                    "footprint supersedes one of the same product\n",
                    other.string()));
  json broken = pf;
  broken["pcf"]["productOrSectorSpecificRules"] = json::array();
  const auto old = db.dir.Write("old.json", broken.dump());
  refused(
      "--supersedes " + old.string(),
      fmt::format("--supersedes {}: not a conforming PACT v2.3 ProductFootprint (1 violation):\n"
                  "  /pcf/productOrSectorSpecificRules: minItems 1, got 0",
                  old.string()));
  auto json_format = db.Run("report nvidia-h100-sxm5 --format json --supersedes " + first.string());
  CHECK(json_format.exit_code == 2);
  CHECK(json_format.out ==
        "gpulca: --supersedes: only a PACT footprint (--format pact) supersedes one\n");
}
