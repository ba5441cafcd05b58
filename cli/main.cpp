// gpulca: the command-line front end. Parsing and dispatch only; the work is
// in the libraries. Exit codes: 0 success, 1 an error in the input or the
// calculation, 2 a bad command line (a library InvalidArgument included: the
// value came from the command line, cli/usage_error.h).
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>

#include "cli/context.h"

int main(int argc, char** argv) {
  gpulca::cli::Context context;
  const char* data_env = std::getenv("GPULCA_DATA");
  context.data_dir = data_env && *data_env ? data_env : GPULCA_DATA_DIR;
  const gpulca::cli::CommandOutcome outcome =
      gpulca::cli::RunCommandLine(context, argc, argv, /*print_parse_errors=*/true);
  if (!outcome.error.empty()) fmt::print(stderr, "gpulca: {}\n", outcome.error);
  return outcome.code == 3 ? 1 : outcome.code;
}
