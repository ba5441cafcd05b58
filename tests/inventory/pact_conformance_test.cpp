// PACT v2.3 conformance (inventory/records/pact_conformance.h): the string
// formats, then every class of schema violation and every prose rule on a
// conforming supplier footprint changed in one place, with the exact
// pointer and rule reported, and nothing else. Each case fails if the
// check it shows is taken away.
#include "inventory/records/pact_conformance.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "inventory/records/order.h"
#include "inventory/records/pact_footprint.h"
#include "inventory/records/pact_formats.h"
#include "lca/error.h"
#include "tests/inventory/pact_fixture.h"
#include "tests/test_support.h"

using namespace gpulca;
using nlohmann::json;

namespace {

std::vector<std::string> Violations(const json& doc) {
  std::vector<std::string> out;
  for (const inventory::PactViolation& v : inventory::CheckPactConformance(doc.dump())) {
    out.push_back(inventory::Describe(v));
  }
  return out;
}

json Supplier() { return json::parse(test::kSupplierFootprint); }

json With(const std::string& pointer, json value, json doc = Supplier()) {
  doc[json::json_pointer(pointer)] = std::move(value);
  return doc;
}

json Without(const std::string& pointer, json doc = Supplier()) {
  const json::json_pointer p(pointer);
  doc[p.parent_pointer()].erase(p.back());
  return doc;
}

using Says = std::vector<std::string>;

}  // namespace

TEST_CASE("URNs as RFC 8141 has them, and the other formats", "[pact]") {
  using inventory::UrnProblem;
  // The three the issue names, each for its own reason.
  CHECK(UrnProblem("urn:x:y") ==
        "the namespace identifier 'x' has 1 character; RFC 8141 asks for 2 to 32");
  CHECK(UrnProblem("urn:foo:") == "the namespace-specific string after the second ':' is empty");
  CHECK(UrnProblem("URN:FOO:a b") ==
        "the namespace-specific string holds a space, which a URN must %-encode");
  // More ways to fail.
  CHECK(UrnProblem("ACME-42") == "it does not begin with 'urn:'");
  CHECK(UrnProblem("urn:foo") == "it has no ':' after the namespace identifier");
  CHECK(UrnProblem("urn:-ab:x") == "the namespace identifier '-ab' begins or ends with a hyphen");
  CHECK(UrnProblem("urn:a_b:x") ==
        "the namespace identifier 'a_b' holds '_'; only letters, digits and hyphens may appear "
        "there");
  CHECK(UrnProblem("urn:" + std::string(33, 'a') + ":x") ==
        "the namespace identifier '" + std::string(33, 'a') +
            "' has 33 characters; RFC 8141 asks for 2 to 32");
  CHECK(UrnProblem("urn:ab:/x") == "the namespace-specific string begins with '/'");
  CHECK(UrnProblem("urn:ab:x%2") ==
        "a '%' in the namespace-specific string is not followed by two hex digits");
  CHECK(UrnProblem("urn:ab:x?y") ==
        "'?y' after the name is not an r-component ('?+'), q-component ('?=') or fragment ('#')");
  // Valid: the specification's examples and gpulca's defaults.
  for (const char* urn :
       {"urn:pact:gpulca:product-id:nvidia-h100-sxm5", "urn:cpc:4529", "urn:gtin:4712345060507",
        "urn:pact:company:customcode:vendor-assigned:6789", "URN:ISBN:978-951-0-18435-6",
        "urn:pact:inchi-trust.org:substance-id:1S,/2O.Ti", "urn:ab:x%20y", "urn:ab:x?+r?=q#f",
        "urn:uuid:0f0e0d0c-0b0a-4098-8765-43210fedcba9"}) {
    INFO(urn);
    CHECK(inventory::IsUrn(urn));
    CHECK(UrnProblem(urn).empty());
  }
  CHECK_FALSE(inventory::IsUrn("urn:ab:" + std::string(5000, 'a')));  // longer than gpulca checks

  CHECK(inventory::IsUuidV4("f4b1225a-bd44-4c8e-861d-079e4e1dfd69"));
  CHECK_FALSE(inventory::IsUuidV4("f4b1225a-bd44-1c8e-861d-079e4e1dfd69"));  // version 1
  CHECK(inventory::IsUuid("f4b1225a-bd44-1c8e-861d-079e4e1dfd69"));
  for (const char* d : {"10", "42.12", "-182.84", "0"}) CHECK(inventory::IsPactDecimal(d));
  for (const char* d : {"+1", ".5", "1.", "1e5", "1,5", ""})
    CHECK_FALSE(inventory::IsPactDecimal(d));

  bool utc = false;
  CHECK(*inventory::DateTimeSeconds("2025-01-01T00:00:00Z", &utc) ==
        1735689600.0);  // date -d @1735689600
  CHECK(utc);
  CHECK(*inventory::DateTimeSeconds("2025-01-01T01:00:00.5+01:00", &utc) == 1735689600.5);
  CHECK_FALSE(utc);
  CHECK(inventory::DateTimeSeconds("2024-02-29T00:00:00Z"));
  CHECK_FALSE(inventory::DateTimeSeconds("2023-02-29T00:00:00Z"));
  CHECK_FALSE(inventory::DateTimeSeconds("2025-13-01T00:00:00Z"));
}

TEST_CASE("PACT conformance: the embedded schema is v2.3, and the fixture conforms", "[pact]") {
  CHECK(inventory::PactSchemaVersion() == "2.3.3");
  CHECK(Violations(Supplier()).empty());
  CHECK_THROWS_AS(inventory::CheckPactConformance("{\"id\": "), InputError);
}

TEST_CASE("PACT conformance: each class of schema violation", "[pact]") {
  CHECK(Violations(Without("/pcf/declaredUnit")) == Says{"/pcf/declaredUnit: required, missing"});
  CHECK(Violations(Without("/pcf/dqi/reliabilityDQR")) ==
        Says{"/pcf/dqi/reliabilityDQR: required, missing"});
  CHECK(Violations(With("/pcf/declaredUnit", "piece")) ==
        Says{"/pcf/declaredUnit: enum (liter, kilogram, cubic meter, kilowatt hour, megajoule, ton "
             "kilometer, square meter), got \"piece\""});
  CHECK(Violations(With("/status", "Retired")) ==
        Says{"/status: enum (Active, Deprecated), got \"Retired\""});
  CHECK(Violations(With("/pcf/unitaryProductAmount", 2.5)) ==
        Says{"/pcf/unitaryProductAmount: type string, got number"});
  CHECK(Violations(With("/pcf/dqi/coveragePercent", "80")) ==
        Says{"/pcf/dqi/coveragePercent: type number, got string"});
  CHECK(Violations(json::array()) == Says{"(footprint): type object, got array"});
  // Formats: the patterns of pact_formats.h, and valijson's date-time.
  CHECK(Violations(With("/pcf/pCfExcludingBiogenic", "1.2e3")) ==
        Says{"/pcf/pCfExcludingBiogenic: format decimal (the specification's Decimal: \"10\", "
             "\"-182.84\"), got \"1.2e3\""});
  CHECK(Violations(With("/id", "not-a-uuid")) ==
        Says{"/id: format uuid (RFC 9562), got \"not-a-uuid\""});
  for (const char* bad : {"urn:x:y", "urn:foo:", "URN:FOO:a b"}) {
    CHECK(Violations(With("/companyIds", {bad})) ==
          Says{fmt::format("/companyIds/0: format urn (RFC 8141), got \"{}\"", bad)});
  }
  CHECK(Violations(With("/productIds", {"AX-100"})) ==
        Says{"/productIds/0: pattern ^([uU][rR][nN]):, got \"AX-100\"",
             "/productIds/0: format urn (RFC 8141), got \"AX-100\""});
  CHECK(Violations(With("/created", "2025-13-01T00:00:00Z")) ==
        Says{"/created: format date-time (RFC 3339), got \"2025-13-01T00:00:00Z\""});
  CHECK(Violations(With(
            "/extensions",
            {{{"specVersion", "2.0.0"}, {"dataSchema", "not a uri"}, {"data", json::object()}}})) ==
        Says{"/extensions/0/dataSchema: format uri (RFC 3986), got \"not a uri\""});
  CHECK(Violations(With("/version", 3000000000LL)) ==
        Says{"/version: maximum 2147483647 (format int32), got 3000000000"});
  // A string too long for std::regex is refused before any pattern runs.
  CHECK(
      Violations(With("/productIds", {"urn:pact:x:" + std::string(5000, 'a')})) ==
      Says{"/productIds/0: maxLength 4096 (gpulca checks patterns and formats on strings of up to "
           "4096 characters), got 5011"});
  // Sizes, sets, ranges.
  CHECK(Violations(With("/pcf/productOrSectorSpecificRules", json::array())) ==
        Says{"/pcf/productOrSectorSpecificRules: minItems 1, got 0"});
  CHECK(Violations(With("/companyIds", {"urn:a1:b", "urn:a1:b"})) ==
        Says{"/companyIds: uniqueItems, items 0 and 1 are equal (\"urn:a1:b\")"});
  CHECK(Violations(With("/companyName", "")) == Says{"/companyName: minLength 1, got 0"});
  CHECK(Violations(With("/pcf/dqi/technologicalDQR", 4)) ==
        Says{"/pcf/dqi/technologicalDQR: maximum 3, got 4"});
  CHECK(Violations(With("/version", -1)) == Says{"/version: minimum 0, got -1"});
  CHECK(Violations(
            With("/pcf/geographyCountry", "Taiwan", Without("/pcf/geographyRegionOrSubregion"))) ==
        Says{"/pcf/geographyCountry: pattern ^[A-Z]{2}$, got \"Taiwan\""});
  // The geography oneOf: a region and a country.
  CHECK(Violations(With("/pcf/geographyCountry", "TW")) ==
        Says{"/pcf: oneOf: matches none or several of its alternatives, which turn on "
             "geographyRegionOrSubregion, geographyCountry, geographyCountrySubdivision; present: "
             "geographyRegionOrSubregion, geographyCountry"});
  CHECK(Violations(Without("/pcf/geographyRegionOrSubregion")).empty());  // global
}

TEST_CASE("PACT conformance: each prose MUST rule", "[pact]") {
  CHECK(
      Violations(With("/pcf/referencePeriodEnd", "2026-06-01T00:00:00Z")) ==
      Says{"/pcf/referencePeriodEnd: must not lie after created (2026-02-01T00:00:00Z): the "
           "reference "
           "period bounds the activity data used, and no data can be collected after the footprint "
           "was made"});
  CHECK(
      Violations(With("/pcf/referencePeriodStart", "2026-01-01T00:00:00Z")) ==
      Says{"/pcf/referencePeriodEnd: must come after referencePeriodStart (the start is included, "
           "the end excluded)"});
  // A period that includes 2025: every O* property.
  for (const char* key : {"pCfIncludingBiogenic", "dLucGhgEmissions", "landManagementGhgEmissions",
                          "otherBiogenicGhgEmissions", "biogenicCarbonWithdrawal",
                          "biogenicAccountingMethodology", "dqi"}) {
    CHECK(
        Violations(Without(std::string("/pcf/") + key)) ==
        Says{fmt::format("/pcf/{}: required for a reference period that includes 2025 or later (O* "
                         "in the specification), missing",
                         key)});
  }
  // Before 2025 (the end is excluded: 2025-01-01 ends 2024), primaryDataShare or dqi.
  json y2024 = With("/pcf/referencePeriodEnd", "2025-01-01T00:00:00Z",
                    With("/pcf/referencePeriodStart", "2024-01-01T00:00:00Z"));
  CHECK(Violations(Without("/pcf/dqi", Without("/pcf/biogenicAccountingMethodology", y2024)))
            .empty());
  CHECK(Violations(Without("/pcf/dqi", Without("/pcf/primaryDataShare", y2024))) ==
        Says{"/pcf/primaryDataShare: primaryDataShare or dqi is required for a reference period "
             "before "
             "2025, both missing"});
  // Secondary data.
  CHECK(Violations(Without("/pcf/secondaryEmissionFactorSources")) ==
        Says{"/pcf/secondaryEmissionFactorSources: required when secondary data are used "
             "(primaryDataShare 40 is below 100), missing"});
  CHECK(Violations(With("/pcf/primaryDataShare", 100)) ==
        Says{"/pcf/secondaryEmissionFactorSources: must not be defined when no secondary data are "
             "used "
             "(primaryDataShare 100)"});
  // Amounts.
  CHECK(Violations(With("/pcf/unitaryProductAmount", "0")) ==
        Says{"/pcf/unitaryProductAmount: must be strictly greater than 0, got \"0\""});
  CHECK(Violations(With("/pcf/pCfExcludingBiogenic", "-1")) ==
        Says{"/pcf/pCfExcludingBiogenic: must be 0 or more, got \"-1\""});
  CHECK(Violations(With("/pcf/biogenicCarbonWithdrawal", "2")) ==
        Says{"/pcf/biogenicCarbonWithdrawal: must be 0 or less, got \"2\""});
  CHECK(Violations(With("/pcf/exemptedEmissionsPercent", 6)) ==
        Says{"/pcf/exemptedEmissionsPercent: must lie between 0 and 5 (v2), got 6"});
  CHECK(Violations(With("/pcf/packagingGhgEmissions", "1")) ==
        Says{"/pcf/packagingGhgEmissions: must not be defined when packagingEmissionsIncluded is "
             "false"});
  // Ids and lifecycle.
  CHECK(Violations(With("/id", "3a1e6f0e-2b7c-1d5e-8f90-1a2b3c4d5e6f")) ==
        Says{"/id: PfId: a UUID of version 4 (RFC 9562), got "
             "\"3a1e6f0e-2b7c-1d5e-8f90-1a2b3c4d5e6f\""});
  CHECK(Violations(With("/precedingPfIds", {"3a1e6f0e-2b7c-4d5e-8f90-1a2b3c4d5e6f"})) ==
        Says{"/precedingPfIds/0: a footprint does not precede itself: this is its own id"});
  CHECK(Violations(With("/updated", "2026-01-15T00:00:00Z")) ==
        Says{"/updated: must come after created (Lifecycle: a version update sets updated after "
             "created)"});
  CHECK(
      Violations(With("/specVersion", "3.0.0")) ==
      Says{"/specVersion: a PACT v2 footprint (gpulca checks the v2.3 data model), got \"3.0.0\""});
  // DateTime: UTC, and real days (valijson lets 29 February of any year pass).
  CHECK(Violations(With("/created", "2026-02-01T01:00:00+01:00")) ==
        Says{"/created: DateTime: in UTC (\"Z\"), got \"2026-02-01T01:00:00+01:00\""});
  CHECK(Violations(With("/pcf/referencePeriodStart", "2023-02-29T00:00:00Z")) ==
        Says{"/pcf/referencePeriodStart: DateTime: a real day (2023 is not a leap year), got "
             "\"2023-02-29T00:00:00Z\""});
  // The validity period.
  CHECK(Violations(With("/validityPeriodStart", "2026-01-01T00:00:00Z")) ==
        Says{"/validityPeriodEnd: required with the other end of the validity period, missing"});
  json valid = With("/validityPeriodEnd", "2029-01-01T00:00:00Z",
                    With("/validityPeriodStart", "2026-01-01T00:00:00Z"));
  CHECK(Violations(valid).empty());  // 3 years from the end of the reference period, to the second
  CHECK(Violations(With("/validityPeriodStart", "2025-06-01T00:00:00Z", valid)) ==
        Says{"/validityPeriodStart: must not come before referencePeriodEnd"});
  CHECK(Violations(With("/validityPeriodEnd", "2029-01-01T00:00:01Z", valid)) ==
        Says{"/validityPeriodEnd: must not lie more than 3 years after referencePeriodEnd"});
  CHECK(Violations(With("/pcf/productOrSectorSpecificRules",
                        {{{"operator", "Other"}, {"ruleNames", {"x"}}}})) ==
        Says{"/pcf/productOrSectorSpecificRules/0/otherOperatorName: required when operator is "
             "\"Other\", "
             "missing"});
}

TEST_CASE("PACT in: a conforming supplier footprint reads, a non-conforming one is refused",
          "[pact]") {
  const std::string response = std::string("{\"data\": [") + test::kSupplierFootprint + "]}";
  inventory::PactFootprint d = inventory::ParsePactFootprint(response, "supplier.json");
  CHECK(d.id == "3a1e6f0e-2b7c-4d5e-8f90-1a2b3c4d5e6f");
  CHECK(d.version == 3);
  CHECK(d.created == "2026-02-01T00:00:00Z");
  CHECK(d.preceding_pf_ids.empty());
  CHECK(d.product_ids == std::vector<std::string>{"urn:pact:supplier.example:supplier-id:AX-100"});
  CHECK(d.per_product == Approx(120.4 * 2.5));
  CHECK(d.characterization == std::vector<std::string>{"AR5"});
  CHECK(d.standards == std::vector<std::string>{"GHG Protocol Product standard", "GHGP-Product"});
  CHECK(d.geography == "Eastern Asia");
  CHECK(*d.exempted_percent == 1.5);
  CHECK(d.boundary == "cradle to gate, packaging excluded");

  // All violations, each with its pointer and rule.
  json two =
      With("/pcf/productOrSectorSpecificRules", json::array(), With("/companyIds", {"urn:x:y"}));
  CHECK_THROWS_WITH(inventory::ParsePactFootprint(two.dump(), "bad.json"),
                    "bad.json: not a conforming PACT v2.3 ProductFootprint (2 violations):\n"
                    "  /companyIds/0: format urn (RFC 8141), got \"urn:x:y\"\n"
                    "  /pcf/productOrSectorSpecificRules: minItems 1, got 0");
  // ... capped at ten.
  CHECK_THROWS_WITH(
      inventory::ParsePactFootprint("{}", "empty.json"),
      Catch::StartsWith("empty.json: not a conforming PACT v2.3 ProductFootprint (13 violations):\n"
                        "  /comment: required, missing") &&
          Catch::EndsWith("\n  ... and 3 more"));
  // A v2.2 file without the properties v2.3 requires.
  json older = Without("/pcf/ipccCharacterizationFactorsSources", With("/specVersion", "2.2.0"));
  CHECK_THROWS_WITH(inventory::ParsePactFootprint(older.dump(), "old.json"),
                    Catch::Contains("/pcf/ipccCharacterizationFactorsSources: required, missing"));
  CHECK_THROWS_WITH(inventory::ParsePactFootprint("{\"data\": []}", "bad.json"),
                    Catch::Contains("holds 0 footprints"));
  CHECK_THROWS_WITH(inventory::ParsePactFootprint("[1, 2", "bad.json"),
                    Catch::Contains("bad.json: not JSON"));
  CHECK_THROWS_WITH(inventory::ReadPactFootprint("/nonexistent/x.json"),
                    Catch::Contains("cannot be read"));
}

TEST_CASE("PACT in: an order's declaration that does not conform is a problem of the order",
          "[pact][order]") {
  test::TempDir dir;
  dir.Write("supplier.json", With("/pcf/productOrSectorSpecificRules", json::array()).dump());
  const std::string order =
      "[order]\nid = \"a\"\nbuyer = \"b\"\nsupplier = \"c\"\n[[line]]\nproduct = \"x\"\n"
      "quantity = 1\ndeclared = { pact = \"supplier.json\" }\n";
  const std::string name = (dir.path() / "o.toml").string();
  CHECK_THROWS_WITH(
      inventory::ParseOrder(order, name),
      Catch::Contains(name + ":8: declared: " + (dir.path() / "supplier.json").string() +
                      ": not a conforming PACT v2.3 ProductFootprint (1 violation):\n"
                      "  /pcf/productOrSectorSpecificRules: minItems 1, got 0"));
  dir.Write("supplier.json", test::kSupplierFootprint);
  const inventory::PurchaseOrder ok = inventory::ParseOrder(order, name);
  REQUIRE(ok.lines.size() == 1);
  REQUIRE(ok.lines[0].declared);
  CHECK(ok.lines[0].declared->value == Approx(120.4 * 2.5));
}

TEST_CASE("PACT in: a decimal no double holds is a violation, not an uncaught exception",
          "[pact][fuzz]") {
  using inventory::PactDecimalValue;
  CHECK(*PactDecimalValue("-182.84") == -182.84);
  CHECK(*PactDecimalValue("0") == 0.0);
  CHECK(*PactDecimalValue("1" + std::string(300, '0')) == 1e300);
  CHECK_FALSE(PactDecimalValue("1" + std::string(400, '0')));  // past 1.8e308
  CHECK_FALSE(PactDecimalValue("0." + std::string(400, '0') + "1"));  // 1e-401, not 0
  CHECK_FALSE(PactDecimalValue("1e5"));  // not a PACT decimal

  // std::stod threw std::out_of_range at both, in the rules and in the reader.
  const std::string huge = "1" + std::string(400, '0'), tiny = "0." + std::string(400, '0') + "1";
  CHECK(Violations(With("/pcf/pCfExcludingBiogenic", huge)) ==
        Says{"/pcf/pCfExcludingBiogenic: a decimal of 401 characters that gpulca cannot hold: its "
             "magnitude must be 0 or lie between about 2.2e-308 and 1.8e308"});
  CHECK(Violations(With("/pcf/unitaryProductAmount", tiny)) ==
        Says{"/pcf/unitaryProductAmount: a decimal of 403 characters that gpulca cannot hold: its "
             "magnitude must be 0 or lie between about 2.2e-308 and 1.8e308"});
  CHECK_THROWS_WITH(inventory::ParsePactFootprint(With("/pcf/fossilGhgEmissions", huge).dump(), "f.json"),
                    Catch::StartsWith("f.json: not a conforming PACT v2.3 ProductFootprint (1 violation):\n"
                                      "  /pcf/fossilGhgEmissions: a decimal of 401 characters"));
  // Two that a double holds, whose product it does not.
  const std::string e200 = "1" + std::string(200, '0');
  json both = With("/pcf/unitaryProductAmount", e200, With("/pcf/pCfExcludingBiogenic", e200));
  CHECK(Violations(both).empty());
  CHECK_THROWS_WITH(inventory::ParsePactFootprint(both.dump(), "f.json"),
                    "f.json: the footprint per product, pCfExcludingBiogenic 1e+200 x "
                    "unitaryProductAmount 1e+200, is beyond the largest number gpulca holds (about "
                    "1.8e308)");
}
