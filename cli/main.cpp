// gpulca: the command-line front end. Parsing and dispatch only; the work is
// in the libraries. Exit codes: 0 success, 1 an error in the input or the
// calculation, 2 a bad command line (a library InvalidArgument included: the
// value came from the command line, cli/usage_error.h).
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>

#include "cli/context.h"
#include "cli/mc_shards.h"
#include "cli/usage_error.h"
#include "lca/error.h"

int main(int argc, char** argv) {
  gpulca::cli::Context context;
  const char* data_env = std::getenv("GPULCA_DATA");
  context.data_dir = data_env && *data_env ? data_env : GPULCA_DATA_DIR;

  CLI::App app{"gpulca: life-cycle assessment of GPU supply chains"};
  gpulca::cli::AddCommands(app, context);
  gpulca::cli::McShards::Get().SetCommandLine(argc, argv);

  try {
    app.parse(argc, argv);
    gpulca::cli::McShards::Get().Finish(context);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  } catch (const gpulca::cli::UsageError& e) {
    fmt::print(stderr, "gpulca: {}\n", e.what());
    return 2;
  } catch (const gpulca::InvalidArgument& e) {
    fmt::print(stderr, "gpulca: {}\n", gpulca::cli::UsageMessage(e));
    return 2;
  } catch (const gpulca::Error& e) {
    fmt::print(stderr, "gpulca: {}\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    fmt::print(stderr, "gpulca: internal error: {}\n", e.what());
    return 1;
  }
  return 0;
}
