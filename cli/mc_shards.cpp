#include "cli/mc_shards.h"

#include <fmt/format.h>

#include <filesystem>
#include <regex>
#include <set>

#include "cli/usage_error.h"
#include "inventory/database/database.h"
#include "lca/uncertainty/mc_samples_dir.h"

namespace gpulca::cli {
namespace {

// A whole number of at most nine digits (a run has at most 2^31 - 1
// iterations), else nullopt.
std::optional<long> WholeNumber(const std::string& text) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stol(text);
}

// "A:B" split at its one separator, else nullopt.
std::optional<std::pair<long, long>> Pair(const std::string& text, char separator) {
  const size_t at = text.find(separator);
  if (at == std::string::npos) return std::nullopt;
  const auto a = WholeNumber(text.substr(0, at)), b = WholeNumber(text.substr(at + 1));
  if (!a || !b) return std::nullopt;
  return std::make_pair(*a, *b);
}

}  // namespace

McShards& McShards::Get() {
  static thread_local McShards shards;
  return shards;
}

void McShards::SetCommandLine(int argc, const char* const* argv) {
  args_.assign(argv + (argc > 0 ? 1 : 0), argv + argc);
}

void McShards::AddOptions(CLI::App& command) {
  command.add_option("--iterations", iterations_,
                     "Monte Carlo: run only iterations FROM:TO of the --mc run (a shard; "
                     "needs --samples; docs/scale-out.md)");
  command.add_option("--shard", shard_,
                     "Monte Carlo: run only part K of N equal parts of the run, K from 0 "
                     "(a shard; needs --samples)");
  command
      .add_option("--samples", samples_,
                  "Write every iteration's results to this new directory (NumPy .npy files "
                  "and manifest.json), for numpy or 'gpulca mc merge'")
      ->check(CLI::Validator(
          [](const std::string& dir) -> std::string {
            std::error_code ec;
            if (std::filesystem::exists(dir, ec) &&
                !(std::filesystem::is_directory(dir, ec) && std::filesystem::is_empty(dir, ec))) {
              return dir + ": exists and is not an empty directory; samples are never written "
                           "over: remove it or name another";
            }
            return {};
          },
          ""));
}

void McShards::Apply(lca::McOptions& options) {
  options.deadline = deadline_;
  if (tape_ && tape_->replaying()) {
    options.tape = tape_;
    return;
  }
  if (!iterations_.empty() && !shard_.empty()) {
    throw UsageError("--iterations and --shard both choose the iterations: give one");
  }
  if ((!iterations_.empty() || !shard_.empty()) && samples_.empty()) {
    throw UsageError(fmt::format("{}: a shard's results are kept for 'gpulca mc merge': name the "
                                 "new directory they go to with --samples DIR",
                                 iterations_.empty() ? "--shard" : "--iterations"));
  }
  if (!iterations_.empty()) {
    const auto range = Pair(iterations_, ':');
    if (!range) {
      throw UsageError(fmt::format("--iterations '{}': write FROM:TO, two whole numbers, e.g. "
                                   "0:2500 (iterations 0 to 2,499)", iterations_));
    }
    options.slice.begin = range->first;
    options.slice.end = range->second;
  } else if (!shard_.empty()) {
    const auto part = Pair(shard_, '/');
    if (!part || part->second < 1) {
      throw UsageError(fmt::format("--shard '{}': write K/N, part K (from 0) of N, e.g. 0/4",
                                   shard_));
    }
    options.slice.index = static_cast<int>(part->first);
    options.slice.count = static_cast<int>(part->second);
  }
  if (!samples_.empty()) {
    if (!tape_) tape_ = std::make_shared<lca::McTape>(lca::McTape::Mode::kRecord);
    options.tape = tape_;
  }
}

void McShards::Finish(const Context& context) {
  if (tape_ && tape_->replaying()) return;
  if (samples_.empty() && iterations_.empty() && shard_.empty()) return;
  if (!tape_ || tape_->runs().empty()) {
    throw UsageError("--samples, --iterations and --shard keep a Monte Carlo run's iterations: "
                     "this command ran none (give --mc N)");
  }
  lca::SamplesManifest m;
  m.gpulca_version = GPULCA_VERSION;
  m.command = Normalised(args_);
  m.data_hash = context.Open()->ContentHash();
  m.created = inventory::UtcTimestamp();
  m.inputs = InputFileHashes(m.command);
  lca::WriteSamplesDir(samples_, m, tape_->runs());
  const lca::McRunSamples& first = tape_->runs().front();
  fmt::print(stderr, "wrote iterations {}:{} of {} (seed {}) to {}\n", first.begin, first.end,
             first.total, first.seed, samples_);
}

std::vector<std::string> McShards::Normalised(const std::vector<std::string>& args) {
  static const std::set<std::string> dropped = {"--db",      "--data",  "--format",
                                                "--out",     "--threads", "--iterations",
                                                "--shard",   "--samples"};
  std::vector<std::string> out;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const std::string name = a.substr(0, a.find('='));
    if (dropped.count(name)) {
      if (name == a) ++i;  // "--out FILE": the value is the next token
      continue;
    }
    out.push_back(a);
  }
  return out;
}

void McShards::Replay(std::vector<lca::McRunSamples> runs) {
  tape_ = std::make_shared<lca::McTape>(lca::McTape::Mode::kReplay, std::move(runs));
}

std::vector<std::pair<std::string, std::string>> InputFileHashes(
    const std::vector<std::string>& command) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& token : command) {
    const std::string value = token.rfind("--", 0) == 0 && token.find('=') != std::string::npos
                                  ? token.substr(token.find('=') + 1)
                                  : token;
    std::error_code ec;
    if (value.empty() || !fs::is_regular_file(value, ec)) continue;
    out.emplace_back(value, inventory::HashFiles({value}, fs::path(value).parent_path().string()));
  }
  return out;
}

}  // namespace gpulca::cli
