#include "inventory/jsonld/jsonld_units.h"

#include <fmt/format.h>

#include <map>

#include "lca/error.h"
#include "inventory/model/units.h"

namespace gpulca::inventory {

std::optional<std::string> GpulcaUnitName(const std::string& olca_unit) {
  static const std::map<std::string, std::string> kRenamed = {
      {"l", "L"},     {"ml", "mL"},    {"Item(s)", "item"}, {"Items", "item"},
      {"a", "yr"},    {"dm3", "L"},    {"cm3", "mL"},     {"m2*a", "m2*yr"}};
  auto it = kRenamed.find(olca_unit);
  if (it != kRenamed.end()) return it->second;
  if (FindUnit(olca_unit)) return olca_unit;
  return std::nullopt;
}

const olca::UnitGroup& JsonldUnits::GroupOf(const std::string& property,
                                            const std::string& where) const {
  auto p = dataset_.flow_properties.find(property);
  if (p == dataset_.flow_properties.end()) {
    throw InputError(fmt::format("{}: unknown flow property '{}'", where, property));
  }
  auto g = dataset_.unit_groups.find(p->second.unit_group);
  if (g == dataset_.unit_groups.end()) {
    throw InputError(fmt::format("{}: flow property '{}' names unknown unit group '{}'", where,
                                 p->second.name, p->second.unit_group));
  }
  return g->second;
}

std::string JsonldUnits::ReferenceUnit(const olca::Flow& flow) const {
  for (const olca::FlowPropertyFactor& f : flow.properties) {
    if (!f.reference) continue;
    for (const olca::Unit& u : GroupOf(f.property, flow.file).units) {
      if (u.reference) return u.name;
    }
    throw InputError(fmt::format("{}: the unit group of flow '{}' has no reference unit",
                                 flow.file, flow.name));
  }
  throw InputError(fmt::format("{}: flow '{}' has no reference flow property", flow.file,
                               flow.name));
}

double JsonldUnits::ToReference(const olca::Flow& flow, const olca::Exchange& exchange,
                                const std::string& where) const {
  const olca::FlowPropertyFactor* factor = nullptr;
  const olca::FlowPropertyFactor* reference = nullptr;
  for (const olca::FlowPropertyFactor& f : flow.properties) {
    if (f.property == exchange.property) factor = &f;
    if (f.reference) reference = &f;
  }
  if (exchange.property.empty()) factor = reference;
  if (!factor || !reference || factor->factor == 0) {
    throw InputError(fmt::format("{}: exchange of '{}' uses a flow property the flow does not "
                                 "have", where, flow.name));
  }
  const olca::UnitGroup& group = GroupOf(factor->property, where);
  const olca::Unit* unit = nullptr;
  for (const olca::Unit& u : group.units) {
    if ((!exchange.unit.empty() && u.id == exchange.unit) ||
        (exchange.unit.empty() && u.name == exchange.unit_name)) {
      unit = &u;
    }
  }
  if (!unit) {
    for (const olca::Unit& u : group.units) {
      if (u.name == exchange.unit_name) unit = &u;
    }
  }
  if (!unit) {
    throw InputError(fmt::format("{}: exchange of '{}': unit '{}' is not in unit group '{}'",
                                 where, flow.name, exchange.unit_name, group.name));
  }
  // Amount in the property's reference unit, then in the reference property.
  return unit->factor / factor->factor * reference->factor;
}

}  // namespace gpulca::inventory
