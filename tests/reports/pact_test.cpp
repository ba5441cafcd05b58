// PACT v2.3 ProductFootprint out (reports/pact.h, reports/pact_quality.h):
// values worked out by hand on a small GPU with fossil and biogenic
// emissions, the data quality indicators by hand on a GPU of four processes
// with pedigree scores, the id and the lifecycle (--supersedes), and what
// the writer refuses. Conformance of every catalogue GPU is
// tests/cli/pact_command_test.cpp's; the checks themselves are
// tests/inventory/pact_conformance_test.cpp's.
#include "reports/pact.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "inventory/model/parameters.h"
#include "inventory/records/pact_conformance.h"
#include "inventory/records/pact_footprint.h"
#include "inventory/toml/toml_loader.h"
#include "lca/error.h"
#include "lca/gpu/gpu_assessment.h"
#include "reports/pact_quality.h"
#include "tests/test_support.h"

using namespace gpulca;
using gpulca::inventory::Inventory;
using nlohmann::json;

namespace {

// What both test GPUs share: source s1, fossil CO2, the module's product
// flow, the use parameters, and module g1 (2 kg, in TW) with its catalogue
// parameters. Each GPU goes on with g1's exchanges (TOML puts them in the
// last [[process]]), then its own flows, processes and method.
const std::string kModuleG1 = R"T(
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
)T";

// A GPU of 2 kg whose module emits 10 kg fossil CO2, 3 kg biogenic CO2 and
// takes up 2 kg (net 1 kg), and 0.1 kg biogenic methane (AR6: 27).
const std::string kSmallGpu = kModuleG1 + R"T(
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

// The DQI case: module g1 (2 kg) takes a wafer, 2 kWh and a paste, and
// emits 0.3 kg CO2 itself. Direct gwp100 by process (kg CO2e per module):
//   wafer  5 CO2 (pedigree r2 c3 t1 g4 x5) + 0.1 CH4 x 27 = 2.7 (no pedigree) = 7.7
//   grid   2 kWh x 0.5 CO2 (pedigree r3 c2 t2 g1 x2)                        = 1.0
//   paste  0.4 CO2 (no pedigree)                                             = 0.4
//   g1     0.3 CO2 (pedigree 1 1 1 1 1)                                      = 0.3
// Total 9.4; above 5 % (0.47): wafer and grid, 8.7 of 9.4.
const std::string kDqiGpu = kModuleG1 + R"T(
  [[process.exchanges]]
  flow = "wafer"
  amount = 1
  unit = "item"
  source = "s1"
  [[process.exchanges]]
  flow = "electricity"
  amount = 2
  unit = "kWh"
  source = "s1"
  [[process.exchanges]]
  flow = "paste"
  amount = 1
  unit = "item"
  source = "s1"
  [[process.exchanges]]
  flow = "co2_fossil"
  amount = 0.3
  unit = "kg"
  source = "s1"
  pedigree = [1, 1, 1, 1, 1]

[[source]]
id = "fab2021"
citation = "A. Fab et al. (2021). Wafer emissions."

[[source]]
id = "grid"
citation = "Grid operator, emission factor 2023"

[[flow]]
id = "ch4_fossil"
name = "Methane, fossil"
kind = "elementary"
compartment = "air"
subcompartment = "fossil"
unit = "kg"
cas = "74-82-8"

[[flow]]
id = "wafer"
name = "Wafer"
kind = "product"
unit = "item"

[[flow]]
id = "paste"
name = "Paste"
kind = "product"
unit = "item"

[[flow]]
id = "electricity"
name = "Electricity"
kind = "product"
unit = "kWh"

[[process]]
id = "wafer"
name = "Wafer"
stage = "fabrication"
location = "TW"
product = { flow = "wafer", amount = 1, unit = "item" }
  [[process.exchanges]]
  flow = "co2_fossil"
  amount = 5
  unit = "kg"
  source = "fab2021"
  pedigree = [2, 3, 1, 4, 5]
  [[process.exchanges]]
  flow = "ch4_fossil"
  amount = 0.1
  unit = "kg"
  source = "s1"

[[process]]
id = "grid"
name = "Grid TW"
location = "TW"
product = { flow = "electricity", amount = 1, unit = "kWh" }
  [[process.exchanges]]
  flow = "co2_fossil"
  amount = 0.5
  unit = "kg"
  source = "grid"
  pedigree = [3, 2, 2, 1, 2]

[[process]]
id = "paste"
name = "Paste"
stage = "materials"
location = "TW"
product = { flow = "paste", amount = 1, unit = "item" }
  [[process.exchanges]]
  flow = "co2_fossil"
  amount = 0.4
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
  flow = "ch4_fossil"
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

// The footprint, required to conform (the writer checks itself too; this
// says so independently of it).
json Render(const lca::GpuAssessment& a, const reports::PactContext& c) {
  const std::string text = reports::RenderGpuPact(a, c);
  const auto violations = inventory::CheckPactConformance(text);
  INFO(inventory::DescribeAll(violations));
  CHECK(violations.empty());
  return json::parse(text);
}

}  // namespace

TEST_CASE("PACT: a small GPU's footprint, fossil and biogenic, by hand", "[pact]") {
  Inventory inv = test::ParseValid(kSmallGpu);
  auto a = AssessSmall(inv);
  reports::PactContext c = Context();
  c.biogenic = reports::BiogenicFlowsOf(inv);
  CHECK(c.biogenic.co2 == std::set<std::string>{"co2_biogenic"});
  CHECK(c.biogenic.other == std::set<std::string>{"ch4_biogenic"});
  json pf = Render(a, c);
  const json& pcf = pf["pcf"];
  // Per kilogram of a 2 kg module: total 10 + (3 - 2) + 0.1 x 27 = 13.7.
  CHECK(pcf["declaredUnit"] == "kilogram");
  CHECK(pcf["unitaryProductAmount"] == "2");
  CHECK(pcf["pCfIncludingBiogenic"] == "6.85");       // 13.7 / 2
  CHECK(pcf["pCfExcludingBiogenic"] == "6.35");       // (13.7 - 1) / 2: no biogenic CO2
  CHECK(pcf["fossilGhgEmissions"] == "5");            // 10 / 2
  CHECK(pcf["otherBiogenicGhgEmissions"] == "1.35");  // 2.7 / 2
  CHECK(pcf["geographyCountry"] == "TW");
  CHECK_THAT(pcf["boundaryProcessesDescription"].get<std::string>(),
             Catch::Contains("assembly 100.0%"));
  CHECK_THAT(pf["comment"].get<std::string>(),
             Catch::Contains("13.7 kg CO2e cradle to gate") && Catch::Contains("abc123"));
  // Ids and classification the specification recommends.
  CHECK(pf["productIds"] == json::array({"urn:pact:gpulca:product-id:g1"}));
  CHECK(pf["productClassifications"] == json::array({"urn:cpc:4529"}));
  CHECK(pf["productCategoryCpc"] == "4529");
  // What the schema refuses empty is left out; what the text requires is there.
  CHECK_FALSE(pcf.contains("productOrSectorSpecificRules"));
  CHECK(pcf["primaryDataShare"] == 0);
  CHECK(pcf["secondaryEmissionFactorSources"] ==
        json::parse(R"([{"name": "Test source", "version": "n.d."}])"));
  // One process carries it all, without pedigree scores: covered, and poor.
  CHECK(pcf["dqi"] ==
        json::parse(R"({"coveragePercent": 100.0, "technologicalDQR": 3.0, "temporalDQR": 3.0,
      "geographicalDQR": 3.0, "completenessDQR": 3.0, "reliabilityDQR": 3.0})"));
  for (const char* key :
       {"dLucGhgEmissions", "landManagementGhgEmissions", "biogenicCarbonWithdrawal"}) {
    CHECK(pcf[key] == "0");
  }
  CHECK(pcf["biogenicAccountingMethodology"] == "ISO");
  CHECK(pf["version"] == 1);
  CHECK_FALSE(pf.contains("precedingPfIds"));
}

TEST_CASE("PACT: the data quality indicators by hand", "[pact]") {
  Inventory inv = test::ParseValid(kDqiGpu);
  auto a = AssessSmall(inv);
  const int k = a.gate.ImpactIndex("gwp100");
  REQUIRE(a.gate.impacts[k] == Approx(9.4));
  CHECK(reports::DqrOfPedigree(1) == 1);
  CHECK(reports::DqrOfPedigree(2) == 1);
  CHECK(reports::DqrOfPedigree(3) == 2);
  CHECK(reports::DqrOfPedigree(4) == 3);
  CHECK(reports::DqrOfPedigree(5) == 3);
  CHECK_THROWS_AS(reports::DqrOfPedigree(6), InvalidArgument);

  const reports::PactDqi q = reports::PactDataQuality(a, k);
  // Coverage: wafer 7.7 and grid 1.0 of 9.4 (paste 4.3 % and g1 3.2 % are below 5 %).
  CHECK(q.coverage_percent == Approx(100 * 8.7 / 9.4));
  // Wafer, weighted within: CO2 5 with its scores mapped (x5 -> 3, t1 -> 1, g4 -> 3, c3 -> 2,
  // r2 -> 1), CH4 2.7 without scores (3 throughout):
  //   technological (3 x 5 + 3 x 2.7) / 7.7 = 3;       temporal (1 x 5 + 8.1) / 7.7 = 13.1 / 7.7
  //   geographical 3;   completeness (2 x 5 + 8.1) / 7.7 = 18.1 / 7.7;   reliability 13.1 / 7.7
  // Grid (x2 t2 g1 c2 -> 1, r3 -> 2). Then by process: (7.7 wafer + 1.0 grid) / 8.7.
  CHECK(q.technological == Approx((3 * 7.7 + 1) / 8.7));  // 2.7701
  CHECK(q.temporal == Approx((13.1 + 1) / 8.7));          // 1.6207
  CHECK(q.geographical == Approx((3 * 7.7 + 1) / 8.7));   // 2.7701
  CHECK(q.completeness == Approx((18.1 + 1) / 8.7));      // 2.1954
  CHECK(q.reliability == Approx((13.1 + 2) / 8.7));       // 1.7356

  reports::PactContext c = Context();
  json pf = Render(a, c);
  CHECK(pf["pcf"]["dqi"] == json::parse(R"({"coveragePercent": 92.6, "technologicalDQR": 2.77,
      "temporalDQR": 1.62, "geographicalDQR": 2.77, "completenessDQR": 2.2, "reliabilityDQR": 1.74})"));
  // The sources of the emission factors, by the contribution of their processes.
  CHECK(pf["pcf"]["secondaryEmissionFactorSources"] == json::parse(R"([
      {"name": "A. Fab et al. (2021). Wafer emissions.", "version": "2021"},
      {"name": "Test source", "version": "n.d."},
      {"name": "Grid operator, emission factor 2023", "version": "2023"}])"));
}

TEST_CASE("PACT: the id follows the data, not the time it was made", "[pact]") {
  Inventory inv = test::ParseValid(kSmallGpu);
  auto a = AssessSmall(inv);
  reports::PactContext c = Context();
  const json first = Render(a, c);
  c.created = "2025-04-01T00:00:00Z";
  const json later = Render(a, c);
  CHECK(later["id"] == first["id"]);
  CHECK(later["created"] == "2025-04-01T00:00:00Z");
  auto differs = [&](auto change) {
    reports::PactContext d = Context();
    change(d);
    return Render(a, d)["id"] != first["id"];
  };
  CHECK(differs([](auto& d) { d.company_name = "Another Inc."; }));
  CHECK(differs(
      [](auto& d) { d.company_ids = {"urn:pact:company:customcode:vendor-assigned:6789"}; }));
  CHECK(differs([](auto& d) { d.product_ids = {"urn:pact:example.com:supplier-id:G1"}; }));
  CHECK(differs([](auto& d) {
    d.reference_period_start = "2023-01-01T00:00:00Z";
    d.reference_period_end = "2024-01-01T00:00:00Z";
  }));
  CHECK(differs([](auto& d) { d.content_hash = "def456"; }));
  CHECK(differs([](auto& d) { d.product_mass_kg = 2.5; }));
}

TEST_CASE("PACT: superseding a footprint", "[pact]") {
  Inventory inv = test::ParseValid(kSmallGpu);
  auto a = AssessSmall(inv);
  reports::PactContext c = Context();
  const std::string v1 = reports::RenderGpuPact(a, c);
  const json first = json::parse(v1);

  // The same data: the same footprint, as it was (version and created kept).
  c.created = "2025-05-01T00:00:00Z";
  c.supersedes = inventory::ParsePactFootprint(v1, "v1.json");
  CHECK(reports::RenderGpuPact(a, c) == v1);

  // Other data: a new footprint, version 2, after the first.
  c.content_hash = "def456";
  const std::string v2 = reports::RenderGpuPact(a, c);
  const json second = json::parse(v2);
  CHECK(second["id"] != first["id"]);
  CHECK(second["version"] == 2);
  CHECK(second["created"] == "2025-05-01T00:00:00Z");
  CHECK(second["precedingPfIds"] == json::array({first["id"]}));

  // And a third after it: the chain of predecessors goes on.
  c.supersedes = inventory::ParsePactFootprint(v2, "v2.json");
  c.content_hash = "789abc";
  const json third = Render(a, c);
  CHECK(third["version"] == 3);
  CHECK(third["precedingPfIds"] == json::array({first["id"], second["id"]}));

  // Not a footprint of this product, nor one that is deprecated.
  reports::PactContext other = Context();
  other.product_ids = {"urn:pact:example.com:supplier-id:OTHER"};
  other.supersedes = inventory::ParsePactFootprint(v1, "v1.json");
  try {
    reports::RenderGpuPact(a, other);
    FAIL("a footprint of another product was superseded");
  } catch (const InvalidArgument& e) {
    CHECK(e.argument() == "supersedes");
    CHECK(
        std::string(e.what()) ==
        "supersedes v1.json: it is the footprint of another product (productIds "
        "urn:pact:gpulca:product-id:g1), and this one is of g1 (productIds "
        "urn:pact:example.com:supplier-id:OTHER); a footprint supersedes one of the same product");
  }
  json deprecated = first;
  deprecated["status"] = "Deprecated";
  reports::PactContext d = Context();
  d.supersedes = inventory::ParsePactFootprint(deprecated.dump(), "old.json");
  CHECK_THROWS_WITH(
      reports::RenderGpuPact(a, d),
      "supersedes old.json: its status is Deprecated, and the PACT lifecycle changes no "
      "deprecated footprint; supersede its successor");
}

TEST_CASE("PACT: a context that breaks the specification is refused", "[pact]") {
  Inventory inv = test::ParseValid(kSmallGpu);
  auto a = AssessSmall(inv);
  auto refused = [&](auto change, const char* message) {
    reports::PactContext c = Context();
    change(c);
    CHECK_THROWS_WITH(reports::RenderGpuPact(a, c), message);
  };
  refused([](auto& c) { c.company_ids = {"ACME-42"}; },
          "PACT footprint: companyIds: 'ACME-42' is not a URN (RFC 8141): it does not begin with "
          "'urn:'");
  refused(
      [](auto& c) { c.company_ids = {"urn:x:y"}; },
      "PACT footprint: companyIds: 'urn:x:y' is not a URN (RFC 8141): the namespace identifier 'x' "
      "has 1 character; RFC 8141 asks for 2 to 32");
  refused(
      [](auto& c) {
        c.company_ids = {"urn:ab:c", "urn:ab:c"};
      },
      "PACT footprint: companyIds: 'urn:ab:c' is given twice; the ids are a set");
  refused([](auto& c) { c.product_ids = {"urn:foo:"}; },
          "PACT footprint: productIds: 'urn:foo:' is not a URN (RFC 8141): the namespace-specific "
          "string after the second ':' is empty");
  refused([](auto& c) { c.company_ids.clear(); },
          "PACT footprint: companyIds: needs at least one URN");
  refused([](auto& c) { c.company_name.clear(); },
          "PACT footprint: companyName: must not be empty");
  refused([](auto& c) { c.created = "1 March 2025"; },
          "PACT footprint: created: '1 March 2025' is not an ISO 8601 date and time in UTC");
  refused([](auto& c) { c.reference_period_end = c.reference_period_start; },
          "PACT footprint: referencePeriodEnd: must come after referencePeriodStart");
  refused([](auto& c) { c.reference_period_end = "2025-03-01T09:30:01Z"; },
          "PACT footprint: referencePeriodEnd: 2025-03-01T09:30:01Z lies after the footprint's "
          "creation (2025-03-01T09:30:00Z): the reference period bounds the activity data used, "
          "which cannot be collected later");
  refused([](auto& c) { c.product_mass_kg = 0; },
          "PACT footprint: product mass: must be above 0 kg");
}

TEST_CASE("PACT decimals are fixed-point strings", "[pact]") {
  CHECK(reports::PactDecimal(0) == "0");
  CHECK(reports::PactDecimal(2.5) == "2.5");
  CHECK(reports::PactDecimal(-3) == "-3");
  CHECK(reports::PactDecimal(1234.5678) == "1234.5678");
  CHECK(reports::PactDecimal(0.000012345) == "0.000012345");
  CHECK(reports::PactDecimal(1.0 / 3) == "0.333333333");
  CHECK(reports::PactDecimal(2.5e7) == "25000000");
  CHECK(reports::DefaultPactProductId("nvidia-h100-sxm5") ==
        "urn:pact:gpulca:product-id:nvidia-h100-sxm5");
  CHECK(reports::DefaultPactProductId("a b/c") == "urn:pact:gpulca:product-id:a%20b%2Fc");
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
  CHECK(d.version == 1);
}
