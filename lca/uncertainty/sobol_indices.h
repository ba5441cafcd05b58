// Variance-based global sensitivity: Sobol' first-order and total-order
// indices of groups of inputs, by Saltelli's sampling scheme and estimators
// (docs/uncertainty.md, "Global sensitivity"). The model is a function of k
// inputs given as quantiles u in [0, 1)^k (the caller maps each to its
// distribution), so that the design is independent of the distributions.
//
//   A, B      two N x k matrices: the first and last k coordinates of the
//             points 1..N of a 2k-dimensional Sobol' sequence (Boost.Random;
//             the all-zero point 0 is skipped)
//   AB_g      A with the columns of group g taken from B
//   V         the variance of f over the 2N points of A and B
//   S_g       first order (Saltelli et al. 2010, eq. (b) of table 2):
//             (1/N) sum_j f(B)_j (f(AB_g)_j - f(A)_j) / V
//   ST_g      total order (Jansen 1999): (1/2N) sum_j (f(A)_j - f(AB_g)_j)^2 / V
//
// That is N (G + 2) evaluations for G groups. Intervals are bootstrap
// percentiles: the N rows resampled with replacement (a seeded stream),
// each index recomputed. The design is deterministic (a low-discrepancy
// sequence), the bootstrap reproducible from its seed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace gpulca::lca {

struct SobolOptions {
  int n = 1024;          // base sample size N (a power of 2 suits the sequence)
  int bootstrap = 200;   // resamples for the intervals; 0: none
  double confidence = 0.9;
  uint64_t seed = 1;     // of the bootstrap
};

struct SobolIndex {
  double first = 0, total = 0;
  double first_low = 0, first_high = 0, total_low = 0, total_high = 0;  // the interval
};

struct SobolResult {
  int n = 0, evaluations = 0;
  double mean = 0, variance = 0;
  std::vector<SobolIndex> groups;  // in the order of the groups given
};

// The model: f(u) for u in [0, 1)^k.
using SobolModel = std::function<double(const std::vector<double>& u)>;

// Saltelli's design: the points at which the model is evaluated, in the
// order EstimateSobol reads their values. Point p = j (G + 2) + m is row j
// of A (m = 0), of B (m = 1) or of AB_g (m = 2 + g).
struct SobolDesign {
  int n = 0, k = 0;
  std::vector<std::vector<int>> groups;
  std::vector<int> group_of;   // [column]: its group, or -1
  std::vector<double> a, b;    // N x k, row-major
  int Points() const { return n * (static_cast<int>(groups.size()) + 2); }
  // The quantile of input `column` at point `point`.
  double At(int point, int column) const;
};

// Checks as SobolIndices does, and lays out the design.
SobolDesign MakeSobolDesign(int k, const std::vector<std::vector<int>>& groups,
                            const SobolOptions& options);

// The indices from y[p], the model's value at point p of `design`
// (design.Points() values). Throws SolveError for a value that is not finite
// (naming its point) or no variance.
SobolResult EstimateSobol(const SobolDesign& design, const std::vector<double>& y,
                          const SobolOptions& options);

// The indices of `groups` (each a list of input indices 0..k-1; every input
// in at most one group) of `f` over k inputs. Throws InvalidArgument for k
// < 1 or above the sequence's 3,667 dimensions' half, n < 2, an empty group,
// an index out of range or in two groups, bootstrap < 0 or a confidence not
// in (0, 1); SolveError when f is not finite at a point (naming it) or has
// no variance (every index would be 0 / 0).
SobolResult SobolIndices(int k, const std::vector<std::vector<int>>& groups, const SobolModel& f,
                         const SobolOptions& options);

}  // namespace gpulca::lca
