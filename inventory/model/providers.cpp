#include "inventory/model/providers.h"

#include <fmt/format.h>

namespace gpulca::inventory {

const Process* ChooseProvider(const std::vector<const Process*>& candidates,
                              const std::string& location) {
  if (candidates.size() == 1) return candidates[0];
  std::vector<const Process*> local, local_defaults, defaults;
  for (const Process* p : candidates) {
    if (p->location == location) {
      local.push_back(p);
      if (p->is_default) local_defaults.push_back(p);
    }
    if (p->is_default) defaults.push_back(p);
  }
  if (local.size() == 1) return local[0];
  if (local_defaults.size() == 1) return local_defaults[0];
  if (defaults.size() == 1) return defaults[0];
  return nullptr;
}

std::string DescribeProviders(const std::vector<const Process*>& candidates) {
  std::vector<std::string> ids;
  for (const Process* p : candidates) ids.push_back(fmt::format("'{}' ({})", p->id, p->location));
  return fmt::format("{}", fmt::join(ids, ", "));
}

}  // namespace gpulca::inventory
