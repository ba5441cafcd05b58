#include "lca/uncertainty/one_at_a_time.h"

#include <fmt/format.h>

#include <algorithm>

#include "lca/error.h"
#include "lca/engine/calculator.h"
#include "lca/system/matrix_refill.h"
#include "lca/uncertainty/internal/mc_plan.h"

namespace gpulca::lca {
namespace {

// The number slots a named id moves; throws InvalidArgument as documented.
std::vector<int> NamedSlots(const inventory::ParameterSet& p, const std::string& id) {
  std::vector<int> slots;
  bool any = false;
  for (int s = 0; s < p.SlotCount(); ++s) {
    if (p.SlotParameter(s).id != id) continue;
    any = true;
    if (!p.SlotIsFormula(s) || p.SlotIsOverridden(s)) slots.push_back(s);
  }
  const char* argument = "one-at-a-time parameter";
  if (!any) {
    throw InvalidArgument(argument, fmt::format("{} {}: no parameter of that name", argument, id));
  }
  if (slots.empty()) {
    throw InvalidArgument(argument, fmt::format("{} {}: a formula parameter; name one of the "
                                                "parameters it reads", argument, id));
  }
  return slots;
}

// The value of slot `s` times `factor`, within its distribution's range.
double Moved(const inventory::ParameterSet& p, int s, double factor) {
  const double v = p.SlotValue(s) * factor;
  const inventory::Uncertainty& u = p.SlotParameter(s).uncertainty;
  const bool bounded = u.kind == inventory::Uncertainty::Kind::kTriangular ||
                       u.kind == inventory::Uncertainty::Kind::kUniform;
  return bounded && u.min <= u.max ? std::clamp(v, u.min, u.max) : v;
}

}  // namespace

OatResult OneAtATime(const inventory::Inventory& inventory, const inventory::ParameterSet& nominal,
                     const MatrixData& data, const std::vector<std::string>& named, double delta) {
  if (!(delta > 0.0 && delta < 1.0)) {
    throw InvalidArgument(fmt::format("one-at-a-time step {}: must lie in (0, 1)", delta));
  }
  struct Move {
    std::string name;
    std::vector<int> slots;
  };
  std::vector<Move> moves;
  for (const McInput& in : PlanMonteCarlo(inventory, nominal, {&data}).inputs) {
    if (in.kind == McInput::Kind::kParameter) moves.push_back({in.name, {in.slot}});
  }
  for (const std::string& id : named) {
    Move move{id, NamedSlots(nominal, id)};
    // A named parameter that is already an uncertain one is listed once.
    if (std::none_of(moves.begin(), moves.end(), [&](const Move& m) { return m.slots == move.slots; })) {
      moves.push_back(std::move(move));
    }
  }

  inventory::ParameterSet p(inventory);
  p.CopyValuesFrom(nominal);
  MatrixData work = data;
  const MatrixRefill refill(inventory, data, nominal);
  std::vector<double> a = refill.nominal_technosphere(), b = refill.nominal_biosphere();
  Calculator calculator(work);
  StageTotals totals;
  // Every impact after the slots' values are set: formulas, matrices, solve.
  auto impacts = [&]() {
    p.Evaluate();
    refill.EvaluateFormulas(p, a, b);
    MatrixRefill::Apply(work, a, b, refill.nominal_characterisation());
    calculator.Refactor(work);
    calculator.Evaluate(work, &totals);
    return totals.impacts;
  };

  OatResult out;
  out.delta = delta;
  out.impact_ids = data.impact_ids;
  out.impact_units = data.impact_units;
  out.base = impacts();
  for (const Move& m : moves) {
    OatRow row;
    row.parameter = m.name;
    row.nominal = nominal.SlotValue(m.slots.front());
    for (double factor : {1.0 - delta, 1.0 + delta}) {
      for (int s : m.slots) p.SetSlotValue(s, Moved(nominal, s, factor));
      (factor < 1.0 ? row.low : row.high) = impacts();
      (factor < 1.0 ? row.low_value : row.high_value) = Moved(nominal, m.slots.front(), factor);
      for (int s : m.slots) p.SetSlotValue(s, nominal.SlotValue(s));
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace gpulca::lca
