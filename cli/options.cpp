#include "cli/options.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <cmath>
#include <fstream>
#include <optional>
#include <thread>
#include <utility>

#include "cli/mc_shards.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "inventory/toml/toml_loader.h"
#include "cli/usage_error.h"

namespace gpulca::cli {
namespace {

// The whole of `text` as a finite number, or nothing.
std::optional<double> FiniteNumber(const std::string& text) {
  size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (used != text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

CLI::Validator NumberCheck(const std::string& rule, std::function<bool(double)> ok) {
  return CLI::Validator(
      [rule, ok = std::move(ok)](std::string& text) -> std::string {
        auto value = FiniteNumber(text);
        if (!value || !ok(*value)) return fmt::format("must be {}, not '{}'", rule, text);
        return "";
      },
      "");
}

const CLI::Validator PositiveFinite =
    NumberCheck("a positive number", [](double v) { return v > 0; }).description("POSITIVE");

const CLI::Validator RecordId = CLI::Validator(
    [](std::string& text) -> std::string {
      // from_chars takes digits and a leading '-' only, and says when they overflow.
      long id = 0;
      const char* end = text.data() + text.size();
      auto [ptr, ec] = std::from_chars(text.data(), end, id);
      if (ec != std::errc() || ptr != end || id < 1) {
        return fmt::format("must be an audit id, a whole number from 1 to {}, not '{}'",
                           std::numeric_limits<long>::max(), text);
      }
      return "";
    },
    "ID");

void ParameterOptions::Add(CLI::App& command) {
  command.add_option("--set", sets, "Override a parameter: name=value (repeatable)");
  command.add_option("--params", params_file, "TOML file of parameter overrides (name = value)")
      ->check(CLI::ExistingFile);
}

void ParameterOptions::Apply(inventory::ParameterSet& parameters) const {
  if (!params_file.empty()) {
    for (const auto& [name, value] : inventory::LoadOverrides(params_file))
      parameters.Override(name, value);
  }
  for (const std::string& set : sets) {
    auto eq = set.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw UsageError(fmt::format("--set '{}': expected name=value", set));
    }
    std::string name = set.substr(0, eq), text = set.substr(eq + 1);
    auto value = FiniteNumber(text);
    if (!value) throw UsageError(fmt::format("--set {}: '{}' is not a number", name, text));
    parameters.Override(name, *value);
  }
  parameters.Evaluate();
}

void OutputOptions::Add(CLI::App& command, const std::string& default_format,
                        const std::vector<std::string>& formats) {
  format = default_format;
  command.add_option("--format", format, "Output format")->check(CLI::IsMember(formats));
  command.add_option("--out", out, "Write to this file instead of standard output");
}

std::string OutputOptions::FilePath() const {
  if (out.empty()) {
    throw UsageError(fmt::format("--format {} writes a file: name it with --out FILE.{}", format,
                                 format));
  }
  return out;
}

void OutputOptions::Write(const std::string& text) const {
  if (out.empty()) {
    Print(text);
    return;
  }
  std::ofstream file(out, std::ios::binary);
  if (!file) throw UsageError(fmt::format("--out {}: cannot be written", out));
  file << text;
}

void UncertaintyOptions::Add(CLI::App& command) {
  command.add_option("--mc", iterations, "Monte Carlo: number of iterations (0: none)")
      ->check(CLI::NonNegativeNumber);
  command.add_option("--seed", seed, "Monte Carlo seed (the same seed gives the same result)");
  command.add_option("--threads", threads, "Monte Carlo threads (0: every core)")
      ->check(CLI::NonNegativeNumber);
  command.add_option("--oat", oat,
                     "Add a parameter to the one-at-a-time +-10 % table (repeatable)");
  McShards::Get().AddOptions(command);
}

lca::McOptions UncertaintyOptions::Library(std::shared_ptr<ProgressBar> progress) const {
  lca::McOptions o;
  o.iterations = iterations;
  o.seed = seed;
  o.threads = threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
  if (progress && progress->enabled()) {
    o.progress = [progress](int done, int total) { progress->Update(done, total); };
  }
  McShards::Get().Apply(o);
  return o;
}

}  // namespace gpulca::cli
