// The embodied carbon of one die, or of a chiplet package, by the equation of
// ACT (Gupta et al., ISCA 2022; facebookresearch/ACT, act/core/logic_model.py):
//
//   C_die = A × (CI_fab × EPA + GPA + MPA) / Y  +  n_IC × C_packaging
//
// with A the die area (cm²), EPA the fab electricity (kWh/cm²), CI_fab the
// fab grid's intensity (kg CO2e/kWh), GPA and MPA the process gases and
// materials (kg CO2e/cm²), and Y the fab yield. As in ACT, packaging is per
// IC and is not divided by the yield.
//
// Pure functions of their arguments; no database access. Areas are in cm²
// except where a name says mm².
#pragma once

#include <string>
#include <vector>

namespace gpulca::lca {

// Gross dies per wafer: floor(π d²/(4A) − π d/√(2A)), at least 0.
// REQUIRES: die_area_mm2 > 0, wafer_diameter_mm > 0 (else InvalidArgument).
double DiesPerWafer(double die_area_mm2, double wafer_diameter_mm = 300);

// Wafer area one good die consumes, edge loss included, as the catalogue
// computes it: (π d²/4) / (DPW × Y) cm², with d in cm.
// REQUIRES: die_area_mm2 > 0, 0 < yield <= 1, wafer_diameter_mm > 0, and at
// least one die per wafer (else InvalidArgument naming the value).
double WaferAreaPerGoodDie(double die_area_mm2, double yield, double wafer_diameter_mm = 300);

// Die yield models. A is the die area in cm², d0 the defect density in 1/cm²,
// alpha the negative-binomial clustering parameter. Each returns a value in
// (0, 1]. REQUIRES: area_cm2 >= 0, d0 >= 0 (and alpha > 0); a violation throws
// InvalidArgument naming the value.
//   Poisson:           exp(−A·D0)
//   Murphy:            ((1 − exp(−A·D0)) / (A·D0))², 1 at A·D0 = 0
//   negative binomial: (1 + A·D0/α)^−α
double PoissonYield(double area_cm2, double d0);
double MurphyYield(double area_cm2, double d0);
double NegativeBinomialYield(double area_cm2, double d0, double alpha);

enum class YieldModel { kPoisson, kMurphy, kNegativeBinomial };
// "poisson", "murphy", "negative-binomial".
const char* ToString(YieldModel model);
// Parses the names of ToString; throws InvalidArgument listing them otherwise.
YieldModel ParseYieldModel(const std::string& text);
// The model's data code (yield_model in data/fabrication/yield.toml): 1, 2, 3.
// Throws InvalidArgument for any other code.
YieldModel YieldModelFromCode(int code);

// Dispatches to the model. `alpha` is checked (> 0) for every model, so that a
// bad parameter never passes silently.
double DieYield(YieldModel model, double area_cm2, double d0, double alpha);

// ACT's parameters of one logic process at one fab.
struct ActParameters {
  double ci_fab_kg_per_kwh;   // CI_fab
  double epa_kwh_per_cm2;     // EPA
  double gpa_kg_per_cm2;      // GPA
  double mpa_kg_per_cm2;      // MPA
  double yield;               // Y, in (0, 1]
  double packaging_kg_per_ic = 0.15;  // ACT CARBON_PER_IC_PACKAGE, 150 g
};

// One die's carbon per good die, split as ACT computes it (kg CO2e).
// Invariant: total == energy + gases + materials + packaging.
struct DieCarbon {
  double energy = 0;     // A × CI_fab × EPA / Y
  double gases = 0;      // A × GPA / Y
  double materials = 0;  // A × MPA / Y
  double packaging = 0;  // n_IC × packaging_kg_per_ic
  double total = 0;
};

// The split of ACT's equation for one die packaged as `ics` ICs (ACT's
// n_ics; 1 for a packaged die, 0 for a bare die).
// REQUIRES: area_cm2 >= 0, every per-area term >= 0, 0 < yield <= 1,
// ics >= 0 (else InvalidArgument naming the value).
DieCarbon ActDieCarbonSplit(double area_cm2, const ActParameters& p, int ics = 1);
// ACT's equation for one packaged die: ActDieCarbonSplit(area, p, 1).total.
double ActDieCarbon(double area_cm2, const ActParameters& p);

// A chiplet package: `dies` identical dies and an optional interposer, each
// bond succeeding with `bonding_yield`. A failed bond loses the whole
// package, so every part of a good package is divided by Y_b^K:
//
//   C = (K × C_die + C_interposer) / Y_b^K + packaging
//
// where C_die and C_interposer are per good die and per good interposer
// (ActDieCarbonSplit with no packaging), and packaging is one IC.
struct ChipletDesign {
  int dies = 1;                   // K >= 1
  double die_area_cm2 = 0;
  ActParameters die;              // the die's packaging_kg_per_ic is the package's
  double interposer_area_cm2 = 0; // 0: no interposer
  ActParameters interposer{};     // used when interposer_area_cm2 > 0
  double bonding_yield = 1;       // Y_b per die, in (0, 1]
};

struct ChipletCarbon {
  DieCarbon die;             // one good die, no packaging
  DieCarbon interposer;      // one good interposer, no packaging (zero without)
  double assembly_yield = 1; // Y_b^K
  // The package per good package; its energy, gases and materials include
  // every die and the interposer, divided by the assembly yield.
  DieCarbon package;
};

// REQUIRES: dies >= 1, 0 < bonding_yield <= 1, and the ActDieCarbonSplit
// preconditions on both parts (else InvalidArgument).
ChipletCarbon ChipletPackageCarbon(const ChipletDesign& design);

}  // namespace gpulca::lca
