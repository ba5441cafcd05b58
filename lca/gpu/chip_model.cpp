#include "lca/gpu/chip_model.h"

#include <fmt/format.h>

#include <cmath>

#include "lca/error.h"
#include "inventory/model/formula_functions.h"

namespace gpulca::lca {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Throws InvalidArgument unless `ok`; `what` names the value, e.g. "die area -1 cm2".
void Require(bool ok, const std::string& what, const char* why) {
  if (!ok) throw InvalidArgument(fmt::format("{}: {}", what, why));
}

void CheckYieldInputs(double area_cm2, double d0) {
  Require(std::isfinite(area_cm2) && area_cm2 >= 0, fmt::format("die area {} cm2", area_cm2),
          "must be a number >= 0");
  Require(std::isfinite(d0) && d0 >= 0, fmt::format("defect density {} /cm2", d0),
          "must be a number >= 0");
}

void CheckAlpha(double alpha) {
  Require(std::isfinite(alpha) && alpha > 0, fmt::format("clustering parameter alpha {}", alpha),
          "must be > 0");
}

}  // namespace

double DiesPerWafer(double die_area_mm2, double wafer_diameter_mm) {
  Require(std::isfinite(die_area_mm2) && die_area_mm2 > 0,
          fmt::format("die area {} mm2", die_area_mm2), "must be > 0");
  Require(std::isfinite(wafer_diameter_mm) && wafer_diameter_mm > 0,
          fmt::format("wafer diameter {} mm", wafer_diameter_mm), "must be > 0");
  const double d = wafer_diameter_mm;
  const double dpw =
      kPi * d * d / (4 * die_area_mm2) - kPi * d / std::sqrt(2 * die_area_mm2);
  return dpw > 0 ? std::floor(dpw) : 0.0;
}

double WaferAreaPerGoodDie(double die_area_mm2, double yield, double wafer_diameter_mm) {
  const double dpw = DiesPerWafer(die_area_mm2, wafer_diameter_mm);
  Require(dpw >= 1, fmt::format("die area {} mm2", die_area_mm2),
          fmt::format("no whole die fits on a {} mm wafer", wafer_diameter_mm).c_str());
  Require(std::isfinite(yield) && yield > 0 && yield <= 1, fmt::format("yield {}", yield),
          "must be in (0, 1]");
  const double d_cm = wafer_diameter_mm / 10;
  return kPi * d_cm * d_cm / 4 / (dpw * yield);
}

// The models' arithmetic is the formulas' die_yield (inventory/formula_functions.h),
// so that `chip` and the catalogue compute a yield the same way.
double PoissonYield(double area_cm2, double d0) {
  CheckYieldInputs(area_cm2, d0);
  return inventory::DieYieldAt(1, area_cm2 * d0, 1);
}

double MurphyYield(double area_cm2, double d0) {
  CheckYieldInputs(area_cm2, d0);
  return inventory::DieYieldAt(2, area_cm2 * d0, 1);
}

double NegativeBinomialYield(double area_cm2, double d0, double alpha) {
  CheckYieldInputs(area_cm2, d0);
  CheckAlpha(alpha);
  return inventory::DieYieldAt(3, area_cm2 * d0, alpha);
}

const char* ToString(YieldModel model) {
  switch (model) {
    case YieldModel::kPoisson: return "poisson";
    case YieldModel::kMurphy: return "murphy";
    case YieldModel::kNegativeBinomial: return "negative-binomial";
  }
  return "?";
}

YieldModel ParseYieldModel(const std::string& text) {
  for (auto m : {YieldModel::kPoisson, YieldModel::kMurphy, YieldModel::kNegativeBinomial}) {
    if (text == ToString(m)) return m;
  }
  throw InvalidArgument(fmt::format(
      "yield model '{}' is unknown; known: poisson, murphy, negative-binomial", text));
}

YieldModel YieldModelFromCode(int code) {
  switch (code) {
    case 1: return YieldModel::kPoisson;
    case 2: return YieldModel::kMurphy;
    case 3: return YieldModel::kNegativeBinomial;
    default:
      throw InvalidArgument(fmt::format(
          "yield_model {} is unknown; known: 1 poisson, 2 murphy, 3 negative-binomial", code));
  }
}

double DieYield(YieldModel model, double area_cm2, double d0, double alpha) {
  CheckAlpha(alpha);
  switch (model) {
    case YieldModel::kPoisson: return PoissonYield(area_cm2, d0);
    case YieldModel::kMurphy: return MurphyYield(area_cm2, d0);
    case YieldModel::kNegativeBinomial: return NegativeBinomialYield(area_cm2, d0, alpha);
  }
  throw InvalidArgument("unknown yield model");
}

DieCarbon ActDieCarbonSplit(double area_cm2, const ActParameters& p, int ics) {
  auto non_negative = [](double v, const char* name, const char* unit) {
    Require(std::isfinite(v) && v >= 0, fmt::format("{} {} {}", name, v, unit),
            "must be a number >= 0");
  };
  non_negative(area_cm2, "die area", "cm2");
  non_negative(p.ci_fab_kg_per_kwh, "fab carbon intensity", "kg/kWh");
  non_negative(p.epa_kwh_per_cm2, "EPA", "kWh/cm2");
  non_negative(p.gpa_kg_per_cm2, "GPA", "kg/cm2");
  non_negative(p.mpa_kg_per_cm2, "MPA", "kg/cm2");
  non_negative(p.packaging_kg_per_ic, "packaging", "kg per IC");
  Require(std::isfinite(p.yield) && p.yield > 0 && p.yield <= 1,
          fmt::format("yield {}", p.yield), "must be in (0, 1]");
  Require(ics >= 0, fmt::format("IC count {}", ics), "must be >= 0");

  DieCarbon c;
  c.energy = area_cm2 * p.ci_fab_kg_per_kwh * p.epa_kwh_per_cm2 / p.yield;
  c.gases = area_cm2 * p.gpa_kg_per_cm2 / p.yield;
  c.materials = area_cm2 * p.mpa_kg_per_cm2 / p.yield;
  c.packaging = ics * p.packaging_kg_per_ic;
  c.total = c.energy + c.gases + c.materials + c.packaging;
  return c;
}

double ActDieCarbon(double area_cm2, const ActParameters& p) {
  return ActDieCarbonSplit(area_cm2, p, 1).total;
}

ChipletCarbon ChipletPackageCarbon(const ChipletDesign& design) {
  Require(design.dies >= 1, fmt::format("die count {}", design.dies), "must be >= 1");
  Require(std::isfinite(design.bonding_yield) && design.bonding_yield > 0 &&
              design.bonding_yield <= 1,
          fmt::format("bonding yield {}", design.bonding_yield), "must be in (0, 1]");
  Require(std::isfinite(design.interposer_area_cm2) && design.interposer_area_cm2 >= 0,
          fmt::format("interposer area {} cm2", design.interposer_area_cm2),
          "must be a number >= 0");

  ChipletCarbon r;
  r.die = ActDieCarbonSplit(design.die_area_cm2, design.die, 0);
  if (design.interposer_area_cm2 > 0) {
    r.interposer = ActDieCarbonSplit(design.interposer_area_cm2, design.interposer, 0);
  }
  r.assembly_yield = std::pow(design.bonding_yield, design.dies);
  const double k = design.dies;
  const double y = r.assembly_yield;
  r.package.energy = (k * r.die.energy + r.interposer.energy) / y;
  r.package.gases = (k * r.die.gases + r.interposer.gases) / y;
  r.package.materials = (k * r.die.materials + r.interposer.materials) / y;
  r.package.packaging = design.die.packaging_kg_per_ic;
  r.package.total =
      r.package.energy + r.package.gases + r.package.materials + r.package.packaging;
  return r;
}

}  // namespace gpulca::lca
