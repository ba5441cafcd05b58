// The declarations a calibration learns from (`calibrate`, `validate
// --loo`): the published footprints of data/validation (or --published), and
// suppliers' PACT files given with --declaration [GPU=]FILE.json.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "inventory/model/model.h"
#include "lca/calibration/declaration.h"
#include "lca/uncertainty/monte_carlo.h"

namespace gpulca::cli {

struct Context;

struct DeclarationOptions {
  std::vector<std::string> published;  // empty: <data>/validation
  bool no_published = false;
  std::vector<std::string> pact;  // [GPU=]FILE
  double gsd = 0;                 // 0: each declaration's own (stated range or default)
  double min_ess = 100;
  // Adds --declaration, --no-published, --declaration-gsd and --min-ess; and
  // --published unless `with_published` is false (the command has its own).
  void Add(CLI::App& command, bool with_published = true);
  // The declarations, published ones first. Throws InputError for a file
  // that does not read or conform, UsageError for a PACT file whose GPU is
  // not named and not in its productIds, or an unknown GPU.
  std::vector<lca::Declaration> Load(const Context& context,
                                     const inventory::Inventory& inventory) const;
};

// --calibrated / --posterior FILE on a command with --mc: its Monte Carlo
// summaries become the posterior of a calibration on the declarations
// (docs/calibration.md), for the same seed and iterations.
struct CalibratedRun {
  bool calibrated = false;
  std::string posterior;  // a file from `calibrate --save-posterior`
  DeclarationOptions declarations;
  void Add(CLI::App& command);
  bool on() const { return calibrated || !posterior.empty(); }
  // The weights for a run with `mc`'s seed and iterations: read from
  // --posterior (checked against the database, the seed and the
  // iterations), or computed from the declarations at `parameters`' values.
  // Throws UsageError without a Monte Carlo run, InputError for a posterior
  // of other data, InvalidArgument as lca::CalibrationWeights.
  std::shared_ptr<const lca::McWeights> Weights(const Context& context,
                                                const std::string& database_hash,
                                                const inventory::Inventory& inventory,
                                                const inventory::ParameterSet& parameters,
                                                const lca::McOptions& mc) const;
};

}  // namespace gpulca::cli
