// A problem found while loading or checking an inventory: where and why.
#pragma once

#include <string>
#include <vector>

#include "inventory/model/model.h"

namespace gpulca::inventory {

struct Diagnostic {
  Origin origin;
  std::string message;
  std::string ToString() const { return origin.ToString() + ": " + message; }
};

// Joins diagnostics, one per line, for an exception message.
std::string JoinDiagnostics(const std::vector<Diagnostic>& problems);

}  // namespace gpulca::inventory
