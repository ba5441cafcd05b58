#include "lca/system/product_system.h"

#include <fmt/format.h>

#include <algorithm>
#include <deque>

#include "lca/error.h"
#include "inventory/model/providers.h"

namespace gpulca {

using inventory::Process;

namespace {

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// The provider after the relocations of `options`; a relocation that finds
// no process at its location keeps `provider` and says so in `misses`.
const Process* Relocate(const inventory::Inventory& inventory, const LinkOptions& options,
                        const Process& consumer, const Process* provider,
                        std::vector<std::string>& misses) {
  for (const LinkOptions::Relocation& r : options.relocations) {
    if (consumer.id != r.consumer || !StartsWith(provider->id, r.prefix) ||
        provider->location == r.location) {
      continue;
    }
    const Process* moved = nullptr;
    for (const Process* p : inventory.ProvidersOf(provider->product)) {
      if (p->location == r.location && StartsWith(p->id, r.prefix)) moved = p;
    }
    if (moved) return moved;
    std::string miss = fmt::format("{} (no {}* at {})", provider->id, r.prefix, r.location);
    if (std::find(misses.begin(), misses.end(), miss) == misses.end()) misses.push_back(miss);
  }
  return provider;
}

}  // namespace

const Process& DefaultProvider(const inventory::Inventory& inventory, const std::string& flow) {
  auto candidates = inventory.ProvidersOf(flow);
  if (candidates.empty()) throw LinkError(fmt::format("no process makes flow '{}'", flow));
  if (candidates.size() == 1) return *candidates[0];
  const Process* chosen = inventory::ChooseProvider(candidates, "");
  if (!chosen) {
    throw LinkError(fmt::format("flow '{}' has several providers and no default: {}", flow,
                                inventory::DescribeProviders(candidates)));
  }
  return *chosen;
}

ProductSystem BuildProductSystem(const inventory::Inventory& inventory,
                                 const std::string& demand_process, const LinkOptions& options) {
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
  std::vector<std::pair<int, int>> coproduct_outputs;  // (process position, exchange)
  while (!queue.empty()) {
    int consumer = queue.front();
    queue.pop_front();
    const Process& p = inventory.processes[system.processes[consumer]];
    const std::string location = system.locations[consumer];
    for (size_t e = 0; e < p.exchanges.size(); ++e) {
      const inventory::Exchange& ex = p.exchanges[e];
      const inventory::Flow* flow = inventory.FindFlow(ex.flow);
      if (!flow || flow->kind == inventory::FlowKind::kElementary) continue;
      if (ex.output) {
        coproduct_outputs.push_back({consumer, static_cast<int>(e)});
        continue;
      }
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
        provider = inventory::ChooseProvider(candidates, location);
        if (!provider) {
          throw LinkError(fmt::format("{}: flow '{}', an input of process '{}' at {}, has several "
                                      "providers and no single one at {} or marked default: {}; "
                                      "name one with `provider =`",
                                      ex.origin.ToString(), ex.flow, p.id, location, location,
                                      inventory::DescribeProviders(candidates)));
        }
      }
      provider = Relocate(inventory, options, p, provider, system.unrelocated);
      int pos = add(inventory.process_index.at(provider->id));
      system.links.push_back({consumer, static_cast<int>(e), pos});
    }
  }
  // A co-product displaces the product of the first process of the system
  // that makes it; with none in the system it leaves the system (cut off).
  std::map<std::string, int> maker;
  for (size_t j = 0; j < system.size(); ++j) {
    maker.emplace(inventory.processes[system.processes[j]].product, static_cast<int>(j));
  }
  for (auto [process, exchange] : coproduct_outputs) {
    const inventory::Exchange& ex =
        inventory.processes[system.processes[process]].exchanges[exchange];
    if (auto m = maker.find(ex.flow); m != maker.end()) {
      system.coproducts.push_back({process, exchange, m->second});
    }
  }
  return system;
}

}  // namespace gpulca
