#include "lca/uncertainty/mc_tape.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "lca/error.h"

namespace gpulca::lca {

std::pair<int, int> McSlice::Resolve(int total) const {
  if (count > 0) {
    if (index < 0 || index >= count) {
      throw InvalidArgument("slice", fmt::format("part {} of {}: the parts are numbered 0 to {}",
                                                 index, count, count - 1));
    }
    if (count > total) {
      throw InvalidArgument("slice", fmt::format("{} parts of a run of {} iterations: at most one "
                                                 "part per iteration", count, total));
    }
    const auto at = [&](long k) { return static_cast<int>(k * total / count); };
    return {at(index), at(index + 1L)};
  }
  const long stop = end < 0 ? total : end;
  if (begin < 0 || begin >= stop || stop > total) {
    throw InvalidArgument("slice", fmt::format("iterations {}:{}: the run has iterations 0:{} "
                                               "(FROM:TO, FROM < TO, TO at most {})",
                                               begin, stop, total, total));
  }
  return {static_cast<int>(begin), static_cast<int>(stop)};
}

const McRunSamples& McTape::Next(uint64_t seed, int total, int begin, int end,
                                 const std::vector<std::vector<std::string>>& impact_ids) {
  if (next_ >= runs_.size()) {
    throw InvalidArgument("samples", fmt::format("the samples hold {} Monte Carlo run(s); the "
                                                 "command makes more: they were not written by "
                                                 "this command", runs_.size()));
  }
  const McRunSamples& r = runs_[next_];
  std::string differs;
  if (r.seed != seed) {
    differs = fmt::format("seed {} against the command's {}", r.seed, seed);
  } else if (r.total != total || r.begin != begin || r.end != end) {
    differs = fmt::format("iterations {}:{} of {} against the command's {}:{} of {}", r.begin,
                          r.end, r.total, begin, end, total);
  } else if (r.impact_ids != impact_ids) {
    differs = fmt::format("systems of impacts [{}] against the command's [{}]",
                          fmt::join(r.impact_ids.empty() ? std::vector<std::string>{}
                                                         : r.impact_ids.front(), ", "),
                          fmt::join(impact_ids.empty() ? std::vector<std::string>{}
                                                       : impact_ids.front(), ", "));
  }
  if (!differs.empty()) {
    throw InvalidArgument("samples", fmt::format("Monte Carlo run {} of the samples has {}: they "
                                                 "were not written by this command", next_ + 1,
                                                 differs));
  }
  return runs_[next_++];
}

}  // namespace gpulca::lca
