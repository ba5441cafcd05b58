// Options shared by the commands that compute: parameter overrides, output
// format and destination.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "inventory/parameters.h"

namespace gpulca::cli {

// A CLI11 check: a finite number greater than zero ("must be a positive
// number, not '0'"), instead of CLI11's range message with its 300 digits.
extern const CLI::Validator PositiveFinite;

struct ParameterOptions {
  std::vector<std::string> sets;  // name=value
  std::string params_file;
  void Add(CLI::App& command);
  // Applies --params then --set to `parameters` and re-evaluates. Throws
  // UsageError for a malformed --set or an unknown name.
  void Apply(ParameterSet& parameters) const;
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

}  // namespace gpulca::cli
