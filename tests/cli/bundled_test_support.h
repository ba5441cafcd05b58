// Helpers for tests of the bundled data: one calculation and its numbers by id.
#pragma once

#include <string>

#include "inventory/model/model.h"
#include "inventory/model/parameters.h"
#include "lca/system/result.h"

namespace gpulca::test {

// Calculates `amount` of `demand` (a process or product id) with every
// method, with the current values of `parameters`.
lca::LcaResult Gate(const inventory::Inventory& inventory,
                    const inventory::ParameterSet& parameters, const std::string& demand,
                    double amount);

// Total of impact `impact`; REQUIRES: the method is in the result.
double Impact(const lca::LcaResult& result, const std::string& impact);
// Impact `impact` in stage `stage`.
double StageImpact(const lca::LcaResult& result, const std::string& impact, inventory::Stage stage);
// Inventory amount of elementary flow `flow`, in its unit (0 when absent).
double FlowAmount(const lca::LcaResult& result, const std::string& flow);
// Direct contribution to `impact` of the processes whose id starts with `prefix`.
double ProcessesImpact(const lca::LcaResult& result, const std::string& impact,
                       const std::string& prefix);

}  // namespace gpulca::test
