#include "tests/cli/cli_support.h"

#include <sys/wait.h>

#include <catch2/catch.hpp>

#include <cstdio>

namespace gpulca::test {

CommandResult RunGpulca(const std::string& args) {
  return RunShell("env -u GPULCA_DB '" GPULCA_BINARY "' " + args);
}

CommandResult RunShell(const std::string& command) {
  std::string cmd = command + " 2>&1";
  CommandResult result{-1, ""};
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string BundledData() { return GPULCA_SOURCE_DIR "/data"; }

BundledDb::BundledDb()
    : args("--db '" + (dir.path() / "bundled.db").string() + "' --data '" + BundledData() + "' ") {}

CommandResult BundledDb::Run(const std::string& command) const { return RunGpulca(args + command); }

nlohmann::json BundledDb::Json(const std::string& command) const {
  CommandResult r = Run(command);
  INFO(command << "\n" << r.out);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace gpulca::test
