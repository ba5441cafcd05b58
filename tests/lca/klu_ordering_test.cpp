// The ordering of a factorisation used many times (factor_use.h,
// klu_ordering.h): AMD or nested dissection, whichever leaves fewer flops.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <thread>
#include <vector>

#include "lca/engine/klu_lu.h"
#include "lca/engine/klu_ordering.h"
#include "lca/engine/sparse_matrix.h"

namespace gpulca::lca {
namespace {

// A k x k grid of processes in one loop: each makes one unit of its product
// and consumes 0.2 units of each of its (up to four) neighbours' products.
// A = I - 0.2·N is strictly diagonally dominant, so the loop converges.
SparseMatrix GridLoop(int k, double consumption = 0.2) {
  std::vector<Triplet> t;
  for (int r = 0; r < k; ++r) {
    for (int c = 0; c < k; ++c) {
      const int j = r * k + c;
      t.push_back({j, j, 1.0});
      const int neighbours[4][2] = {{r + 1, c}, {r - 1, c}, {r, c + 1}, {r, c - 1}};
      for (const auto& [rr, cc] : neighbours) {
        if (rr >= 0 && rr < k && cc >= 0 && cc < k) t.push_back({rr * k + cc, j, -consumption});
      }
    }
  }
  return SparseMatrix::FromTriplets(k * k, k * k, std::move(t));
}

// x = A⁻¹·1 with `lu`.
std::vector<double> SolveOnes(const KluLu& lu, int n) {
  std::vector<double> x(n, 1.0);
  lu.Solve(x.data(), 1, false);
  return x;
}

double MaxResidual(const SparseMatrix& a, const std::vector<double>& x) {
  const std::vector<double> ax = a.Multiply(x);
  double worst = 0.0;
  for (double v : ax) worst = std::max(worst, std::fabs(v - 1.0));
  return worst;
}

TEST_CASE("a factorisation used many times keeps the ordering that leaves fewer flops",
          "[lca][klu]") {
  SECTION("a 100 x 100 grid: nested dissection") {
    // klu_flops of this grid: AMD 2.36e7, METIS nested dissection 2.13e7.
    const SparseMatrix a = GridLoop(100);
    const int n = a.cols();
    KluLu once(n, a.col_ptr(), a.row_idx());
    KluLu repeated(n, a.col_ptr(), a.row_idx(), FactorUse::kRepeated);
    REQUIRE(once.Factor(a.values()));
    REQUIRE(repeated.Factor(a.values()));
    CHECK(std::string(once.ordering()) == "amd");
    CHECK(std::string(repeated.ordering()) == "nested dissection");
    CHECK(repeated.flops() < 0.95 * once.flops());
    const std::vector<double> x = SolveOnes(once, n), y = SolveOnes(repeated, n);
    CHECK(MaxResidual(a, x) < 1e-14);
    CHECK(MaxResidual(a, y) < 1e-14);
    // A corner process: 1 + its two neighbours' 0.2·x, all of them > 1.
    CHECK(y[0] > 1.4);
    CHECK(y[0] == Approx(x[0]).epsilon(1e-13));
    // New values refactorise with the ordering chosen.
    const SparseMatrix b = GridLoop(100, 0.15);
    REQUIRE(repeated.Refactor(b.values()));
    CHECK(std::string(repeated.ordering()) == "nested dissection");
    CHECK(MaxResidual(b, SolveOnes(repeated, n)) < 1e-14);
  }
  SECTION("a 40 x 40 grid: AMD is cheaper and is kept") {
    // klu_flops: AMD 9.49e5, nested dissection 1.07e6.
    const SparseMatrix a = GridLoop(40);
    KluLu once(a.cols(), a.col_ptr(), a.row_idx());
    KluLu repeated(a.cols(), a.col_ptr(), a.row_idx(), FactorUse::kRepeated);
    REQUIRE(once.Factor(a.values()));
    REQUIRE(repeated.Factor(a.values()));
    CHECK(std::string(repeated.ordering()) == "amd");
    CHECK(repeated.flops() == once.flops());
  }
  SECTION("a loop under kNestedDissectionMinBlock processes is not dissected") {
    const SparseMatrix a = GridLoop(30);  // 900 processes
    REQUIRE(a.cols() < kNestedDissectionMinBlock);
    KluLu repeated(a.cols(), a.col_ptr(), a.row_idx(), FactorUse::kRepeated);
    REQUIRE(repeated.Factor(a.values()));
    CHECK(std::string(repeated.ordering()) == "amd");
    CHECK(MaxResidual(a, SolveOnes(repeated, a.cols())) < 1e-14);
  }
}

TEST_CASE("threads that order at once order alike (METIS's generator is one per process)",
          "[lca][klu]") {
  // Monte Carlo workers each analyse their copy of the system at the same
  // time; their factorisations must be the same, bit for bit.
  const SparseMatrix a = GridLoop(100);
  const int n = a.cols();
  std::vector<std::vector<double>> x(4);
  std::vector<std::string> orderings(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      KluLu lu(n, a.col_ptr(), a.row_idx(), FactorUse::kRepeated);
      if (lu.Factor(a.values())) {
        x[t] = SolveOnes(lu, n);
        orderings[t] = lu.ordering();
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int t = 0; t < 4; ++t) {
    INFO("thread " << t);
    CHECK(orderings[t] == "nested dissection");
    CHECK(x[t] == x[0]);
  }
}

}  // namespace
}  // namespace gpulca::lca
