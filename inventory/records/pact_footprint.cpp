#include "inventory/records/pact_footprint.h"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "lca/error.h"

namespace gpulca::inventory {
namespace {

using nlohmann::json;

class Reader {
 public:
  explicit Reader(const std::string& name) : name_(name) {}

  [[noreturn]] void Fail(const std::string& field, const std::string& why) const {
    throw InputError(fmt::format("{}: {}: {}", name_, field, why));
  }

  const json& Field(const json& j, const std::string& path, const char* key) const {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) Fail(path + key, "missing");
    return *it;
  }

  std::string Text(const json& j, const std::string& path, const char* key, bool required) const {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
      if (required) Fail(path + key, "missing");
      return "";
    }
    if (!it->is_string()) Fail(path + key, "is not a string");
    return it->get<std::string>();
  }

  // A PACT Decimal: a string like "1.63" (or, leniently, a JSON number).
  std::optional<double> Decimal(const json& j, const std::string& path, const char* key,
                                bool required) const {
    static const std::regex kDecimal(R"(^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$)");
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
      if (required) Fail(path + key, "missing");
      return std::nullopt;
    }
    if (it->is_number()) return it->get<double>();
    if (it->is_string() && std::regex_match(it->get<std::string>(), kDecimal)) {
      return std::stod(it->get<std::string>());
    }
    Fail(path + key, fmt::format("{} is not a decimal", it->dump()));
  }

  std::vector<std::string> Strings(const json& j, const std::string& path, const char* key,
                                   bool required) const {
    auto it = j.find(key);
    std::vector<std::string> out;
    if (it == j.end() || it->is_null()) {
      if (required) Fail(path + key, "missing");
      return out;
    }
    if (!it->is_array()) Fail(path + key, "is not an array");
    for (const json& s : *it) {
      if (!s.is_string()) Fail(path + key, "holds a value that is not a string");
      out.push_back(s.get<std::string>());
    }
    if (required && out.empty()) Fail(path + key, "is empty");
    return out;
  }

 private:
  std::string name_;
};

}  // namespace

PactFootprint ParsePactFootprint(const std::string& text, const std::string& name) {
  Reader r(name);
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {
    throw InputError(fmt::format("{}: not JSON: {}", name, e.what()));
  }
  if (doc.is_object() && doc.contains("data")) doc = doc["data"];
  if (doc.is_array()) {
    if (doc.size() != 1) {
      r.Fail("data", fmt::format("holds {} footprints; give the file of one", doc.size()));
    }
    doc = doc[0];
  }
  if (!doc.is_object()) r.Fail("(document)", "is not a ProductFootprint object");

  PactFootprint d;
  d.source = name;
  d.id = r.Text(doc, "", "id", true);
  d.spec_version = r.Text(doc, "", "specVersion", true);
  d.status = r.Text(doc, "", "status", false);
  d.company_name = r.Text(doc, "", "companyName", true);
  d.company_ids = r.Strings(doc, "", "companyIds", false);
  d.product_ids = r.Strings(doc, "", "productIds", true);
  d.product_name = r.Text(doc, "", "productNameCompany", false);
  d.product_description = r.Text(doc, "", "productDescription", false);
  const json& pcf = r.Field(doc, "", "pcf");
  if (!pcf.is_object()) r.Fail("pcf", "is not an object");
  const std::string p = "pcf.";
  d.declared_unit = r.Text(pcf, p, "declaredUnit", true);
  d.unitary_amount = *r.Decimal(pcf, p, "unitaryProductAmount", true);
  if (!(d.unitary_amount > 0)) r.Fail(p + "unitaryProductAmount", "must be above 0");
  d.pcf_excluding_biogenic = *r.Decimal(pcf, p, "pCfExcludingBiogenic", true);
  if (d.pcf_excluding_biogenic < 0) r.Fail(p + "pCfExcludingBiogenic", "must not be negative");
  d.pcf_including_biogenic = r.Decimal(pcf, p, "pCfIncludingBiogenic", false);
  d.fossil_ghg = r.Decimal(pcf, p, "fossilGhgEmissions", false);
  d.per_product = d.pcf_excluding_biogenic * d.unitary_amount;
  d.boundary = r.Text(pcf, p, "boundaryProcessesDescription", false);
  d.standards = r.Strings(pcf, p, "crossSectoralStandardsUsed", false);
  for (const std::string& s : r.Strings(pcf, p, "crossSectoralStandards", false)) {
    d.standards.push_back(s);
  }
  d.characterization = r.Strings(pcf, p, "ipccCharacterizationFactorsSources", false);
  if (d.characterization.empty()) {
    std::string old = r.Text(pcf, p, "characterizationFactors", false);
    if (!old.empty()) d.characterization.push_back(old);
  }
  d.reference_period_start = r.Text(pcf, p, "referencePeriodStart", true);
  d.reference_period_end = r.Text(pcf, p, "referencePeriodEnd", true);
  for (const char* key : {"geographyCountrySubdivision", "geographyCountry",
                          "geographyRegionOrSubregion"}) {
    if (d.geography.empty()) d.geography = r.Text(pcf, p, key, false);
  }
  if (d.geography.empty() && pcf.contains("geographicScope") && pcf["geographicScope"].is_object()) {
    for (const char* key : {"geographyCountrySubdivision", "geographyCountry",
                            "geographyRegionOrSubregion"}) {
      if (d.geography.empty()) d.geography = r.Text(pcf["geographicScope"], p + "geographicScope.", key, false);
    }
  }
  d.exempted_percent = r.Decimal(pcf, p, "exemptedEmissionsPercent", false);
  if (auto it = pcf.find("packagingEmissionsIncluded"); it != pcf.end() && it->is_boolean()) {
    d.packaging_included = it->get<bool>();
  }
  return d;
}

PactFootprint ReadPactFootprint(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot be read", path));
  std::stringstream text;
  text << in.rdbuf();
  return ParsePactFootprint(text.str(), path);
}

}  // namespace gpulca::inventory
