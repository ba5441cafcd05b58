// ParameterSet: the parameters and formula amounts of an inventory, compiled
// once (muparser) and evaluated in dependency order.
//
// Scope: a formula in process P sees P's own parameters, then those of the
// process named by P.parameters_from, then the globals. A formula that names
// anything else, or parameters that depend on each other in a cycle, are
// problems that name the formula's owner and the parameters involved.
//
// Overrides (`--set name=value`) replace the value of every parameter of that
// name, in every scope; a formula parameter that is overridden becomes a
// number. Evaluate() recomputes every formula after overrides.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "inventory/model/diagnostic.h"
#include "inventory/model/model.h"

namespace gpulca::inventory {

struct ParameterValue {
  std::string scope;  // empty for a global
  std::string id;
  double value;
  bool is_formula;
  bool overridden;
};

class ParameterSet {
 public:
  // Compiles every parameter and formula exchange of `inventory` (which must
  // outlive this object). Problems go to `problems` when given; otherwise the
  // first batch is thrown as FormulaError. Evaluates once at the end: a
  // formula that is not finite then is thrown as FormulaError without
  // `problems`, and left to CheckFormulaValues (formula_values.h) with it.
  explicit ParameterSet(const Inventory& inventory, std::vector<Diagnostic>* problems = nullptr);
  ~ParameterSet();
  ParameterSet(const ParameterSet&) = delete;
  ParameterSet& operator=(const ParameterSet&) = delete;

  // Sets every parameter named `id` to `value`. Returns how many matched;
  // throws InvalidArgument (argument "override") when none does or when
  // `value` is nan or infinite (nothing is set then). Call
  // Evaluate() afterwards.
  int Override(const std::string& id, double value);
  // Recomputes every formula parameter in dependency order.
  void Evaluate();

  // The value of parameter `id` as seen from process `process` (or the
  // globals when empty). Throws NotFound.
  double Value(const std::string& process, const std::string& id) const;
  // The amount of exchange `exchange` of process `process` (indices into the
  // inventory), in the flow's reference unit. Throws FormulaError when the
  // formula evaluates to a non-finite number.
  double ExchangeAmount(size_t process, size_t exchange) const;
  // Every parameter, globals first, with its current value.
  std::vector<ParameterValue> All() const;

  // Slots: every parameter has one, numbered as in All(). For Monte Carlo
  // and sensitivity, which set numbers directly and then call Evaluate().
  int SlotCount() const;
  // The parameter behind slot `slot` (its uncertainty, value, origin).
  const Parameter& SlotParameter(int slot) const;
  bool SlotIsFormula(int slot) const;
  bool SlotIsOverridden(int slot) const;
  double SlotValue(int slot) const;
  // The slot of parameter `id` as seen from process `process` (as Value
  // resolves it). Throws NotFound.
  int Slot(const std::string& process, const std::string& id) const;
  // REQUIRES: the slot holds a number (not a formula that is not overridden).
  void SetSlotValue(int slot, double value);
  // Copies the values and overrides of `other`, built on the same inventory.
  void CopyValuesFrom(const ParameterSet& other);

  // Dependencies, for Monte Carlo and sensitivity to re-evaluate only what
  // a change reaches. The slots a formula slot reads directly (empty for a
  // number), and the slots the formula amount of exchange `exchange` of
  // process `process` reads directly (empty for a number amount); each in
  // the order the formula first names them, resolved by the scope rule above.
  const std::vector<int>& SlotDependencies(int slot) const;
  const std::vector<int>& ExchangeDependencies(size_t process, size_t exchange) const;
  // Every formula slot, in an order where a slot follows those it reads.
  const std::vector<int>& FormulaOrder() const;
  // Re-evaluates formula slot `slot` from the current values of the slots it
  // reads (an overridden slot keeps its value). Throws FormulaError as
  // Evaluate does. REQUIRES: SlotIsFormula(slot).
  void EvaluateSlot(int slot);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gpulca::inventory
