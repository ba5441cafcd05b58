// gpulca db build|check|info
#include <fmt/format.h>

#include "cli/context.h"
#include "inventory/error.h"

namespace gpulca::cli {
namespace {

struct DbOptions {
  std::vector<std::string> paths;
};

void Build(const Context& context, const DbOptions& options) {
  bool bundled = options.paths.empty();
  std::vector<std::string> paths = bundled ? std::vector<std::string>{context.data_dir} : options.paths;
  std::string path = context.DatabasePath();
  std::string hash = BuildDatabase(path, paths, bundled ? "bundled" : "files");
  Store store(path, false);
  StoreCounts c = store.Counts();
  fmt::print("built {} from {}: {} processes, {} flows, {} exchanges, {} methods, {} sources\n"
             "data hash {}\n", path, fmt::join(paths, " "), c.processes, c.flows, c.exchanges,
             c.methods, c.sources, hash);
}

void Check(const Context& context, const DbOptions& options) {
  std::vector<std::string> paths = options.paths.empty() ? std::vector<std::string>{context.data_dir}
                                                         : options.paths;
  std::vector<Diagnostic> problems;
  Inventory inv = LoadAndCheck(paths, problems);
  for (const Diagnostic& d : problems) fmt::print("{}\n", d.ToString());
  if (!problems.empty()) {
    throw InputError(fmt::format("{} problem{} in {}", problems.size(),
                                 problems.size() == 1 ? "" : "s", fmt::join(paths, " ")));
  }
  fmt::print("ok: {} sources, {} parameters, {} flows, {} processes, {} methods\n",
             inv.sources.size(), inv.parameters.size(), inv.flows.size(), inv.processes.size(),
             inv.methods.size());
}

void Info(const Context& context) {
  auto store = context.Open();
  StoreCounts c = store->Counts();
  fmt::print("database        {}\n", store->path());
  fmt::print("schema version  {}\n", store->SchemaVersion());
  fmt::print("origin          {}\n", store->Meta("origin"));
  fmt::print("built from      {}\n", store->Meta("sources_dirs"));
  fmt::print("built at        {}\n", store->Meta("built_at"));
  fmt::print("data hash       {}\n", store->Meta("data_hash"));
  fmt::print("sources         {}\nparameters      {}\nflows           {}\nprocesses       {}\n"
             "exchanges       {}\nmethods         {}\nfactors         {}\n",
             c.sources, c.parameters, c.flows, c.processes, c.exchanges, c.methods, c.factors);
}

}  // namespace

void AddDbCommands(CLI::App& app, Context& context) {
  auto* db = app.add_subcommand("db", "Build, check and describe the database");
  db->require_subcommand(1);
  auto options = std::make_shared<DbOptions>();

  auto* build = db->add_subcommand("build", "Build the database from TOML (default: the bundled data)");
  build->add_option("paths", options->paths, "Directories or files of TOML");
  build->callback([&context, options] { Build(context, *options); });

  auto* check = db->add_subcommand("check", "Check TOML files and report every problem");
  check->add_option("paths", options->paths, "Directories or files of TOML");
  check->callback([&context, options] { Check(context, *options); });

  auto* info = db->add_subcommand("info", "Counts, schema version and data hash");
  info->callback([&context] { Info(context); });
}

}  // namespace gpulca::cli
