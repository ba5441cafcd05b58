// What every subcommand shares: the global options and the database they name.
#pragma once

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "inventory/database/database.h"
#include "inventory/model/model.h"
#include "inventory/store/store.h"

namespace gpulca::cli {

struct Context {
  std::string db_path;   // --db; empty: the default database
  std::string data_dir;  // --data; the bundled data directory

  std::string DatabasePath() const { return db_path.empty() ? DefaultDatabasePath() : db_path; }
  // Opens the database, building it from the bundled data when needed; its
  // notices (a database left as built, database.h) go to standard error.
  std::unique_ptr<Store> Open() const {
    std::vector<std::string> notices;
    auto store = OpenDatabase(DatabasePath(), data_dir, &notices);
    for (const std::string& n : notices) fmt::print(stderr, "note: {}\n", n);
    return store;
  }
  // The whole inventory of the database.
  Inventory Load() const { return Open()->Read(); }
};

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
void AddCompareCommand(CLI::App& app, Context& context);
void AddValidateCommand(CLI::App& app, Context& context);

}  // namespace gpulca::cli
