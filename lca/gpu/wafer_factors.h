// The per-cm² terms of ACT's die equation, read from a wafer process of the
// inventory, so that `gpulca chip` and the catalogue share one set of numbers.
//
// One calculation of 1 cm² of the wafer process (gwp100 and gwp20) gives its
// total; the terms are split by the process's direct inputs:
//   energy    = Σ kWh of electricity × gwp of 1 kWh from its provider (grid)
//   gases     = Σ cm² of process_gases_* × gwp of 1 cm² of that product
//   materials = total − energy − gases (wafer, other fab materials, water)
// Invariant: energy + gases + materials == total, for each method.
#pragma once

#include <string>

#include "inventory/model/model.h"
#include "inventory/model/parameters.h"

namespace gpulca::lca {

struct WaferTerm {
  double gwp100 = 0;  // kg CO2e per cm²
  double gwp20 = 0;
};

struct WaferFactors {
  std::string process;        // the wafer process, e.g. logic_wafer_n4_tw
  std::string grid;           // the provider of its electricity ("" if none)
  std::string gases_process;  // the provider of its process gases ("" if none)
  double kwh_per_cm2 = 0;     // its direct electricity
  WaferTerm grid_per_kwh;     // gwp of 1 kWh from `grid`
  WaferTerm energy, gases, materials, total;
};

// REQUIRES: `wafer_process` names a process whose product is per cm², and the
// inventory has the gwp100 and gwp20 methods (else NotFound). Throws what
// linking and solving throw.
WaferFactors ReadWaferFactors(const inventory::Inventory& inventory,
                              const inventory::ParameterSet& parameters,
                              const std::string& wafer_process);

}  // namespace gpulca::lca
