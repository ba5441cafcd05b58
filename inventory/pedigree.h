// The pedigree matrix: five data-quality scores turned into a lognormal, as
// ecoinvent's data quality guideline does (Weidema et al. 2013, "Overview and
// methodology. Data quality guideline for the ecoinvent database version 3",
// ecoinvent report 1(v3), table 10.4; the same factors as openLCA's
// ecoinvent data quality system).
//
// Each score s_i in 1..5 of the indicators (reliability, completeness,
// temporal, geographical, further technological correlation) maps to an
// uncertainty factor U_i; with the basic uncertainty U_b (a squared
// geometric standard deviation, 1.05 by default):
//   GSD² = exp( sqrt( Σ (ln U_i)² + (ln U_b)² ) )
#pragma once

#include <array>

#include "inventory/model.h"

namespace gpulca {

// The uncertainty factor of `score` (1..5) for indicator `indicator` (0..4).
// REQUIRES: both in range (else UsageError).
double PedigreeFactor(int indicator, int score);

// The geometric standard deviation (not squared) of the combined lognormal.
double PedigreeGsd(const std::array<int, 5>& scores, double basic_gsd_squared = 1.05);

// The distribution an exchange is sampled from: its own, widened by its
// pedigree when it has one (a lognormal gsd g counts as U_b = g²; without a
// distribution U_b = 1.05). Other distributions are returned as they are.
Uncertainty EffectiveUncertainty(const Exchange& exchange);

}  // namespace gpulca
