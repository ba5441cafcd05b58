#include "inventory/model/pedigree.h"

#include <fmt/format.h>

#include <cmath>

#include "lca/error.h"

namespace gpulca::inventory {
namespace {

// σ_i² by indicator (rows: reliability, completeness, temporal,
// geographical, further technological correlation) and score 1..5.
constexpr double kVariances[5][5] = {
    {0.0, 0.0006, 0.002, 0.008, 0.04},
    {0.0, 0.0001, 0.0006, 0.002, 0.008},
    {0.0, 0.0002, 0.002, 0.008, 0.04},
    {0.0, 0.000025, 0.0001, 0.0006, 0.002},
    {0.0, 0.0006, 0.008, 0.04, 0.12},
};

}  // namespace

double PedigreeVariance(int indicator, int score) {
  if (indicator < 0 || indicator > 4 || score < 1 || score > 5) {
    throw InputError(fmt::format("pedigree indicator {} score {}: scores run from 1 to 5",
                                 indicator + 1, score));
  }
  return kVariances[indicator][score - 1];
}

double PedigreeGsd(const std::array<int, 5>& scores, double basic_variance) {
  if (!(basic_variance >= 0.0)) {
    throw InputError(fmt::format("pedigree: basic variance {} is negative", basic_variance));
  }
  double variance = basic_variance;
  for (int i = 0; i < 5; ++i) variance += PedigreeVariance(i, scores[i]);
  return std::exp(std::sqrt(variance));
}

Uncertainty EffectiveUncertainty(const Exchange& exchange) {
  if (!exchange.pedigree) return exchange.uncertainty;
  const Uncertainty& own = exchange.uncertainty;
  if (own.IsSet() && own.kind != Uncertainty::Kind::kLognormal) {
    throw InputError(fmt::format(
        "{}: exchange of '{}' has a pedigree and a {} distribution; a pedigree widens a "
        "lognormal only (give a lognormal gsd, or no distribution)",
        exchange.origin.ToString(), exchange.flow, ToString(own.kind)));
  }
  double basic = kDefaultBasicVariance;
  if (own.IsSet()) basic = std::pow(std::log(own.gsd), 2);
  Uncertainty u;
  u.kind = Uncertainty::Kind::kLognormal;
  u.gsd = PedigreeGsd(*exchange.pedigree, basic);
  return u;
}

}  // namespace gpulca::inventory
