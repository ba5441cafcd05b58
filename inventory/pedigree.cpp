#include "inventory/pedigree.h"

#include <fmt/format.h>

#include <cmath>

#include "inventory/error.h"

namespace gpulca {
namespace {

// Rows: reliability, completeness, temporal, geographical, technological.
constexpr double kFactors[5][5] = {
    {1.00, 1.05, 1.10, 1.20, 1.50},
    {1.00, 1.02, 1.05, 1.10, 1.20},
    {1.00, 1.03, 1.10, 1.20, 1.50},
    {1.00, 1.01, 1.02, 1.05, 1.10},
    {1.00, 1.05, 1.20, 1.50, 2.00},
};

}  // namespace

double PedigreeFactor(int indicator, int score) {
  if (indicator < 0 || indicator > 4 || score < 1 || score > 5) {
    throw UsageError(fmt::format("pedigree indicator {} score {}: scores run from 1 to 5",
                                 indicator + 1, score));
  }
  return kFactors[indicator][score - 1];
}

double PedigreeGsd(const std::array<int, 5>& scores, double basic_gsd_squared) {
  double sum = std::pow(std::log(basic_gsd_squared), 2);
  for (int i = 0; i < 5; ++i) sum += std::pow(std::log(PedigreeFactor(i, scores[i])), 2);
  return std::sqrt(std::exp(std::sqrt(sum)));
}

Uncertainty EffectiveUncertainty(const Exchange& exchange) {
  if (!exchange.pedigree) return exchange.uncertainty;
  const Uncertainty& own = exchange.uncertainty;
  if (own.IsSet() && own.kind != Uncertainty::Kind::kLognormal) return own;
  double basic = own.IsSet() ? own.gsd * own.gsd : 1.05;
  Uncertainty u;
  u.kind = Uncertainty::Kind::kLognormal;
  u.gsd = PedigreeGsd(*exchange.pedigree, basic);
  return u;
}

}  // namespace gpulca
