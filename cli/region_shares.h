// --region R or R=share (fleet): the regions a year of shipments runs in.
#pragma once

#include <string>
#include <vector>

#include "lca/fleet/fleet.h"

namespace gpulca::cli {

// "US" or "US=0.6": regions without a share split what the others leave
// evenly. Empty specs: no region (AssessFleet then uses kFleetDefaultRegion).
// Throws UsageError for a malformed share or shares that exceed 1 or, when
// every region has one, do not add up to 1.
std::vector<lca::RegionShare> ParseRegionShares(const std::vector<std::string>& specs);

}  // namespace gpulca::cli
