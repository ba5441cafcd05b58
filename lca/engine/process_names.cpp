#include "lca/engine/process_names.h"

#include "lca/error.h"

namespace gpulca::lca {

ProcessNames::ProcessNames(const std::vector<std::string>* names, int n) {
  if (names == nullptr) return;
  if (names->size() != static_cast<size_t>(n)) {
    throw Error("technosphere: " + std::to_string(names->size()) + " process names for " +
                std::to_string(n) + " processes");
  }
  names_ = *names;
}

std::string ProcessNames::Label(int j) const {
  if (names_.empty()) return "process #" + std::to_string(j);
  return "'" + names_[j] + "'";
}

std::string ProcessNames::List(const std::vector<int>& processes, size_t max_named) const {
  std::string out;
  const size_t named = processes.size() <= max_named ? processes.size() : max_named;
  for (size_t k = 0; k < named; ++k) {
    if (k > 0) out += ", ";
    out += Label(processes[k]);
  }
  if (named < processes.size()) {
    out += " and " + std::to_string(processes.size() - named) + " more";
  }
  return out;
}

}  // namespace gpulca::lca
