// A GPU module's footprint as a WBCSD PACT ProductFootprint (Technical
// Specifications for PCF Data Exchange, v2.3: specVersion "2.3.0"), JSON.
// A pure function of a GpuAssessment and the facts only the caller knows
// (company, ids, reference period, creation time).
//
// Choices (docs/interop.md, "PACT"):
//   - the PCF is cradle to gate: the module as it leaves assembly (the
//     assessment's gate result), as the PACT methodology defines a PCF;
//   - v2 declared units are physical (liter, kilogram, ...; "piece" comes
//     only with v3), so the declared unit is "kilogram": every pcf value is
//     per kg of module, and unitaryProductAmount is the module's mass, so
//     that value x unitaryProductAmount is the module's footprint;
//   - fossil and biogenic: gwp100 by elementary flow; the flows of
//     `biogenic` (gpulca's co2_biogenic, ch4_biogenic) are biogenic, every
//     other characterised flow is fossil (aggregated CO2e included).
//     pCfExcludingBiogenic leaves out biogenic CO2 (emissions and uptake);
//     biogenic CH4 stays in it and is otherBiogenicGhgEmissions;
//     pCfIncludingBiogenic is the whole gwp100;
//   - characterisation: IPCC AR6 (gpulca's gwp100);
//   - carbon content of the product is not modelled: 0, and the comment
//     says so; primaryDataShare is 0 (gpulca's data are secondary).
// Decimals are JSON strings without exponent, as the specification's
// Decimal type requires.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "inventory/model/model.h"
#include "lca/gpu/gpu_assessment.h"

namespace gpulca::reports {

// gpulca's biogenic elementary flows: carbon dioxide, and the others (methane).
struct BiogenicFlows {
  std::set<std::string> co2 = {"co2_biogenic"};
  std::set<std::string> other = {"ch4_biogenic"};
};

struct PactContext {
  std::string id;       // UUID v4; empty: derived from the footprint's content
  std::string created;  // REQUIRES: ISO 8601 UTC, "2025-01-31T12:00:00Z"
  std::string reference_period_start, reference_period_end;  // REQUIRES: ISO 8601 UTC
  std::string company_name;              // REQUIRES: not empty
  std::vector<std::string> company_ids;  // REQUIRES: one or more URNs ("urn:...")
  std::vector<std::string> product_ids;  // URNs; empty: {"urn:gpulca:product:<gpu id>"}
  // UN CPC Ver.2 class 4529 "Parts and accessories of computing machines"
  // (group 452, unstats.un.org CPC registry): an accelerator module.
  std::string product_category_cpc = "4529";
  double product_mass_kg = 0;  // REQUIRES: > 0, the module's mass (module_mass_kg)
  BiogenicFlows biogenic;
  int version = 1;
  std::string gpulca_version;  // named in the comment
  std::string content_hash;    // of the database (Store::ContentHash), in the comment
};

// The elementary flows of `inventory` kept as biogenic (subcompartment
// "biogenic"); carbon dioxide by its CAS number, 124-38-9.
BiogenicFlows BiogenicFlowsOf(const inventory::Inventory& inventory);

// The ProductFootprint JSON (pretty-printed). Throws InvalidArgument naming the
// context field that breaks a REQUIRES, and SolveError when the assessment
// has no gwp100.
std::string RenderGpuPact(const lca::GpuAssessment& assessment, const PactContext& context);

// `value` as a PACT Decimal: fixed notation, about 9 significant digits,
// trailing zeros dropped ("2.5", "0.000012345", "-3").
std::string PactDecimal(double value);

}  // namespace gpulca::reports
