// Runs the built gpulca binary for end-to-end tests.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "tests/test_support.h"

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

// A fresh database built from the bundled data in a temporary directory, and
// gpulca run on it.
class BundledDb {
 public:
  BundledDb();
  TempDir dir;
  std::string args;  // "--db FILE --data DIR "
  CommandResult Run(const std::string& command) const;
  // Runs `command` (a --format json one), requires exit 0, parses its output.
  nlohmann::json Json(const std::string& command) const;
};

}  // namespace gpulca::test
