// Functions that inventory formulas may call beyond muparser's built-ins:
//
//   floor(x), ceil(x)
//   die_yield(m, ad, a)     die yield by model code m (data/fabrication/yield.toml,
//                           yield_model) at ad = A·D0 with clustering a:
//                           1 Poisson exp(−ad); 2 Murphy ((1 − e^−ad)/ad)², 1 at
//                           ad = 0; 3 negative binomial (1 + ad/a)^−a
//   harvest_yield(y, n, k)  probability that a die with n identical,
//                           independently failing units, each good with
//                           probability y, has at most k bad units: the
//                           binomial CDF P(X <= k), X ~ Binomial(n, 1 - y).
//                           With k = 0 it is y^n (no harvesting).
//
// Pure functions; inventory/parameters.cpp registers them with muparser.
#pragma once

namespace gpulca::inventory {

// REQUIRES: 0 <= y <= 1; n a whole number >= 1; k a whole number with
// 0 <= k <= n. A violation throws FormulaError naming the argument.
double HarvestYield(double y, double n, double k);

// REQUIRES: m is 1, 2 or 3; ad >= 0; a > 0. A violation throws FormulaError
// naming the argument. lca/chip_model.h checks its own inputs and calls this.
double DieYieldAt(double m, double ad, double a);

}  // namespace gpulca::inventory
