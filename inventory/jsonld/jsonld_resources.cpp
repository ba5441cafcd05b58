#include "inventory/jsonld/jsonld_resources.h"

#include <fmt/format.h>

#include <boost/algorithm/string/case_conv.hpp>
#include <boost/algorithm/string/predicate.hpp>
#include <boost/algorithm/string/trim.hpp>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <regex>

#include "inventory/model/identifiers.h"
#include "inventory/model/units.h"
#include "lca/error.h"

namespace gpulca::inventory {

const std::vector<ResourceSource> kResourceSources = {
    {"hv-fedefl",
     "U.S. EPA, Federal LCA Commons Elementary Flow List (fedelemflowlist), "
     "input/GeologicalFlowableAltUnits.csv: kg of fuel per MJ, each row with its reference "
     "(coal, bituminous coal, natural gas: GREET 1.8c, Argonne National Laboratory 2009; crude "
     "oil: EIA International Energy Statistics 2011; lignite, sub-bituminous coal: The "
     "Engineering ToolBox, higher calorific values; uranium: World Nuclear Association, heat "
     "values of various fuels, uranium in a light-water reactor; peat: Hornell 2001)",
     "https://github.com/USEPA/fedelemflowlist/blob/12854e2895b6764cc861a9af4303c0a87d81795f/"
     "fedelemflowlist/input/GeologicalFlowableAltUnits.csv",
     "Heating value = 1 / the listed kg per MJ: coal 0.0417, lignite 0.0714, bituminous 0.0367, "
     "sub-bituminous 0.041, anthracite 0.0307, crude oil 0.0221, natural gas 0.0191, uranium "
     "0.000002, peat 0.0577."},
    {"hv-eia-gas",
     "U.S. Energy Information Administration, Natural Gas Data: Heat Content of Natural Gas "
     "Consumed, U.S., 1,036 Btu per cubic foot (2022 and 2023; 1,036-1,037 over 2020-2025), "
     "gross heat content",
     "https://www.eia.gov/dnav/ng/ng_cons_heat_a_EPG0_VGTH_btucf_a.htm",
     "1,036 Btu/ft3 x 1,055.056 J/Btu / 0.0283168 m3/ft3 = 38.60 MJ/m3 (gross, at 14.73 psia "
     "and 60 F, EIA's pressure base)."},
};

namespace {

using boost::algorithm::contains;
using boost::algorithm::starts_with;

// A name as matched: lower case, without trailing blanks.
std::string LowerName(const std::string& name) {
  return boost::algorithm::trim_right_copy(boost::algorithm::to_lower_copy(name));
}

Dimension DimensionOf(const std::string& unit) {
  const Unit* u = FindUnit(unit);
  return u ? u->dimension : Dimension::kCount;
}

// The elementary flow `id` of `existing`, or nullptr.
const Flow* Elementary(const Inventory& existing, const std::string& id) {
  const Flow* f = existing.FindFlow(id);
  return f && f->kind == FlowKind::kElementary ? f : nullptr;
}

// --- primary energy ------------------------------------------------------

// The gpulca energy flow of the carrier a lower-case name speaks of, or "".
std::string Carrier(const std::string& n) {
  static const std::regex kFossil(R"(\b(coal|lignite|peat|oil|gas|petroleum|methane|crude)\b)");
  static const std::regex kNuclear(R"(\b(uranium|nuclear)\b)");
  static const std::regex kRenewable(
      R"(\b(hydro|hydropower|water power|wind|solar|geothermal|biomass|wood|waves?|barrage)\b)");
  if (std::regex_search(n, kNuclear)) return "energy_nuclear";
  if (std::regex_search(n, kRenewable)) return "energy_renewable";
  if (std::regex_search(n, kFossil)) return "energy_fossil";
  return "";
}

// A flow in energy units: primary energy of its carrier, 1 MJ per MJ.
std::optional<FlowMatch> EnergyInMj(const std::string& n, const std::string& unit,
                                    const Inventory& existing) {
  if (contains(n, "unused") || contains(n, "non used") || contains(n, "output")) {
    return std::nullopt;
  }
  const Flow* f = Elementary(existing, Carrier(n));
  if (!f) return std::nullopt;
  return FlowMatch{f, ConversionFactor(unit, f->unit), "primary energy, in MJ", ""};
}

// A heating value written in the name: "26.4 MJ per kg", "27.1 MJ/kg", "332 GJ per kg".
// Throws InputError for one beyond the range of a double, which std::stod
// refused with an exception that nothing caught (found by tests/fuzz/).
std::optional<double> NamedHeatingValue(const std::string& n) {
  static const std::regex kValue(R"(([0-9]+(?:\.[0-9]+)?)\s*(mj|gj)\s*(?:per|/)\s*kg)");
  std::smatch m;
  if (!std::regex_search(n, m, kValue)) return std::nullopt;
  errno = 0;
  const double value = std::strtod(m[1].str().c_str(), nullptr) * (m[2] == "gj" ? 1000.0 : 1.0);
  if (errno == ERANGE || !std::isfinite(value)) {
    throw InputError(fmt::format("the heating value in the name '{}' is beyond the range of "
                                 "numbers gpulca holds", Abbreviated(n)));
  }
  return value;
}

struct HeatingValue {
  const char* prefix;      // the name starts with this (lower case)
  Dimension dimension;     // of the flow's unit
  const char* base;        // the unit the value is per
  double mj;               // MJ per `base`
  const char* source;      // key of kResourceSources
};

// Gross heating values, by name prefix (longest first where they overlap).
const HeatingValue kHeatingValues[] = {
    {"gas, natural", Dimension::kVolume, "m3", 1036 * 1055.05585262 / 0.028316846592 / 1e6,
     "hv-eia-gas"},
    {"natural gas", Dimension::kVolume, "m3", 1036 * 1055.05585262 / 0.028316846592 / 1e6,
     "hv-eia-gas"},
    {"gas, natural", Dimension::kMass, "kg", 1 / 0.0191, "hv-fedefl"},
    {"natural gas", Dimension::kMass, "kg", 1 / 0.0191, "hv-fedefl"},
    {"oil, crude", Dimension::kMass, "kg", 1 / 0.0221, "hv-fedefl"},
    {"crude oil", Dimension::kMass, "kg", 1 / 0.0221, "hv-fedefl"},
    {"coal, lignite", Dimension::kMass, "kg", 1 / 0.0714, "hv-fedefl"},
    {"coal, brown", Dimension::kMass, "kg", 1 / 0.0714, "hv-fedefl"},
    {"lignite", Dimension::kMass, "kg", 1 / 0.0714, "hv-fedefl"},
    {"coal, sub-bituminous", Dimension::kMass, "kg", 1 / 0.041, "hv-fedefl"},
    {"coal, bituminous", Dimension::kMass, "kg", 1 / 0.0367, "hv-fedefl"},
    {"coal, unprocessed bituminous", Dimension::kMass, "kg", 1 / 0.0367, "hv-fedefl"},
    {"coal, anthracite", Dimension::kMass, "kg", 1 / 0.0307, "hv-fedefl"},
    {"coal", Dimension::kMass, "kg", 1 / 0.0417, "hv-fedefl"},
    {"hard coal", Dimension::kMass, "kg", 1 / 0.0417, "hv-fedefl"},
    {"peat", Dimension::kMass, "kg", 1 / 0.0577, "hv-fedefl"},
    {"uranium", Dimension::kMass, "kg", 1 / 0.000002, "hv-fedefl"},
};

// A fuel in the ground, in mass or volume: its gross heating value.
std::optional<FlowMatch> Fuel(const std::string& n, const std::string& unit,
                              const Inventory& existing) {
  Dimension d = DimensionOf(unit);
  if (d != Dimension::kMass && d != Dimension::kVolume) return std::nullopt;
  if (d == Dimension::kMass) {
    if (auto hv = NamedHeatingValue(n)) {
      const Flow* f = Elementary(existing, Carrier(n));
      if (!f) return std::nullopt;
      return FlowMatch{f, *hv * ConversionFactor(unit, "kg") * ConversionFactor("MJ", f->unit),
                       fmt::format("heating value in the name, {:g} MJ/kg", *hv), "", true};
    }
  }
  // An ore is not its fuel ("Uranium ore" is rock); radionuclides such as
  // "Uranium-238" are in Bq, which the dimension test has excluded.
  if (contains(n, " ore")) return std::nullopt;
  for (const HeatingValue& hv : kHeatingValues) {
    if (hv.dimension != d || !starts_with(n, hv.prefix)) continue;
    const Flow* f = Elementary(existing, Carrier(hv.prefix));
    if (!f) return std::nullopt;
    return FlowMatch{f, hv.mj * ConversionFactor(unit, hv.base) * ConversionFactor("MJ", f->unit),
                     fmt::format("gross heating value {:.4g} MJ/{}", hv.mj, hv.base), hv.source,
                     true};
  }
  return std::nullopt;
}

// --- mineral elements ----------------------------------------------------

struct Element {
  const char* name;
  const char* symbol;
  const char* cas;
};

const Element kElements[] = {
    {"aluminium", "Al", "7429-90-5"}, {"aluminum", "Al", "7429-90-5"},
    {"antimony", "Sb", "7440-36-0"},  {"chromium", "Cr", "7440-47-3"},
    {"cobalt", "Co", "7440-48-4"},    {"copper", "Cu", "7440-50-8"},
    {"gallium", "Ga", "7440-55-3"},   {"germanium", "Ge", "7440-56-4"},
    {"gold", "Au", "7440-57-5"},      {"indium", "In", "7440-74-6"},
    {"iron", "Fe", "7439-89-6"},      {"lead", "Pb", "7439-92-1"},
    {"lithium", "Li", "7439-93-2"},   {"magnesium", "Mg", "7439-95-4"},
    {"manganese", "Mn", "7439-96-5"}, {"molybdenum", "Mo", "7439-98-7"},
    {"nickel", "Ni", "7440-02-0"},    {"palladium", "Pd", "7440-05-3"},
    {"platinum", "Pt", "7440-06-4"},  {"rhodium", "Rh", "7440-16-6"},
    {"silicon", "Si", "7440-21-3"},   {"silver", "Ag", "7440-22-4"},
    {"tantalum", "Ta", "7440-25-7"},  {"tellurium", "Te", "13494-80-9"},
    {"tin", "Sn", "7440-31-5"},       {"titanium", "Ti", "7440-32-6"},
    {"tungsten", "W", "7440-33-7"},   {"zinc", "Zn", "7440-66-6"},
    {"zirconium", "Zr", "7440-67-7"},
};

// The element a resource name gives the mass of, or nullptr: its first
// comma-separated part, less percentages ("Zinc 9%"), is the element's name
// or symbol, and the flow is in the ground (or the name is the bare element).
const Element* ElementOf(const std::string& name) {
  std::string first = name.substr(0, name.find(','));
  static const std::regex kPercent(R"(\s+[0-9.]+%.*$)");
  first = std::regex_replace(first, kPercent, "");
  boost::algorithm::trim_right(first);
  std::string lower = LowerName(first);
  std::string n = LowerName(name);
  bool in_ground = contains(n, "in ground") || contains(n, "in ore");
  bool bare = n == lower;
  if (!in_ground && !bare) return nullptr;
  for (const Element& e : kElements) {
    if (lower == e.name || first == e.symbol) return &e;
  }
  return nullptr;
}

std::optional<FlowMatch> MineralElement(const std::string& name, const std::string& unit,
                                        const Inventory& existing) {
  if (DimensionOf(unit) != Dimension::kMass) return std::nullopt;
  const Element* e = ElementOf(name);
  if (!e) return std::nullopt;
  for (const Flow& f : existing.flows) {
    if (f.kind == FlowKind::kElementary && f.compartment == "resource" && f.cas == e->cas &&
        DimensionOf(f.unit) == Dimension::kMass) {
      return FlowMatch{&f, ConversionFactor(unit, f.unit),
                       fmt::format("kg of {} extracted (CAS {})", e->name, e->cas), ""};
    }
  }
  return std::nullopt;
}

}  // namespace

bool IsWaterWithdrawal(const std::string& name) {
  std::string n = LowerName(name);
  return (starts_with(n, "water,") || starts_with(n, "water (") || n == "water") &&
         !contains(n, "consumptive") && !contains(n, "consumed");
}

std::optional<FlowMatch> MatchResource(const std::string& name, const std::string& unit,
                                       const Inventory& existing) {
  const std::string n = LowerName(name);
  if (!FindUnit(unit)) return std::nullopt;
  if (starts_with(n, "water") && (contains(n, "consumptive") || contains(n, "consumed"))) {
    const Flow* water = Elementary(existing, "water_consumed");
    Dimension d = DimensionOf(unit);
    if (!water || (d != Dimension::kVolume && d != Dimension::kMass)) return std::nullopt;
    // A kilogram of water is taken as a litre.
    double factor = d == Dimension::kVolume ? ConversionFactor(unit, water->unit)
                                            : ConversionFactor(unit, "kg") *
                                                  ConversionFactor("L", water->unit);
    return FlowMatch{water, factor, "water consumed", "", d == Dimension::kMass};
  }
  if (n == "carbon dioxide, in air" || n == "carbon dioxide") {
    const Flow* co2 = Elementary(existing, "co2_biogenic");
    if (!co2 || DimensionOf(unit) != Dimension::kMass) return std::nullopt;
    return FlowMatch{co2, -ConversionFactor(unit, co2->unit),
                     "CO2 taken up from the air, a negative biogenic emission", "", true};
  }
  if (DimensionOf(unit) == Dimension::kEnergy) return EnergyInMj(n, unit, existing);
  if (auto fuel = Fuel(n, unit, existing)) return fuel;
  return MineralElement(name, unit, existing);
}

}  // namespace gpulca::inventory
