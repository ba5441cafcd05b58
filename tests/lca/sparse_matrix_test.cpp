#include "lca/engine/sparse_matrix.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "lca/error.h"

namespace gpulca::lca {
namespace {

TEST_CASE("FromTriplets sums duplicates and sorts rows within columns", "[lca][sparse]") {
  std::vector<int> slots;
  const SparseMatrix a = SparseMatrix::FromTriplets(
      3, 2, {{2, 0, 1.0}, {0, 1, 4.0}, {0, 0, 2.0}, {2, 0, 0.5}, {1, 1, -3.0}}, &slots);
  CHECK(a.rows() == 3);
  CHECK(a.cols() == 2);
  CHECK(a.nnz() == 4);
  CHECK(a.col_ptr() == std::vector<int>{0, 2, 4});
  CHECK(a.row_idx() == std::vector<int>{0, 2, 0, 1});
  CHECK(a.values() == std::vector<double>{2.0, 1.5, 4.0, -3.0});
  CHECK(slots == std::vector<int>{1, 2, 0, 1, 3});
}

TEST_CASE("FromTriplets keeps explicit zeros in the pattern", "[lca][sparse]") {
  const SparseMatrix a = SparseMatrix::FromTriplets(2, 2, {{0, 0, 1.0}, {1, 0, 0.0}});
  CHECK(a.nnz() == 2);
  CHECK(a.At(1, 0) == 0.0);
}

TEST_CASE("At reads stored entries and zeros", "[lca][sparse]") {
  const SparseMatrix a = SparseMatrix::FromTriplets(2, 3, {{1, 2, 7.0}, {0, 0, -1.0}});
  CHECK(a.At(1, 2) == 7.0);
  CHECK(a.At(0, 0) == -1.0);
  CHECK(a.At(0, 2) == 0.0);
  CHECK_THROWS_AS(a.At(2, 0), Error);
  CHECK_THROWS_AS(a.At(0, -1), Error);
}

TEST_CASE("Multiply and MultiplyTransposed give B·s and Bᵀ·y", "[lca][sparse]") {
  // Heijungs & Suh (2002) biosphere: B = [[1, 10], [0.1, 2], [0, -50]].
  const SparseMatrix b = SparseMatrix::FromTriplets(
      3, 2, {{0, 0, 1.0}, {0, 1, 10.0}, {1, 0, 0.1}, {1, 1, 2.0}, {2, 1, -50.0}});
  const std::vector<double> g = b.Multiply({100.0, 2.0});
  REQUIRE(g.size() == 3);
  CHECK(g[0] == Approx(120.0));
  CHECK(g[1] == Approx(14.0));
  CHECK(g[2] == Approx(-100.0));
  // Bᵀ·(1, 1, 1): per-process sums of the columns.
  const std::vector<double> t = b.MultiplyTransposed({1.0, 1.0, 1.0});
  REQUIRE(t.size() == 2);
  CHECK(t[0] == Approx(1.1));
  CHECK(t[1] == Approx(-38.0));
  CHECK_THROWS_AS(b.Multiply({1.0}), Error);
  CHECK_THROWS_AS(b.MultiplyTransposed({1.0, 2.0}), Error);
}

TEST_CASE("FromTriplets rejects entries outside the matrix or not finite", "[lca][sparse]") {
  CHECK_THROWS_AS(SparseMatrix::FromTriplets(2, 2, {{2, 0, 1.0}}), Error);
  CHECK_THROWS_AS(SparseMatrix::FromTriplets(2, 2, {{0, -1, 1.0}}), Error);
  CHECK_THROWS_AS(SparseMatrix::FromTriplets(-1, 2, {}), Error);
  CHECK_THROWS_AS(
      SparseMatrix::FromTriplets(2, 2, {{0, 0, std::numeric_limits<double>::quiet_NaN()}}),
      Error);
}

TEST_CASE("SetValues and SetTripletValues keep the pattern", "[lca][sparse]") {
  std::vector<int> slots;
  SparseMatrix a =
      SparseMatrix::FromTriplets(2, 2, {{0, 0, 1.0}, {1, 0, -2.0}, {1, 1, 1.0}, {1, 0, -1.0}},
                                 &slots);
  a.SetValues({2.0, -4.0, 3.0});
  CHECK(a.At(0, 0) == 2.0);
  CHECK(a.At(1, 0) == -4.0);
  CHECK_THROWS_AS(a.SetValues({1.0}), Error);

  // A Monte Carlo draw: the two exchanges into (1, 0) are summed again.
  a.SetTripletValues(slots, {1.5, -0.5, 1.0, -0.25});
  CHECK(a.At(0, 0) == 1.5);
  CHECK(a.At(1, 0) == -0.75);
  CHECK(a.At(1, 1) == 1.0);
  CHECK_THROWS_AS(a.SetTripletValues(slots, {1.0}), Error);
  CHECK(a.At(1, 0) == -0.75);  // unchanged after the failed call
}

TEST_CASE("The empty matrix is 0x0", "[lca][sparse]") {
  const SparseMatrix a;
  CHECK(a.rows() == 0);
  CHECK(a.nnz() == 0);
  CHECK(a.col_ptr() == std::vector<int>{0});
  CHECK(a.Multiply({}).empty());
}

}  // namespace
}  // namespace gpulca::lca
