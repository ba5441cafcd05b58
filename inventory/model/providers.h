// The provider rule: which of the processes that make a product an input
// takes it from, when the exchange names no provider. Shared by validation
// (which reports inputs that no rule can link) and by the supply-chain graph.
//
// For an input at location L, of the candidates (every process that makes
// the flow):
//   1. the only candidate;
//   2. of several, the only one at L;
//   3. else the only one at L marked `default`;
//   4. else the only one marked `default`, wherever it is;
//   5. else none: the input is ambiguous.
#pragma once

#include <string>
#include <vector>

#include "inventory/model/model.h"

namespace gpulca::inventory {

// The candidate the rule picks at `location`, or null when it picks none
// (no candidate, or an ambiguous choice).
const Process* ChooseProvider(const std::vector<const Process*>& candidates,
                              const std::string& location);

// "'a' (TW), 'b' (KR)": the candidates, for messages.
std::string DescribeProviders(const std::vector<const Process*>& candidates);

}  // namespace gpulca::inventory
