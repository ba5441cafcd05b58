#include "inventory/model/formula_functions.h"

#include <boost/math/distributions/binomial.hpp>
#include <fmt/format.h>

#include <cmath>

#include "lca/error.h"

namespace gpulca::inventory {

namespace {

bool Whole(double x) { return std::isfinite(x) && x == std::floor(x); }

}  // namespace

double HarvestYield(double y, double n, double k) {
  if (!std::isfinite(y) || y < 0 || y > 1) {
    throw FormulaError(fmt::format("harvest_yield: unit yield {} must lie in [0, 1]", y));
  }
  if (!Whole(n) || n < 1 || n > 1e6) {
    throw FormulaError(
        fmt::format("harvest_yield: unit count {} must be a whole number from 1 to 1e6", n));
  }
  if (!Whole(k) || k < 0 || k > n) {
    throw FormulaError(fmt::format(
        "harvest_yield: spare units {} must be a whole number from 0 to the unit count {}", k, n));
  }
  if (y == 1) return 1.0;
  if (y == 0) return k >= n ? 1.0 : 0.0;
  // Bad units X ~ Binomial(n, 1 - y); the die sells when X <= k.
  boost::math::binomial_distribution<double> bad(n, 1 - y);
  return boost::math::cdf(bad, k);
}

double DieYieldAt(double m, double ad, double a) {
  if (!std::isfinite(ad) || ad < 0) {
    throw FormulaError(fmt::format("die_yield: A*D0 {} must be a number >= 0", ad));
  }
  if (!std::isfinite(a) || a <= 0) {
    throw FormulaError(fmt::format("die_yield: clustering parameter alpha {} must be > 0", a));
  }
  if (m == 1) return std::exp(-ad);
  if (m == 2) {
    // (1 − e^−x)/x = 1 − x/2 + …; -expm1 keeps precision for small x.
    if (ad < 1e-12) return 1.0;
    const double f = -std::expm1(-ad) / ad;
    return f * f;
  }
  if (m == 3) return std::pow(1 + ad / a, -a);
  throw FormulaError(fmt::format(
      "die_yield: yield model {} is unknown; known: 1 Poisson, 2 Murphy, 3 negative binomial", m));
}

}  // namespace gpulca::inventory
