// Names processes in error messages: "'steel'" when the caller gave names,
// else "process #7" (the column of the technosphere). Internal to lca/.
#pragma once

#include <string>
#include <vector>

namespace gpulca::lca {

class ProcessNames {
 public:
  // Copies `names`.
  // REQUIRES: names is null or names->size() == n (else gpulca::Error).
  ProcessNames(const std::vector<std::string>* names, int n);

  // "'name'" or "process #j".
  std::string Label(int j) const;

  // Labels of `processes`, comma-separated; after `max_named` of them the
  // rest are counted ("... and 40 more") so that a loop of thousands of
  // processes still gives a readable message.
  std::string List(const std::vector<int>& processes, size_t max_named = 12) const;

 private:
  std::vector<std::string> names_;  // empty: no names given
};

}  // namespace gpulca::lca
