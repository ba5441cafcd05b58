// One way in which a document fails to be a conforming PACT v2.3
// ProductFootprint: where (a JSON pointer, RFC 6901, into the footprint:
// "/pcf/productOrSectorSpecificRules"; "" for the footprint itself) and the
// rule it breaks, with what was found ("minItems 1, got 0"). Made by the
// schema check (pact_schema.cpp) and the specification's prose rules
// (pact_rules.cpp); pact_conformance.h runs both.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace gpulca::inventory {

struct PactViolation {
  std::string pointer;
  std::string rule;

  bool operator==(const PactViolation& o) const { return pointer == o.pointer && rule == o.rule; }
};

// "/pcf/productOrSectorSpecificRules: minItems 1, got 0" ("(footprint): ..." at the root).
std::string Describe(const PactViolation& violation);

// The first `cap` violations, one per line and indented, then "... and N
// more" when there are more.
std::string DescribeAll(const std::vector<PactViolation>& violations, std::size_t cap = 10);

}  // namespace gpulca::inventory
