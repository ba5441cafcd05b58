// Shards of a command's Monte Carlo run (--iterations, --shard, --samples)
// and `gpulca mc merge`: the merged output is the whole run's, byte for
// byte, in every format; bad shards and bad options are refused.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/cli/cli_support.h"
#include "tests/test_support.h"

using namespace gpulca;
using Catch::Matchers::Contains;

namespace {

struct Shards {
  test::BundledDb db;
  test::TempDir dir;
  std::string Path(const std::string& name) const { return "'" + (dir.path() / name).string() + "'"; }
  // Runs `command` and requires exit 0.
  void Ok(const std::string& command) const {
    const test::CommandResult r = db.Run(command);
    INFO(command << "\n" << r.out);
    REQUIRE(r.exit_code == 0);
  }
  std::string Read(const std::string& name) const { return test::ReadAll(dir.path() / name); }
};

}  // namespace

TEST_CASE("mc merge: four shards of report --mc 10000 give the whole run, in every format",
          "[cli][mc][shards]") {
  Shards s;
  const std::string run = "report nvidia-h100-sxm5 --mc 10000 --seed 3";
  for (const char* f : {"json", "csv", "md"}) {
    s.Ok(run + " --format " + f + " --out " + s.Path(std::string("whole.") + f));
  }
  const char* ranges[] = {"0:2500", "2500:5000", "5000:7500", "7500:10000"};
  for (int k = 0; k < 4; ++k) {
    s.Ok(run + " --threads 1 --iterations " + ranges[k] + " --samples " +
         s.Path("s" + std::to_string(k)) + " --format json --out " +
         s.Path("part" + std::to_string(k) + ".json"));
  }
  // A shard's own output is the report of its 2,500 iterations.
  CHECK_THAT(s.Read("part1.json"), Contains("\"iterations\": 2500"));
  const std::string shards = s.Path("s2") + " " + s.Path("s0") + " " + s.Path("s3") + " " + s.Path("s1");
  for (const char* f : {"json", "csv", "md"}) {
    INFO(f);
    s.Ok(std::string("mc merge ") + shards + " --threads 2 --format " + f + " --out " +
         s.Path(std::string("merged.") + f));
    CHECK(s.Read(std::string("merged.") + f) == s.Read(std::string("whole.") + f));
  }
  CHECK_THAT(s.Read("merged.json"), Contains("\"iterations\": 10000"));

  // A missing shard names the missing iterations; a shard twice overlaps.
  const test::CommandResult gap = s.db.Run("mc merge " + s.Path("s0") + " " + s.Path("s1") + " " + s.Path("s3"));
  CHECK(gap.exit_code == 2);
  CHECK_THAT(gap.out, Contains("iterations 5000:7500 are in no shard"));
  const test::CommandResult twice = s.db.Run("mc merge " + shards + " " + s.Path("s1"));
  CHECK(twice.exit_code == 2);
  CHECK_THAT(twice.out, Contains("overlap"));
}

TEST_CASE("mc merge: paired, two-run and Sobol' commands merge exactly", "[cli][mc][shards]") {
  Shards s;
  SECTION("compare: two systems drawn together") {
    const std::string run = "compare nvidia-h100-sxm5 amd-mi300x --mc 600 --format json";
    s.Ok(run + " --out " + s.Path("whole.json"));
    s.Ok(run + " --shard 0/2 --samples " + s.Path("a") + " --out " + s.Path("part.json"));
    s.Ok(run + " --shard 1/2 --samples " + s.Path("b"));
    // A shard's own comparison is of its 300 iterations (it read 600 once).
    CHECK_THAT(s.Read("part.json"), Contains("\"iterations\": 300"));
    s.Ok("mc merge " + s.Path("a") + " " + s.Path("b") + " --format json --out " + s.Path("merged.json"));
    CHECK(s.Read("merged.json") == s.Read("whole.json"));
  }
  SECTION("fleet and calibrate: their summaries are of the shard's iterations") {
    s.Ok("fleet --year 2023 --mc 300 --iterations 0:100 --samples " + s.Path("f") +
         " --format json --out " + s.Path("fleet.json"));
    CHECK_THAT(s.Read("fleet.json"), Contains("\"iterations\": 100"));
    s.Ok("calibrate --mc 3000 --iterations 0:2000 --samples " + s.Path("c") +
         " --format json --out " + s.Path("calibrate.json"));
    CHECK_THAT(s.Read("calibrate.json"), Contains("\"iterations\": 2000"));
  }
  SECTION("workload: the stated run and gpulca's, two Monte Carlo runs") {
    const std::string file = test::BundledData() + "/examples/workload-gpt3-training.toml";
    const std::string run = "workload '" + file + "' --mc 400 --format csv";
    s.Ok(run + " --out " + s.Path("whole.csv"));
    s.Ok(run + " --iterations 0:150 --samples " + s.Path("a"));
    s.Ok(run + " --iterations 150:400 --samples " + s.Path("b"));
    s.Ok("mc merge " + s.Path("a") + " " + s.Path("b") + " --format csv --out " + s.Path("merged.csv"));
    CHECK(s.Read("merged.csv") == s.Read("whole.csv"));
  }
  SECTION("sensitivity --sobol: the design's rows in shards") {
    const std::string run = "sensitivity nvidia-h100-sxm5 --sobol 64 --bootstrap 50 --format json";
    s.Ok(run + " --out " + s.Path("whole.json"));
    for (int k = 0; k < 3; ++k) {
      const std::string part = "p" + std::to_string(k);
      const test::CommandResult r =
          s.db.Run(run + " --shard " + std::to_string(k) + "/3 --samples " + s.Path(part));
      INFO(r.out);
      REQUIRE(r.exit_code == 0);
      CHECK_THAT(r.out, Contains("merge the shards with 'gpulca mc merge'"));
    }
    s.Ok("mc merge " + s.Path("p0") + " " + s.Path("p1") + " " + s.Path("p2") +
         " --format json --out " + s.Path("merged.json"));
    CHECK(s.Read("merged.json") == s.Read("whole.json"));
  }
}

TEST_CASE("shards: bad options and shards of another run are refused", "[cli][mc][shards]") {
  Shards s;
  const std::string run = "report nvidia-h100-sxm5 --mc 100 --format json";
  const auto refused = [&](const std::string& command, const std::string& why, int code = 2) {
    const test::CommandResult r = s.db.Run(command);
    INFO(command << "\n" << r.out);
    CHECK(r.exit_code == code);
    CHECK_THAT(r.out, Contains(why));
  };
  refused(run + " --iterations 0:50", "name the new directory they go to with --samples DIR");
  refused(run + " --iterations 0:500 --samples " + s.Path("x"), "the run has iterations 0:100");
  refused(run + " --iterations 50-60 --samples " + s.Path("x"), "write FROM:TO");
  refused(run + " --shard 4/4 --samples " + s.Path("x"), "numbered 0 to 3");
  refused(run + " --shard 1/4 --iterations 0:5 --samples " + s.Path("x"), "give one");
  refused("report nvidia-h100-sxm5 --samples " + s.Path("x"), "this command ran none");
  refused(run + " --calibrated --shard 0/2 --samples " + s.Path("x"), "run it whole");
  s.Ok(run + " --shard 0/2 --samples " + s.Path("a"));
  // An existing shard is never written over, and is refused before the run.
  const test::CommandResult again = s.db.Run(run + " --shard 0/2 --samples " + s.Path("a"));
  CHECK(again.exit_code == 2);
  CHECK_THAT(again.out, Contains("never written over"));
  CHECK(again.out.find("\"impacts\"") == std::string::npos);
  // A shard of another command, and a database that changed.
  s.Ok("report nvidia-h100-sxm5 --mc 100 --seed 2 --shard 1/2 --samples " + s.Path("b"));
  refused("mc merge " + s.Path("a") + " " + s.Path("b"), "are not shards of one run");
  s.Ok(run + " --shard 1/2 --samples " + s.Path("c"));
  s.Ok("mc merge " + s.Path("a") + " " + s.Path("c") + " --format json");
  refused("mc merge " + s.Path("a") + " " + s.Path("c") + " --format pdf", "pdf");
  for (const char* name : {"a", "c"}) {
    const auto manifest = s.dir.path() / name / "manifest.json";
    std::string text = test::ReadAll(manifest);
    const size_t at = text.find("\"data_hash\": \"") + 14;
    text.replace(at, 64, std::string(64, '0'));
    std::ofstream(manifest, std::ios::trunc) << text;
  }
  refused("mc merge " + s.Path("a") + " " + s.Path("c"), "merge on the database they ran on");
  refused("mc merge " + s.Path("absent"), "absent");
}
