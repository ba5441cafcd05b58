// An openLCA exchange's uncertainty as gpulca keeps it, on values worked by
// hand: baseUncertainty read as the basic GSD, as openLCA's own pedigree
// dialog (olca-app, DataQualityShell.calculateGeometricSD) and ecoSpold 2
// import (olca-io, ProcessImport.baseUncertaintyOf) read it, and a
// lognormal's geomMean read as its median.
#include "inventory/jsonld/jsonld_uncertainty.h"

#include <catch2/catch.hpp>

#include <cmath>

#include "inventory/jsonld/jsonld_import.h"
#include "inventory/model/pedigree.h"

namespace gpulca::inventory {
namespace {

olca::Exchange PedigreeOnly(const std::string& entry, double base) {
  olca::Exchange e;
  e.amount = 2.0;
  e.dq_entry = entry;
  e.base_uncertainty = base;
  return e;
}

olca::Exchange WithLognormal(double amount, double geom_mean, double geom_sd) {
  olca::Exchange e;
  e.amount = amount;
  olca::Uncertainty u;
  u.type = "LOG_NORMAL_DISTRIBUTION";
  u.geom_mean = geom_mean;
  u.geom_sd = geom_sd;
  e.uncertainty = u;
  return e;
}

TEST_CASE("baseUncertainty is the basic GSD the pedigree widens", "[jsonld][pedigree]") {
  // (1;2;1;1;3) with baseUncertainty 1.2: basic variance (ln 1.2)² =
  // 0.0332412; completeness 2 adds 0.0001 and technology 3 adds 0.008
  // (Weidema et al. 2013, table 10.5): σ² = 0.0413412, σ = 0.2033252,
  // GSD = exp(0.2033252) = 1.225471. (Read as a GSD², as openLCA's pedigree
  // code did before 2017, it would be exp(sqrt(0.0164103)) = 1.136670.
  // USLCI's 289 baseUncertainty values are all 1, which adds nothing on
  // either scale.)
  Exchange x;
  UncertaintyTally t;
  ConvertUncertainty(PedigreeOnly("(1;2;1;1;3)", 1.2), 1.0, 2.0, &x, &t);
  REQUIRE(x.pedigree);
  CHECK(*x.pedigree == std::array<int, 5>{1, 2, 1, 1, 3});
  CHECK(x.uncertainty.kind == Uncertainty::Kind::kLognormal);
  CHECK(x.uncertainty.gsd == 1.2);
  const Uncertainty sampled = EffectiveUncertainty(x);
  CHECK(sampled.kind == Uncertainty::Kind::kLognormal);
  CHECK(sampled.gsd == Approx(1.225471).epsilon(1e-6));
  CHECK(t.pedigree == 1);
  CHECK(t.pedigree_with_base == 1);
  CHECK(t.Dropped() == 0);
}

TEST_CASE("a lognormal's geomMean is its median: the amount kept, a difference counted",
          "[jsonld]") {
  UncertaintyTally t;
  Exchange same, other;
  // 0.5 kg written with geomMean 0.5, then converted to g (factor 1000).
  ConvertUncertainty(WithLognormal(0.5, 0.5, 1.5), 1000.0, 500.0, &same, &t);
  CHECK(same.uncertainty.gsd == 1.5);
  CHECK(t.geom_mean_differs == 0);
  // geomMean 0.46 beside an amount of 0.5 (openLCA 2.4's mean convention,
  // 0.5 / exp((ln 1.5)² / 2) = 0.4605): gpulca samples 0.5 as the median.
  ConvertUncertainty(WithLognormal(0.5, 0.46, 1.5), 1.0, 0.5, &other, &t);
  CHECK(other.uncertainty.kind == Uncertainty::Kind::kLognormal);
  CHECK(other.uncertainty.gsd == 1.5);
  CHECK(t.geom_mean_differs == 1);
  CHECK(t.lognormal == 2);
}

TEST_CASE("the summary says where the Monte Carlo departs from openLCA's", "[jsonld]") {
  JsonldSummary s;
  s.uncertainty.lognormal = 12;
  s.uncertainty.geom_mean_differs = 3;
  s.uncertainty.pedigree = 414;
  const std::string text = FormatJsonldSummary(s);
  CHECK_THAT(text, Catch::Contains("3 lognormal with a geomMean other than the amount") &&
                       Catch::Contains("openLCA 2.4 and later with geomMean as the mean") &&
                       Catch::Contains("414 exchanges with a pedigree and no distribution are "
                                       "sampled here; openLCA's Monte Carlo keeps them at their "
                                       "amount"));
  // Nothing to say without lognormals.
  CHECK_THAT(FormatJsonldSummary(JsonldSummary{}), !Catch::Contains("geomMean"));
}

}  // namespace
}  // namespace gpulca::inventory
