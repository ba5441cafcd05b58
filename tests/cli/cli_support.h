// Runs the built gpulca binary for end-to-end tests.
#pragma once

#include <string>

namespace gpulca::test {

struct CommandResult {
  int exit_code;
  std::string out;  // standard output and standard error, merged
};

// Runs `gpulca ARGS` (ARGS is shell text) with GPULCA_DB unset.
CommandResult RunGpulca(const std::string& args);

// The bundled data directory of the source tree.
std::string BundledData();

// Runs `command` with /bin/sh, standard error in the output.
CommandResult RunShell(const std::string& command);

}  // namespace gpulca::test
