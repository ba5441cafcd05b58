// Whether a document is a conforming WBCSD PACT ProductFootprint of the
// Technical Specifications for PCF Data Exchange v2.3: first its schema
// (WBCSD's OpenAPI document, embedded; internal/pact_schema.h says how it
// is loaded and which formats it checks), then the MUST rules of the
// specification's text that the schema cannot say (internal/pact_rules.h).
// The writer (reports/pact.h) checks what it writes with it, and the reader
// (pact_footprint.h) what it reads. nlohmann::json and valijson stay inside.
#pragma once

#include <string>
#include <vector>

#include "inventory/records/pact_violation.h"

namespace gpulca::inventory {

// The violations of `product_footprint_json`, the schema's first, then the
// prose rules'; empty when it conforms. Throws InputError when the text is
// not JSON, and gpulca::Error if the embedded schema does not load.
std::vector<PactViolation> CheckPactConformance(const std::string& product_footprint_json);

// The version of the embedded OpenAPI document ("2.3.3": the v2.3 data model;
// the 2.3.1 to 2.3.3 releases changed the API's text only).
std::string PactSchemaVersion();

}  // namespace gpulca::inventory
