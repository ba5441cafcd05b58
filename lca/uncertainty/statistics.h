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

// Summary of samples that carry weights (importance weights of a calibrated
// run; any scale, none negative, not all zero). Mean and SD are weighted
// (the SD with the reliability-weights correction V1 / (V1 - V2 / V1), n - 1
// for equal weights). Percentiles interpolate linearly between the sorted
// samples placed at their weights' midpoints, (S_j - w_j / 2) / S_n, where S_j
// is the weight up to and including sample j: for equal weights this is
// (j - 1/2) / n, the "type 5" rule (Hazen), and a sample that holds most of
// the weight holds most of the quantiles. REQUIRES: weights.size() ==
// samples.size().
Summary SummariseWeighted(const std::vector<double>& samples, const std::vector<double>& weights);

// Kish's effective sample size of importance weights: (sum w)^2 / sum w^2;
// n for equal weights, 1 when one sample holds all the weight.
double EffectiveSampleSize(const std::vector<double>& weights);

// Ranks 1..n, ties given their average rank.
std::vector<double> Ranks(const std::vector<double>& values);

// Pearson correlation; 0 when either side has no variance.
double Pearson(const std::vector<double>& x, const std::vector<double>& y);

// Spearman's rank correlation: Pearson of the ranks.
double Spearman(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace gpulca::lca
