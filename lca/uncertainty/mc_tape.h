// McTape: the per-iteration results of a command's Monte Carlo runs, in the
// order the command made them, so that a run can be split into slices of
// iterations (McSlice) computed anywhere and put back together exactly.
//
// Recording: each RunMonteCarloPaired with a recording tape appends one
// McRunSamples (its systems' impacts and stages, its tracked parameters) for
// the iterations it ran. Replaying: each run takes the next McRunSamples
// instead of solving; it still draws every input (the sensitivity ranks and
// tracked parameters are computed from the draws, as in a run that solves),
// so a command replayed from the samples of all its iterations gives the
// same numbers, bit for bit, as the command run at once.
// mc_samples_dir.h writes and reads a tape as files. docs/scale-out.md.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "lca/system/result.h"

namespace gpulca::lca {

// A slice of a run of T iterations: iterations [begin, end), or part `index`
// of `count` near-equal parts ([floor(index T / count), floor((index + 1) T /
// count))). The default is the whole run.
struct McSlice {
  long begin = 0, end = -1;  // end -1: T
  int index = -1, count = 0;  // count > 0: a part
  bool whole() const { return count == 0 && begin == 0 && end < 0; }
  // The iterations [first, second) of a run of `total`. Throws
  // InvalidArgument for a range outside [0, total), an empty one, or a part
  // index outside [0, count).
  std::pair<int, int> Resolve(int total) const;
};

// One Monte Carlo run's results over iterations [begin, end) of `total`.
struct McRunSamples {
  uint64_t seed = 0;
  int total = 0, begin = 0, end = 0;
  // Per system: the impacts' ids and units and their samples.
  std::vector<std::vector<std::string>> impact_ids, impact_units;   // [system][k]
  std::vector<std::vector<std::vector<double>>> impacts;            // [system][k][i]
  std::vector<std::vector<std::vector<std::vector<double>>>> stages;  // [system][k][slot][i]
  // The tracked parameters (McOptions::tracked, "process/id" or "id").
  std::vector<std::string> tracked_names;
  std::vector<std::vector<double>> tracked;  // [t][i]
  int iterations() const { return end - begin; }
};

class McTape {
 public:
  enum class Mode { kRecord, kReplay };
  explicit McTape(Mode mode) : mode_(mode) {}
  McTape(Mode mode, std::vector<McRunSamples> runs) : mode_(mode), runs_(std::move(runs)) {}
  bool replaying() const { return mode_ == Mode::kReplay; }
  const std::vector<McRunSamples>& runs() const { return runs_; }
  // Recording: appends a run.
  void Record(McRunSamples run) { runs_.push_back(std::move(run)); }
  // Replaying: the next run, which must be of `seed`, iterations [begin,
  // end) of `total` and the impact ids given per system. Throws
  // InvalidArgument saying what differs, or that the tape holds fewer runs
  // than the command makes.
  const McRunSamples& Next(uint64_t seed, int total, int begin, int end,
                           const std::vector<std::vector<std::string>>& impact_ids);
  // Replaying: whether every run was taken.
  bool exhausted() const { return next_ == runs_.size(); }

 private:
  Mode mode_;
  std::vector<McRunSamples> runs_;
  size_t next_ = 0;
};

}  // namespace gpulca::lca
