// Options shared by the commands that compute: parameter overrides, output
// format and destination, Monte Carlo and sensitivity.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "inventory/model/parameters.h"
#include "lca/uncertainty/monte_carlo.h"

namespace gpulca::cli {

class ProgressBar;

// A CLI11 check: the whole text is a finite number for which `ok` holds, else
// "must be RULE, not 'TEXT'" (CLI11's own range checks let NaN through and
// print the range's 300 digits). It has no description, so --help is as
// without it.
CLI::Validator NumberCheck(const std::string& rule, std::function<bool(double)> ok);

// A finite number greater than zero ("must be a positive number, not '0'").
extern const CLI::Validator PositiveFinite;
// A recorded audit's id: a whole number from 1 to the largest the log holds
// (2^63 - 1), written in digits only; anything else, including a number too
// large to hold, is a usage error rather than a clamped or wrapped id.
extern const CLI::Validator RecordId;

struct ParameterOptions {
  std::vector<std::string> sets;  // name=value
  std::string params_file;
  void Add(CLI::App& command);
  // Applies --params then --set to `parameters` and re-evaluates. Throws
  // UsageError for a malformed --set, InvalidArgument for an unknown name.
  void Apply(inventory::ParameterSet& parameters) const;
};

struct OutputOptions {
  std::string format;
  std::string out;  // empty: standard output
  void Add(CLI::App& command, const std::string& default_format,
           const std::vector<std::string>& formats);
  // Writes `text` to --out or standard output.
  void Write(const std::string& text) const;
  // The --out path of a format that writes a file of its own (xlsx).
  // Throws UsageError when --out is missing.
  std::string FilePath() const;
};

// --mc N [--seed S] [--threads T] [--oat NAME]...: a Monte Carlo run of N
// iterations (results identical for any T), and the one-at-a-time table of
// the uncertain parameters and the NAMEd ones; and the shard options
// (mc_shards.h), which Library applies.
struct UncertaintyOptions {
  int iterations = 0;  // 0: no Monte Carlo
  uint64_t seed = 1;
  int threads = 0;     // 0: every core
  std::vector<std::string> oat;
  void Add(CLI::App& command);
  bool monte_carlo() const { return iterations > 0; }
  // Whether the one-at-a-time table is wanted (with --mc, or --oat alone).
  bool one_at_a_time() const { return monte_carlo() || !oat.empty(); }
  // The library's options; `progress` (may be null) is updated as it runs.
  lca::McOptions Library(std::shared_ptr<ProgressBar> progress) const;
};

}  // namespace gpulca::cli
