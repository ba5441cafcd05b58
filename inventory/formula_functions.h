// Functions that inventory formulas may call beyond muparser's built-ins:
//
//   floor(x), ceil(x)
//   harvest_yield(y, n, k)  probability that a die with n identical,
//                           independently failing units, each good with
//                           probability y, has at most k bad units: the
//                           binomial CDF P(X <= k), X ~ Binomial(n, 1 - y).
//                           With k = 0 it is y^n (no harvesting).
//
// Pure functions; inventory/parameters.cpp registers them with muparser.
#pragma once

namespace gpulca {

// REQUIRES: 0 <= y <= 1; n a whole number >= 1; k a whole number with
// 0 <= k <= n. A violation throws FormulaError naming the argument.
double HarvestYield(double y, double n, double k);

}  // namespace gpulca
