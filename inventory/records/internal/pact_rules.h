// The prose half of a PACT conformance check, on a parsed document: the
// MUST rules of the Technical Specifications for PCF Data Exchange v2.3 text
// (github.com/wbcsd/data-exchange-protocol, spec/v2; sections named below)
// that its schema does not carry. pact_conformance.h runs both halves.
//
//   specVersion      2.x: this is a check of the v2 data model
//   PfId             id and precedingPfIds are UUID v4 (RFC 9562); a
//                    footprint does not precede itself (Lifecycle)
//   DateTime         created, updated, validityPeriodStart/End,
//                    referencePeriodStart/End, assurance.completedAt: real
//                    days, in UTC
//   updated          after created (Lifecycle, minor changes)
//   validity period  both ends or neither; start >= referencePeriodEnd;
//                    end > start and <= referencePeriodEnd + 3 years
//   reference period start before end; the end (the latest activity data)
//                    not after `created`
//   amounts          unitaryProductAmount > 0; pCfExcludingBiogenic,
//                    fossilGhgEmissions, fossil and biogenic carbon content,
//                    dLuc, otherBiogenic, iLuc, aircraft and packaging
//                    emissions >= 0; biogenicCarbonWithdrawal <= 0;
//                    exemptedEmissionsPercent <= 5 (the v2 text's range)
//   packaging        packagingGhgEmissions only when packagingEmissionsIncluded
//   O* properties    for a reference period that includes 2025 or later
//                    (referencePeriodEnd after 2025-01-01T00:00:00Z; the end
//                    is excluded): pCfIncludingBiogenic, dLucGhgEmissions,
//                    landManagementGhgEmissions, otherBiogenicGhgEmissions,
//                    biogenicCarbonWithdrawal, biogenicAccountingMethodology,
//                    primaryDataShare and dqi; before: primaryDataShare or dqi
//   secondary data   secondaryEmissionFactorSources when primaryDataShare is
//                    below 100 (secondary data used), absent at 100
//   rules operator   "Other" comes with otherOperatorName
// A value of the wrong type is the schema's to report; a rule that needs it
// is skipped.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "inventory/records/pact_violation.h"

namespace gpulca::inventory {

// Every prose rule `footprint` breaks, in the order above. Empty when none.
std::vector<PactViolation> CheckPactRules(const nlohmann::json& footprint);

}  // namespace gpulca::inventory
