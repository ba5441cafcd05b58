// Descriptive statistics of Monte Carlo samples.
#pragma once

#include <array>
#include <utility>
#include <vector>

namespace gpulca::lca {

struct Summary {
  double mean = 0, sd = 0, p05 = 0, p50 = 0, p95 = 0;
};

// The statistics by name ("mean", "sd", "p05", "p50", "p95", in that order),
// for the renderers' JSON keys and CSV rows.
inline std::array<std::pair<const char*, double>, 5> Fields(const Summary& s) {
  return {{{"mean", s.mean}, {"sd", s.sd}, {"p05", s.p05}, {"p50", s.p50}, {"p95", s.p95}}};
}

// Mean, sample SD (n - 1) and percentiles by linear interpolation between
// order statistics (the "type 7" rule of R and NumPy). Empty input: zeros.
Summary Summarise(std::vector<double> samples);

// The q-quantile (0..1) of sorted samples, type 7.
double Quantile(const std::vector<double>& sorted, double q);

// Ranks 1..n, ties given their average rank.
std::vector<double> Ranks(const std::vector<double>& values);

// Pearson correlation; 0 when either side has no variance.
double Pearson(const std::vector<double>& x, const std::vector<double>& y);

// Spearman's rank correlation: Pearson of the ranks.
double Spearman(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace gpulca::lca
