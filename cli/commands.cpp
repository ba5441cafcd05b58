// The app: its global options and every subcommand, for main and for mc
// merge (which runs a recorded command line in an app of its own).
#include "cli/context.h"

namespace gpulca::cli {

void AddCommands(CLI::App& app, Context& context) {
  app.set_version_flag("--version", GPULCA_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  app.option_defaults()->always_capture_default();
  app.add_option("--db", context.db_path, "Database file (default: $GPULCA_DB or ~/.cache/gpulca/gpulca.db)");
  app.add_option("--data", context.data_dir, "Bundled data directory");

  AddDbCommands(app, context);
  AddListCommand(app, context);
  AddCalcCommand(app, context);
  AddGraphCommand(app, context);
  AddChipCommand(app, context);
  AddReportCommand(app, context);
  AddFleetCommand(app, context);
  AddImportCommand(app, context);
  AddCompareCommand(app, context);
  AddAuditCommands(app, context);
  AddValidateCommand(app, context);
  AddCalibrateCommand(app, context);
  AddWorkloadCommand(app, context);
  AddSensitivityCommand(app, context);
  AddMcCommands(app, context);
}

}  // namespace gpulca::cli
