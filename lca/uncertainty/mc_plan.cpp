#include "lca/uncertainty/internal/mc_plan.h"

#include <algorithm>
#include <unordered_map>

#include "inventory/model/pedigree.h"
#include "lca/uncertainty/internal/sampler.h"

namespace gpulca::lca {
namespace {

// The slots that the formula amounts of `data` (when given) read, directly
// or not, and the slots `roots` and what they read.
std::vector<bool> ReachedSlots(const inventory::ParameterSet& p, const MatrixData* data,
                               const std::vector<int>& roots = {}) {
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
  visit(roots);
  if (data) {
    for (const auto* sources : {&data->technosphere_sources, &data->biosphere_sources}) {
      for (const auto& src : *sources) {
        if (src.exchange >= 0) visit(p.ExchangeDependencies(src.process, src.exchange));
      }
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

// Names exchanges "exchange:PROCESS:FLOW", with "#E" where the process has
// several exchanges of FLOW; counts each process's flows once.
class ExchangeNames {
 public:
  explicit ExchangeNames(const inventory::Inventory& inv) : inv_(inv) {}
  std::string operator()(size_t process, size_t exchange) {
    const inventory::Process& p = inv_.processes[process];
    auto [it, fresh] = counts_.try_emplace(process);
    if (fresh) {
      for (const inventory::Exchange& e : p.exchanges) ++it->second[e.flow];
    }
    const std::string& flow = p.exchanges[exchange].flow;
    std::string name = "exchange:" + p.id + ":" + flow;
    if (it->second[flow] > 1) name += "#" + std::to_string(exchange);
    return name;
  }

 private:
  const inventory::Inventory& inv_;
  std::unordered_map<size_t, std::unordered_map<std::string, int>> counts_;
};

// Numbers every possible input of an inventory: parameter slots, then every
// exchange, then every characterisation factor, in inventory order - the
// canonical order of McPlan::inputs.
class InputIds {
 public:
  InputIds(const inventory::Inventory& inv, int slots) {
    size_t next = slots;
    for (const inventory::Process& p : inv.processes) {
      exchange_base_.push_back(next);
      next += p.exchanges.size();
    }
    for (const inventory::ImpactMethod& m : inv.methods) {
      factor_base_.push_back(next);
      next += m.factors.size();
    }
    size_ = next;
  }
  size_t Parameter(int slot) const { return static_cast<size_t>(slot); }
  size_t Exchange(size_t process, size_t exchange) const {
    return exchange_base_[process] + exchange;
  }
  size_t Factor(size_t method, size_t factor) const { return factor_base_[method] + factor; }
  size_t size() const { return size_; }

 private:
  size_t size_ = 0;
  std::vector<size_t> exchange_base_, factor_base_;
};

}  // namespace

bool IsDrawnParameter(const inventory::ParameterSet& p, int slot) {
  return p.SlotParameter(slot).uncertainty.IsSet() && !p.SlotIsFormula(slot) &&
         !p.SlotIsOverridden(slot);
}

std::string ParameterInputName(const inventory::ParameterSet& parameters, int slot) {
  const inventory::Parameter& p = parameters.SlotParameter(slot);
  return p.scope.empty() ? "param:" + p.id : "param:" + p.scope + "/" + p.id;
}

McPlan PlanMonteCarlo(const inventory::Inventory& inv, const inventory::ParameterSet& nominal,
                      const std::vector<const MatrixData*>& systems,
                      const std::vector<int>& tracked) {
  McPlan plan;
  const int slots = nominal.SlotCount();
  std::vector<std::vector<bool>> reached;
  std::vector<bool> reached_any = ReachedSlots(nominal, nullptr, tracked);
  for (const MatrixData* d : systems) {
    reached.push_back(ReachedSlots(nominal, d));
    for (int s = 0; s < slots; ++s) reached_any[s] = reached_any[s] || reached.back()[s];
  }

  // The union of inputs, by id; index_of[id] is the position in `found`.
  const InputIds ids(inv, slots);
  std::vector<int> index_of(ids.size(), -1);
  std::vector<std::pair<size_t, McInput>> found;
  auto add = [&](size_t id, auto make) {
    if (index_of[id] < 0) {
      index_of[id] = static_cast<int>(found.size());
      found.emplace_back(id, make());
    }
  };
  std::vector<bool> uncertain(slots, false);
  for (int s = 0; s < slots; ++s) {
    const inventory::Parameter& p = nominal.SlotParameter(s);
    if (!reached_any[s] || !IsDrawnParameter(nominal, s)) continue;
    uncertain[s] = true;
    add(ids.Parameter(s), [&] {
      return McInput{McInput::Kind::kParameter, ParameterInputName(nominal, s), 0, p.uncertainty,
                     nominal.SlotValue(s), s};
    });
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

  // Exchange and factor inputs, per system; `input` holds the id until the
  // ids are numbered.
  ExchangeNames exchange_name(inv);
  plan.systems.resize(systems.size());
  for (size_t k = 0; k < systems.size(); ++k) {
    const MatrixData& d = *systems[k];
    SystemPlan& sp = plan.systems[k];
    for (int s = 0; s < slots; ++s) {
      if (uncertain[s] && reached[k][s]) sp.inputs.push_back(static_cast<int>(ids.Parameter(s)));
    }
    for (bool technosphere : {true, false}) {
      const auto& sources = technosphere ? d.technosphere_sources : d.biosphere_sources;
      for (size_t t = 0; t < sources.size(); ++t) {
        const auto& src = sources[t];
        if (src.exchange < 0) continue;
        const inventory::Process& process = inv.processes[src.process];
        const inventory::Exchange& e = process.exchanges[src.exchange];
        const bool formula_affected =
            e.IsFormula() &&
            ReadsAffected(nominal.ExchangeDependencies(src.process, src.exchange), affected);
        if (formula_affected) {
          (technosphere ? sp.formula_a : sp.formula_b).push_back(static_cast<int>(t));
          (technosphere ? sp.technosphere_changes : sp.biosphere_changes) = true;
        }
        const inventory::Uncertainty u = inventory::EffectiveUncertainty(e);
        if (!u.IsSet()) continue;
        const size_t id = ids.Exchange(src.process, static_cast<size_t>(src.exchange));
        add(id, [&] {
          return McInput{McInput::Kind::kExchange, exchange_name(src.process, src.exchange), 0, u,
                         e.amount.value_or(1.0), -1};
        });
        if (e.IsFormula()) {
          sp.multipliers.push_back(
              {static_cast<int>(id), static_cast<int>(t), technosphere, formula_affected});
        } else {
          (technosphere ? sp.amounts_a : sp.amounts_b)
              .push_back({static_cast<int>(id), static_cast<int>(t), src.sign * e.unit_factor});
        }
        (technosphere ? sp.technosphere_changes : sp.biosphere_changes) = true;
      }
    }
    for (size_t t = 0; t < d.characterisation_sources.size(); ++t) {
      const auto& src = d.characterisation_sources[t];
      const inventory::ImpactMethod& m = inv.methods[src.method];
      const inventory::ImpactFactor& f = m.factors[src.factor];
      if (!f.uncertainty.IsSet()) continue;
      const size_t id = ids.Factor(src.method, src.factor);
      add(id, [&] {
        return McInput{McInput::Kind::kFactor, "factor:" + m.id + ":" + f.flow, 0, f.uncertainty,
                       f.value, -1};
      });
      sp.factors.push_back({static_cast<int>(id), static_cast<int>(t), f.unit_factor});
      sp.factors_change = true;
    }
  }

  // Number the inputs in id order.
  std::sort(found.begin(), found.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  plan.inputs.reserve(found.size());
  for (auto& [id, in] : found) {
    in.key = StreamKey(in.name);
    index_of[id] = static_cast<int>(plan.inputs.size());
    if (in.kind == McInput::Kind::kParameter) plan.parameter_inputs.push_back(index_of[id]);
    plan.inputs.push_back(std::move(in));
  }
  for (SystemPlan& sp : plan.systems) {
    for (int& u : sp.inputs) u = index_of[u];
    for (auto* entries : {&sp.amounts_a, &sp.amounts_b, &sp.factors}) {
      for (auto& e : *entries) {
        e.input = index_of[e.input];
        sp.inputs.push_back(e.input);
      }
    }
    for (auto& m : sp.multipliers) {
      m.input = index_of[m.input];
      sp.inputs.push_back(m.input);
    }
    std::sort(sp.inputs.begin(), sp.inputs.end());
    sp.inputs.erase(std::unique(sp.inputs.begin(), sp.inputs.end()), sp.inputs.end());
  }
  return plan;
}

}  // namespace gpulca::lca
