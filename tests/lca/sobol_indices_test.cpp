// Sobol' indices (lca/uncertainty/sobol_indices.h) against the analytic
// indices of the Ishigami function and of a linear model, within the
// estimator's error at these sample sizes (the design is a fixed
// low-discrepancy sequence, so the estimates are the same on every run).
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "lca/error.h"
#include "lca/uncertainty/sobol_indices.h"

namespace gpulca {
namespace {

using lca::SobolIndices;
using lca::SobolOptions;

constexpr double kPi = 3.14159265358979323846;

// Ishigami & Homma (1990): f = sin x1 + a sin^2 x2 + b x3^4 sin x1,
// x_i ~ U(-pi, pi), a = 7, b = 0.1. Partial variances (Sobol' & Levitan 1999):
//   V1 = (1 + b pi^4 / 5)^2 / 2, V2 = a^2 / 8, V3 = 0, V13 = 8 b^2 pi^8 / 225,
//   V = V1 + V2 + V13 = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2.
double Ishigami(const std::vector<double>& u) {
  const double x1 = kPi * (2 * u[0] - 1), x2 = kPi * (2 * u[1] - 1), x3 = kPi * (2 * u[2] - 1);
  return std::sin(x1) + 7 * std::sin(x2) * std::sin(x2) + 0.1 * std::pow(x3, 4) * std::sin(x1);
}

TEST_CASE("Sobol' indices of the Ishigami function are its analytic ones", "[sobol]") {
  const double a = 7, b = 0.1;
  const double v1 = std::pow(1 + b * std::pow(kPi, 4) / 5, 2) / 2, v2 = a * a / 8,
               v13 = 8 * b * b * std::pow(kPi, 8) / 225;
  const double v = v1 + v2 + v13;
  REQUIRE(v == Approx(a * a / 8 + b * std::pow(kPi, 4) / 5 + b * b * std::pow(kPi, 8) / 18 + 0.5));
  SobolOptions o;
  o.n = 1 << 14;
  o.bootstrap = 100;
  const lca::SobolResult r = SobolIndices(3, {{0}, {1}, {2}}, Ishigami, o);
  CHECK(r.evaluations == (1 << 14) * 5);
  CHECK(r.variance == Approx(v).epsilon(0.01));
  // S1 0.3139, S2 0.4424, S3 0; ST1 0.5576, ST2 0.4424, ST3 0.2437.
  CHECK(r.groups[0].first == Approx(v1 / v).margin(0.01));
  CHECK(r.groups[1].first == Approx(v2 / v).margin(0.01));
  CHECK(r.groups[2].first == Approx(0).margin(0.01));
  CHECK(r.groups[0].total == Approx((v1 + v13) / v).margin(0.01));
  CHECK(r.groups[1].total == Approx(v2 / v).margin(0.01));
  CHECK(r.groups[2].total == Approx(v13 / v).margin(0.01));
  // The intervals hold the analytic values and are narrow at this N.
  for (int g = 0; g < 3; ++g) {
    const double first = g == 0 ? v1 / v : g == 1 ? v2 / v : 0;
    const double total = g == 0 ? (v1 + v13) / v : g == 1 ? v2 / v : v13 / v;
    INFO("group " << g);
    CHECK(r.groups[g].first_low <= first + 0.005);
    CHECK(r.groups[g].first_high >= first - 0.005);
    CHECK(r.groups[g].total_low <= total + 0.005);
    CHECK(r.groups[g].total_high >= total - 0.005);
    CHECK(r.groups[g].first_high - r.groups[g].first_low < 0.06);
  }
  // x1 and x3 as one group: their interaction is inside it, so its first
  // order is (V1 + V13) / V, and nothing is left outside x2.
  const lca::SobolResult grouped = SobolIndices(3, {{0, 2}, {1}}, Ishigami, o);
  CHECK(grouped.groups[0].first == Approx((v1 + v13) / v).margin(0.01));
  CHECK(grouped.groups[0].total == Approx((v1 + v13) / v).margin(0.01));
}

TEST_CASE("Sobol' indices of a linear model are its coefficients' shares of the variance",
          "[sobol]") {
  // f = 1 u1 + 2 u2 + 3 u3 + 0 u4, u_i ~ U(0, 1): S_i = ST_i = c_i^2 / sum c^2.
  const std::vector<double> c = {1, 2, 3, 0};
  auto f = [&](const std::vector<double>& u) {
    double y = 0;
    for (size_t i = 0; i < c.size(); ++i) y += c[i] * u[i];
    return y;
  };
  SobolOptions o;
  o.n = 1 << 12;
  o.bootstrap = 0;
  const lca::SobolResult r = SobolIndices(4, {{0}, {1}, {2}, {3}}, f, o);
  CHECK(r.variance == Approx(14.0 / 12).epsilon(0.005));  // sum c^2 / 12
  for (int i = 0; i < 4; ++i) {
    INFO("input " << i);
    CHECK(r.groups[i].first == Approx(c[i] * c[i] / 14).margin(0.005));
    CHECK(r.groups[i].total == Approx(c[i] * c[i] / 14).margin(0.005));
    CHECK(r.groups[i].first_low == r.groups[i].first);  // no bootstrap: a point
  }
}

TEST_CASE("Sobol' indices refuse a design or a model they cannot estimate", "[sobol]") {
  SobolOptions o;
  o.n = 64;
  auto one = [](const std::vector<double>& u) { return u[0]; };
  CHECK_THROWS_AS(SobolIndices(0, {}, one, o), InvalidArgument);
  CHECK_THROWS_WITH(SobolIndices(2, {{0}, {0, 1}}, one, o), "input 0 is in two groups");
  CHECK_THROWS_WITH(SobolIndices(2, {{2}}, one, o), "group 0: input 2 is not one of 0..1");
  CHECK_THROWS_WITH(SobolIndices(2, {{}}, one, o), "group 0 is empty");
  o.confidence = 1;
  CHECK_THROWS_AS(SobolIndices(2, {{0}}, one, o), InvalidArgument);
  o.confidence = 0.9;
  o.n = 1;
  CHECK_THROWS_AS(SobolIndices(2, {{0}}, one, o), InvalidArgument);
  o.n = 64;
  CHECK_THROWS_WITH(SobolIndices(2, {{0}}, [](const std::vector<double>&) { return 3.0; }, o),
                    Catch::Contains("no variance"));
  CHECK_THROWS_WITH(
      SobolIndices(2, {{0}}, [](const std::vector<double>& u) { return u[0] > 0.7 ? NAN : u[0]; }, o),
      Catch::StartsWith("the model is nan at row"));
}

}  // namespace
}  // namespace gpulca
