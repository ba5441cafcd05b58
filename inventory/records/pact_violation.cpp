#include "inventory/records/pact_violation.h"

#include <fmt/format.h>

namespace gpulca::inventory {

std::string Describe(const PactViolation& v) {
  return fmt::format("{}: {}", v.pointer.empty() ? "(footprint)" : v.pointer, v.rule);
}

std::string DescribeAll(const std::vector<PactViolation>& violations, std::size_t cap) {
  std::string out;
  for (std::size_t i = 0; i < violations.size() && i < cap; ++i) {
    out += fmt::format("{}  {}", i == 0 ? "" : "\n", Describe(violations[i]));
  }
  if (violations.size() > cap) out += fmt::format("\n  ... and {} more", violations.size() - cap);
  return out;
}

}  // namespace gpulca::inventory
