// FleetUncertainty: Monte Carlo of a year of shipments (fleet --mc). Every
// product's module (cradle to gate), its life cycle in each region and the
// host share of that life cycle run on the same draws (paired), so that a
// fab grid or a yield that several GPUs share moves them together, as it
// would in the world. Sample i of each quantity sums the products' sample
// i, scaled as AssessFleet scales the nominal values (fleet.h):
//   embodied             units × the module's total
//   operational per year units × region share × (the life cycle's
//                        deployment stage − the host share's deployment
//                        stage) / lifetime_years, all of iteration i
//   electricity per year units × region share × use_kwh / lifetime_years
// Shipment counts and the product mix are not drawn: their ranges are in
// docs/fleet.md, and --mix or --set moves them.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "inventory/model/model.h"
#include "inventory/model/parameters.h"
#include "lca/fleet/fleet.h"
#include "lca/uncertainty/monte_carlo.h"
#include "lca/uncertainty/statistics.h"

namespace gpulca::lca {

struct FleetUncertainty {
  int iterations = 0;
  uint64_t seed = 0;
  int systems = 0;  // systems run per iteration
  std::vector<Summary> embodied;                          // [k]
  std::map<std::string, std::vector<Summary>> by_vendor;  // vendor -> [k] embodied
  std::vector<Summary> operational_per_year;              // [k]
  Summary kwh_per_year;
  // The calibration the run was weighted by (McOptions::weights): the
  // summaries are the posterior's; null when uncalibrated.
  std::shared_ptr<const McWeights> calibration;
};

// The year `fleet.year` of `fleet` (made by AssessFleet from `inventory` and
// `nominal`). `options.tracked` and `options.stage_samples` are replaced.
// Throws what AssessGpu and RunMonteCarloPaired throw.
FleetUncertainty RunFleetMonteCarlo(const inventory::Inventory& inventory,
                                    const inventory::ParameterSet& nominal,
                                    const FleetAssessment& fleet, McOptions options);

}  // namespace gpulca::lca
