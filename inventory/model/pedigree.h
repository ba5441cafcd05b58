// The pedigree matrix: five data-quality scores turned into a lognormal, as
// the ecoinvent version 3 data quality guideline does (Weidema B P, Bauer C,
// Hischier R, Mutel C, Nemecek T, Reinhard J, Vadenbo C O, Wernet G 2013,
// "Overview and methodology. Data quality guideline for the ecoinvent
// database version 3", ecoinvent report 1(v3), St. Gallen, chapter 10; the
// same numbers as Brightway's and Ocelot's pedigree tables).
//
// Each score s_i in 1..5 of the indicators (reliability, completeness,
// temporal, geographical, further technological correlation) adds a variance
// σ_i² to the variance σ_b² of ln(x) of the basic uncertainty:
//   σ² = σ_b² + Σ σ_i²,   GSD = exp(σ).
// Version 3 states these as variances; they are version 2's uncertainty
// factors U_i (Frischknecht et al. 2007) as σ_i² = (ln U_i / 2)², rounded.
//
// A pedigree widens a lognormal only (the variances add in log space).
// An exchange with a pedigree and a normal, triangular or uniform
// distribution is an error at load time (validate.cpp) and here.
#pragma once

#include <array>

#include "inventory/model/model.h"

namespace gpulca::inventory {

// σ_b² when an exchange has a pedigree but no distribution: ecoinvent v3's
// basic variance of most inputs and of CO2 (v2's basic factor 1.05).
inline constexpr double kDefaultBasicVariance = 0.0006;

// The variance σ_i² added by `score` (1..5) of indicator `indicator` (0..4).
// REQUIRES: both in range (else InputError).
double PedigreeVariance(int indicator, int score);

// The geometric standard deviation exp(sqrt(σ_b² + Σ σ_i²)).
// REQUIRES: scores in 1..5 and basic_variance >= 0 (else InputError).
double PedigreeGsd(const std::array<int, 5>& scores,
                   double basic_variance = kDefaultBasicVariance);

// The distribution an exchange is sampled from: its own; with a pedigree, a
// lognormal whose basic variance is (ln gsd)² of its own lognormal, or
// kDefaultBasicVariance without a distribution. Throws InputError naming the
// exchange for a pedigree on another distribution.
Uncertainty EffectiveUncertainty(const Exchange& exchange);

}  // namespace gpulca::inventory
