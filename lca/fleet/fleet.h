// Fleet: a year of shipments assessed. Each product of the year's mix is
// assessed once per region with AssessGpu and scaled by its units:
//   embodied     = units x the module's cradle-to-gate result (by stage too)
//   operational  = units x the life cycle's operational part / lifetime_years,
//                  per year once deployed, averaged over the regions by share
//   electricity  = units x use_kwh / lifetime_years (facility energy, PUE in)
// The previous year, when it has shipment data, is assessed the same way for
// the change from one year to the next.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "inventory/model/model.h"
#include "inventory/model/parameters.h"
#include "lca/fleet/internal/fleet_shipments.h"
#include "lca/system/result.h"

namespace gpulca::lca {

struct RegionShare {
  std::string region;
  double share = 0;
};

// The deployment region of a year of shipments when none is given: the
// world-average grid, since the shipments are the world's (docs/fleet.md).
inline constexpr const char* kFleetDefaultRegion = "GLO";

struct FleetProduct {
  std::string gpu, vendor, name;
  double units = 0;
  std::vector<double> embodied;                          // [k], all units
  std::vector<std::array<double, kStageSlots>> by_stage;  // [k][slot], all units
  std::vector<double> operational_per_year;              // [k], all units
  double kwh_per_year = 0;                               // all units
};

struct FleetYear {
  YearShipments shipments;
  std::vector<FleetProduct> products;                      // those with units
  std::vector<double> embodied;                            // [k]
  std::vector<std::array<double, kStageSlots>> by_stage;   // [k][slot]
  std::map<std::string, std::vector<double>> by_vendor;    // vendor -> [k] embodied
  std::vector<double> operational_per_year;                // [k]
  double kwh_per_year = 0;
};

struct FleetOptions {
  int year = 0;
  // Where the year's units run, each share in [0, 1] and together 1; empty:
  // all in kFleetDefaultRegion.
  std::vector<RegionShare> regions;
  MixOverride mix;  // applies to `year` only
};

struct FleetAssessment {
  std::vector<std::string> impact_ids, impact_units;
  std::vector<RegionShare> regions;
  double lifetime_years = 0, utilization = 0, pue = 0;
  FleetYear year;
  std::optional<FleetYear> previous;  // year - 1, when it has shipment data
  // Published electricity use of the world's data centres, latest year <= year.
  std::optional<double> dc_twh;
  int dc_year = 0;
  std::string dc_source;  // the source id of that parameter
};

// Throws InvalidArgument for region shares outside [0, 1] or that do not add
// up to 1, and what ReadShipments and AssessGpu throw (a region without a
// grid, the default GLO included, is an InvalidArgument).
FleetAssessment AssessFleet(const inventory::Inventory& inventory,
                            const inventory::ParameterSet& parameters, const FleetOptions& options);

}  // namespace gpulca::lca
