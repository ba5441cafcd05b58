// Unit conversion for openLCA JSON-LD: an exchange's amount is written in
// any unit of any flow property of its flow; gpulca keeps it in the flow's
// reference unit (the reference unit of the unit group of the flow's
// reference flow property), and names that unit with gpulca's registry.
#pragma once

#include <optional>
#include <string>

#include "inventory/jsonld/jsonld_parse.h"

namespace gpulca::inventory {

// The gpulca unit for an openLCA unit name ("l" -> "L", "Item(s)" -> "item",
// "a" -> "yr", "m2*a" -> "m2*yr"), or nullopt when gpulca's registry has
// none (currencies such as "EUR 2000").
std::optional<std::string> GpulcaUnitName(const std::string& olca_unit);

class JsonldUnits {
 public:
  explicit JsonldUnits(const olca::Dataset& dataset) : dataset_(dataset) {}

  // The openLCA name of the flow's reference unit. Throws InputError naming
  // the flow's file when its reference property or unit group is missing.
  std::string ReferenceUnit(const olca::Flow& flow) const;

  // The factor that converts the exchange's amount into the flow's
  // reference unit: unit factor in its group / the flow property factor.
  // Throws InputError naming `where` when the unit or property is unknown.
  double ToReference(const olca::Flow& flow, const olca::Exchange& exchange,
                     const std::string& where) const;

 private:
  const olca::UnitGroup& GroupOf(const std::string& property, const std::string& where) const;
  const olca::Dataset& dataset_;
};

}  // namespace gpulca::inventory
