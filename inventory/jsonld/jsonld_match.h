// Matching an imported elementary flow to one of gpulca's own elementary
// flows (data/flows/elementary.toml), so that gpulca's impact methods
// characterise it. Rules, in order, within the same compartment:
//   1. a known synonym of an emission to air (after dropping a trailing
//      "[...]" and case): "Carbon dioxide" and "Carbon dioxide, fossil" ->
//      co2_fossil, "Methane" -> ch4_fossil, "Dinitrogen monoxide" -> n2o,
//      the PFCs, HFC-23, SF6, NF3;
//   2. for a resource: primary energy, water consumed, mineral elements and
//      CO2 uptake (jsonld_resources.h), with their conversion factors;
//   3. the CAS number (leading zeros dropped); of several gpulca flows with
//      that CAS (fossil and biogenic CO2 or methane) the biogenic one when
//      the name says "biogenic" or "non-fossil", else the fossil one.
// Water withdrawals are never matched to water_consumed: a withdrawal is
// not a consumption, and USLCI does not say what is returned.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "inventory/jsonld/jsonld_resources.h"
#include "inventory/model/model.h"

namespace gpulca::inventory {

// "007732-18-5" -> "7732-18-5"; "" when `cas` is not a CAS number.
std::string NormalizeCas(const std::string& cas);

// The compartment (air, water, soil, resource) and subcompartment read from
// an openLCA category path such as "Elementary Flows/air/low population
// density" or ".../Emission to air". False (and resource) when the path
// names no compartment.
bool CompartmentOf(const std::vector<std::string>& category_path, std::string* compartment,
                   std::string* subcompartment);

class ElementaryMatcher {
 public:
  // Matches against the elementary flows of `existing`.
  explicit ElementaryMatcher(const Inventory& existing) : existing_(existing) {}
  // The matching gpulca flow and the factor from `unit` (the gpulca unit of
  // the imported flow) into it, or nullopt. Throws InputError as
  // MatchResource does.
  std::optional<FlowMatch> Match(const std::string& name, const std::string& cas,
                                 const std::string& compartment, const std::string& unit) const;

 private:
  const Inventory& existing_;
};

}  // namespace gpulca::inventory
