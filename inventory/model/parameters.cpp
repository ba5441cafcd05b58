#include "inventory/model/parameters.h"

#include <fmt/format.h>
#include <muParser.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <queue>
#include <set>

#include "lca/error.h"
#include "inventory/model/formula_functions.h"

namespace gpulca::inventory {

std::string JoinDiagnostics(const std::vector<Diagnostic>& problems) {
  std::string out;
  for (const Diagnostic& d : problems) {
    if (!out.empty()) out += "\n";
    out += d.ToString();
  }
  return out;
}

namespace {

double Floor(double x) { return std::floor(x); }
double Ceil(double x) { return std::ceil(x); }
double Harvest(double y, double n, double k) {
  try {
    return HarvestYield(y, n, k);
  } catch (const FormulaError& e) {
    throw mu::ParserError(e.what());
  }
}

double Yield(double m, double ad, double a) {
  try {
    return DieYieldAt(m, ad, a);
  } catch (const FormulaError& e) {
    throw mu::ParserError(e.what());
  }
}

// The functions of inventory/formula_functions.h, by their formula names.
void AddFunctions(mu::Parser& parser) {
  parser.DefineFun("floor", Floor);
  parser.DefineFun("ceil", Ceil);
  parser.DefineFun("harvest_yield", Harvest);
  parser.DefineFun("die_yield", Yield);
}

// The names a formula uses, unbound: muparser asks the factory for each
// name it does not know, once, as it meets it.
struct UsedNames {
  std::vector<std::string> names;  // in the order of their first use
  std::deque<double> storage;
};

double* RecordVariable(const char* name, void* user_data) {
  auto* used = static_cast<UsedNames*>(user_data);
  used->names.push_back(name);
  used->storage.push_back(0.0);
  return &used->storage.back();
}

// The variables of `formula` (GetUsedVar), in the order of their first use.
std::vector<std::string> NamesUsed(const std::string& formula, std::string* error) {
  UsedNames used;
  mu::Parser parser;
  AddFunctions(parser);
  try {
    parser.SetVarFactory(RecordVariable, &used);
    parser.SetExpr(formula);
    parser.GetUsedVar();  // parses, asking the factory for each name
  } catch (const mu::Parser::exception_type& e) {
    *error = e.GetMsg();
  }
  return used.names;
}

}  // namespace

struct ParameterSet::Impl {
  struct Slot {
    std::string scope, id, formula;
    const Parameter* parameter = nullptr;
    Origin origin;
    bool overridden = false;
    std::unique_ptr<mu::Parser> parser;
    std::vector<int> deps;
  };

  const Inventory& inventory;
  std::vector<Slot> slots;
  std::vector<double> values;  // sized once; parsers hold pointers into it
  std::map<std::pair<std::string, std::string>, int> index;
  std::vector<int> order;      // formula slots in dependency order
  struct ExchangeFormula {
    std::unique_ptr<mu::Parser> parser;
    std::vector<int> deps;
  };
  std::map<std::pair<size_t, size_t>, ExchangeFormula> exchange_parsers;
  const std::vector<int> no_deps;
  std::vector<Diagnostic> problems;

  explicit Impl(const Inventory& inv) : inventory(inv) {}

  int Resolve(const std::string& process, const std::string& name) const {
    auto find = [&](const std::string& scope) {
      auto it = index.find({scope, name});
      return it == index.end() ? -1 : it->second;
    };
    if (!process.empty()) {
      if (int s = find(process); s >= 0) return s;
      if (const Process* p = inventory.FindProcess(process); p && !p->parameters_from.empty()) {
        if (int s = find(p->parameters_from); s >= 0) return s;
      }
    }
    return find("");
  }

  // Compiles `formula` as seen from `process`; returns null after recording a
  // problem. `what` names the owner for messages.
  std::unique_ptr<mu::Parser> Compile(const std::string& formula, const std::string& process,
                                      const std::string& what, const Origin& origin,
                                      std::vector<int>* deps) {
    std::string error;
    std::vector<std::string> names = NamesUsed(formula, &error);
    if (!error.empty()) {
      problems.push_back({origin, fmt::format("{}: formula '{}' does not parse: {}", what,
                                              formula, error)});
      return nullptr;
    }
    auto parser = std::make_unique<mu::Parser>();
    AddFunctions(*parser);
    bool ok = true;
    for (const std::string& name : names) {
      int slot = Resolve(process, name);
      if (slot < 0) {
        problems.push_back({origin, fmt::format("{}: formula '{}' names unknown parameter '{}'",
                                                what, formula, name)});
        ok = false;
        continue;
      }
      parser->DefineVar(name, &values[slot]);
      if (deps) deps->push_back(slot);
    }
    if (!ok) return nullptr;
    parser->SetExpr(formula);
    return parser;
  }

  void AddSlot(const Parameter& p, const std::string& scope) {
    auto key = std::make_pair(scope, p.id);
    if (index.count(key)) return;  // duplicates are reported by Validate
    index[key] = static_cast<int>(slots.size());
    Slot slot;
    slot.scope = scope;
    slot.id = p.id;
    slot.formula = p.IsFormula() ? p.formula : "";
    slot.origin = p.origin;
    slot.parameter = &p;
    slots.push_back(std::move(slot));
    values.push_back(p.value.value_or(0.0));
  }

  void Build() {
    for (const Parameter& p : inventory.parameters) AddSlot(p, "");
    for (const Process& proc : inventory.processes) {
      for (const Parameter& p : proc.parameters) AddSlot(p, proc.id);
    }
    values.shrink_to_fit();
    for (Slot& slot : slots) {
      if (slot.formula.empty()) continue;
      std::string what = slot.scope.empty()
                             ? fmt::format("parameter '{}'", slot.id)
                             : fmt::format("parameter '{}' of process '{}'", slot.id, slot.scope);
      slot.parser = Compile(slot.formula, slot.scope, what, slot.origin, &slot.deps);
    }
    SortFormulas();
    for (size_t p = 0; p < inventory.processes.size(); ++p) {
      const Process& proc = inventory.processes[p];
      for (size_t e = 0; e < proc.exchanges.size(); ++e) {
        const Exchange& ex = proc.exchanges[e];
        if (!ex.IsFormula()) continue;
        std::vector<int> deps;
        auto parser = Compile(ex.formula, proc.id,
                              fmt::format("process '{}', exchange of '{}'", proc.id, ex.flow),
                              ex.origin, &deps);
        if (parser) exchange_parsers[{p, e}] = {std::move(parser), std::move(deps)};
      }
    }
  }

  // Kahn's algorithm over the formula slots; what remains lies on or behind a cycle.
  void SortFormulas() {
    std::vector<int> pending(slots.size(), 0);
    std::vector<std::vector<int>> users(slots.size());
    for (size_t s = 0; s < slots.size(); ++s) {
      if (!slots[s].parser) continue;
      for (int d : slots[s].deps) {
        if (!slots[d].formula.empty()) {
          ++pending[s];
          users[d].push_back(static_cast<int>(s));
        }
      }
    }
    std::queue<int> ready;
    for (size_t s = 0; s < slots.size(); ++s) {
      if (!slots[s].formula.empty() && pending[s] == 0) ready.push(static_cast<int>(s));
    }
    while (!ready.empty()) {
      int s = ready.front();
      ready.pop();
      if (slots[s].parser) order.push_back(s);
      for (int u : users[s]) {
        if (--pending[u] == 0) ready.push(u);
      }
    }
    std::vector<std::string> cyclic;
    Origin where;
    for (size_t s = 0; s < slots.size(); ++s) {
      if (slots[s].parser && pending[s] > 0) {
        if (cyclic.empty()) where = slots[s].origin;
        cyclic.push_back(slots[s].scope.empty() ? slots[s].id : slots[s].scope + "/" + slots[s].id);
      }
    }
    if (!cyclic.empty()) {
      problems.push_back({where, fmt::format("circular definition among parameters: {}",
                                             fmt::join(cyclic, ", "))});
    }
  }
};

ParameterSet::ParameterSet(const Inventory& inventory, std::vector<Diagnostic>* problems)
    : impl_(std::make_unique<Impl>(inventory)) {
  impl_->Build();
  if (!impl_->problems.empty()) {
    if (problems) {
      problems->insert(problems->end(), impl_->problems.begin(), impl_->problems.end());
    } else {
      throw FormulaError(JoinDiagnostics(impl_->problems));
    }
  }
  try {
    Evaluate();
  } catch (const FormulaError&) {
    // With `problems`, a formula that is not finite is CheckFormulaValues'
    // to report (formula_values.h), with its place and inputs.
    if (!problems) throw;
  }
}

ParameterSet::~ParameterSet() = default;

int ParameterSet::Override(const std::string& id, double value) {
  if (!std::isfinite(value)) {
    throw InvalidArgument("override", fmt::format("override {}: {} is not a finite number", id,
                                                  value));
  }
  int matched = 0;
  for (size_t s = 0; s < impl_->slots.size(); ++s) {
    if (impl_->slots[s].id != id) continue;
    impl_->values[s] = value;
    impl_->slots[s].overridden = true;
    ++matched;
  }
  if (matched == 0) {
    throw InvalidArgument("override", fmt::format("override {}: no parameter of that name", id));
  }
  return matched;
}

void ParameterSet::Evaluate() {
  for (int s : impl_->order) EvaluateSlot(s);
}

void ParameterSet::EvaluateSlot(int s) {
  auto& slot = impl_->slots.at(s);
  if (slot.overridden || !slot.parser) return;
  double v;
  try {
    v = slot.parser->Eval();
  } catch (const mu::Parser::exception_type& e) {
    throw FormulaError(fmt::format("{}: parameter '{}': {}", slot.origin.ToString(), slot.id,
                                   e.GetMsg()),
                       e.GetMsg());
  }
  if (!std::isfinite(v)) {
    throw FormulaError(fmt::format("{}: parameter '{}' = '{}' evaluates to {}",
                                   slot.origin.ToString(), slot.id, slot.formula, v),
                       fmt::format("evaluates to {}", v));
  }
  impl_->values[s] = v;
}

int ParameterSet::Slot(const std::string& process, const std::string& id) const {
  int s = impl_->Resolve(process, id);
  if (s < 0) {
    throw NotFound(process.empty() ? fmt::format("no parameter '{}'", id)
                                   : fmt::format("no parameter '{}' in process '{}'", id, process));
  }
  return s;
}

double ParameterSet::Value(const std::string& process, const std::string& id) const {
  return impl_->values[Slot(process, id)];
}

double ParameterSet::ExchangeAmount(size_t process, size_t exchange) const {
  const Exchange& ex = impl_->inventory.processes.at(process).exchanges.at(exchange);
  if (!ex.IsFormula()) return *ex.amount * ex.unit_factor;
  auto it = impl_->exchange_parsers.find({process, exchange});
  if (it == impl_->exchange_parsers.end()) {
    throw FormulaError(fmt::format("{}: formula '{}' was not compiled", ex.origin.ToString(),
                                   ex.formula));
  }
  double v;
  try {
    v = it->second.parser->Eval();
  } catch (const mu::Parser::exception_type& e) {
    throw FormulaError(fmt::format("{}: {}", ex.origin.ToString(), e.GetMsg()), e.GetMsg());
  }
  if (!std::isfinite(v)) {
    throw FormulaError(fmt::format("{}: amount '{}' of flow '{}' in process '{}' evaluates to {}",
                                   ex.origin.ToString(), ex.formula, ex.flow,
                                   impl_->inventory.processes[process].id, v),
                       fmt::format("evaluates to {}", v));
  }
  return v * ex.unit_factor;
}

int ParameterSet::SlotCount() const { return static_cast<int>(impl_->slots.size()); }
const Parameter& ParameterSet::SlotParameter(int slot) const { return *impl_->slots.at(slot).parameter; }
bool ParameterSet::SlotIsFormula(int slot) const { return !impl_->slots.at(slot).formula.empty(); }
bool ParameterSet::SlotIsOverridden(int slot) const { return impl_->slots.at(slot).overridden; }
double ParameterSet::SlotValue(int slot) const { return impl_->values.at(slot); }
void ParameterSet::SetSlotValue(int slot, double value) { impl_->values.at(slot) = value; }

const std::vector<int>& ParameterSet::SlotDependencies(int slot) const {
  return impl_->slots.at(slot).deps;
}

const std::vector<int>& ParameterSet::ExchangeDependencies(size_t process, size_t exchange) const {
  auto it = impl_->exchange_parsers.find({process, exchange});
  return it == impl_->exchange_parsers.end() ? impl_->no_deps : it->second.deps;
}

const std::vector<int>& ParameterSet::FormulaOrder() const { return impl_->order; }

void ParameterSet::CopyValuesFrom(const ParameterSet& other) {
  if (other.impl_->slots.size() != impl_->slots.size()) {
    throw Error("ParameterSet::CopyValuesFrom: built on another inventory");
  }
  std::copy(other.impl_->values.begin(), other.impl_->values.end(), impl_->values.begin());
  for (size_t s = 0; s < impl_->slots.size(); ++s) {
    impl_->slots[s].overridden = other.impl_->slots[s].overridden;
  }
}

std::vector<ParameterValue> ParameterSet::All() const {
  std::vector<ParameterValue> out;
  for (size_t s = 0; s < impl_->slots.size(); ++s) {
    const auto& slot = impl_->slots[s];
    out.push_back({slot.scope, slot.id, impl_->values[s], !slot.formula.empty(), slot.overridden});
  }
  return out;
}

}  // namespace gpulca::inventory
