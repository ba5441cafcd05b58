// A supplier's declared product carbon footprint, read from a WBCSD PACT
// ProductFootprint (Technical Specifications v2.x, JSON; nlohmann::json
// inside). The file may hold the footprint itself, or an API response
// {"data": footprint} or {"data": [footprint]} with one footprint.
// Decimals are read as the specification writes them (strings) or as JSON
// numbers. For `gpulca audit`: the declared value, its unit and boundary,
// the standards and the reference period.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace gpulca::inventory {

struct PactFootprint {
  std::string source;  // the file, as named
  std::string id, spec_version, status, company_name, product_name, product_description;
  std::vector<std::string> company_ids, product_ids;
  std::string declared_unit;   // "kilogram", "liter", ... ("piece" in later versions)
  double unitary_amount = 0;   // declared units in one product (> 0)
  double pcf_excluding_biogenic = 0;              // kg CO2e per declared unit
  std::optional<double> pcf_including_biogenic;   // kg CO2e per declared unit
  std::optional<double> fossil_ghg;               // kg CO2e per declared unit
  // kg CO2e per product: pcf_excluding_biogenic * unitary_amount.
  double per_product = 0;
  std::string boundary;                    // boundaryProcessesDescription
  std::vector<std::string> standards;      // crossSectoralStandardsUsed and crossSectoralStandards
  std::vector<std::string> characterization;  // ipccCharacterizationFactorsSources ("AR6")
  std::string reference_period_start, reference_period_end;  // ISO 8601
  std::string geography;                   // country, subdivision or region, if given
  std::optional<double> exempted_percent;
  bool packaging_included = false;
};

// Parses `text`; `name` names it in errors. Throws InputError naming the
// file and the field ("supplier.json: pcf.pCfExcludingBiogenic: missing")
// for a document that is not JSON, lacks a field the audit needs, or holds
// a value of the wrong type (a negative or non-numeric decimal, an
// unitaryProductAmount of 0).
PactFootprint ParsePactFootprint(const std::string& text, const std::string& name);

// Reads and parses the file at `path`.
PactFootprint ReadPactFootprint(const std::string& path);

}  // namespace gpulca::inventory
