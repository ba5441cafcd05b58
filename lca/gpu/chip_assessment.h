// ChipAssessment: the embodied carbon of one die, or of one chiplet package,
// alone (`gpulca chip`), by ACT's equation (chip_model.h) with its terms
// taken from the inventory unless given. Two bases:
//   - catalogue (no yield given): the die consumes the wafer area of the
//     catalogue, wafer_area / (DPW × Y), and the per-cm² terms are those of
//     the catalogue's wafer process at the fab region (wafer_factors.h): its
//     process gases as individual gases, its wafer, materials and water. The
//     result equals the catalogue's logic-die term for the same parameters.
//   - ACT (yield given): A / Y with ACT's per-area CO2e (gpa_<node>,
//     mpa_logic, in g/cm²), as ACT computes it; with ACT's own terms given
//     it reproduces ACT.
// The fab's grid intensity is the gwp100 of 1 kWh of grid_<region>.
//
// Nodes are the data's: every n<digits> with the globals epa_, gpa_ and d0_.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "inventory/model/model.h"
#include "inventory/model/parameters.h"
#include "lca/gpu/chip_model.h"
#include "lca/uncertainty/monte_carlo.h"
#include "lca/uncertainty/statistics.h"

namespace gpulca::lca {

struct ChipOptions {
  double area_mm2 = 0;             // > 0
  std::string node;                // "n5", "N5", "5" or "5nm"
  std::string fab_region = "TW";   // its grid gives CI_fab; its wafer fab the per-cm² terms
  std::optional<YieldModel> yield_model;  // default: the data's yield_model
  std::optional<double> defect_density;   // D0, 1/cm² (default: d0_<node>)
  // A chiplet package when dies > 1 or interposer_mm2 > 0.
  int dies = 1;                           // >= 1
  double interposer_mm2 = 0;              // >= 0; 0: no interposer
  std::optional<double> bonding_yield;    // per die (default: bond_yield_microbump)
  // ACT's terms, replacing the data's; a yield selects the ACT basis.
  std::optional<double> ci_fab, epa, gpa, mpa, packaging, yield;
};

// The parts of the carbon per good die (or package) over a Monte Carlo run.
struct ChipMonteCarlo {
  int iterations = 0;
  uint64_t seed = 0;
  int parameters = 0;  // uncertain parameters drawn
  std::vector<std::pair<std::string, Summary>> parts;  // energy, gases, materials, packaging, total
};

struct ChipAssessment {
  double area_mm2 = 0, area_cm2 = 0;
  std::string node;        // resolved, e.g. "n5"
  std::string fab_region;  // as given
  std::string grid_process;  // where CI_fab comes from; empty when ci_fab was given
  bool chiplet = false;
  YieldModel model = YieldModel::kNegativeBinomial;
  double d0 = 0, alpha = 0, model_yield = 0;
  bool yield_given = false;  // ACT basis: A / Y with ACT's per-area CO2e
  double yield = 0;          // the die yield used (the model's or the given one)
  double wafer_diameter_mm = 300, dies_per_wafer = 0;
  double wafer_cm2_per_good = 0;  // catalogue basis: wafer area / (DPW × Y)
  std::string wafer_process;      // catalogue basis: where the per-cm² terms come from
  ActParameters die{};            // its yield is 1 on the catalogue basis (Y is in the area)
  DieCarbon single;               // the die alone, with its package
  // Chiplet package only.
  int dies = 1;
  double interposer_mm2 = 0, interposer_d0 = 0, interposer_alpha = 0, interposer_dpw = 0;
  double interposer_yield = 0, interposer_cm2_per_good = 0;
  std::string interposer_process;
  ActParameters interposer{};
  double bonding_yield = 1;
  ChipletCarbon package;
  std::optional<ChipMonteCarlo> monte_carlo;

  // The headline: the package, or the die alone.
  const DieCarbon& carbon() const { return chiplet ? package.package : single; }
};

// The chip at `parameters`' values and, with `monte_carlo`, the same model
// recomputed on each iteration's parameter draws (parameter_sampler.h: the
// engine's stream, so a seed draws the same D0 or EPA as in a product
// system's run); exchanges and factors are not drawn. Single-threaded;
// `monte_carlo->progress` is called every 64 iterations.
// Throws InvalidArgument for a node the data lack (argument "node", listing
// the known ones), a fab region without a grid ("fab region", listing the
// known regions), and for values outside chip_model.h's domains; NotFound
// without a gwp100 method; FormulaError naming the iteration and seed when a
// draw breaks the model.
ChipAssessment AssessChip(const inventory::Inventory& inventory,
                          const inventory::ParameterSet& parameters, const ChipOptions& options,
                          const std::optional<McOptions>& monte_carlo = std::nullopt);

}  // namespace gpulca::lca
