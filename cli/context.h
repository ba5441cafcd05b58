// What every subcommand shares: the global options and the database they name.
#pragma once

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "inventory/database/database.h"
#include "lca/error.h"
#include "inventory/model/model.h"
#include "inventory/store/store.h"

namespace gpulca::cli {

struct Context {
  std::string db_path;   // --db; empty: the default database
  std::string data_dir;  // --data; the bundled data directory

  std::string DatabasePath() const {
    return db_path.empty() ? inventory::DefaultDatabasePath() : db_path;
  }
  // Opens the database, building it from the bundled data when needed. A
  // database holding additions that OpenDatabase leaves as it is (database.h)
  // is named on standard error, or in the error, with `db rebuild`.
  std::unique_ptr<inventory::Store> Open() const {
    std::string path = DatabasePath();
    std::string left_as_built;
    std::unique_ptr<inventory::Store> store;
    try {
      store = inventory::OpenDatabase(path, data_dir, &left_as_built);
    } catch (const SchemaMismatchWithAdditions& e) {
      throw SchemaMismatch(fmt::format(
          "{}: 'gpulca db rebuild --db {}' rebuilds it and replays them", e.what(), path));
    }
    if (!left_as_built.empty()) {
      fmt::print(stderr, "note: {} 'gpulca db rebuild --db {}' rebuilds it from the current "
                 "data and replays the additions.\n", left_as_built, path);
    }
    return store;
  }
  // The whole inventory of the database.
  inventory::Inventory Load() const { return Open()->Read(); }
};

// The app's global options and every subcommand (cli/commands.cpp).
void AddCommands(CLI::App& app, Context& context);

// How a command line ended: 0 success, 1 an error in the input or the
// calculation, 2 a bad command line, 3 an internal error; and the message.
struct CommandOutcome {
  int code = 0;
  std::string error;
};

// Parses and runs `argv` (argv[0] the program) in an app of its own on
// `context`, and returns how it ended; the error is returned, not printed,
// but for --help, --version and, with `print_parse_errors`, a command line
// CLI11 refuses, which CLI11 prints itself (the outcome's error is then
// empty).
CommandOutcome RunCommandLine(Context& context, int argc, const char* const* argv,
                              bool print_parse_errors);

// Each file of cli/ adds its subcommands to the app.
void AddDbCommands(CLI::App& app, Context& context);
void AddListCommand(CLI::App& app, Context& context);
void AddCalcCommand(CLI::App& app, Context& context);
void AddGraphCommand(CLI::App& app, Context& context);
void AddChipCommand(CLI::App& app, Context& context);
void AddReportCommand(CLI::App& app, Context& context);
void AddFleetCommand(CLI::App& app, Context& context);
void AddImportCommand(CLI::App& app, Context& context);
void AddAuditCommands(CLI::App& app, Context& context);
void AddCalibrateCommand(CLI::App& app, Context& context);
void AddCompareCommand(CLI::App& app, Context& context);
void AddValidateCommand(CLI::App& app, Context& context);
void AddWorkloadCommand(CLI::App& app, Context& context);
void AddSensitivityCommand(CLI::App& app, Context& context);
void AddMcCommands(CLI::App& app, Context& context);
void AddServeCommand(CLI::App& app, Context& context);

}  // namespace gpulca::cli
