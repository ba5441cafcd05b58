// A supplier's declared product carbon footprint, read from a WBCSD PACT
// ProductFootprint (Technical Specifications v2.3, JSON; nlohmann::json
// inside). The file may hold the footprint itself, or an API response
// {"data": footprint} or {"data": [footprint]} with one footprint. The
// footprint must conform to PACT v2.3: its schema and the MUST rules of the
// specification's text (pact_conformance.h), whatever specVersion 2.x it
// declares. For `gpulca audit`: the declared value, its unit and boundary,
// the standards and the reference period; for `report --supersedes`: its
// id, version and predecessors.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace gpulca::inventory {

struct PactFootprint {
  std::string source;  // the file, as named
  std::string id, spec_version, status, company_name, product_name, product_description;
  int version = 0;
  std::string created;                        // ISO 8601, UTC
  std::vector<std::string> preceding_pf_ids;  // precedingPfIds (empty when absent)
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
  std::string geography;                   // country, subdivision or region; empty: global
  std::optional<double> exempted_percent;
  bool packaging_included = false;
};

// Parses `text`; `name` names it in errors. Throws InputError naming the
// file for a document that is not JSON or holds no single footprint, and
// for a footprint that does not conform to PACT v2.3, with every violation
// as a JSON pointer and the rule it breaks (the first 10, then how many
// more): "supplier.json: not a conforming PACT v2.3 ProductFootprint (2
// violations):\n  /pcf/productOrSectorSpecificRules: minItems 1, got 0\n ...".
PactFootprint ParsePactFootprint(const std::string& text, const std::string& name);

// Reads and parses the file at `path`.
PactFootprint ReadPactFootprint(const std::string& path);

}  // namespace gpulca::inventory
