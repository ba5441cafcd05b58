// gpulca mc merge DIR... [--format F] [--out PATH] [--threads T]
//
// Puts the shards of a Monte Carlo run back together (docs/scale-out.md):
// reads each --samples directory, checks that they are shards of one run
// (lca/uncertainty/mc_samples_dir.h) made on this database and these input
// files, then runs the recorded command with the samples of every iteration
// taken from them instead of solved (cli/mc_shards.h). The output, in any
// format the command has, is the one the command gives run whole, bit for
// bit.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "cli/context.h"
#include "cli/mc_shards.h"
#include "cli/usage_error.h"
#include "lca/error.h"
#include "lca/uncertainty/mc_samples_dir.h"

namespace gpulca::cli {
namespace {

struct MergeOptions {
  std::vector<std::string> shards;
  std::string format, out;
  int threads = 0;
};

void Merge(const Context& context, const MergeOptions& o) {
  std::vector<lca::SamplesDir> shards;
  for (const std::string& dir : o.shards) shards.push_back(lca::ReadSamplesDir(dir));
  std::vector<lca::McRunSamples> runs = lca::MergeSamples(shards);
  const lca::SamplesManifest& m = shards.front().manifest;
  if (m.gpulca_version != GPULCA_VERSION) {
    throw UsageError(fmt::format("the shards were made by gpulca {}; this is {}: merge them with "
                                 "that version", m.gpulca_version, GPULCA_VERSION));
  }
  const std::string hash = context.Open()->ContentHash();
  if (hash != m.data_hash) {
    throw UsageError(fmt::format("the shards were made on a database of content hash {}; {} has "
                                 "{}: merge on the database they ran on (--db)",
                                 m.data_hash, context.DatabasePath(), hash));
  }
  const auto inputs = InputFileHashes(m.command);
  if (inputs != m.inputs) {
    std::vector<std::string> changed;
    for (const auto& [path, hash] : m.inputs) {
      if (std::find(inputs.begin(), inputs.end(), std::make_pair(path, hash)) == inputs.end()) {
        changed.push_back(path);
      }
    }
    throw UsageError(fmt::format("the files the shards read are not here as they were ({}): "
                                 "merge in the directory the shards ran in, on the same files",
                                 changed.empty() ? "the command now names other files"
                                                 : fmt::format("{}", fmt::join(changed, ", "))));
  }
  std::vector<std::string> args = {"gpulca"};
  args.insert(args.end(), m.command.begin(), m.command.end());
  if (!o.format.empty()) args.insert(args.end(), {"--format", o.format});
  if (!o.out.empty()) args.insert(args.end(), {"--out", o.out});
  if (o.threads > 0) args.insert(args.end(), {"--threads", std::to_string(o.threads)});
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());

  McShards::Get().Replay(std::move(runs));
  Context inner = context;
  const CommandOutcome outcome =
      RunCommandLine(inner, static_cast<int>(argv.size()), argv.data(), /*print_parse_errors=*/false);
  if (outcome.code == 2) {
    throw UsageError(fmt::format("the recorded command '{}': {}", fmt::join(m.command, " "),
                                 outcome.error));
  }
  if (outcome.code != 0) throw Error(outcome.error);
  if (!McShards::Get().ReplayExhausted()) {
    throw UsageError("the samples hold more Monte Carlo runs than the recorded command made: "
                     "they were not written by it");
  }
}

}  // namespace

void AddMcCommands(CLI::App& app, Context& context) {
  auto* mc = app.add_subcommand("mc", "Monte Carlo runs split over processes or machines "
                                      "(docs/scale-out.md)");
  mc->require_subcommand(1);
  auto* merge = mc->add_subcommand(
      "merge", "Merge the --samples directories of a run's shards: the output of the command "
               "run whole");
  auto o = std::make_shared<MergeOptions>();
  merge->add_option("shards", o->shards, "The shards' --samples directories")
      ->required()
      ->check(CLI::ExistingDirectory);
  merge->add_option("--format", o->format, "Output format (one the recorded command has)");
  merge->add_option("--out", o->out, "Write to this file instead of standard output");
  merge->add_option("--threads", o->threads, "Threads (0: every core)")
      ->check(CLI::NonNegativeNumber);
  merge->callback([&context, o] { Merge(context, *o); });
}

}  // namespace gpulca::cli
