#include "lca/engine/loop_convergence.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "lca/error.h"
#include "lca/engine/klu_lu.h"

namespace gpulca::lca {
namespace {

// H restricted to one loop, in local indices, column by column: views of a
// workspace's buffers.
struct LoopBlock {
  std::vector<int>& row;  // local row of each entry
  std::vector<int>& col;  // local column of each entry
  std::vector<double>& h;
};

enum class Verdict { kConverges, kDiverges, kUndecided };

// Collatz-Wielandt: for x > 0, min_i (Hx)_i / x_i <= ρ(H) <= max_i (Hx)_i / x_i
// for any non-negative H. `gain` receives the lower bound.
Verdict Judge(double lower, double upper, double* gain) {
  *gain = lower;
  if (upper < 1.0) return Verdict::kConverges;
  if (lower >= 1.0) return Verdict::kDiverges;
  return Verdict::kUndecided;
}

Verdict Bounds(const SparseMatrix& a, const std::vector<int>& diagonal,
               const std::vector<int>& members, const LoopBlock& block, LoopWorkspace& w,
               double* gain) {
  const int m = static_cast<int>(members.size());
  std::vector<double>& row_sum = w.row_sum;
  std::vector<double>& col_sum = w.col_sum;
  row_sum.assign(m, 0.0);
  col_sum.assign(m, 0.0);
  const std::vector<double>& values = a.values();
  for (size_t e = 0; e < block.h.size(); ++e) {
    row_sum[block.row[e]] += block.h[e];
    // |A(i,j)| / |A(j,j)| = |A(i,i)| H(i,j) / |A(j,j)|: a diagonal
    // similarity of H, so its column sums bound ρ(H) as well.
    const double a_ii = values[diagonal[members[block.row[e]]]];
    const double a_jj = values[diagonal[members[block.col[e]]]];
    col_sum[block.col[e]] += block.h[e] * std::fabs(a_ii) / std::fabs(a_jj);
  }
  const auto [row_lo, row_hi] = std::minmax_element(row_sum.begin(), row_sum.end());
  const auto [col_lo, col_hi] = std::minmax_element(col_sum.begin(), col_sum.end());
  return Judge(std::max(*row_lo, *col_lo), std::min(*row_hi, *col_hi), gain);
}

// Power iteration on I + H from x = 1, narrowing the Collatz-Wielandt
// bounds [lower, upper] on ρ(H). Stops once the verdict is known, or, when
// `refine`, once the bounds agree to 1e-6 (to report the gain of a loop known
// to diverge).
Verdict PowerIterate(const LoopBlock& block, int m, int iterations, bool refine, double* gain) {
  std::vector<double> x(m, 1.0);
  std::vector<double> y(m);
  Verdict verdict = Verdict::kUndecided;
  for (int it = 0; it < iterations; ++it) {
    std::fill(y.begin(), y.end(), 0.0);
    for (size_t e = 0; e < block.h.size(); ++e) y[block.row[e]] += block.h[e] * x[block.col[e]];
    double lower = HUGE_VAL;
    double upper = 0.0;
    double biggest = 0.0;
    for (int i = 0; i < m; ++i) {
      const double ratio = y[i] / x[i];
      lower = std::min(lower, ratio);
      upper = std::max(upper, ratio);
      x[i] += y[i];  // (I + H)·x stays positive and converges
      biggest = std::max(biggest, x[i]);
    }
    verdict = Judge(lower, upper, gain);
    if (verdict != Verdict::kUndecided && !(refine && upper - lower > 1e-6 * upper)) break;
    for (double& xi : x) xi /= biggest;
  }
  return verdict;
}

Verdict SolveExactly(const LoopBlock& block, int m) {
  std::vector<Triplet> triplets;
  triplets.reserve(block.h.size() + m);
  for (int i = 0; i < m; ++i) triplets.push_back({i, i, 1.0});
  for (size_t e = 0; e < block.h.size(); ++e) {
    triplets.push_back({block.row[e], block.col[e], -block.h[e]});
  }
  const SparseMatrix b = SparseMatrix::FromTriplets(m, m, std::move(triplets));
  KluLu lu(m, b.col_ptr(), b.row_idx());
  if (!lu.Factor(b.values())) return Verdict::kDiverges;  // ρ == 1 exactly
  std::vector<double> x(m, 1.0);
  lu.Solve(x.data(), 1, false);
  for (double xi : x) {
    if (!(xi > 0.0) || !std::isfinite(xi)) return Verdict::kDiverges;
  }
  return Verdict::kConverges;
}

// The first test of step 1 without building the block: a Z-pattern loop in
// which every process consumes, from the loop, less than its reference
// output (column sums of |A(i,j)| / |A(j,j)| below 1) converges. One pass
// over the loop's columns, nothing stored: the common case, checked at
// every Monte Carlo iteration.
bool ConsumesLittle(const SparseMatrix& a, const std::vector<int>& diagonal,
                    const graph::Loops& loops, int k) {
  const std::vector<int>& col_ptr = a.col_ptr();
  const std::vector<int>& row_idx = a.row_idx();
  const std::vector<double>& values = a.values();
  for (const int j : loops.members[k]) {
    double sum = 0.0;
    for (int p = col_ptr[j]; p < col_ptr[j + 1]; ++p) {
      const int i = row_idx[p];
      if (i == j || loops.loop_of[i] != k) continue;
      // h·|A(i,i)| with h = −A(i,j)/A(i,i): negative for a co-product.
      const double v = values[diagonal[i]] > 0 ? -values[p] : values[p];
      if (v < 0.0) return false;
      sum += v;
    }
    if (!(sum < std::fabs(values[diagonal[j]]))) return false;
  }
  return true;
}

[[noreturn]] void ThrowDiverges(const std::vector<int>& members, const LoopBlock& block,
                                const ProcessNames& names) {
  // The error path can afford to iterate until the gain is known to ~6 digits,
  // within a budget of ~10^8 multiply-adds for huge loops.
  const size_t work = block.h.size() + members.size();
  const int iterations = static_cast<int>(std::min<size_t>(10000, 100000000 / work));
  double gain = 1.0;
  PowerIterate(block, static_cast<int>(members.size()), iterations, true, &gain);
  throw SolveError(
      fmt::format("technosphere loop does not converge: {} need one unit or more of their own "
                  "products back through the loop (loop gain >= {:.4g}, the spectral radius of "
                  "its requirement matrix); check the amounts these processes exchange",
                  names.List(members), std::max(gain, 1.0)));
}

}  // namespace

void CheckLoopsConverge(const SparseMatrix& a, const std::vector<int>& diagonal,
                        const graph::Loops& loops, const ProcessNames& names,
                        int max_power_iterations, LoopWorkspace* workspace) {
  if (loops.members.empty()) return;
  LoopWorkspace own;
  LoopWorkspace& w = workspace ? *workspace : own;
  const std::vector<int>& col_ptr = a.col_ptr();
  const std::vector<int>& row_idx = a.row_idx();
  const std::vector<double>& values = a.values();
  // Position of each process within its loop; a process is in one loop at
  // most. Depends on the pattern only: kept in the workspace.
  std::vector<int>& local = w.local;
  if (local.size() != static_cast<size_t>(a.cols())) {
    local.assign(a.cols(), -1);
    for (const std::vector<int>& members : loops.members) {
      for (size_t c = 0; c < members.size(); ++c) local[members[c]] = static_cast<int>(c);
    }
  }

  LoopBlock block{w.row, w.col, w.h};
  for (size_t k = 0; k < loops.members.size(); ++k) {
    const std::vector<int>& members = loops.members[k];
    const int m = static_cast<int>(members.size());
    if (ConsumesLittle(a, diagonal, loops, static_cast<int>(k))) continue;
    block.row.clear();
    block.col.clear();
    block.h.clear();
    bool z_pattern = true;
    for (int c = 0; c < m && z_pattern; ++c) {
      const int j = members[c];
      for (int p = col_ptr[j]; p < col_ptr[j + 1]; ++p) {
        const int i = row_idx[p];
        if (i == j || loops.loop_of[i] != static_cast<int>(k)) continue;
        const double h = -values[p] / values[diagonal[i]];
        if (h < 0.0) {
          z_pattern = false;  // a co-product in the loop: not judged here
          break;
        }
        block.row.push_back(local[i]);
        block.col.push_back(c);
        block.h.push_back(h);
      }
    }
    if (!z_pattern) continue;

    double gain = 0.0;
    Verdict verdict = Bounds(a, diagonal, members, block, w, &gain);
    if (verdict == Verdict::kUndecided) {
      verdict = PowerIterate(block, m, max_power_iterations, false, &gain);
    }
    if (verdict == Verdict::kUndecided) verdict = SolveExactly(block, m);
    if (verdict == Verdict::kDiverges) ThrowDiverges(members, block, names);
  }
}

}  // namespace gpulca::lca
