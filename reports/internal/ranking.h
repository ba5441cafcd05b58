// Small helpers shared by the renderers: ranking contributions and shares.
#pragma once

#include <vector>

namespace gpulca::reports {

// Indices of the non-zero `values` by decreasing absolute value, at most `top`.
std::vector<int> TopIndices(const std::vector<double>& values, int top);

// part / whole, or 0 when whole is 0.
double Share(double part, double whole);

}  // namespace gpulca::reports
