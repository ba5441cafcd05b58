// Shards of a command's Monte Carlo run (docs/scale-out.md): every command
// that takes --mc (and sensitivity --sobol) also takes
//   --iterations FROM:TO | --shard K/N   a slice of the run's iterations
//   --samples DIR                        its per-iteration results as NumPy
//                                        files (lca/uncertainty/mc_samples_dir.h)
// and `gpulca mc merge DIR...` runs the recorded command again on the
// samples of all the shards, taken from a tape instead of solved
// (lca/uncertainty/mc_tape.h): the output is that of the command run whole.
//
// One McShards per thread: the subcommand that parses its flags is the only
// one that runs on it (mc merge runs the recorded one in its place; gpulca
// serve runs one command per request on each worker thread).
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "cli/context.h"
#include "lca/uncertainty/mc_tape.h"
#include "lca/uncertainty/monte_carlo.h"

namespace gpulca::cli {

class McShards {
 public:
  static McShards& Get();
  // The process's command line, recorded in the samples' manifest.
  void SetCommandLine(int argc, const char* const* argv);
  // Adds --iterations, --shard and --samples to `command`.
  void AddOptions(CLI::App& command);
  // Sets `options`' slice and tape for this command: recording when
  // --samples is given, replaying under mc merge. Throws UsageError for a
  // malformed --iterations or --shard, both of them, or either without
  // --samples.
  void Apply(lca::McOptions& options);
  // After the command: writes what it recorded to --samples. Throws
  // UsageError when the flags were given to a command that ran no Monte
  // Carlo.
  void Finish(const Context& context);
  // The command line as the manifest records it: without the global
  // --db/--data and the options that change where the output goes or how
  // fast it comes, not what it is (--format, --out, --threads) nor those
  // of the shard (--iterations, --shard, --samples).
  static std::vector<std::string> Normalised(const std::vector<std::string>& args);
  // The time at which this thread's command stops its Monte Carlo runs
  // (McOptions::deadline), for gpulca serve; Apply sets it.
  void SetDeadline(std::chrono::steady_clock::time_point deadline) { deadline_ = deadline; }
  // mc merge: the command's Monte Carlo runs are played from `runs`.
  void Replay(std::vector<lca::McRunSamples> runs);
  // Whether a replay took every run of the tape.
  bool ReplayExhausted() const { return tape_ && tape_->exhausted(); }

 private:
  std::vector<std::string> args_;  // argv[1..]
  std::string iterations_, shard_, samples_;
  std::shared_ptr<lca::McTape> tape_;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
};

// The files a command line names (tokens that are existing regular files)
// and the hash of each, for the manifest: mc merge reads them again.
std::vector<std::pair<std::string, std::string>> InputFileHashes(
    const std::vector<std::string>& command);

}  // namespace gpulca::cli
