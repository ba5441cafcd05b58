// Monte Carlo over product systems: each iteration draws every uncertain
// input that reaches the system (mc_plan.h), re-evaluates the formulas those
// draws move, refactors the technosphere numerically (the symbolic analysis
// is kept) and solves. docs/uncertainty.md states the model.
//
// Correlation: a parameter is one draw per iteration wherever it is used, so
// a grid intensity or a yield shared by several processes moves them
// together; in a paired run (several systems) every shared input is the
// same draw in all of them.
// Reproducibility: the draw of an input at iteration i depends only on (seed,
// the input's name, i) (sampler.h), and the factorisation of given values
// only on those values (klu_solver.h): the same seed gives bit-identical
// samples whatever the thread count. A system without uncertain inputs
// gives identical samples (a zero-width interval).
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "lca/system/product_system.h"
#include "inventory/model/model.h"
#include "inventory/model/parameters.h"
#include "lca/system/matrix_data.h"
#include "lca/system/result.h"
#include "lca/uncertainty/mc_design.h"
#include "lca/uncertainty/mc_tape.h"
#include "lca/uncertainty/mc_weights.h"
#include "lca/uncertainty/statistics.h"

namespace gpulca::lca {

struct McOptions {
  int iterations = 1000;
  uint64_t seed = 1;
  int threads = 1;
  // Keep every input's draws to rank the inputs (sensitivity); costs
  // inputs × iterations doubles.
  bool sensitivity = true;
  // Called now and then from the calling thread with (done, total).
  std::function<void(int, int)> progress;
  // Parameters to record each iteration, as {process, id} (process empty: a
  // global; else as the process sees it): what a report divides a total by
  // (lifetime_hours, utilization...). They and the uncertain parameters they
  // read are drawn whether or not a system reads them.
  std::vector<std::pair<std::string, std::string>> tracked;
  // Keep each stage's samples (McResult::stage_samples): impacts × stages ×
  // iterations doubles per system.
  bool stage_samples = false;
  // Keep the draws of the uncertain inputs that reach each system
  // (McResult::inputs, input_draws): inputs × iterations doubles per system.
  bool keep_draws = false;
  // A calibration's posterior (mc_weights.h): every summary is weighted
  // (SummariseWeighted). REQUIRES: computed with this seed and iterations
  // (else InvalidArgument). The sensitivity ranks stay those of the prior.
  std::shared_ptr<const McWeights> weights;
  // A design that sets the inputs it has a column for at its quantiles
  // (mc_design.h); null: every input drawn from its stream.
  std::shared_ptr<const McDesign> design;
  // Run only these of the `iterations` iterations (mc_tape.h): every draw
  // is that of its iteration number in the whole run, so slices computed
  // apart are the whole run's iterations. The result holds the slice's
  // samples (McResult::first_iteration says where they start).
  McSlice slice;
  // Record this run's samples on the tape, or take them from it instead of
  // solving (mc_tape.h). Called from the calling thread only.
  std::shared_ptr<McTape> tape;
  // A run still going at this time stops (every thread, at its next chunk of
  // iterations) with InvalidArgument: a server's limit on one request.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

struct SensitivityRow {
  std::string input;  // an McInput name (mc_plan.h)
  double nominal = 0;
  double spearman = 0;     // rank correlation with the impact
  double first_order = 0;  // share of the impact's variance it explains alone (sensitivity.h)
};

struct McResult {
  int iterations = 0;       // the samples held: those of the slice
  int first_iteration = 0;  // the run's iteration number of sample 0
  uint64_t seed = 0;
  int uncertain_inputs = 0;  // that reach this system
  std::vector<std::string> impact_ids, impact_units;
  std::vector<Summary> impacts;                          // [k]
  std::vector<std::array<Summary, kStageSlots>> stages;  // [k][slot]
  std::vector<std::vector<double>> samples;              // [k][iteration]
  // [t][iteration]: the value of options.tracked[t] at each iteration; the
  // same in every result of a paired run.
  std::vector<std::vector<double>> tracked;
  // [k][slot][iteration], with options.stage_samples; else empty.
  std::vector<std::vector<std::vector<double>>> stage_samples;
  // With options.keep_draws: the uncertain inputs that reach this system (by
  // McInput name, mc_plan.h: "param:ID", "exchange:PROCESS:FLOW", ...), their
  // nominal values, and their draws: (*draws)[input_index[u]][iteration].
  // The draws are those of every input of the run, shared by all its
  // results (a paired run draws each input once); else all empty.
  std::vector<std::string> inputs;
  std::vector<double> input_nominals;
  std::vector<size_t> input_index;
  std::shared_ptr<const std::vector<std::vector<double>>> draws;
  const std::vector<double>& InputDraws(size_t u) const { return (*draws)[input_index[u]]; }
  // [k], by decreasing |spearman|; empty without options.sensitivity.
  std::vector<std::vector<SensitivityRow>> sensitivity;
  // The options' weights, when the run was calibrated; else null.
  std::shared_ptr<const McWeights> weights;
  // The summary of `samples` (one per iteration of this run): weighted when
  // the run is calibrated.
  Summary SummaryOf(std::vector<double> samples) const;
  // Wall time from the first iteration's start to the last one's end, set-up
  // (planning, each thread's first factorisation) left out: for benchmarks.
  double iteration_seconds = 0;
};

// Runs `options.iterations` iterations of the system `data` (built from
// `inventory` with `nominal`'s values; overridden parameters stay fixed).
// Throws SolveError or FormulaError naming the iteration and seed when a
// draw makes the system unsolvable; InvalidArgument for iterations < 1, a
// slice outside them, a replayed run the tape does not match (McTape::Next),
// a run that reaches its deadline,
// threads < 1 or above 4 per hardware thread, or samples that would not fit
// in half the machine's memory (saying how many iterations would); InputError
// for a pedigree on a non-lognormal exchange;
// NotFound for a tracked parameter that does not exist.
McResult RunMonteCarlo(const inventory::Inventory& inventory,
                       const inventory::ParameterSet& nominal, const MatrixData& data,
                       const McOptions& options);

// Paired samples: the systems are run on the same draws, iteration by
// iteration (result d of system d). REQUIRES: as RunMonteCarlo, for each.
std::vector<McResult> RunMonteCarloPaired(const inventory::Inventory& inventory,
                                          const inventory::ParameterSet& nominal,
                                          const std::vector<const MatrixData*>& systems,
                                          const McOptions& options);

// A demand to assess: `amount` of the product of process `process`.
struct McDemand {
  std::string process;
  double amount = 1.0;
  LinkOptions links;
};

// Builds each demand's system (all impact methods when `methods` is empty)
// and runs them paired: the entry point for reports, fleets and comparisons
// (a GPU is the demand of its process, or of its "-lifecycle" process).
std::vector<McResult> MonteCarloOfDemands(const inventory::Inventory& inventory,
                                          const inventory::ParameterSet& nominal,
                                          const std::vector<McDemand>& demands,
                                          const std::vector<std::string>& methods,
                                          const McOptions& options);

// The share of iterations in which impact `impact` of `a` is below that of
// `b`: P(A < B) from paired samples (ties count half).
// REQUIRES: a and b from one paired run (else InvalidArgument).
double ProbabilityLess(const McResult& a, const McResult& b, int impact);

}  // namespace gpulca::lca
