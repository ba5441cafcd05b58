#include "reports/internal/ranking.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gpulca::reports {

std::vector<int> TopIndices(const std::vector<double>& values, int top) {
  std::vector<int> idx(values.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(),
                   [&](int x, int y) { return std::abs(values[x]) > std::abs(values[y]); });
  std::vector<int> out;
  for (int i : idx) {
    if (static_cast<int>(out.size()) >= top || values[i] == 0.0) break;
    out.push_back(i);
  }
  return out;
}

double Share(double part, double whole) { return whole != 0.0 ? part / whole : 0.0; }

}  // namespace gpulca::reports
