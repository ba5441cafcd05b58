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

#include <memory>
#include <string>
#include <vector>

#include "cli/context.h"
#include "cli/mc_shards.h"
#include "cli/usage_error.h"
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
  if (InputFileHashes(m.command) != m.inputs) {
    throw UsageError(fmt::format("the files the command reads ({}) are not those the shards "
                                 "read: merge in the directory the shards ran in, on the same "
                                 "files", m.inputs.empty() ? "none" : m.inputs.front().first));
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
  CLI::App app{"gpulca"};
  AddCommands(app, inner);
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    throw UsageError(fmt::format("the recorded command '{}' does not parse: {}",
                                 fmt::join(m.command, " "), e.what()));
  }
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
