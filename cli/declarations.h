// The declarations a calibration learns from (`calibrate`, `validate
// --loo`): the published footprints of data/validation (or --published), and
// suppliers' PACT files given with --declaration [GPU=]FILE.json.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "inventory/model/model.h"
#include "lca/calibration/declaration.h"

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

}  // namespace gpulca::cli
