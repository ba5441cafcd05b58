// Calibration: the model's uncertain inputs updated by suppliers'
// declarations, by importance weighting (docs/calibration.md).
//
// One paired Monte Carlo run (monte_carlo.h) draws the prior, today's
// distributions, for the system of every declaration and of every GPU
// shown. Iteration i gets the weight
//   w_i ∝ Π_d exp(-(ln y_d - ln x_di)² / (2 ln² gsd_d))
// the likelihood of all declarations d (declared y_d, model x_di;
// declaration.h); a draw whose model value is not positive weighs 0. The
// weighted draws are the posterior of every input and result. Kish's
// effective sample size, (Σw)² / Σw², says how many equally weighted draws
// they are worth; below `min_ess` the posterior would rest on a handful of
// draws, and Calibrate refuses, saying how many iterations would do.
//
// Declarations that contradict one another (or the model) can still leave
// many effective draws, all between them: a confident average that neither
// supports. So each declaration is checked against the posterior it helped
// make (a posterior predictive check): its residual
//   z_d = (ln y_d - E_w[ln x_d]) / sqrt(Var_w[ln x_d] + ln² gsd_d)
// must be within ±kMaxResidual; beyond, Calibrate refuses and names it.
//
// Prior and posterior are summarised with the same weighted estimator
// (SummariseWeighted: equal weights for the prior), so that a shift is the
// weights' doing, not the estimator's. A shift is in units of the prior's
// 90 % half-width, (p95 - p05) / 2; the posterior median of an input that
// no declaration informs still moves by Monte Carlo noise, about
// 0.76 / sqrt(ESS) such units for a normal input, so an input counts as
// moved when |shift| > MovedThreshold(ESS) = 2.5 / sqrt(ESS).
//
// Seeded and thread-invariant as every Monte Carlo run: the same seed and
// iterations give the same weights.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "inventory/model/model.h"
#include "inventory/model/parameters.h"
#include "lca/calibration/declaration.h"
#include "lca/uncertainty/monte_carlo.h"
#include "lca/uncertainty/statistics.h"

namespace gpulca::lca {

inline constexpr double kMaxResidual = 3.0;

struct CalibrationOptions {
  McOptions mc;           // iterations, seed, threads, progress
  double min_ess = 100;   // refuse a posterior worth fewer draws
  std::vector<std::string> gpus;  // GPUs (processes) to show, cradle to gate
};

struct DeclarationFit {
  Declaration declaration;
  std::string unit;
  double nominal = 0;       // the model at nominal values, per device
  Summary prior, posterior;  // the model's value, per device
  double residual = 0;       // z_d under the posterior (see above)
};

struct InputShift {
  std::string input;  // McInput name: "param:ID", "exchange:PROCESS:FLOW", ...
  double nominal = 0;
  Summary prior, posterior;
  double shift = 0;         // (posterior p50 - prior p50) / prior 90 % half-width
  std::vector<double> pull;  // [declaration]: the shift with that declaration alone
};

struct GpuShift {
  std::string gpu;
  std::string unit;
  Summary prior, posterior;
  std::vector<std::string> declared_by;  // declarations whose system holds this GPU
  int shared_inputs = 0;                 // of its inputs, those a declaration's system has
  std::vector<std::string> moved_shared;  // shared inputs that moved, most first (at most 5)
};

struct Calibration {
  int iterations = 0;
  uint64_t seed = 0;
  double ess = 0;
  double moved_threshold = 0;
  std::vector<DeclarationFit> declarations;
  std::vector<InputShift> inputs;  // every input a declaration's system has, by |shift|
  std::vector<GpuShift> gpus;
  std::vector<double> weights;     // [iteration], summing to 1
};

double MovedThreshold(double ess);

// Whether the system of declaration `d`'s device holds process `process`
// (the device itself, or a part of it).
bool DeclarationHolds(const inventory::Inventory& inventory,
                      const inventory::ParameterSet& parameters, const Declaration& d,
                      const std::string& process);

// The calibration's posterior as weights for other runs (mc_weights.h).
McWeights WeightsOf(const Calibration& c);

// Importance weights of the declarations `use` (indices into `log_likelihood`,
// [declaration][iteration]), normalised to sum 1. All zero when every
// iteration has zero likelihood.
std::vector<double> ImportanceWeights(const std::vector<std::vector<double>>& log_likelihood,
                                      const std::vector<size_t>& use);

// ln of the observation density of `declared` given model values `model`
// (up to a constant); -inf where the model value is not positive.
std::vector<double> LogLikelihood(const Declaration& d, const std::vector<double>& model);

// Calibrates on `declarations`. Throws InvalidArgument when there is none,
// when the effective sample size is below options.min_ess (naming it and
// the iterations that would reach it), or when a declaration's residual is
// beyond kMaxResidual (naming it); what BuildMatrices and the Monte
// Carlo throw (an unknown device or impact, an unsolvable draw).
Calibration Calibrate(const inventory::Inventory& inventory,
                      const inventory::ParameterSet& parameters,
                      const std::vector<Declaration>& declarations,
                      const CalibrationOptions& options);

// The posterior's weights alone, from a run of the declarations' systems
// only, checked as Calibrate checks them: for a calibrated run of another
// command with the same seed and iterations (McOptions::weights).
McWeights CalibrationWeights(const inventory::Inventory& inventory,
                             const inventory::ParameterSet& parameters,
                             const std::vector<Declaration>& declarations,
                             const CalibrationOptions& options);

// Leave-one-out: for each declaration, calibrate on all the others and
// predict it.
struct LooFold {
  Declaration left_out;
  std::string unit;
  double ess = 0;                    // of the other declarations' weights
  std::optional<std::string> refused;  // why no posterior (too few effective draws)
  Summary prior, posterior;          // the left-out device's model value
  bool inside_prior = false, inside_posterior = false;  // declared within p05..p95
  double ratio_prior = 0, ratio_posterior = 0;          // declared / p50
};

struct LooRun {
  int iterations = 0;
  uint64_t seed = 0;
  double min_ess = 0;
  std::vector<LooFold> folds;
  int inside_prior = 0, inside_posterior = 0, calibrated = 0;  // counts over folds
  double median_ratio_prior = 0, median_ratio_posterior = 0;   // over calibrated folds
};

// Throws InvalidArgument with fewer than two declarations.
LooRun LeaveOneOut(const inventory::Inventory& inventory, const inventory::ParameterSet& parameters,
                   const std::vector<Declaration>& declarations,
                   const CalibrationOptions& options);

}  // namespace gpulca::lca
