// gpulca import jsonld FILE.zip|DIR [--prefix ID]
#include <fmt/format.h>

#include "cli/context.h"
#include "inventory/jsonld/jsonld_import.h"

namespace gpulca::cli {

void AddImportCommand(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand("import", "Import foreign inventory data into the database");
  cmd->require_subcommand(1);
  auto* jsonld = cmd->add_subcommand("jsonld", "Import an openLCA JSON-LD export (zip or folder)");
  auto path = std::make_shared<std::string>();
  auto options = std::make_shared<inventory::JsonldOptions>();
  auto top = std::make_shared<size_t>(10);
  jsonld->add_option("path", *path, "The export: a .zip file or the folder it unpacks to")
      ->required();
  jsonld->add_option("--prefix", options->prefix, "Id prefix of the imported objects");
  jsonld->add_option("--top", *top, "Entries shown in each list of the summary");
  jsonld->callback([&context, path, options, top] {
    auto store = context.Open();
    inventory::JsonldSummary summary = inventory::ImportJsonld(*path, *store, *options);
    fmt::print("{}", inventory::FormatJsonldSummary(summary, *top));
    fmt::print("into {}\n", store->path());
  });
}

}  // namespace gpulca::cli
