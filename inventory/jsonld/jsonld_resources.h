// Resource flows of an openLCA export that gpulca's methods characterise
// once they are expressed in gpulca's own flows (docs/interop.md):
//   - primary energy: fuels in the ground (crude oil, natural gas, coal,
//     lignite, peat, uranium) in kg or m3, converted with a gross (higher)
//     heating value, the convention of cumulative energy demand; the value
//     written in the flow's name when it has one ("Coal, 26.4 MJ per kg, in
//     ground"), else a cited one (kResourceSources); and energy flows
//     already in MJ ("Energy, from hydro power", "Crude oil (in MJ)") by
//     their carrier. An energy flow that names no carrier ("Energy,
//     unspecified") or is not primary ("non used primary energy", "Energy,
//     output") is left unmatched;
//   - water: only a flow that says it is consumed ("Water, consumptive
//     use") becomes water_consumed; withdrawals (well, river, lake, cooling,
//     turbine...) are not consumption and are counted apart (IsWaterWithdrawal);
//   - mineral elements: "Copper, 0.99% in sulfide, ... in ground", "Pd, Pd
//     2.0E-4%, ... in ore, in ground" name the kg of the element extracted
//     (the ecoinvent naming USLCI follows); matched by the element's CAS
//     number to gpulca's resource flow of that element, where it has one;
//   - carbon dioxide taken from the air by biomass ("Carbon dioxide, in
//     air") becomes a negative co2_biogenic amount (gpulca's -1/+1
//     convention for biogenic carbon, data/methods/gwp100.toml).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "inventory/model/model.h"

namespace gpulca::inventory {

// How an imported flow becomes one of gpulca's: amount in gpulca's flow =
// amount in the imported flow's unit * factor.
struct FlowMatch {
  const Flow* flow = nullptr;
  double factor = 1;
  std::string rule;    // how it matched, for the summary ("heating value 38.6 MJ/m3")
  std::string source;  // key of kResourceSources behind the factor, or ""
  bool converts = false;  // the factor is more than a change of unit
};

// A cited source of a factor used by the resource rules.
struct ResourceSource {
  const char* key;
  const char* citation;
  const char* url;
  const char* note;
};
extern const std::vector<ResourceSource> kResourceSources;

// The match of a resource flow (compartment "resource") named `name` with
// gpulca unit `unit`, against the elementary flows of `existing`. Throws
// InputError for a heating value in the name that no double holds.
std::optional<FlowMatch> MatchResource(const std::string& name, const std::string& unit,
                                       const Inventory& existing);

// True for a water withdrawal (a resource flow of water that does not say
// it is consumed).
bool IsWaterWithdrawal(const std::string& name);

}  // namespace gpulca::inventory
