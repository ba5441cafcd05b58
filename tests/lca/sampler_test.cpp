// The samplers against the closed forms of their distributions, at 100,000
// draws: tolerances of a few standard errors, which a wrong parameterisation
// (gsd used as σ, sd as variance, min/max swapped for the mode...) fails.
#include "lca/uncertainty/internal/sampler.h"

#include <catch2/catch.hpp>

#include <boost/random/normal_distribution.hpp>

#include <cmath>
#include <cstring>
#include <vector>

#include "lca/uncertainty/statistics.h"

namespace gpulca::lca {
namespace {

using inventory::Uncertainty;

constexpr int kDraws = 100000;

std::vector<double> Draws(const Uncertainty& u, double nominal, uint64_t key = 7) {
  std::vector<double> x(kDraws);
  for (int i = 0; i < kDraws; ++i) {
    RandomEngine engine = InputEngine(42, key, i);
    x[i] = Sample(u, nominal, engine);
  }
  return x;
}

Uncertainty Make(Uncertainty::Kind kind, double a = 0, double b = 0) {
  Uncertainty u;
  u.kind = kind;
  if (kind == Uncertainty::Kind::kLognormal) u.gsd = a;
  if (kind == Uncertainty::Kind::kNormal) u.sd = a;
  if (kind == Uncertainty::Kind::kTriangular || kind == Uncertainty::Kind::kUniform) {
    u.min = a;
    u.max = b;
  }
  return u;
}

TEST_CASE("lognormal: median = amount, ln x has SD ln(gsd)", "[lca][sampler]") {
  // σ = ln 1.5 = 0.405465; mean = 2·exp(σ²/2) = 2.171337; SD =
  // mean·sqrt(exp(σ²) − 1) = 0.918366.
  const Summary s = Summarise(Draws(Make(Uncertainty::Kind::kLognormal, 1.5), 2.0));
  CHECK(s.p50 == Approx(2.0).epsilon(0.01));
  CHECK(s.mean == Approx(2.171337).epsilon(0.005));
  CHECK(s.sd == Approx(0.918366).epsilon(0.02));
  // p05 = 2/1.5^1.644854 = 1.026625, p95 = 3.896275.
  CHECK(s.p05 == Approx(1.026625).epsilon(0.01));
  CHECK(s.p95 == Approx(3.896275).epsilon(0.01));
  std::vector<double> logs = Draws(Make(Uncertainty::Kind::kLognormal, 1.5), 2.0);
  for (double& v : logs) v = std::log(v);
  CHECK(Summarise(logs).sd == Approx(std::log(1.5)).epsilon(0.01));
}

TEST_CASE("lognormal of a negative amount is the mirror image", "[lca][sampler]") {
  const std::vector<double> x = Draws(Make(Uncertainty::Kind::kLognormal, 1.5), -2.0);
  CHECK(std::all_of(x.begin(), x.end(), [](double v) { return v < 0; }));
  const Summary s = Summarise(x);
  CHECK(s.mean == Approx(-2.171337).epsilon(0.005));
  CHECK(s.p50 == Approx(-2.0).epsilon(0.01));
  CHECK(s.p95 == Approx(-1.026625).epsilon(0.01));
}

TEST_CASE("normal: mean = amount, SD = sd", "[lca][sampler]") {
  const Summary s = Summarise(Draws(Make(Uncertainty::Kind::kNormal, 2.0), 5.0));
  CHECK(s.mean == Approx(5.0).epsilon(0.005));
  CHECK(s.sd == Approx(2.0).epsilon(0.01));
  CHECK(s.p95 == Approx(5.0 + 1.644854 * 2.0).epsilon(0.01));
}

TEST_CASE("triangular: mode = amount on [min, max]", "[lca][sampler]") {
  // (1, 2, 6): mean (1+2+6)/3 = 3; variance (1+4+36−2−6−12)/18 = 7/6.
  const std::vector<double> x = Draws(Make(Uncertainty::Kind::kTriangular, 1.0, 6.0), 2.0);
  const Summary s = Summarise(x);
  CHECK(s.mean == Approx(3.0).epsilon(0.005));
  CHECK(s.sd == Approx(std::sqrt(7.0 / 6.0)).epsilon(0.01));
  // P(x <= 2) = (2−1)/(6−1) = 0.2, so the 20th percentile is the mode.
  std::vector<double> sorted = x;
  std::sort(sorted.begin(), sorted.end());
  CHECK(Quantile(sorted, 0.2) == Approx(2.0).epsilon(0.01));
  CHECK(*std::min_element(x.begin(), x.end()) >= 1.0);
  CHECK(*std::max_element(x.begin(), x.end()) <= 6.0);
}

TEST_CASE("uniform on [min, max]", "[lca][sampler]") {
  const Summary s = Summarise(Draws(Make(Uncertainty::Kind::kUniform, 2.0, 5.0), 3.0));
  CHECK(s.mean == Approx(3.5).epsilon(0.005));
  CHECK(s.sd == Approx(3.0 / std::sqrt(12.0)).epsilon(0.01));
  CHECK(s.p05 == Approx(2.15).epsilon(0.01));
}

TEST_CASE("degenerate distributions give the amount", "[lca][sampler]") {
  RandomEngine engine = InputEngine(1, 2, 3);
  CHECK(Sample(Uncertainty{}, 4.0, engine) == 4.0);
  CHECK(Sample(Make(Uncertainty::Kind::kLognormal, 1.0), 4.0, engine) == 4.0);
  CHECK(Sample(Make(Uncertainty::Kind::kLognormal, 1.5), 0.0, engine) == 0.0);
  CHECK(Sample(Make(Uncertainty::Kind::kNormal, 0.0), 4.0, engine) == 4.0);
  CHECK(Sample(Make(Uncertainty::Kind::kTriangular, 4.0, 4.0), 4.0, engine) == 4.0);
  CHECK(Sample(Make(Uncertainty::Kind::kUniform, 4.0, 4.0), 4.0, engine) == 4.0);
}

TEST_CASE("streams: one per (seed, input, iteration), independent of everything else",
          "[lca][sampler]") {
  // FNV-1a 64 of "" and of "a" (the published test vectors).
  CHECK(StreamKey("") == 0xcbf29ce484222325ULL);
  CHECK(StreamKey("a") == 0xaf63dc4c8601ec8cULL);
  RandomEngine a = InputEngine(5, StreamKey("param:pue"), 17);
  RandomEngine b = InputEngine(5, StreamKey("param:pue"), 17);
  const uint64_t first = a();
  CHECK(first == b());
  CHECK(a() == b());
  CHECK(InputEngine(5, StreamKey("param:pue"), 18)() != first);
  CHECK(InputEngine(6, StreamKey("param:pue"), 17)() != first);
  CHECK(InputEngine(5, StreamKey("param:yield"), 17)() != first);
  // Neighbouring streams are uncorrelated: first draws of 100k iterations.
  std::vector<double> x(kDraws), y(kDraws);
  for (int i = 0; i < kDraws; ++i) {
    RandomEngine e = InputEngine(5, 1, i), f = InputEngine(5, 2, i);
    x[i] = static_cast<double>(e() >> 11);
    y[i] = static_cast<double>(f() >> 11);
  }
  CHECK(std::abs(Pearson(x, y)) < 0.01);
}

TEST_CASE("FirstUnitNormal is Boost's normal draw bit for bit, slow paths included",
          "[lca][sampler]") {
  int slow = 0, tails = 0;
  for (uint64_t i = 0; i < 2000000; ++i) {
    const RandomEngine start = InputEngine(42, 7, i);
    RandomEngine boost_engine = start, one_word = start;
    const double expected = boost::random::normal_distribution<double>(0.0, 1.0)(boost_engine);
    const double got = FirstUnitNormal(start);
    REQUIRE(std::memcmp(&got, &expected, sizeof got) == 0);
    one_word();
    if (boost_engine() != one_word()) {  // Boost drew more than one word
      ++slow;
      // The tail: beyond the base layer's rectangle.
      if (std::abs(expected) >= boost::random::detail::normal_table<double>::table_x[1]) ++tails;
    }
  }
  // A draw leaves its rectangle with probability Σ_i (1 − x[i+1]/x[i]) / 128
  // over Boost's table: 2.756 %, 55,119 of 2,000,000 expected (SD 232); the
  // tail (1 − x[1]/x[0]) / 128 = 0.0569 %, 1,138 (SD 34). Bounds at ±9 SD.
  CHECK(slow > 53000);
  CHECK(slow < 57200);
  CHECK(tails > 830);
  CHECK(tails < 1450);
}

TEST_CASE("InputDraws gives the numbers Distribution draws one by one", "[lca][sampler]") {
  std::vector<Distribution> d = {
      Distribution(Make(Uncertainty::Kind::kLognormal, 1.3), 2.5),
      Distribution(Make(Uncertainty::Kind::kLognormal, 1.3), -0.4),
      Distribution(Make(Uncertainty::Kind::kNormal, 0.2), 1.0),
      Distribution(Make(Uncertainty::Kind::kTriangular, 1.0, 3.0), 2.0),
      Distribution(Make(Uncertainty::Kind::kUniform, 1.0, 3.0), 2.0),
      Distribution(Make(Uncertainty::Kind::kLognormal, 1.0), 2.0),  // constant
  };
  InputDraws draws;
  for (size_t k = 0; k < d.size(); ++k) draws.Add(d[k], StreamBase(9, k));
  std::vector<double> out(d.size());
  for (uint64_t i = 0; i < 20000; ++i) {
    draws.Draw(i, out.data());
    for (size_t k = 0; k < d.size(); ++k) {
      RandomEngine e = StreamEngine(StreamBase(9, k), i);
      const double expected = d[k](e);
      REQUIRE(std::memcmp(&out[k], &expected, sizeof expected) == 0);
    }
  }
}

}  // namespace
}  // namespace gpulca::lca
