#include "cli/region_shares.h"

#include <fmt/format.h>

#include <cmath>

#include "cli/usage_error.h"

namespace gpulca::cli {

std::vector<lca::RegionShare> ParseRegionShares(const std::vector<std::string>& specs) {
  std::vector<lca::RegionShare> out;
  double given = 0;
  int open = 0;
  for (const std::string& spec : specs) {
    auto eq = spec.find('=');
    lca::RegionShare r{spec.substr(0, eq), -1.0};
    if (r.region.empty()) throw UsageError(fmt::format("--region '{}': expected R or R=share", spec));
    if (eq != std::string::npos) {
      const std::string text = spec.substr(eq + 1);
      size_t used = 0;
      try {
        r.share = std::stod(text, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || used != text.size() || !(r.share >= 0 && r.share <= 1)) {
        throw UsageError(fmt::format("--region {}: share '{}' is not a number between 0 and 1", r.region, text));
      }
      given += r.share;
    } else {
      ++open;
    }
    out.push_back(r);
  }
  if (given > 1 + 1e-9) throw UsageError(fmt::format("--region: shares add up to {:.6g}, more than 1", given));
  if (!out.empty() && open == 0 && std::abs(given - 1) > 1e-6) {
    throw UsageError(fmt::format("--region: shares add up to {:.6g}, not 1", given));
  }
  for (lca::RegionShare& r : out) {
    if (r.share < 0) r.share = (1 - given) / open;
  }
  return out;
}

}  // namespace gpulca::cli
