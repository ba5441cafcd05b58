// `gpulca list gpus` on the bundled data: every column filled.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "tests/cli/cli_support.h"
#include "tests/test_support.h"

using namespace gpulca::test;
using Catch::Matchers::Contains;

// Regression: the memory column looked up `memory_gb`, which no GPU defines
// (the catalogue's parameter is `memory_capacity_gb`), and printed blanks.
TEST_CASE("list gpus shows year, TDP and memory of each GPU", "[cli][data]") {
  TempDir dir;
  auto r = RunGpulca("--db '" + (dir.path() / "l.db").string() + "' --data '" + BundledData() +
                     "' list gpus");
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  std::istringstream lines(r.out);
  std::string line;
  int gpus = 0;
  bool h100 = false, mi300x = false;
  std::getline(lines, line);
  CHECK_THAT(line, Contains("memory GB"));
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string id, year, tdp, memory;
    fields >> id >> year >> tdp >> memory;
    INFO(line);
    CHECK(memory != "-");
    CHECK(std::stod(memory) > 0);
    if (id == "nvidia-h100-sxm5") h100 = year == "2022" && tdp == "700" && memory == "80";
    if (id == "amd-mi300x") mi300x = memory == "192";
    ++gpus;
  }
  CHECK(gpus >= 12);
  CHECK(h100);
  CHECK(mi300x);
}
