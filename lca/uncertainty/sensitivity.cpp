#include "lca/uncertainty/internal/sensitivity.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gpulca::lca {

std::vector<size_t> SortOrder(const std::vector<double>& x) {
  if (x.empty() || std::all_of(x.begin(), x.end(), [&](double v) { return v == x[0]; })) return {};
  std::vector<size_t> order(x.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return x[a] < x[b]; });
  return order;
}

double FirstOrderShare(const std::vector<size_t>& order, const std::vector<double>& y) {
  const size_t n = order.size();
  if (n < 8 || y.size() != n) return 0.0;
  const double mean = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double total = 0.0;
  for (double v : y) total += (v - mean) * (v - mean);
  if (!(total > 0.0)) return 0.0;
  const size_t bins = static_cast<size_t>(std::ceil(std::sqrt(static_cast<double>(n))));
  double between = 0.0;
  for (size_t m = 0; m < bins; ++m) {
    const size_t begin = m * n / bins, end = (m + 1) * n / bins;
    if (end == begin) continue;
    double sum = 0.0;
    for (size_t i = begin; i < end; ++i) sum += y[order[i]];
    const double bin_mean = sum / (end - begin);
    between += (end - begin) * (bin_mean - mean) * (bin_mean - mean);
  }
  const double within = total - between;
  const double corrected = (between - (bins - 1) * within / (n - bins)) / total;
  return std::clamp(corrected, 0.0, 1.0);
}

double FirstOrderShare(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size()) return 0.0;
  return FirstOrderShare(SortOrder(x), y);
}

}  // namespace gpulca::lca
