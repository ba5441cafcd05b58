// The schema half of a PACT conformance check, on a parsed document
// (pact_conformance.h is the public door; this header shows nlohmann::json
// and stays inside inventory/records).
//
// The schema is WBCSD's PACT v2.3 OpenAPI document
// (data/schemas/pact/openapi_v2_3.json, embedded in the binary by the
// build): its ProductFootprint and every schema that one reaches by $ref,
// checked by valijson as JSON Schema draft 7. The keywords this schema uses
// (type, enum, required, properties, items, oneOf, anyOf, not, pattern,
// minLength, minItems, uniqueItems, minimum, maximum, $ref without
// constraining siblings) mean the same in draft 7 and in OpenAPI 3.1's
// dialect (2020-12). Loading transforms the formats, and only them:
//   date-time, date, time   valijson's own checks;
//   uuid, urn, decimal, uri the patterns of pact_formats.h (valijson knows
//                           none of them, and OpenAPI leaves them to tools);
//   int32                   minimum -2^31 and maximum 2^31 - 1;
//   float, double           nothing (a JSON number is one);
// each applied to strings only, as JSON Schema's formats are, and, like
// the schema's own patterns, to strings of up to kMaxFormattedLength
// characters: a longer one breaks "maxLength 4096" instead. Any other
// format in the document is an error at load time.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "inventory/records/pact_violation.h"

namespace gpulca::inventory {

// Every way `footprint` breaks the ProductFootprint schema of PACT v2.3, in
// the order the schema names them, each once. Empty when it conforms.
// Thread-safe. Throws gpulca::Error if the embedded schema does not load
// (a build fault).
std::vector<PactViolation> CheckPactSchema(const nlohmann::json& footprint);

// info.version of the embedded OpenAPI document ("2.3.3").
std::string PactOpenApiVersion();

}  // namespace gpulca::inventory
