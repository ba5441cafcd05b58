// Global sensitivity from Monte Carlo samples: which uncertain inputs drive
// an impact's spread. Pure functions of the samples.
//
//   Spearman's ρ: rank correlation of the input's draws with the impact;
//     its sign says the direction, |ρ| the strength of a monotone relation.
//   First-order share S: the fraction of the impact's variance that the
//     input explains alone, Var(E[Y | X]) / Var(Y) (the first-order Sobol'
//     index). Estimated from the same sample as the correlation ratio η²
//     over ⌈√N⌉ bins of equal count along X, with Kelley's (1935) bias
//     correction ε² = (SS_between − (M − 1)·MS_within) / SS_total, clamped to
//     [0, 1]. For independent inputs the shares sum to at most 1 (exactly 1
//     for an additive model); what they leave is interaction. Unlike ρ²
//     normalised to sum to 1, S is not forced to add up, and it sees
//     non-monotone effects.
#pragma once

#include <cstddef>
#include <vector>

namespace gpulca::lca {

// The first-order share of `x` in the variance of `y` (see above); 0 when
// either has no variance or there are fewer than 8 samples.
// REQUIRES: x.size() == y.size().
double FirstOrderShare(const std::vector<double>& x, const std::vector<double>& y);

// FirstOrderShare given the order of x (indices by increasing x), for many
// y against one x.
double FirstOrderShare(const std::vector<std::size_t>& order_of_x, const std::vector<double>& y);

// Indices of `x` by increasing value (ties by index). Empty when x is constant.
std::vector<std::size_t> SortOrder(const std::vector<double>& x);

}  // namespace gpulca::lca
