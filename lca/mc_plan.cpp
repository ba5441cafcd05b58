#include "lca/mc_plan.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "inventory/pedigree.h"
#include "lca/sampler.h"

namespace gpulca::lca {
namespace {

// The slots that the formula amounts of `data` read, directly or not.
std::vector<bool> ReachedSlots(const ParameterSet& p, const MatrixData& data) {
  std::vector<bool> reached(p.SlotCount(), false);
  std::vector<int> stack;
  auto visit = [&](const std::vector<int>& deps) {
    for (int s : deps) {
      if (!reached[s]) {
        reached[s] = true;
        stack.push_back(s);
      }
    }
  };
  for (const auto* sources : {&data.technosphere_sources, &data.biosphere_sources}) {
    for (const auto& src : *sources) {
      if (src.exchange >= 0) visit(p.ExchangeDependencies(src.process, src.exchange));
    }
  }
  while (!stack.empty()) {
    const int s = stack.back();
    stack.pop_back();
    visit(p.SlotDependencies(s));
  }
  return reached;
}

bool ReadsAffected(const std::vector<int>& deps, const std::vector<bool>& affected) {
  return std::any_of(deps.begin(), deps.end(), [&](int s) { return affected[s]; });
}

std::string ExchangeName(const Process& process, size_t exchange) {
  const std::string& flow = process.exchanges[exchange].flow;
  int same = 0;
  for (const Exchange& e : process.exchanges) same += e.flow == flow ? 1 : 0;
  std::string name = "exchange:" + process.id + ":" + flow;
  if (same > 1) name += "#" + std::to_string(exchange);
  return name;
}

}  // namespace

std::string ParameterInputName(const ParameterSet& parameters, int slot) {
  const Parameter& p = parameters.SlotParameter(slot);
  return p.scope.empty() ? "param:" + p.id : "param:" + p.scope + "/" + p.id;
}

McPlan PlanMonteCarlo(const Inventory& inv, const ParameterSet& nominal,
                      const std::vector<const MatrixData*>& systems) {
  McPlan plan;
  const int slots = nominal.SlotCount();
  std::vector<std::vector<bool>> reached;
  std::vector<bool> reached_any(slots, false);
  for (const MatrixData* d : systems) {
    reached.push_back(ReachedSlots(nominal, *d));
    for (int s = 0; s < slots; ++s) reached_any[s] = reached_any[s] || reached.back()[s];
  }

  // The union of inputs, keyed by name.
  std::map<std::string, McInput> inputs;
  std::vector<bool> uncertain(slots, false);
  for (int s = 0; s < slots; ++s) {
    const Parameter& p = nominal.SlotParameter(s);
    if (!reached_any[s] || !p.uncertainty.IsSet() || nominal.SlotIsFormula(s) ||
        nominal.SlotIsOverridden(s)) {
      continue;
    }
    uncertain[s] = true;
    McInput in{McInput::Kind::kParameter, ParameterInputName(nominal, s), 0, p.uncertainty,
               nominal.SlotValue(s), s};
    inputs.emplace(in.name, in);
  }
  // Formula slots whose value moves: they read an uncertain slot.
  std::vector<bool> affected = uncertain;
  for (int s : nominal.FormulaOrder()) {
    if (nominal.SlotIsOverridden(s)) continue;
    if (ReadsAffected(nominal.SlotDependencies(s), affected)) affected[s] = true;
  }
  for (int s : nominal.FormulaOrder()) {
    if (affected[s] && reached_any[s]) plan.formula_slots.push_back(s);
  }

  // Exchange and factor inputs, per system, by name.
  struct Pending {
    std::string name;
    SystemPlan::ExchangeEntry entry;
  };
  std::vector<std::vector<Pending>> exchange_entries(systems.size());
  std::vector<std::vector<std::pair<std::string, SystemPlan::FactorEntry>>> factor_entries(
      systems.size());
  plan.systems.resize(systems.size());
  for (size_t k = 0; k < systems.size(); ++k) {
    const MatrixData& d = *systems[k];
    SystemPlan& sp = plan.systems[k];
    for (bool technosphere : {true, false}) {
      const auto& sources = technosphere ? d.technosphere_sources : d.biosphere_sources;
      for (size_t t = 0; t < sources.size(); ++t) {
        const auto& src = sources[t];
        if (src.exchange < 0) continue;
        const Process& process = inv.processes[src.process];
        const Exchange& e = process.exchanges[src.exchange];
        const bool formula_affected =
            e.IsFormula() &&
            ReadsAffected(nominal.ExchangeDependencies(src.process, src.exchange), affected);
        if (formula_affected) {
          (technosphere ? sp.formula_a : sp.formula_b).push_back(static_cast<int>(t));
          (technosphere ? sp.technosphere_changes : sp.biosphere_changes) = true;
        }
        const Uncertainty u = EffectiveUncertainty(e);
        if (!u.IsSet()) continue;
        McInput in{McInput::Kind::kExchange, ExchangeName(process, src.exchange), 0, u,
                   e.amount.value_or(1.0), -1};
        inputs.emplace(in.name, in);
        exchange_entries[k].push_back(
            {in.name,
             {-1, technosphere, static_cast<int>(t), src.sign * e.unit_factor, e.IsFormula(),
              formula_affected}});
        (technosphere ? sp.technosphere_changes : sp.biosphere_changes) = true;
      }
    }
    for (size_t t = 0; t < d.characterisation_sources.size(); ++t) {
      const auto& src = d.characterisation_sources[t];
      const ImpactMethod& m = inv.methods[src.method];
      const ImpactFactor& f = m.factors[src.factor];
      if (!f.uncertainty.IsSet()) continue;
      McInput in{McInput::Kind::kFactor, "factor:" + m.id + ":" + f.flow, 0, f.uncertainty,
                 f.value, -1};
      inputs.emplace(in.name, in);
      factor_entries[k].push_back({in.name, {-1, static_cast<int>(t), f.unit_factor}});
      sp.factors_change = true;
    }
  }

  std::map<std::string, int> index;
  for (auto& [name, in] : inputs) {
    in.key = StreamKey(name);
    index[name] = static_cast<int>(plan.inputs.size());
    plan.inputs.push_back(in);
  }
  for (size_t k = 0; k < systems.size(); ++k) {
    SystemPlan& sp = plan.systems[k];
    std::set<int> used;
    for (int s = 0; s < slots; ++s) {
      if (uncertain[s] && reached[k][s]) used.insert(index.at(ParameterInputName(nominal, s)));
    }
    for (Pending& p : exchange_entries[k]) {
      p.entry.input = index.at(p.name);
      used.insert(p.entry.input);
      sp.exchanges.push_back(p.entry);
    }
    for (auto& [name, entry] : factor_entries[k]) {
      entry.input = index.at(name);
      used.insert(entry.input);
      sp.factors.push_back(entry);
    }
    sp.inputs.assign(used.begin(), used.end());
  }
  return plan;
}

}  // namespace gpulca::lca
