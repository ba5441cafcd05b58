// Randomised systems: the two solvers agree wherever both apply, and KLU's
// answers satisfy A·s = f on systems with loops. Fixed seeds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <thread>

#include "lca/engine/klu_solver.h"
#include "lca/engine/topological_solver.h"

namespace gpulca::lca {
namespace {

// A random technosphere of n processes. Acyclic: each process consumes from
// processes later in a random order (a hidden topological order). With
// `loops`, some consumptions point backwards too, closing loops; column
// consumption stays below half the reference output, so every loop converges.
SparseMatrix RandomSystem(std::mt19937& rng, int n, bool loops) {
  std::vector<int> rank(n);
  std::iota(rank.begin(), rank.end(), 0);
  std::shuffle(rank.begin(), rank.end(), rng);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<int> pick(0, n - 1);
  std::vector<Triplet> t;
  for (int j = 0; j < n; ++j) {
    const double output = 0.5 + 1.5 * unit(rng);
    t.push_back({j, j, unit(rng) < 0.1 ? -output : output});  // some waste treatments
    const int inputs = 1 + pick(rng) % 5;
    for (int k = 0; k < inputs; ++k) {
      const int i = pick(rng);
      if (i == j || (!loops && rank[i] <= rank[j])) continue;
      // Mostly consumption (sign opposite to the reference output), a few co-products.
      const double amount = 0.45 * output / inputs * unit(rng);
      t.push_back({i, j, unit(rng) < 0.1 ? amount : -amount});
    }
  }
  return SparseMatrix::FromTriplets(n, n, std::move(t));
}

std::vector<double> RandomDemand(std::mt19937& rng, int n) {
  std::uniform_real_distribution<double> unit(-1.0, 2.0);
  std::vector<double> f(n);
  for (double& x : f) x = unit(rng);
  return f;
}

double MaxAbs(const std::vector<double>& v) {
  double m = 0.0;
  for (double x : v) m = std::max(m, std::fabs(x));
  return m;
}

TEST_CASE("Topological and KLU solvers agree on random acyclic systems", "[lca][solver]") {
  std::mt19937 rng(20240611);
  for (int trial = 0; trial < 25; ++trial) {
    const int n = 5 + 40 * trial;
    const SparseMatrix a = RandomSystem(rng, n, false);
    REQUIRE(TopologicalSolver::IsAcyclic(a));
    const std::vector<double> f = RandomDemand(rng, n);
    const std::vector<double> s_topo = TopologicalSolver(a).Solve(f);
    const std::vector<double> s_klu = KluSolver(a).Solve(f);
    const double scale = std::max(MaxAbs(s_topo), 1e-300);
    for (int j = 0; j < n; ++j) {
      INFO("trial " << trial << ", process " << j);
      CHECK(std::fabs(s_topo[j] - s_klu[j]) <= 1e-12 * scale);
    }
  }
}

TEST_CASE("KLU solves random systems with loops to a small residual", "[lca][solver]") {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 10; ++trial) {
    const int n = 50 + 100 * trial;
    const SparseMatrix a = RandomSystem(rng, n, true);
    const std::vector<double> f = RandomDemand(rng, n);
    const std::vector<double> s = KluSolver(a).Solve(f);
    std::vector<double> residual = a.Multiply(s);
    for (int j = 0; j < n; ++j) residual[j] -= f[j];
    INFO("trial " << trial);
    CHECK(MaxAbs(residual) <= 1e-12 * MaxAbs(f) * std::max(1.0, MaxAbs(s)));
  }
}

TEST_CASE("Solve runs concurrently on shared and distinct solvers", "[lca][solver]") {
  std::mt19937 rng(99);
  const SparseMatrix a = RandomSystem(rng, 300, true);
  const std::vector<double> f = RandomDemand(rng, 300);
  const KluSolver shared(a);
  const std::vector<double> expected = shared.Solve(f);
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      const KluSolver own(a);
      for (int r = 0; r < 50; ++r) {
        if (shared.Solve(f) != expected) ++mismatches[t];
        if (own.Solve(f) != expected) ++mismatches[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(mismatches == std::vector<int>(4, 0));
}

}  // namespace
}  // namespace gpulca::lca
