// Monte Carlo runs that would exhaust the machine are refused before they
// start, with what they would take: `--threads 10000` used to take 45 s and
// 1.8 GB, `--mc 100000000` ended in std::bad_alloc printed as "internal
// error".
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <thread>

#include "tests/cli/cli_support.h"
#include "tests/test_support.h"

using namespace gpulca;

TEST_CASE("Monte Carlo threads and iterations have limits with messages",
          "[limits][mc][cli][data]") {
  test::BundledDb db;
  const int most = 4 * static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  auto threads = db.Run(fmt::format("report nvidia-h100-sxm5 --mc 10 --threads {}", most + 1));
  CHECK(threads.exit_code == 2);
  CHECK(threads.out == fmt::format("gpulca: --threads {}: at most {} on this machine (4 per "
                                   "hardware thread); more only add memory\n",
                                   most + 1, most));
  CHECK(db.Run(fmt::format("report nvidia-h100-sxm5 --mc 10 --threads {}", most)).exit_code == 0);

  // A billion iterations keep terabytes of samples: refused, saying how many fit.
  auto huge = db.Run("report nvidia-h100-sxm5 --mc 1000000000");
  CHECK(huge.exit_code == 2);
  INFO(huge.out);
  std::smatch m;
  const std::string out = huge.out;
  REQUIRE(std::regex_search(out, m, std::regex(
      "--mc 1000000000: the run would keep about ([0-9.]+) GB of samples in memory \\(([0-9]+) "
      "bytes an iteration\\), more than half of this machine's ([0-9.]+) GB; at most ([0-9]+) "
      "iterations fit")));
  const double per_iteration = std::stod(m[2]), fit = std::stod(m[4]), memory = std::stod(m[3]);
  CHECK(std::stod(m[1]) == Approx(per_iteration).epsilon(0.01));  // GB for 1e9 iterations
  CHECK(fit * per_iteration == Approx(memory * 1e9 / 2).epsilon(0.01));
}
