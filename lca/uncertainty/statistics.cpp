#include "lca/uncertainty/statistics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gpulca::lca {

double Quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0.0;
  double h = (sorted.size() - 1) * q;
  size_t lo = static_cast<size_t>(std::floor(h));
  size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

Summary Summarise(std::vector<double> samples) {
  Summary s;
  const size_t n = samples.size();
  if (n == 0) return s;
  s.mean = std::accumulate(samples.begin(), samples.end(), 0.0) / n;
  double ss = 0;
  for (double v : samples) ss += (v - s.mean) * (v - s.mean);
  s.sd = n > 1 ? std::sqrt(ss / (n - 1)) : 0.0;
  std::sort(samples.begin(), samples.end());
  s.p05 = Quantile(samples, 0.05);
  s.p50 = Quantile(samples, 0.50);
  s.p95 = Quantile(samples, 0.95);
  return s;
}

Summary SummariseWeighted(const std::vector<double>& samples, const std::vector<double>& weights) {
  Summary s;
  std::vector<std::pair<double, double>> points;  // (value, weight), weight > 0
  double v1 = 0, v2 = 0;
  for (size_t i = 0; i < samples.size() && i < weights.size(); ++i) {
    if (weights[i] <= 0) continue;
    points.emplace_back(samples[i], weights[i]);
    v1 += weights[i];
    v2 += weights[i] * weights[i];
  }
  if (points.empty() || v1 <= 0) return s;
  for (const auto& [x, w] : points) s.mean += w * x;
  s.mean /= v1;
  double ss = 0;
  for (const auto& [x, w] : points) ss += w * (x - s.mean) * (x - s.mean);
  const double denominator = v1 - v2 / v1;
  s.sd = denominator > 0 ? std::sqrt(ss / denominator) : 0.0;
  std::sort(points.begin(), points.end());
  std::vector<double> at(points.size());  // each sample's position, 0..1
  double cumulative = 0;
  for (size_t j = 0; j < points.size(); ++j) {
    cumulative += points[j].second;
    at[j] = (cumulative - points[j].second / 2) / v1;
  }
  auto quantile = [&](double q) {
    if (q <= at.front()) return points.front().first;
    if (q >= at.back()) return points.back().first;
    const size_t hi = static_cast<size_t>(std::upper_bound(at.begin(), at.end(), q) - at.begin());
    const size_t lo = hi - 1;
    const double t = (q - at[lo]) / (at[hi] - at[lo]);
    return points[lo].first + t * (points[hi].first - points[lo].first);
  };
  s.p05 = quantile(0.05);
  s.p50 = quantile(0.50);
  s.p95 = quantile(0.95);
  return s;
}

double EffectiveSampleSize(const std::vector<double>& weights) {
  double sum = 0, squares = 0;
  for (double w : weights) {
    sum += w;
    squares += w * w;
  }
  return squares > 0 ? sum * sum / squares : 0.0;
}

std::vector<double> Ranks(const std::vector<double>& values) {
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(values.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    double average = (i + j) / 2.0 + 1.0;
    for (size_t k = i; k <= j; ++k) ranks[order[k]] = average;
    i = j + 1;
  }
  return ranks;
}

double Pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const size_t n = std::min(x.size(), y.size());
  if (n < 2) return 0.0;
  double mx = std::accumulate(x.begin(), x.begin() + n, 0.0) / n;
  double my = std::accumulate(y.begin(), y.begin() + n, 0.0) / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  if (sxx <= 0 || syy <= 0) return 0.0;
  return sxy / std::sqrt(sxx * syy);
}

double Spearman(const std::vector<double>& x, const std::vector<double>& y) {
  return Pearson(Ranks(x), Ranks(y));
}

}  // namespace gpulca::lca
