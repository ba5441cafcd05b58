#include "inventory/model/formula_values.h"

#include <fmt/format.h>

#include <set>
#include <string>
#include <utility>

#include "lca/error.h"

namespace gpulca::inventory {
namespace {

using ExchangeRef = std::pair<size_t, size_t>;  // process, exchange

// A point to evaluate at: every number parameter at its nominal value, except
// `slot` (none when -1), which is at `value`, the `end` of its range.
struct Point {
  int slot = -1;
  double value = 0;
  const char* end = "";
};

std::string SlotName(const ParameterSet& parameters, int slot) {
  const Parameter& p = parameters.SlotParameter(slot);
  return p.scope.empty() ? p.id : fmt::format("{} (of process '{}')", p.id, p.scope);
}

// "evaluates to inf", or "fails: " and why the formula could not be evaluated.
std::string Why(const FormulaError& e) {
  std::string reason = e.reason();
  return reason.rfind("evaluates to ", 0) == 0 ? reason : "fails: " + reason;
}

class FormulaValueChecker {
 public:
  FormulaValueChecker(const Inventory& inventory, ParameterSet& parameters,
                      std::vector<Diagnostic>& problems)
      : inventory_(inventory), parameters_(parameters), problems_(problems) {
    slot_users_.resize(parameters_.SlotCount());
    exchange_users_.resize(parameters_.SlotCount());
    for (int s : parameters_.FormulaOrder()) {
      for (int d : parameters_.SlotDependencies(s)) slot_users_[d].push_back(s);
    }
    for (size_t p = 0; p < inventory_.processes.size(); ++p) {
      for (size_t x = 0; x < inventory_.processes[p].exchanges.size(); ++x) {
        if (!inventory_.processes[p].exchanges[x].IsFormula()) continue;
        all_exchanges_.emplace_back(p, x);
        for (int d : parameters_.ExchangeDependencies(p, x)) exchange_users_[d].emplace_back(p, x);
      }
    }
  }

  void Run() {
    Evaluate(Point{}, parameters_.FormulaOrder(), all_exchanges_, true);
    for (int s = 0; s < parameters_.SlotCount(); ++s) {
      if (parameters_.SlotIsFormula(s)) continue;
      const Uncertainty& u = parameters_.SlotParameter(s).uncertainty;
      if (u.kind != Uncertainty::Kind::kTriangular && u.kind != Uncertainty::Kind::kUniform) {
        continue;
      }
      // Only what the parameter reaches changes; the rest keeps its nominal value.
      std::vector<int> formulas;
      std::vector<ExchangeRef> exchanges;
      Reach(s, &formulas, &exchanges);
      if (formulas.empty() && exchanges.empty()) continue;
      double nominal = parameters_.SlotValue(s);
      for (const Point& point : {Point{s, u.min, "min"}, Point{s, u.max, "max"}}) {
        if (point.value == nominal) continue;
        parameters_.SetSlotValue(s, point.value);
        Evaluate(point, formulas, exchanges, true);
      }
      parameters_.SetSlotValue(s, nominal);
      Evaluate(Point{}, formulas, {}, false);  // back to the nominal values
    }
  }

 private:
  // The formula slots (in evaluation order) and formula amounts that read
  // slot `s`, directly or through other formulas.
  void Reach(int s, std::vector<int>* formulas, std::vector<ExchangeRef>* exchanges) const {
    std::set<int> reached = {s};
    std::vector<int> pending = {s};
    while (!pending.empty()) {
      int at = pending.back();
      pending.pop_back();
      for (int u : slot_users_[at]) {
        if (reached.insert(u).second) pending.push_back(u);
      }
    }
    for (int f : parameters_.FormulaOrder()) {
      if (reached.count(f)) formulas->push_back(f);
    }
    std::set<ExchangeRef> seen;
    for (int r : reached) {
      for (const ExchangeRef& e : exchange_users_[r]) {
        if (seen.insert(e).second) exchanges->push_back(e);
      }
    }
  }

  std::string Describe(const Point& point) const {
    if (point.slot < 0) return "at the nominal values";
    const Parameter& p = parameters_.SlotParameter(point.slot);
    return fmt::format("when {} is at the {} of its {} range, {} (the other parameters nominal)",
                       SlotName(parameters_, point.slot), point.end, ToString(p.uncertainty.kind),
                       point.value);
  }

  std::string Inputs(const std::vector<int>& deps) const {
    std::vector<std::string> parts;
    std::set<int> seen;
    for (int d : deps) {
      if (!seen.insert(d).second) continue;
      parts.push_back(fmt::format("{} = {}", SlotName(parameters_, d), parameters_.SlotValue(d)));
    }
    return parts.empty() ? "" : fmt::format("; it reads {}", fmt::join(parts, ", "));
  }

  // Evaluates `formulas` (in order) and `exchanges` at the values set now;
  // with `report`, each that is not finite and not reported yet is a problem.
  void Evaluate(const Point& point, const std::vector<int>& formulas,
                const std::vector<ExchangeRef>& exchanges, bool report) {
    for (int s : formulas) {
      try {
        parameters_.EvaluateSlot(s);
      } catch (const FormulaError& e) {
        if (!report || !failed_slots_.insert(s).second) continue;
        const Parameter& p = parameters_.SlotParameter(s);
        std::string what = p.scope.empty()
                               ? fmt::format("parameter '{}'", p.id)
                               : fmt::format("parameter '{}' of process '{}'", p.id, p.scope);
        problems_.push_back(
            {p.origin, fmt::format("{}: formula '{}' {} {}{}", what, p.formula, Why(e),
                                   Describe(point), Inputs(parameters_.SlotDependencies(s)))});
      }
    }
    for (const auto& [p, x] : exchanges) {
      try {
        parameters_.ExchangeAmount(p, x);
      } catch (const FormulaError& e) {
        if (!report || !failed_exchanges_.insert({p, x}).second) continue;
        const Process& process = inventory_.processes[p];
        const Exchange& ex = process.exchanges[x];
        problems_.push_back(
            {ex.origin, fmt::format("process '{}', exchange of '{}': formula amount '{}' {} {}{}",
                                    process.id, ex.flow, ex.formula, Why(e), Describe(point),
                                    Inputs(parameters_.ExchangeDependencies(p, x)))});
      }
    }
  }

  const Inventory& inventory_;
  ParameterSet& parameters_;
  std::vector<Diagnostic>& problems_;
  std::vector<std::vector<int>> slot_users_;              // formula slots reading a slot
  std::vector<std::vector<ExchangeRef>> exchange_users_;  // formula amounts reading a slot
  std::vector<ExchangeRef> all_exchanges_;                // every formula amount
  std::set<int> failed_slots_;
  std::set<ExchangeRef> failed_exchanges_;
};

}  // namespace

void CheckFormulaValues(const Inventory& inventory, ParameterSet& parameters,
                        std::vector<Diagnostic>& problems) {
  FormulaValueChecker(inventory, parameters, problems).Run();
}

}  // namespace gpulca::inventory
