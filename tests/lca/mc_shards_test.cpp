// Slices of a Monte Carlo run, the tape that records and replays them, the
// samples directory (NumPy files) and the merge of shards.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <fstream>
#include <string>

#include "lca/error.h"
#include "lca/uncertainty/mc_samples_dir.h"
#include "lca/uncertainty/mc_tape.h"
#include "lca/uncertainty/monte_carlo.h"
#include "tests/lca/uncertainty_fixtures.h"
#include "tests/test_support.h"

using namespace gpulca;
using namespace gpulca::lca;
using Catch::Matchers::Contains;

namespace {

using test::Gpu;
using test::Grid;
using test::TomlExchange;
using test::TomlParameter;
using test::UncertaintyToml;

// Two products on one uncertain grid (g lognormal), A also with an
// uncertain amount of electricity: a paired run of two systems, a tracked
// parameter and inputs to rank.
inventory::Inventory Pair() {
  return test::ParseValid(UncertaintyToml(
      TomlParameter("g", "1", "{ distribution = \"lognormal\", gsd = 1.5 }") +
      Grid("", "0.5 * g") +
      Gpu(TomlExchange("electricity", "100", "kWh", "{ distribution = \"lognormal\", gsd = 1.2 }")) +
      Gpu(TomlExchange("electricity", "120", "kWh"), "server_build", "server")));
}

std::vector<McResult> RunPair(const inventory::Inventory& inv, McOptions o) {
  inventory::ParameterSet p(inv);
  o.tracked = {{"", "g"}};
  return MonteCarloOfDemands(inv, p, {{"gpu", 1.0, {}}, {"server_build", 1.0, {}}}, {}, o);
}

McOptions Options(int iterations, int threads = 1) {
  McOptions o;
  o.iterations = iterations;
  o.threads = threads;
  o.seed = 5;
  return o;
}

// A hand-made run: 3 iterations (from 4 of 10), 1 system of 2 impacts,
// stage s of impact k at iteration i = 100 k + 10 s + i, impact k = 1000 k + i.
McRunSamples Hand() {
  McRunSamples r;
  r.seed = 7;
  r.total = 10;
  r.begin = 4;
  r.end = 7;
  r.impact_ids = {{"gwp100", "energy"}};
  r.impact_units = {{"kg CO2e", "MJ"}};
  r.impacts.assign(1, std::vector<std::vector<double>>(2, std::vector<double>(3)));
  r.stages.assign(1, std::vector<std::vector<std::vector<double>>>(
                         2, std::vector<std::vector<double>>(kStageSlots, std::vector<double>(3))));
  for (int k = 0; k < 2; ++k) {
    for (int i = 0; i < 3; ++i) {
      r.impacts[0][k][i] = 1000 * k + i;
      for (int s = 0; s < kStageSlots; ++s) r.stages[0][k][s][i] = 100 * k + 10 * s + i;
    }
  }
  r.tracked_names = {"g"};
  r.tracked = {{0.5, 1.5, 2.5}};
  return r;
}

SamplesManifest Manifest() {
  SamplesManifest m;
  m.gpulca_version = "0.1.0";
  m.command = {"report", "x", "--mc", "10"};
  m.data_hash = "abc";
  m.created = "2026-12-07T00:00:00Z";
  return m;
}

}  // namespace

TEST_CASE("a slice: the parts of a run cover it once, and bad slices are refused", "[lca][mc]") {
  McSlice s;
  CHECK(s.Resolve(10) == std::make_pair(0, 10));
  s.count = 3;
  s.index = 0;
  CHECK(s.Resolve(10) == std::make_pair(0, 3));  // floor(10/3)
  s.index = 1;
  CHECK(s.Resolve(10) == std::make_pair(3, 6));
  s.index = 2;
  CHECK(s.Resolve(10) == std::make_pair(6, 10));
  s.index = 3;
  CHECK_THROWS_AS(s.Resolve(10), InvalidArgument);
  s.index = 0;
  s.count = 11;
  CHECK_THROWS_WITH(s.Resolve(10), Contains("at most one part per iteration"));
  McSlice range;
  range.begin = 2;
  range.end = 5;
  CHECK(range.Resolve(10) == std::make_pair(2, 5));
  range.end = 11;
  CHECK_THROWS_WITH(range.Resolve(10), Contains("iterations 2:11: the run has iterations 0:10"));
  range.begin = 5;
  range.end = 5;
  CHECK_THROWS_AS(range.Resolve(10), InvalidArgument);
}

TEST_CASE("slices of a run are the run's iterations: concatenated, bit-identical", "[lca][mc]") {
  const auto inv = Pair();
  const std::vector<McResult> whole = RunPair(inv, Options(300, 2));
  McOptions a = Options(300), b = Options(300, 2);
  a.slice.begin = 0;
  a.slice.end = 137;
  b.slice.begin = 137;
  const std::vector<McResult> first = RunPair(inv, a), second = RunPair(inv, b);
  REQUIRE(first[0].iterations == 137);
  REQUIRE(second[0].iterations == 163);
  CHECK(second[0].first_iteration == 137);
  for (size_t d = 0; d < 2; ++d) {
    for (size_t k = 0; k < whole[d].samples.size(); ++k) {
      std::vector<double> joined = first[d].samples[k];
      joined.insert(joined.end(), second[d].samples[k].begin(), second[d].samples[k].end());
      CHECK(joined == whole[d].samples[k]);
    }
  }
  std::vector<double> g = first[0].tracked[0];
  g.insert(g.end(), second[0].tracked[0].begin(), second[0].tracked[0].end());
  CHECK(g == whole[0].tracked[0]);
}

TEST_CASE("a recorded run replayed: the same results without solving", "[lca][mc]") {
  const auto inv = Pair();
  McOptions o = Options(400, 2);
  o.tape = std::make_shared<McTape>(McTape::Mode::kRecord);
  const std::vector<McResult> solved = RunPair(inv, o);
  REQUIRE(o.tape->runs().size() == 1);
  const McRunSamples& recorded = o.tape->runs()[0];
  CHECK(recorded.impacts.size() == 2);
  CHECK(recorded.tracked_names == std::vector<std::string>{"g"});
  CHECK(recorded.impacts[1][0] == solved[1].samples[0]);

  // Replayed with samples altered by hand: the results are the tape's, so
  // nothing was solved; the draws (ranks, tracked g) are computed again.
  std::vector<McRunSamples> runs = o.tape->runs();
  runs[0].impacts[0][0][0] = 1e6;
  McOptions r = Options(400, 1);
  r.tape = std::make_shared<McTape>(McTape::Mode::kReplay, runs);
  const std::vector<McResult> replayed = RunPair(inv, r);
  CHECK(r.tape->exhausted());
  CHECK(replayed[0].samples[0][0] == 1e6);
  CHECK(replayed[1].samples == solved[1].samples);
  CHECK(replayed[1].impacts[0].p95 == solved[1].impacts[0].p95);
  CHECK(replayed[0].tracked == solved[0].tracked);
  REQUIRE(replayed[1].sensitivity[0].size() == solved[1].sensitivity[0].size());
  CHECK(replayed[1].sensitivity[0][0].spearman == solved[1].sensitivity[0][0].spearman);

  // A tape of another run is refused, saying what differs.
  McOptions other = Options(400);
  other.seed = 6;
  other.tape = std::make_shared<McTape>(McTape::Mode::kReplay, o.tape->runs());
  CHECK_THROWS_WITH(RunPair(inv, other), Contains("seed 5 against the command's 6"));
  McOptions more = Options(400);
  more.tape = std::make_shared<McTape>(McTape::Mode::kReplay, std::vector<McRunSamples>{});
  CHECK_THROWS_WITH(RunPair(inv, more), Contains("the command makes more"));
}

TEST_CASE("the samples directory: NumPy files as numpy writes them, read back", "[lca][mc]") {
  test::TempDir dir;
  const std::string path = (dir.path() / "shard").string();
  WriteSamplesDir(path, Manifest(), {Hand()});
  // The header numpy.save writes for a (3, 2) float64 C array: magic,
  // version 1.0, header length 118 (LE), the dict padded to 128 bytes in all.
  const std::string bytes = test::ReadAll(dir.path() / "shard" / "run1_system1_impacts.npy");
  REQUIRE(bytes.size() == 128 + 3 * 2 * 8);
  CHECK(bytes.substr(0, 8) == std::string("\x93NUMPY\x01\x00", 8));
  CHECK(static_cast<unsigned char>(bytes[8]) == 118);
  CHECK(bytes[9] == 0);
  CHECK(bytes.substr(10, 59) ==
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }");
  CHECK(bytes[127] == '\n');
  double row1[2];
  std::memcpy(row1, bytes.data() + 128 + 16, 16);  // iteration 5: impacts 1, 1001
  CHECK(row1[0] == 1.0);
  CHECK(row1[1] == 1001.0);
  const std::string iterations = test::ReadAll(dir.path() / "shard" / "run1_iterations.npy");
  CHECK(iterations.substr(10, 54) == "{'descr': '<i8', 'fortran_order': False, 'shape': (3,)");

  const SamplesDir back = ReadSamplesDir(path);
  CHECK(back.manifest.command == Manifest().command);
  CHECK(back.manifest.data_hash == "abc");
  REQUIRE(back.runs.size() == 1);
  const McRunSamples& r = back.runs[0];
  const McRunSamples h = Hand();
  CHECK(r.begin == 4);
  CHECK(r.end == 7);
  CHECK(r.total == 10);
  CHECK(r.seed == 7);
  CHECK(r.impact_ids == h.impact_ids);
  CHECK(r.impacts == h.impacts);
  CHECK(r.stages == h.stages);
  CHECK(r.tracked == h.tracked);

  // Never written over; a missing run is refused.
  CHECK_THROWS_WITH(WriteSamplesDir(path, Manifest(), {Hand()}), Contains("never written over"));
  CHECK_THROWS_AS(WriteSamplesDir((dir.path() / "none").string(), Manifest(), {}), InvalidArgument);
}

TEST_CASE("a damaged samples directory is refused, naming the file", "[lca][mc]") {
  test::TempDir dir;
  const auto fresh = [&](const std::string& name) {
    const std::string path = (dir.path() / name).string();
    WriteSamplesDir(path, Manifest(), {Hand()});
    return dir.path() / name;
  };
  const auto rewrite = [](const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
  };
  {
    const auto d = fresh("cut");
    const std::string bytes = test::ReadAll(d / "run1_system1_stages.npy");
    rewrite(d / "run1_system1_stages.npy", bytes.substr(0, bytes.size() - 8));
    CHECK_THROWS_WITH(ReadSamplesDir(d.string()),
                      Contains("run1_system1_stages.npy") && Contains("bytes"));
  }
  {
    const auto d = fresh("nan");
    std::string bytes = test::ReadAll(d / "run1_system1_impacts.npy");
    const double nan = std::nan("");
    std::memcpy(bytes.data() + 128, &nan, 8);
    rewrite(d / "run1_system1_impacts.npy", bytes);
    CHECK_THROWS_WITH(ReadSamplesDir(d.string()), Contains("not a finite number"));
  }
  {
    const auto d = fresh("escape");
    std::string m = test::ReadAll(d / "manifest.json");
    const size_t at = m.find("run1_tracked.npy");
    m.replace(at, std::strlen("run1_tracked.npy"), "../cut/run1_tracked.npy");
    rewrite(d / "manifest.json", m);
    CHECK_THROWS_WITH(ReadSamplesDir(d.string()), Contains("not a plain .npy file name"));
  }
  {
    const auto d = fresh("shape");
    std::string m = test::ReadAll(d / "manifest.json");
    m.replace(m.find("\"to\": 7"), 7, "\"to\": 6");
    rewrite(d / "manifest.json", m);
    CHECK_THROWS_WITH(ReadSamplesDir(d.string()), Contains("run1_iterations.npy"));
  }
  {
    const auto d = fresh("json");
    rewrite(d / "manifest.json", "{\"format\": ");
    CHECK_THROWS_WITH(ReadSamplesDir(d.string()), Contains("manifest.json: not valid JSON"));
  }
  CHECK_THROWS_AS(ReadSamplesDir((dir.path() / "absent").string()), InputError);
}

TEST_CASE("merging shards: in any order, and refused with a gap, an overlap or another run",
          "[lca][mc]") {
  const auto shard = [](int begin, int end, const std::string& path) {
    McRunSamples r = Hand();
    r.begin = begin;
    r.end = end;
    const int n = end - begin;
    for (auto& system : r.impacts) {
      for (auto& v : system) {
        v.assign(n, 0);
        for (int i = 0; i < n; ++i) v[i] = begin + i;
      }
    }
    for (auto& system : r.stages) {
      for (auto& impact : system) {
        for (auto& v : impact) v.assign(n, 1);
      }
    }
    r.tracked = {std::vector<double>(n, 2)};
    SamplesDir s;
    s.path = path;
    s.manifest = Manifest();
    s.runs = {r};
    return s;
  };
  const std::vector<McRunSamples> m =
      MergeSamples({shard(6, 10, "c"), shard(0, 3, "a"), shard(3, 6, "b")});
  REQUIRE(m.size() == 1);
  CHECK(m[0].begin == 0);
  CHECK(m[0].end == 10);
  CHECK(m[0].impacts[0][1] == std::vector<double>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  CHECK(m[0].tracked[0].size() == 10);

  CHECK_THROWS_WITH(MergeSamples({shard(0, 3, "a"), shard(6, 10, "c")}),
                    Contains("iterations 3:6 are in no shard"));
  CHECK_THROWS_WITH(MergeSamples({shard(0, 3, "a"), shard(3, 6, "b")}),
                    Contains("iterations 6:10 are in no shard"));
  CHECK_THROWS_WITH(MergeSamples({shard(0, 4, "a"), shard(3, 10, "b")}),
                    Contains("a (iterations 0:4) and b (iterations 3:10) overlap"));
  SamplesDir other = shard(3, 10, "b");
  other.manifest.data_hash = "def";
  CHECK_THROWS_WITH(MergeSamples({shard(0, 3, "a"), other}), Contains("are not shards of one run"));
  SamplesDir seed = shard(3, 10, "b");
  seed.runs[0].seed = 8;
  CHECK_THROWS_WITH(MergeSamples({shard(0, 3, "a"), seed}), Contains("seed 8"));
}
