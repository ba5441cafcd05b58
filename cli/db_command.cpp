// gpulca db build|check|info|add|rebuild
#include <fmt/format.h>

#include "cli/context.h"
#include "lca/error.h"
#include "inventory/store/additions.h"
#include "inventory/toml/toml_loader.h"

namespace gpulca::cli {
namespace {

// The gpulca command that makes an addition.
std::string CommandOf(const inventory::Addition& a) {
  if (a.kind == "jsonld") {
    return fmt::format("gpulca import jsonld '{}' --prefix {}", a.path, a.prefix);
  }
  return fmt::format("gpulca db add '{}'", a.path);
}

struct DbOptions {
  std::vector<std::string> paths;
};

void Build(const Context& context, const DbOptions& options) {
  bool bundled = options.paths.empty();
  std::vector<std::string> paths = bundled ? std::vector<std::string>{context.data_dir} : options.paths;
  std::string path = context.DatabasePath();
  std::vector<inventory::Addition> dropped = inventory::RecordedAdditions(path);
  std::string hash = inventory::BuildDatabase(path, paths, bundled ? "bundled" : "files");
  if (!dropped.empty()) {
    fmt::print(stderr, "note: the data added to the previous database is not in the new one:\n");
    for (const inventory::Addition& a : dropped) fmt::print(stderr, "  {}\n", CommandOf(a));
    fmt::print(stderr, "('gpulca db rebuild' rebuilds a database and keeps its additions)\n");
  }
  inventory::Store store(path, false);
  inventory::StoreCounts c = store.Counts();
  fmt::print("built {} from {}: {} processes, {} flows, {} exchanges, {} methods, {} sources\n"
             "data hash {}\n", path, fmt::join(paths, " "), c.processes, c.flows, c.exchanges,
             c.methods, c.sources, hash);
  fmt::print("content hash {}\n", store.ContentHash());
}

void Check(const Context& context, const DbOptions& options) {
  std::vector<std::string> paths = options.paths.empty() ? std::vector<std::string>{context.data_dir}
                                                         : options.paths;
  std::vector<inventory::Diagnostic> problems;
  inventory::Inventory inv = inventory::LoadAndCheck(paths, problems);
  for (const inventory::Diagnostic& d : problems) fmt::print("{}\n", d.ToString());
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
  inventory::StoreCounts c = store->Counts();
  fmt::print("database        {}\n", store->path());
  fmt::print("schema version  {}\n", store->SchemaVersion());
  fmt::print("origin          {}\n", store->Meta("origin"));
  fmt::print("built from      {}\n", store->Meta("sources_dirs"));
  fmt::print("built at        {}\n", store->Meta("built_at"));
  fmt::print("data hash       {}  (of the TOML files it was built from)\n",
             store->Meta("data_hash"));
  std::string content = store->ContentHash();
  fmt::print("content hash    {}  (of the stored inventory)\n", content);
  std::string stored = store->Meta("content_hash");
  if (!stored.empty() && stored != content) {
    fmt::print("                the hash recorded at the last write is {}: the database was "
               "changed outside gpulca\n", stored);
  }
  std::vector<inventory::Addition> additions = inventory::RecordedAdditions(store->path());
  if (!additions.empty()) {
    fmt::print("added since     {}\n", CommandOf(additions[0]));
    for (size_t i = 1; i < additions.size(); ++i) {
      fmt::print("                {}\n", CommandOf(additions[i]));
    }
  }
  fmt::print("sources         {}\nparameters      {}\nflows           {}\nprocesses       {}\n"
             "exchanges       {}\nmethods         {}\nfactors         {}\n",
             c.sources, c.parameters, c.flows, c.processes, c.exchanges, c.methods, c.factors);
}

void Add(const Context& context, const DbOptions& options) {
  auto store = context.Open();
  inventory::Inventory added = inventory::AddTomlToStore(*store, options.paths);
  fmt::print("added to {}: {} processes, {} flows, {} sources, {} parameters, {} methods\n"
             "content hash {}\n", store->path(), added.processes.size(), added.flows.size(),
             added.sources.size(), added.parameters.size(), added.methods.size(),
             store->ContentHash());
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

  auto* info = db->add_subcommand("info", "Counts, schema version, data and content hashes");
  info->callback([&context] { Info(context); });

  auto* add = db->add_subcommand("add", "Add TOML files to the database (kept by 'db rebuild')");
  add->add_option("paths", options->paths, "Directories or files of TOML")->required();
  add->callback([&context, options] { Add(context, *options); });

  auto* rebuild = db->add_subcommand(
      "rebuild", "Rebuild the database from its sources and replay what was added to it");
  rebuild->callback([&context] {
    std::string path = context.DatabasePath();
    inventory::RebuildDatabase(path, context.data_dir);
    inventory::Store store(path, false);
    inventory::StoreCounts c = store.Counts();
    fmt::print(
        "rebuilt {}: {} processes, {} flows, {} exchanges; {} addition{} replayed\n"
        "content hash {}\n",
        path, c.processes, c.flows, c.exchanges, inventory::RecordedAdditions(path).size(),
        inventory::RecordedAdditions(path).size() == 1 ? "" : "s", store.ContentHash());
  });
}

}  // namespace gpulca::cli
