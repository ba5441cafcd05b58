#include "graph/product_system.h"

#include <fmt/format.h>

#include <deque>

#include "inventory/error.h"

namespace gpulca {
namespace {

std::string Ids(const std::vector<const Process*>& processes) {
  std::vector<std::string> ids;
  for (const Process* p : processes) ids.push_back(fmt::format("'{}' ({})", p->id, p->location));
  return fmt::format("{}", fmt::join(ids, ", "));
}

// Applies rules 3 and 4; null when ambiguous.
const Process* Choose(const std::vector<const Process*>& candidates, const std::string& location) {
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
  if (local.empty() && defaults.size() == 1) return defaults[0];
  return nullptr;
}

}  // namespace

const Process& DefaultProvider(const Inventory& inventory, const std::string& flow) {
  auto candidates = inventory.ProvidersOf(flow);
  if (candidates.empty()) throw LinkError(fmt::format("no process makes flow '{}'", flow));
  if (candidates.size() == 1) return *candidates[0];
  const Process* chosen = Choose(candidates, "");
  if (!chosen) {
    throw LinkError(fmt::format("flow '{}' has several providers and no default: {}", flow,
                                Ids(candidates)));
  }
  return *chosen;
}

ProductSystem BuildProductSystem(const Inventory& inventory, const std::string& demand_process,
                                 const LinkOptions& options) {
  auto it = inventory.process_index.find(demand_process);
  if (it == inventory.process_index.end()) {
    throw NotFound(fmt::format("no process '{}' in the database", demand_process));
  }
  ProductSystem system;
  std::deque<int> queue;
  auto add = [&](size_t index) {
    auto [pos, fresh] = system.position.emplace(index, static_cast<int>(system.processes.size()));
    if (fresh) {
      const Process& p = inventory.processes[index];
      system.processes.push_back(index);
      auto loc = options.locations.find(p.id);
      system.locations.push_back(loc != options.locations.end() ? loc->second : p.location);
      queue.push_back(pos->second);
    }
    return pos->second;
  };
  add(it->second);
  while (!queue.empty()) {
    int consumer = queue.front();
    queue.pop_front();
    const Process& p = inventory.processes[system.processes[consumer]];
    const std::string location = system.locations[consumer];
    for (size_t e = 0; e < p.exchanges.size(); ++e) {
      const Exchange& ex = p.exchanges[e];
      const Flow* flow = inventory.FindFlow(ex.flow);
      if (!flow || flow->kind == FlowKind::kElementary || ex.output) continue;
      const Process* provider = nullptr;
      if (!ex.provider.empty()) {
        provider = inventory.FindProcess(ex.provider);
        if (!provider) {
          throw LinkError(fmt::format("{}: process '{}' names provider '{}' of '{}', which does "
                                      "not exist", ex.origin.ToString(), p.id, ex.provider, ex.flow));
        }
      } else {
        auto candidates = inventory.ProvidersOf(ex.flow);
        if (candidates.empty()) {
          throw LinkError(fmt::format("{}: no process makes flow '{}', an input of process '{}'",
                                      ex.origin.ToString(), ex.flow, p.id));
        }
        provider = candidates.size() == 1 ? candidates[0] : Choose(candidates, location);
        if (!provider) {
          throw LinkError(fmt::format("{}: flow '{}', an input of process '{}' ({}), has several "
                                      "providers and none is at {} or the default: {}",
                                      ex.origin.ToString(), ex.flow, p.id, location, location,
                                      Ids(candidates)));
        }
      }
      int pos = add(inventory.process_index.at(provider->id));
      system.links.push_back({consumer, static_cast<int>(e), pos});
    }
  }
  return system;
}

}  // namespace gpulca
