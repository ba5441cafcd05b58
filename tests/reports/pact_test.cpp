// PACT v2 ProductFootprint out (reports/pact.h) and in
// (inventory/pact_footprint.h): values worked out by hand on a small GPU
// with fossil and biogenic emissions, every field the specification
// requires with its type, on that GPU and on the bundled H100, and the
// reader on good and broken files.
#include "reports/pact.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <regex>

#include "lca/error.h"
#include "inventory/model/parameters.h"
#include "inventory/records/pact_footprint.h"
#include "inventory/toml/toml_loader.h"
#include "lca/gpu/gpu_assessment.h"
#include "tests/test_support.h"

using namespace gpulca;
using gpulca::inventory::Inventory;
using nlohmann::json;

namespace {

// A GPU of 2 kg whose module emits 10 kg fossil CO2, 3 kg biogenic CO2 and
// takes up 2 kg (net 1 kg), and 0.1 kg biogenic methane (AR6: 27).
const char* const kSmallGpu = R"T(
[[source]]
id = "s1"
citation = "Test source"

[[flow]]
id = "co2_fossil"
name = "Carbon dioxide, fossil"
kind = "elementary"
compartment = "air"
subcompartment = "fossil"
unit = "kg"
cas = "124-38-9"

[[flow]]
id = "co2_biogenic"
name = "Carbon dioxide, biogenic"
kind = "elementary"
compartment = "air"
subcompartment = "biogenic"
unit = "kg"
cas = "124-38-9"

[[flow]]
id = "ch4_biogenic"
name = "Methane, biogenic"
kind = "elementary"
compartment = "air"
subcompartment = "biogenic"
unit = "kg"
cas = "74-82-8"

[[flow]]
id = "g1"
name = "Test GPU module"
kind = "product"
unit = "item"

[[parameter]]
id = "lifetime_years"
value = 5
source = "s1"

[[parameter]]
id = "lifetime_hours"
formula = "lifetime_years * 8760"

[[parameter]]
id = "utilization"
value = 0.5
source = "s1"

[[parameter]]
id = "pue"
value = 1.2
source = "s1"

[[parameter]]
id = "gpu_power_fraction"
value = 0.6
source = "s1"

[[process]]
id = "g1"
name = "Test GPU module"
stage = "assembly"
location = "TW"
product = { flow = "g1", amount = 1, unit = "item" }
  [[process.parameters]]
  id = "tdp_w"
  value = 500
  source = "s1"
  [[process.parameters]]
  id = "peak_bf16_dense_tflops"
  value = 400
  source = "s1"
  [[process.parameters]]
  id = "memory_capacity_gb"
  value = 64
  source = "s1"
  [[process.parameters]]
  id = "module_mass_kg"
  value = 2
  source = "s1"
  [[process.exchanges]]
  flow = "co2_fossil"
  amount = 10
  unit = "kg"
  source = "s1"
  [[process.exchanges]]
  flow = "co2_biogenic"
  amount = 3
  unit = "kg"
  source = "s1"
  [[process.exchanges]]
  flow = "co2_biogenic"
  amount = -2
  unit = "kg"
  source = "s1"
  [[process.exchanges]]
  flow = "ch4_biogenic"
  amount = 0.1
  unit = "kg"
  source = "s1"

[[method]]
id = "gwp100"
name = "GWP100"
unit = "kg CO2e"
source = "s1"
  [[method.factors]]
  flow = "co2_fossil"
  value = 1
  [[method.factors]]
  flow = "co2_biogenic"
  value = 1
  [[method.factors]]
  flow = "ch4_biogenic"
  value = 27
)T";

reports::PactContext Context() {
  reports::PactContext c;
  c.created = "2025-03-01T09:30:00Z";
  c.reference_period_start = "2024-01-01T00:00:00Z";
  c.reference_period_end = "2025-01-01T00:00:00Z";
  c.company_name = "Example Compute Inc.";
  c.company_ids = {"urn:uuid:8b2e0f4c-6e1b-4f3e-9a57-3c2d1e0f9a8b"};
  c.product_mass_kg = 2;
  c.gpulca_version = "0.1.0";
  c.content_hash = "abc123";
  return c;
}

lca::GpuAssessment AssessSmall(const Inventory& inv) {
  inventory::ParameterSet parameters(inv);
  return lca::AssessGpu(inv, parameters, lca::GpuAssessmentOptions("g1", false));
}

// The specification's types (PACT Tech Specs v2.3, openapi.yaml).
bool IsDecimal(const json& j) {
  return j.is_string() && std::regex_match(j.get<std::string>(), std::regex(R"(^[+-]?\d+(\.\d+)?$)"));
}
bool IsPositiveOrZeroDecimal(const json& j) { return IsDecimal(j) && j.get<std::string>()[0] != '-'; }
bool IsDateTime(const json& j) {
  return j.is_string() && std::regex_match(j.get<std::string>(),
                                           std::regex(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$)"));
}
bool IsUrnSet(const json& j) {
  if (!j.is_array() || j.empty()) return false;
  for (const json& s : j) {
    if (!s.is_string() || !std::regex_search(s.get<std::string>(), std::regex("^([uU][rR][nN]):"))) {
      return false;
    }
  }
  return true;
}
bool IsNonEmptyString(const json& j) { return j.is_string() && !j.get<std::string>().empty(); }

// Checks every required field of ProductFootprint and CarbonFootprint.
void CheckRequired(const json& pf) {
  INFO(pf.dump(2));
  REQUIRE(pf.is_object());
  CHECK(std::regex_match(pf.at("id").get<std::string>(),
                         std::regex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")));
  CHECK(std::regex_match(pf.at("specVersion").get<std::string>(), std::regex(R"(^\d+\.\d+\.\d+$)")));
  CHECK(pf.at("specVersion").get<std::string>().rfind("2.", 0) == 0);
  CHECK(pf.at("version").is_number_integer());
  CHECK(pf.at("version").get<int>() >= 0);
  CHECK(IsDateTime(pf.at("created")));
  CHECK((pf.at("status") == "Active" || pf.at("status") == "Deprecated"));
  CHECK(pf.at("comment").is_string());
  CHECK(IsNonEmptyString(pf.at("companyName")));
  CHECK(IsUrnSet(pf.at("companyIds")));
  CHECK(pf.at("productDescription").is_string());
  CHECK(IsUrnSet(pf.at("productIds")));
  CHECK(IsNonEmptyString(pf.at("productCategoryCpc")));
  CHECK(IsNonEmptyString(pf.at("productNameCompany")));
  const json& pcf = pf.at("pcf");
  REQUIRE(pcf.is_object());
  static const std::vector<std::string> kUnits = {"liter", "kilogram", "cubic meter",
                                                  "kilowatt hour", "megajoule", "ton kilometer",
                                                  "square meter"};
  CHECK(std::find(kUnits.begin(), kUnits.end(), pcf.at("declaredUnit").get<std::string>()) !=
        kUnits.end());
  CHECK(IsPositiveOrZeroDecimal(pcf.at("unitaryProductAmount")));
  CHECK(std::stod(pcf.at("unitaryProductAmount").get<std::string>()) > 0);
  for (const char* key : {"pCfExcludingBiogenic", "fossilGhgEmissions", "fossilCarbonContent",
                          "biogenicCarbonContent"}) {
    INFO(key);
    CHECK(IsPositiveOrZeroDecimal(pcf.at(key)));
  }
  CHECK(IsDecimal(pcf.at("pCfIncludingBiogenic")));
  CHECK((pcf.at("characterizationFactors") == "AR6" || pcf.at("characterizationFactors") == "AR5"));
  const json& sources = pcf.at("ipccCharacterizationFactorsSources");
  REQUIRE(sources.is_array());
  REQUIRE_FALSE(sources.empty());
  for (const json& s : sources) CHECK(std::regex_match(s.get<std::string>(), std::regex(R"(^AR\d+$)")));
  static const std::vector<std::string> kStandards = {"GHG Protocol Product standard",
                                                      "ISO Standard 14067", "ISO Standard 14044"};
  REQUIRE(pcf.at("crossSectoralStandardsUsed").is_array());
  REQUIRE_FALSE(pcf.at("crossSectoralStandardsUsed").empty());
  for (const json& s : pcf.at("crossSectoralStandardsUsed")) {
    CHECK(std::find(kStandards.begin(), kStandards.end(), s.get<std::string>()) != kStandards.end());
  }
  CHECK(pcf.at("productOrSectorSpecificRules").is_array());
  CHECK(pcf.at("boundaryProcessesDescription").is_string());
  CHECK(IsDateTime(pcf.at("referencePeriodStart")));
  CHECK(IsDateTime(pcf.at("referencePeriodEnd")));
  CHECK(pcf.at("referencePeriodStart").get<std::string>() < pcf.at("referencePeriodEnd").get<std::string>());
  CHECK(pcf.at("exemptedEmissionsPercent").is_number());
  CHECK(pcf.at("exemptedEmissionsPercent").get<double>() >= 0);
  CHECK(pcf.at("exemptedEmissionsPercent").get<double>() <= 5);
  CHECK(pcf.at("exemptedEmissionsDescription").is_string());
  CHECK(pcf.at("packagingEmissionsIncluded").is_boolean());
  // Reference periods before 2025: primaryDataShare or dqi.
  CHECK((pcf.contains("primaryDataShare") || pcf.contains("dqi")));
  if (pcf.contains("geographyCountry")) {
    CHECK(std::regex_match(pcf["geographyCountry"].get<std::string>(), std::regex("^[A-Z]{2}$")));
  }
}

}  // namespace

TEST_CASE("PACT: a small GPU's footprint, fossil and biogenic, by hand", "[pact]") {
  Inventory inv = test::ParseValid(kSmallGpu);
  auto a = AssessSmall(inv);
  reports::PactContext c = Context();
  c.biogenic = reports::BiogenicFlowsOf(inv);
  CHECK(c.biogenic.co2 == std::set<std::string>{"co2_biogenic"});
  CHECK(c.biogenic.other == std::set<std::string>{"ch4_biogenic"});
  json pf = json::parse(reports::RenderGpuPact(a, c));
  CheckRequired(pf);
  const json& pcf = pf["pcf"];
  // Per kilogram of a 2 kg module: total 10 + (3 - 2) + 0.1 x 27 = 13.7.
  CHECK(pcf["declaredUnit"] == "kilogram");
  CHECK(pcf["unitaryProductAmount"] == "2");
  CHECK(pcf["pCfIncludingBiogenic"] == "6.85");        // 13.7 / 2
  CHECK(pcf["pCfExcludingBiogenic"] == "6.35");        // (13.7 - 1) / 2: no biogenic CO2
  CHECK(pcf["fossilGhgEmissions"] == "5");             // 10 / 2
  CHECK(pcf["otherBiogenicGhgEmissions"] == "1.35");   // 2.7 / 2
  CHECK(pcf["geographyCountry"] == "TW");
  CHECK_THAT(pcf["boundaryProcessesDescription"].get<std::string>(),
             Catch::Contains("assembly 100.0%"));
  CHECK_THAT(pf["comment"].get<std::string>(),
             Catch::Contains("13.7 kg CO2e cradle to gate") && Catch::Contains("abc123"));
  CHECK(pf["productIds"] == json::array({"urn:gpulca:product:g1"}));
  CHECK(pf["productCategoryCpc"] == "4529");

  // The id is derived from the content: the same footprint, the same id; a given id is kept.
  CHECK(json::parse(reports::RenderGpuPact(a, c))["id"] == pf["id"]);
  c.version = 2;
  CHECK(json::parse(reports::RenderGpuPact(a, c))["id"] != pf["id"]);
  c.id = "f4b1225a-bd44-4c8e-861d-079e4e1dfd69";
  CHECK(json::parse(reports::RenderGpuPact(a, c))["id"] == c.id);
}

TEST_CASE("PACT: the bundled H100 has every required field", "[pact]") {
  Inventory inv = inventory::LoadAndValidate({GPULCA_SOURCE_DIR "/data"});
  inventory::ParameterSet parameters(inv);
  auto a = lca::AssessGpu(inv, parameters, lca::GpuAssessmentOptions("nvidia-h100-sxm5"));
  reports::PactContext c = Context();
  c.product_mass_kg = parameters.Value("nvidia-h100-sxm5", "module_mass_kg");
  c.biogenic = reports::BiogenicFlowsOf(inv);
  json pf = json::parse(reports::RenderGpuPact(a, c));
  CheckRequired(pf);
  // Cradle to gate, not the life cycle: value x amount is the gate gwp100.
  int k = a.gate.ImpactIndex("gwp100");
  double per_module = std::stod(pf["pcf"]["pCfIncludingBiogenic"].get<std::string>()) *
                      std::stod(pf["pcf"]["unitaryProductAmount"].get<std::string>());
  CHECK(per_module == Approx(a.gate.impacts[k]).epsilon(1e-6));
  CHECK(per_module < a.total[k]);
}

TEST_CASE("PACT: a context that breaks the specification is refused", "[pact]") {
  Inventory inv = test::ParseValid(kSmallGpu);
  auto a = AssessSmall(inv);
  auto refused = [&](auto change, const char* field) {
    reports::PactContext c = Context();
    change(c);
    CHECK_THROWS_WITH(reports::RenderGpuPact(a, c), Catch::Contains(field));
  };
  refused([](auto& c) { c.company_ids = {"ACME-42"}; }, "companyIds");
  refused([](auto& c) { c.company_ids.clear(); }, "companyIds");
  refused([](auto& c) { c.company_name.clear(); }, "companyName");
  refused([](auto& c) { c.created = "1 March 2025"; }, "created");
  refused([](auto& c) { c.reference_period_end = c.reference_period_start; }, "referencePeriodEnd");
  refused([](auto& c) { c.product_mass_kg = 0; }, "product mass");
  refused([](auto& c) { c.id = "not-a-uuid"; }, "id");
}

TEST_CASE("PACT decimals are fixed-point strings", "[pact]") {
  CHECK(reports::PactDecimal(0) == "0");
  CHECK(reports::PactDecimal(2.5) == "2.5");
  CHECK(reports::PactDecimal(-3) == "-3");
  CHECK(reports::PactDecimal(1234.5678) == "1234.5678");
  CHECK(reports::PactDecimal(0.000012345) == "0.000012345");
  CHECK(reports::PactDecimal(1.0 / 3) == "0.333333333");
  CHECK(reports::PactDecimal(2.5e7) == "25000000");
}

TEST_CASE("PACT in: our own footprint reads back as it was written", "[pact]") {
  Inventory inv = test::ParseValid(kSmallGpu);
  auto a = AssessSmall(inv);
  std::string text = reports::RenderGpuPact(a, Context());
  inventory::PactFootprint d = inventory::ParsePactFootprint(text, "ours.json");
  CHECK(d.company_name == "Example Compute Inc.");
  CHECK(d.declared_unit == "kilogram");
  CHECK(d.unitary_amount == 2);
  CHECK(d.pcf_excluding_biogenic == Approx(6.35));
  CHECK(d.per_product == Approx(12.7));
  CHECK(*d.pcf_including_biogenic == Approx(6.85));
  CHECK(d.reference_period_start == "2024-01-01T00:00:00Z");
  CHECK(d.characterization == std::vector<std::string>{"AR6"});
  CHECK(d.standards == std::vector<std::string>{"ISO Standard 14044", "ISO14040-44"});
  CHECK(d.geography == "TW");
}

TEST_CASE("PACT in: a supplier's response, and files that are not footprints", "[pact]") {
  const std::string supplier = R"({"data": {
    "id": "3a1e6f0e-2b7c-4d5e-8f90-1a2b3c4d5e6f", "specVersion": "2.2.0", "version": 3,
    "created": "2024-06-01T00:00:00Z", "status": "Active", "companyName": "Supplier Co",
    "companyIds": ["urn:uuid:0f0e0d0c-0b0a-4098-8765-43210fedcba9"],
    "productDescription": "Accelerator board", "productIds": ["urn:supplier:part:AX-100"],
    "productCategoryCpc": "4529", "productNameCompany": "AX-100", "comment": "",
    "pcf": {"declaredUnit": "kilogram", "unitaryProductAmount": "2.5",
            "pCfExcludingBiogenic": "120.4", "pCfIncludingBiogenic": "121",
            "fossilGhgEmissions": "119.9", "fossilCarbonContent": "0", "biogenicCarbonContent": "0",
            "characterizationFactors": "AR5", "crossSectoralStandardsUsed": ["GHG Protocol Product standard"],
            "boundaryProcessesDescription": "cradle to gate, packaging excluded",
            "referencePeriodStart": "2023-01-01T00:00:00Z", "referencePeriodEnd": "2024-01-01T00:00:00Z",
            "geographicScope": {"geographyRegionOrSubregion": "Eastern Asia"},
            "exemptedEmissionsPercent": 1.5, "exemptedEmissionsDescription": "cleaning agents",
            "packagingEmissionsIncluded": false}}})";
  inventory::PactFootprint d = inventory::ParsePactFootprint(supplier, "supplier.json");
  CHECK(d.spec_version == "2.2.0");
  CHECK(d.product_ids == std::vector<std::string>{"urn:supplier:part:AX-100"});
  CHECK(d.per_product == Approx(120.4 * 2.5));
  CHECK(d.characterization == std::vector<std::string>{"AR5"});  // the older field
  CHECK(d.geography == "Eastern Asia");
  CHECK(*d.exempted_percent == 1.5);
  CHECK(d.boundary == "cradle to gate, packaging excluded");

  auto fails = [](const std::string& text, const char* where) {
    CHECK_THROWS_AS(inventory::ParsePactFootprint(text, "bad.json"), InputError);
    CHECK_THROWS_WITH(inventory::ParsePactFootprint(text, "bad.json"),
                      Catch::Contains("bad.json") && Catch::Contains(where));
  };
  std::string no_value = supplier;
  no_value.replace(no_value.find("\"pCfExcludingBiogenic\""), 22, "\"pcfExcludingBiogenic\"");
  fails(no_value, "pcf.pCfExcludingBiogenic: missing");
  std::string word = supplier;
  word.replace(word.find("\"120.4\""), 7, "\"a lot\"");
  fails(word, "pcf.pCfExcludingBiogenic: \"a lot\" is not a decimal");
  std::string zero = supplier;
  zero.replace(zero.find("\"2.5\""), 5, "\"0\"");
  fails(zero, "pcf.unitaryProductAmount: must be above 0");
  fails("{\"data\": []}", "holds 0 footprints");
  fails("[1, 2", "not JSON");
  CHECK_THROWS_WITH(inventory::ReadPactFootprint("/nonexistent/x.json"),
                    Catch::Contains("cannot be read"));
}
