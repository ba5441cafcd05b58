#include "lca/system/matrix_data.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "lca/error.h"
#include "inventory/model/providers.h"

namespace gpulca::lca {

std::string ResolveDemand(const inventory::Inventory& inventory, const std::string& id,
                          const std::string& location) {
  if (inventory.FindProcess(id)) return id;
  if (const inventory::Flow* flow = inventory.FindFlow(id);
      flow && flow->kind != inventory::FlowKind::kElementary) {
    if (location.empty()) return DefaultProvider(inventory, id).id;
    auto candidates = inventory.ProvidersOf(id);
    if (const inventory::Process* chosen = inventory::ChooseProvider(candidates, location))
      return chosen->id;
    throw LinkError(fmt::format("product '{}' has no single provider at {} or marked default: {}",
                                id, location, inventory::DescribeProviders(candidates)));
  }
  throw NotFound(fmt::format("'{}' is neither a process nor a product in the database "
                             "(see 'gpulca list processes')", id));
}

MatrixData BuildMatrices(const inventory::Inventory& inventory,
                         const inventory::ParameterSet& parameters,
                         const std::string& demand_process, double amount,
                         const std::vector<std::string>& method_ids, const LinkOptions& links) {
  MatrixData m;
  m.system = BuildProductSystem(inventory, demand_process, links);
  const ProductSystem& system = m.system;
  const int n = static_cast<int>(system.size());

  std::map<std::string, int> flow_row;
  std::vector<Triplet> a, b;
  // Which system position provides which exchange: a link per input.
  std::map<std::pair<int, int>, int> provider_of;
  for (const Link& link : system.links) provider_of[{link.consumer, link.exchange}] = link.provider;
  std::map<std::pair<int, int>, int> displaced_by;
  for (const Link& link : system.coproducts) displaced_by[{link.consumer, link.exchange}] = link.provider;

  for (int j = 0; j < n; ++j) {
    size_t index = system.processes[j];
    const inventory::Process& p = inventory.processes[index];
    const inventory::Flow* product = inventory.FindFlow(p.product);
    m.process_ids.push_back(p.id);
    m.process_names.push_back(p.name);
    m.locations.push_back(system.locations[j]);
    m.stage_slots.push_back(p.stage == inventory::Stage::kNone ? -1 : static_cast<int>(p.stage));
    m.product_ids.push_back(p.product);
    m.product_units.push_back(product ? product->unit : "");
    a.push_back({j, j, p.product_amount * p.product_factor});
    m.technosphere_sources.push_back({index, -1, 1.0});
    for (size_t e = 0; e < p.exchanges.size(); ++e) {
      const inventory::Exchange& ex = p.exchanges[e];
      const inventory::Flow* flow = inventory.FindFlow(ex.flow);
      if (!flow) throw NotFound(fmt::format("{}: unknown flow '{}'", ex.origin.ToString(), ex.flow));
      double value = parameters.ExchangeAmount(index, e);
      if (flow->kind == inventory::FlowKind::kElementary) {
        auto [it, fresh] = flow_row.emplace(flow->id, static_cast<int>(m.flow_ids.size()));
        if (fresh) {
          m.flow_ids.push_back(flow->id);
          m.flow_units.push_back(flow->unit);
        }
        b.push_back({it->second, j, value});
        m.biosphere_sources.push_back({index, static_cast<int>(e), 1.0});
      } else if (ex.output) {
        // A co-product displaces the product of the process that the graph
        // linked it to; without one it leaves the system (cut off).
        auto it = displaced_by.find({j, static_cast<int>(e)});
        if (it != displaced_by.end()) {
          a.push_back({it->second, j, value});
          m.technosphere_sources.push_back({index, static_cast<int>(e), 1.0});
        }
      } else {
        a.push_back({provider_of.at({j, static_cast<int>(e)}), j, -value});
        m.technosphere_sources.push_back({index, static_cast<int>(e), -1.0});
      }
    }
  }

  std::vector<const inventory::ImpactMethod*> methods;
  if (method_ids.empty()) {
    // The five of DESIGN.md first, in its order, then any other.
    static const std::vector<std::string> kOrder = {"gwp100", "gwp20", "energy", "water", "adp"};
    for (const std::string& id : kOrder) {
      if (const inventory::ImpactMethod* method = inventory.FindMethod(id))
        methods.push_back(method);
    }
    for (const inventory::ImpactMethod& method : inventory.methods) {
      if (std::find(kOrder.begin(), kOrder.end(), method.id) == kOrder.end()) {
        methods.push_back(&method);
      }
    }
  } else {
    for (const std::string& id : method_ids) {
      const inventory::ImpactMethod* method = inventory.FindMethod(id);
      if (!method) {
        throw NotFound(fmt::format("no impact method '{}' (see 'gpulca list methods')", id));
      }
      methods.push_back(method);
    }
  }
  std::vector<Triplet> c;
  for (size_t k = 0; k < methods.size(); ++k) {
    m.impact_ids.push_back(methods[k]->id);
    m.impact_units.push_back(methods[k]->unit);
    m.impact_names.push_back(methods[k]->name);
    const size_t method_index = inventory.method_index.at(methods[k]->id);
    for (size_t i = 0; i < methods[k]->factors.size(); ++i) {
      const inventory::ImpactFactor& f = methods[k]->factors[i];
      auto it = flow_row.find(f.flow);
      if (it == flow_row.end()) continue;
      c.push_back({static_cast<int>(k), it->second, f.value * f.unit_factor});
      m.characterisation_sources.push_back({method_index, i});
    }
  }

  const int flows = static_cast<int>(m.flow_ids.size());
  m.technosphere = SparseMatrix::FromTriplets(n, n, std::move(a), &m.technosphere_slots);
  m.biosphere = SparseMatrix::FromTriplets(flows, n, std::move(b), &m.biosphere_slots);
  m.characterisation = SparseMatrix::FromTriplets(static_cast<int>(methods.size()), flows,
                                                  std::move(c), &m.characterisation_slots);
  m.demand.assign(n, 0.0);
  m.demand[0] = amount;  // in the unit of the demand's product flow
  return m;
}

}  // namespace gpulca::lca
