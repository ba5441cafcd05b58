#include "inventory/records/pact_footprint.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "inventory/model/bounded_read.h"
#include "inventory/records/pact_formats.h"
#include "inventory/records/internal/pact_rules.h"
#include "inventory/records/internal/pact_schema.h"
#include "lca/error.h"

namespace gpulca::inventory {
namespace {

using nlohmann::json;

// How many violations a refusal lists.
constexpr std::size_t kListed = 10;

// Readers of a footprint that conforms: the schema has checked every type.
std::string Text(const json& j, const char* key) { return j.value(key, std::string()); }

std::vector<std::string> Strings(const json& j, const char* key) {
  return j.contains(key) ? j.at(key).get<std::vector<std::string>>() : std::vector<std::string>{};
}

// A decimal of a footprint that conforms: CheckPactRules has checked that
// a double holds it.
std::optional<double> Decimal(const json& j, const char* key) {
  if (!j.contains(key)) return std::nullopt;
  return PactDecimalValue(j.at(key).get<std::string>()).value();
}

}  // namespace

PactFootprint ParsePactFootprint(const std::string& text, const std::string& name) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {
    throw InputError(fmt::format("{}: not JSON: {}", name, e.what()));
  }
  if (doc.is_object() && doc.contains("data")) doc = doc["data"];
  if (doc.is_array()) {
    if (doc.size() != 1) {
      throw InputError(
          fmt::format("{}: data: holds {} footprints; give the file of one", name, doc.size()));
    }
    doc = doc[0];
  }
  std::vector<PactViolation> violations = CheckPactSchema(doc);
  for (PactViolation& v : CheckPactRules(doc)) violations.push_back(std::move(v));
  if (!violations.empty()) {
    throw InputError(fmt::format(
        "{}: not a conforming PACT v2.3 ProductFootprint ({} violation{}):\n{}", name,
        violations.size(), violations.size() == 1 ? "" : "s", DescribeAll(violations, kListed)));
  }

  PactFootprint d;
  d.source = name;
  d.id = Text(doc, "id");
  d.spec_version = Text(doc, "specVersion");
  d.version = doc.at("version").get<int>();
  d.created = Text(doc, "created");
  d.status = Text(doc, "status");
  d.preceding_pf_ids = Strings(doc, "precedingPfIds");
  d.company_name = Text(doc, "companyName");
  d.company_ids = Strings(doc, "companyIds");
  d.product_ids = Strings(doc, "productIds");
  d.product_name = Text(doc, "productNameCompany");
  d.product_description = Text(doc, "productDescription");
  const json& pcf = doc.at("pcf");
  d.declared_unit = Text(pcf, "declaredUnit");
  d.unitary_amount = *Decimal(pcf, "unitaryProductAmount");
  d.pcf_excluding_biogenic = *Decimal(pcf, "pCfExcludingBiogenic");
  d.pcf_including_biogenic = Decimal(pcf, "pCfIncludingBiogenic");
  d.fossil_ghg = Decimal(pcf, "fossilGhgEmissions");
  d.per_product = d.pcf_excluding_biogenic * d.unitary_amount;
  if (!std::isfinite(d.per_product)) {
    throw InputError(fmt::format("{}: the footprint per product, pCfExcludingBiogenic {} x "
                                 "unitaryProductAmount {}, is beyond the largest number gpulca "
                                 "holds (about 1.8e308)",
                                 name, d.pcf_excluding_biogenic, d.unitary_amount));
  }
  d.boundary = Text(pcf, "boundaryProcessesDescription");
  d.standards = Strings(pcf, "crossSectoralStandardsUsed");
  for (const std::string& s : Strings(pcf, "crossSectoralStandards")) d.standards.push_back(s);
  d.characterization = Strings(pcf, "ipccCharacterizationFactorsSources");
  d.reference_period_start = Text(pcf, "referencePeriodStart");
  d.reference_period_end = Text(pcf, "referencePeriodEnd");
  for (const char* key :
       {"geographyCountrySubdivision", "geographyCountry", "geographyRegionOrSubregion"}) {
    if (d.geography.empty()) d.geography = Text(pcf, key);
  }
  d.exempted_percent = pcf.at("exemptedEmissionsPercent").get<double>();
  d.packaging_included = pcf.at("packagingEmissionsIncluded").get<bool>();
  return d;
}

PactFootprint ReadPactFootprint(const std::string& path) {
  return ParsePactFootprint(ReadFileBounded(path, kMaxPactBytes, "a PACT footprint"), path);
}

}  // namespace gpulca::inventory
