#include "inventory/model/units.h"

#include <fmt/format.h>

#include "lca/error.h"

namespace gpulca::inventory {

const char* ToString(Dimension dimension) {
  switch (dimension) {
    case Dimension::kMass: return "mass";
    case Dimension::kEnergy: return "energy";
    case Dimension::kVolume: return "volume";
    case Dimension::kArea: return "area";
    case Dimension::kLength: return "length";
    case Dimension::kFreight: return "freight";
    case Dimension::kCount: return "count";
    case Dimension::kTime: return "time";
    case Dimension::kPower: return "power";
    case Dimension::kActivity: return "radioactivity";
    case Dimension::kAreaTime: return "area*time";
    case Dimension::kPersonTransport: return "person transport";
  }
  return "?";
}

const std::vector<Unit>& AllUnits() {
  using D = Dimension;
  static const std::vector<Unit> units = {
      {"ug", D::kMass, 1e-9},     {"mg", D::kMass, 1e-6},       {"g", D::kMass, 1e-3},
      {"kg", D::kMass, 1.0},      {"t", D::kMass, 1e3},         {"lb", D::kMass, 0.45359237},
      {"oz", D::kMass, 0.028349523125},
      {"J", D::kEnergy, 1e-6},    {"kJ", D::kEnergy, 1e-3},     {"MJ", D::kEnergy, 1.0},
      {"GJ", D::kEnergy, 1e3},    {"TJ", D::kEnergy, 1e6},      {"Wh", D::kEnergy, 3.6e-3},
      {"kWh", D::kEnergy, 3.6},   {"MWh", D::kEnergy, 3.6e3},   {"GWh", D::kEnergy, 3.6e6},
      {"TWh", D::kEnergy, 3.6e9},
      {"mL", D::kVolume, 1e-6},   {"L", D::kVolume, 1e-3},      {"m3", D::kVolume, 1.0},
      {"ML", D::kVolume, 1e3},
      {"mm2", D::kArea, 1e-6},    {"cm2", D::kArea, 1e-4},      {"m2", D::kArea, 1.0},
      {"nm", D::kLength, 1e-9},   {"um", D::kLength, 1e-6},     {"mm", D::kLength, 1e-3},
      {"cm", D::kLength, 1e-2},   {"m", D::kLength, 1.0},       {"km", D::kLength, 1e3},
      {"kg*km", D::kFreight, 1e-3}, {"t*km", D::kFreight, 1.0},
      {"item", D::kCount, 1.0},   {"unit", D::kCount, 1.0},
      {"s", D::kTime, 1.0 / 3600}, {"min", D::kTime, 1.0 / 60}, {"h", D::kTime, 1.0},
      {"d", D::kTime, 24.0},      {"yr", D::kTime, 8760.0},
      {"W", D::kPower, 1.0},      {"kW", D::kPower, 1e3},       {"MW", D::kPower, 1e6},
      {"Bq", D::kActivity, 1e-3}, {"kBq", D::kActivity, 1.0},   {"MBq", D::kActivity, 1e3},
      {"m2*yr", D::kAreaTime, 1.0},
      {"p*km", D::kPersonTransport, 1.0},
  };
  return units;
}

const Unit* FindUnit(const std::string& name) {
  for (const Unit& unit : AllUnits()) {
    if (unit.name == name) return &unit;
  }
  return nullptr;
}

double ConversionFactor(const std::string& from, const std::string& to) {
  const Unit* a = FindUnit(from);
  if (!a) throw UnitError(fmt::format("unknown unit '{}'", from));
  const Unit* b = FindUnit(to);
  if (!b) throw UnitError(fmt::format("unknown unit '{}'", to));
  if (a->dimension != b->dimension) {
    throw UnitError(fmt::format("unit '{}' ({}) cannot be converted to '{}' ({})", from,
                                ToString(a->dimension), to, ToString(b->dimension)));
  }
  return a->to_base / b->to_base;
}

}  // namespace gpulca::inventory
