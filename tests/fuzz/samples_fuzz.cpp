// The samples directory reader (lca/uncertainty/mc_samples_dir.h), as `gpulca
// mc merge` reads a shard: a valid shard with one of its files replaced by
// the input (the first byte chooses which: the manifest, an impacts, stages,
// iterations or tracked array). A shard the reader accepts holds what its
// manifest says: n = to - from samples of every array, all finite, and
// merges with itself refused as an overlap or accepted only when whole.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "lca/error.h"
#include "lca/uncertainty/mc_samples_dir.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using namespace gpulca;
namespace fs = std::filesystem;

// A shard of iterations 2:5 of 8: two systems of two impacts, one tracked.
const fs::path& Valid() {
  static const fs::path dir = [] {
    lca::McRunSamples r;
    r.seed = 3;
    r.total = 8;
    r.begin = 2;
    r.end = 5;
    r.impact_ids = {{"gwp100", "water"}, {"gwp100", "water"}};
    r.impact_units = {{"kg CO2e", "L"}, {"kg CO2e", "L"}};
    r.impacts.assign(2, std::vector<std::vector<double>>(2, {1.5, 2.5, 3.5}));
    r.stages.assign(2, std::vector<std::vector<std::vector<double>>>(
                           2, std::vector<std::vector<double>>(lca::kStageSlots, {0.25, 0.5, 0.75})));
    r.tracked_names = {"lifetime_hours"};
    r.tracked = {{43800, 43800, 43800}};
    lca::SamplesManifest m;
    m.gpulca_version = "0.1.0";
    m.command = {"compare", "a", "b", "--mc", "8"};
    m.data_hash = std::string(64, 'a');
    m.created = "2026-12-07T00:00:00Z";
    const fs::path path = fuzz::ScratchDir() / "valid";
    lca::WriteSamplesDir(path.string(), m, {r});
    return path;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const files[] = {"manifest.json", "run1_system1_impacts.npy",
                                      "run1_system2_stages.npy", "run1_iterations.npy",
                                      "run1_tracked.npy"};
  const fs::path& valid = Valid();
  const fs::path shard = fuzz::ScratchDir() / "shard";
  fs::remove_all(shard);
  fs::copy(valid, shard);
  {
    std::ofstream out(shard / files[data[0] % 5], std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  }
  try {
    const lca::SamplesDir s = lca::ReadSamplesDir(shard.string());
    for (const lca::McRunSamples& r : s.runs) {
      const size_t n = static_cast<size_t>(r.end - r.begin);
      if (!(0 <= r.begin && r.begin < r.end && r.end <= r.total)) fuzz::Finding("a range outside its run");
      const auto check = [&](const std::vector<double>& v) {
        if (v.size() != n) fuzz::Finding("an array of another length than the range");
        for (double x : v) {
          if (!std::isfinite(x)) fuzz::Finding("a sample that is not finite");
        }
      };
      for (const auto& system : r.impacts) {
        for (const auto& v : system) check(v);
      }
      for (const auto& system : r.stages) {
        for (const auto& impact : system) {
          for (const auto& v : impact) check(v);
        }
      }
      for (const auto& v : r.tracked) check(v);
    }
    try {
      lca::MergeSamples({s, s});
      fuzz::Finding("a shard merged with itself");
    } catch (const InvalidArgument&) {
    }
  } catch (const Error&) {
  }
  return 0;
}
