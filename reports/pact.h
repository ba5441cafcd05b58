// A GPU module's footprint as a WBCSD PACT ProductFootprint (Technical
// Specifications for PCF Data Exchange, v2.3: specVersion "2.3.0"), JSON.
// A pure function of a GpuAssessment and the facts only the caller knows
// (company, ids, reference period, creation time, the footprint it
// supersedes). What it writes conforms to the v2.3 schema and the MUST
// rules of the specification's text: it checks itself with
// inventory/records/pact_conformance.h before it returns.
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
//     pCfIncludingBiogenic is the whole gwp100; biogenic accounting "ISO"
//     (ISO 14067's -1/+1 for uptake and release, as gpulca's flows);
//   - characterisation: IPCC AR6 (gpulca's gwp100);
//   - not modelled, and written as 0 with the comment saying so: the carbon
//     content of the product (fossil, biogenic, biogenicCarbonWithdrawal),
//     direct land use change and land management;
//   - primaryDataShare 0 (gpulca's data are secondary), so the sources of
//     the emission factors are listed (secondaryEmissionFactorSources) and
//     the dqi rated (reports/pact_quality.h);
//   - the id is a UUID v4 derived from everything the footprint says but
//     its id, version, created and precedingPfIds: the same product and
//     data give the same id. Superseding a footprint (its id, version and
//     predecessors read back from the file gpulca wrote): the same id is
//     the same footprint, written again as it was (version, created and
//     precedingPfIds kept); another id is a new footprint of the product,
//     version + 1, precedingPfIds the old one's and the old id (the
//     specification's lifecycle: a change handled as a major change).
// Decimals are JSON strings without exponent, as the specification's
// Decimal type requires.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "inventory/model/model.h"
#include "inventory/records/pact_footprint.h"
#include "lca/gpu/gpu_assessment.h"

namespace gpulca::reports {

// gpulca's biogenic elementary flows: carbon dioxide, and the others (methane).
struct BiogenicFlows {
  std::set<std::string> co2 = {"co2_biogenic"};
  std::set<std::string> other = {"ch4_biogenic"};
};

struct PactContext {
  std::string created;  // REQUIRES: RFC 3339 in UTC, "2025-01-31T12:00:00Z"
  // REQUIRES: RFC 3339 in UTC, start before end, end not after `created`.
  std::string reference_period_start, reference_period_end;
  std::string company_name;              // REQUIRES: not empty
  std::vector<std::string> company_ids;  // REQUIRES: one or more distinct URNs (RFC 8141)
  std::vector<std::string> product_ids;  // distinct URNs; empty: {DefaultPactProductId(gpu)}
  // UN CPC Ver.2 class 4529 "Parts and accessories of computing machines"
  // (group 452, unstats.un.org CPC registry): an accelerator module. Also
  // written as productClassifications "urn:cpc:<class>" (v2.3).
  std::string product_category_cpc = "4529";
  double product_mass_kg = 0;  // REQUIRES: > 0, the module's mass (module_mass_kg)
  BiogenicFlows biogenic;
  // The footprint this one supersedes; REQUIRES: the same productIds, status Active.
  std::optional<inventory::PactFootprint> supersedes;
  std::string gpulca_version;  // named in the comment
  std::string content_hash;    // of the database (Store::ContentHash), in the comment
};

// "urn:pact:gpulca:product-id:<gpu>": the specification's URN for an id
// without a registered namespace (urn:pact:<issuer>:<identifier type>:<id>),
// gpulca issuing its catalogue ids; characters a URN may not hold are
// %-encoded.
std::string DefaultPactProductId(const std::string& gpu);

// The elementary flows of `inventory` kept as biogenic (subcompartment
// "biogenic"); carbon dioxide by its CAS number, 124-38-9.
BiogenicFlows BiogenicFlowsOf(const inventory::Inventory& inventory);

// The ProductFootprint JSON (pretty-printed). Throws InvalidArgument naming
// the context field that breaks a REQUIRES (argument "supersedes" for the
// footprint superseded), SolveError when the assessment has no gwp100, and
// gpulca::Error if what it made does not conform (a fault of gpulca's).
std::string RenderGpuPact(const lca::GpuAssessment& assessment, const PactContext& context);

// `value` as a PACT Decimal: fixed notation, about 9 significant digits,
// trailing zeros dropped ("2.5", "0.000012345", "-3").
std::string PactDecimal(double value);

}  // namespace gpulca::reports
