// Validate: checks an inventory's references, units, sources, distributions
// and formulas, and sets the derived unit factors (Normalize). Returns every
// problem found, each with file:line; an empty result means the inventory
// can be stored and calculated: every number is finite, and every formula is
// finite at the nominal values and at the ends of the parameters' ranges
// (formula_values.h).
#pragma once

#include <vector>

#include "inventory/model/diagnostic.h"
#include "inventory/model/model.h"

namespace gpulca::inventory {

// Sets Exchange::unit_factor, Process::product_factor and
// ImpactFactor::unit_factor from the unit registry. Idempotent. Unit
// problems are appended to `problems`.
void Normalize(Inventory& inventory, std::vector<Diagnostic>& problems);

// Normalize, then every check of docs/inventory-format.md.
std::vector<Diagnostic> Validate(Inventory& inventory);

// Checks one distribution around `amount`; returns the problem or "".
std::string CheckUncertainty(const Uncertainty& u, double amount);

}  // namespace gpulca::inventory
