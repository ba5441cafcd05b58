// The unit registry: every unit gpulca accepts, with its dimension and its
// factor to the dimension's base unit (docs/inventory-format.md, "Units").
#pragma once

#include <string>
#include <vector>

namespace gpulca::inventory {

enum class Dimension { kMass, kEnergy, kVolume, kArea, kLength, kFreight, kCount, kTime, kPower,
                       kActivity,         // radioactivity (Bq)
                       kAreaTime,         // land occupation (m2 * yr)
                       kPersonTransport   // passenger transport (person * km)
};
const char* ToString(Dimension dimension);

struct Unit {
  std::string name;
  Dimension dimension;
  double to_base;  // 1 unit = to_base base units
};

// Returns the unit named `name`, or nullptr. Names are case-sensitive ("kWh").
const Unit* FindUnit(const std::string& name);

// The factor that converts an amount in `from` into `to`: amount_to =
// amount_from * ConversionFactor(from, to). Throws UnitError naming both
// units when either is unknown or their dimensions differ.
double ConversionFactor(const std::string& from, const std::string& to);

// All units, in registry order (for `gpulca list units` and the docs).
const std::vector<Unit>& AllUnits();

}  // namespace gpulca::inventory
