#include "lca/uncertainty/sobol_indices.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/sobol.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <cmath>
#include <set>

#include "lca/error.h"
#include "lca/uncertainty/statistics.h"

namespace gpulca::lca {
namespace {

// Boost's sequence holds direction numbers for this many dimensions; the
// design uses 2k of them.
constexpr int kMaxInputs = 3667 / 2;

void Check(int k, const std::vector<std::vector<int>>& groups, const SobolOptions& o) {
  if (k < 1 || k > kMaxInputs) {
    throw InvalidArgument("sobol", fmt::format("{} inputs: the design takes 1 to {}", k, kMaxInputs));
  }
  if (o.n < 2) throw InvalidArgument("sobol", fmt::format("N = {}: the base sample needs at least 2", o.n));
  if (o.bootstrap < 0) throw InvalidArgument("sobol", "bootstrap resamples must be 0 or more");
  if (!(o.confidence > 0 && o.confidence < 1)) {
    throw InvalidArgument("sobol", fmt::format("confidence {} is not in (0, 1)", o.confidence));
  }
  std::set<int> seen;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].empty()) throw InvalidArgument("sobol", fmt::format("group {} is empty", g));
    for (int i : groups[g]) {
      if (i < 0 || i >= k) {
        throw InvalidArgument("sobol", fmt::format("group {}: input {} is not one of 0..{}", g, i, k - 1));
      }
      if (!seen.insert(i).second) {
        throw InvalidArgument("sobol", fmt::format("input {} is in two groups", i));
      }
    }
  }
}

// S and ST of one group from the rows `rows` (indices into the N rows).
struct Pair {
  double first, total;
};
Pair Estimate(const std::vector<double>& fa, const std::vector<double>& fb,
              const std::vector<double>& fab, const std::vector<int>& rows) {
  double sum = 0, sum2 = 0, first = 0, total = 0;
  for (int j : rows) {
    sum += fa[j] + fb[j];
    sum2 += fa[j] * fa[j] + fb[j] * fb[j];
    first += fb[j] * (fab[j] - fa[j]);
    total += (fa[j] - fab[j]) * (fa[j] - fab[j]);
  }
  const double m = static_cast<double>(rows.size());
  const double mean = sum / (2 * m);
  const double variance = sum2 / (2 * m) - mean * mean;
  return {first / m / variance, total / (2 * m) / variance};
}

}  // namespace

double SobolDesign::At(int point, int column) const {
  const int width = static_cast<int>(groups.size()) + 2;
  const int row = point / width, m = point % width;
  const bool from_b = m == 1 || (m >= 2 && group_of[column] == m - 2);
  return (from_b ? b : a)[static_cast<size_t>(row) * k + column];
}

SobolDesign MakeSobolDesign(int k, const std::vector<std::vector<int>>& groups,
                            const SobolOptions& o) {
  Check(k, groups, o);
  SobolDesign d;
  d.n = o.n;
  d.k = k;
  d.groups = groups;
  d.group_of.assign(k, -1);
  for (size_t g = 0; g < groups.size(); ++g) {
    for (int i : groups[g]) d.group_of[i] = static_cast<int>(g);
  }
  d.a.resize(static_cast<size_t>(o.n) * k);
  d.b.resize(static_cast<size_t>(o.n) * k);
  // Boost's sequence starts at its point 1 (0.5, ..., 0.5), not at 0.
  boost::random::sobol sequence(static_cast<std::size_t>(2 * k));
  for (size_t j = 0; j < static_cast<size_t>(o.n); ++j) {
    for (int i = 0; i < k; ++i) d.a[j * k + i] = std::ldexp(static_cast<double>(sequence()), -64);
    for (int i = 0; i < k; ++i) d.b[j * k + i] = std::ldexp(static_cast<double>(sequence()), -64);
  }
  return d;
}

SobolResult EstimateSobol(const SobolDesign& d, const std::vector<double>& y,
                          const SobolOptions& o) {
  const int n = d.n, width = static_cast<int>(d.groups.size()) + 2;
  if (static_cast<int>(y.size()) != d.Points()) {
    throw InvalidArgument("sobol", fmt::format("{} values for a design of {} points", y.size(),
                                               d.Points()));
  }
  for (int p = 0; p < d.Points(); ++p) {
    if (!std::isfinite(y[p])) {
      const int m = p % width;
      throw SolveError(fmt::format("the model is {} at row {} of {}: no index can be estimated",
                                   y[p], p / width + 1,
                                   m == 0 ? "A" : m == 1 ? "B" : fmt::format("AB{}", m - 1)));
    }
  }
  std::vector<double> fa(n), fb(n);
  for (int j = 0; j < n; ++j) {
    fa[j] = y[j * width];
    fb[j] = y[j * width + 1];
  }
  SobolResult r;
  r.n = n;
  r.evaluations = d.Points();
  std::vector<double> both = fa;
  both.insert(both.end(), fb.begin(), fb.end());
  const Summary s = Summarise(both);
  r.mean = s.mean;
  r.variance = s.sd * s.sd;
  if (!(r.variance > 0)) {
    throw SolveError("the model has no variance over the design: every index would be 0 / 0");
  }
  std::vector<int> all(n);
  for (int j = 0; j < n; ++j) all[j] = j;
  // The bootstrap's resamples, the same for every group.
  std::vector<std::vector<int>> resamples(o.bootstrap, std::vector<int>(n));
  boost::random::mt19937_64 stream(o.seed);
  boost::random::uniform_int_distribution<int> pick(0, n - 1);
  for (auto& rows : resamples) {
    for (int& j : rows) j = pick(stream);
  }
  const double tail = (1 - o.confidence) / 2;
  for (size_t g = 0; g < d.groups.size(); ++g) {
    std::vector<double> fab(n);
    for (int j = 0; j < n; ++j) fab[j] = y[j * width + 2 + static_cast<int>(g)];
    SobolIndex index;
    const Pair point = Estimate(fa, fb, fab, all);
    index.first = point.first;
    index.total = point.total;
    index.first_low = index.first_high = point.first;
    index.total_low = index.total_high = point.total;
    if (o.bootstrap > 0) {
      std::vector<double> firsts, totals;
      for (const auto& rows : resamples) {
        const Pair p = Estimate(fa, fb, fab, rows);
        if (std::isfinite(p.first) && std::isfinite(p.total)) {
          firsts.push_back(p.first);
          totals.push_back(p.total);
        }
      }
      if (!firsts.empty()) {
        std::sort(firsts.begin(), firsts.end());
        std::sort(totals.begin(), totals.end());
        index.first_low = Quantile(firsts, tail);
        index.first_high = Quantile(firsts, 1 - tail);
        index.total_low = Quantile(totals, tail);
        index.total_high = Quantile(totals, 1 - tail);
      }
    }
    r.groups.push_back(index);
  }
  return r;
}

SobolResult SobolIndices(int k, const std::vector<std::vector<int>>& groups, const SobolModel& f,
                         const SobolOptions& o) {
  const SobolDesign d = MakeSobolDesign(k, groups, o);
  std::vector<double> y(d.Points()), u(k);
  for (int p = 0; p < d.Points(); ++p) {
    for (int i = 0; i < k; ++i) u[i] = d.At(p, i);
    y[p] = f(u);
  }
  return EstimateSobol(d, y, o);
}

}  // namespace gpulca::lca
