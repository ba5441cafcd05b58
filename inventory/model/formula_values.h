// Formula values: every formula of an inventory (formula parameters and
// formula amounts) must give a finite number, not only at the parameters'
// nominal values but wherever their uncertainty ranges can take them.
//
// The points evaluated: the nominal values; then, one parameter at a time
// (the others at nominal), each end of a triangular or uniform range (min and
// max). Lognormal and normal ranges are unbounded and are not evaluated at
// an end. A formula that is not finite at one of these points (a division by
// zero, a logarithm of zero, nan) is a problem at the formula's file:line
// naming the formula, the point (which parameter, at which end) and the
// values of the parameters the formula reads there. Each formula is reported
// once, at the first point that breaks it (nominal first).
#pragma once

#include <vector>

#include "inventory/model/diagnostic.h"
#include "inventory/model/model.h"
#include "inventory/model/parameters.h"

namespace gpulca::inventory {

// Appends a problem for every formula of `parameters` (built on `inventory`,
// without compile problems) that is not finite at one of the points above.
// Leaves `parameters` evaluated at the nominal values.
void CheckFormulaValues(const Inventory& inventory, ParameterSet& parameters,
                        std::vector<Diagnostic>& problems);

}  // namespace gpulca::inventory
