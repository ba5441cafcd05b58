// The app: its global options and every subcommand; and one command line
// run through it, as main runs it and as mc merge and serve run theirs.
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/mc_shards.h"
#include "cli/usage_error.h"
#include "lca/error.h"

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
  AddServeCommand(app, context);
}

CommandOutcome RunCommandLine(Context& context, int argc, const char* const* argv,
                              bool print_parse_errors) {
  CLI::App app{"gpulca: life-cycle assessment of GPU supply chains"};
  AddCommands(app, context);
  McShards::Get().SetCommandLine(argc, argv);
  try {
    app.parse(argc, argv);
    McShards::Get().Finish(context);
  } catch (const CLI::ParseError& e) {
    // --help and --version, and a bad command line when asked: CLI11's own
    // words, with its pointer to --help.
    if (print_parse_errors || e.get_exit_code() == 0) return {app.exit(e) == 0 ? 0 : 2, ""};
    return {2, e.what()};
  } catch (const UsageError& e) {
    return {2, e.what()};
  } catch (const InvalidArgument& e) {
    return {2, UsageMessage(e)};
  } catch (const Error& e) {
    return {1, e.what()};
  } catch (const std::exception& e) {
    return {3, fmt::format("internal error: {}", e.what())};
  }
  return {0, ""};
}

}  // namespace gpulca::cli
