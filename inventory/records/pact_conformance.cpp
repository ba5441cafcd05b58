#include "inventory/records/pact_conformance.h"

#include <fmt/format.h>

#include "inventory/records/internal/pact_rules.h"
#include "inventory/records/internal/pact_schema.h"
#include "lca/error.h"

namespace gpulca::inventory {

std::vector<PactViolation> CheckPactConformance(const std::string& product_footprint_json) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(product_footprint_json);
  } catch (const nlohmann::json::exception& e) {
    throw InputError(fmt::format("not JSON: {}", e.what()));
  }
  std::vector<PactViolation> out = CheckPactSchema(doc);
  for (PactViolation& v : CheckPactRules(doc)) out.push_back(std::move(v));
  return out;
}

std::string PactSchemaVersion() { return PactOpenApiVersion(); }

}  // namespace gpulca::inventory
