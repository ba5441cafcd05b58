// The uncertainty of an imported exchange, from openLCA's distributions and
// pedigree entries to gpulca's (docs/interop.md, "Uncertainty"):
//   - lognormal: geomSd is the geometric standard deviation (unchanged by
//     unit conversion); geomSd 0 or 1 means "no uncertainty". geomMean is
//     read as what the schema calls it, the geometric mean, i.e. the median:
//     gpulca samples the amount as the median, and where geomMean differs
//     from the amount the amount is kept and the exchange counted.
//     (openLCA 2.4 and later shifts its draws so that their mean, not their
//     median, is geomMean; the import summary says so.)
//   - normal: sd, scaled with the amount; sd 0 means none;
//   - triangular and uniform: minimum and maximum, scaled; a minimum above
//     the maximum is swapped; gpulca samples a triangle with the amount as
//     its mode, so where the export's mode differs from the amount (USLCI
//     gives the mean as the amount) the amount is kept as the mode and the
//     exchange is counted;
//   - a pedigree entry "(r;c;t;g;f)" without a distribution is kept as the
//     exchange's pedigree scores and sampled as a lognormal
//     (inventory/model/pedigree.h), which openLCA does not do. Its
//     baseUncertainty b is a geometric standard deviation, as openLCA's
//     code since 2017 reads and writes it (the pedigree dialog's
//     exp(sqrt(ln² b + ...)), the ecoSpold 2 import's exp(sqrt(variance))):
//     it is kept as a lognormal of gsd b, basic variance (ln b)², that the
//     pedigree widens.
//     Beside an explicit distribution (from which openLCA derived it) the
//     pedigree is not applied again: the distribution is kept.
// A distribution that does not hold around the amount (the amount outside
// [min, max], a lognormal on a zero amount, scores outside 1-5) is
// dropped and counted by reason.
#pragma once

#include <map>
#include <string>

#include "inventory/jsonld/jsonld_parse.h"
#include "inventory/model/model.h"

namespace gpulca::inventory {

struct UncertaintyTally {
  size_t lognormal = 0, normal = 0, triangular = 0, uniform = 0;  // kept, by kind
  size_t pedigree = 0;            // pedigree scores kept (sampled as a lognormal)
  size_t pedigree_with_base = 0;  // of those, with a basic uncertainty
  size_t pedigree_beside = 0;     // pedigree beside a distribution: the distribution kept
  size_t none = 0;                // distributions that say "no uncertainty"
  size_t swapped = 0;             // minimum above maximum, swapped
  size_t mode_differs = 0;        // triangular mode other than the amount
  size_t geom_mean_differs = 0;   // lognormal geomMean other than the amount
  std::map<std::string, size_t> dropped;  // invalid, by reason

  size_t Kept() const { return lognormal + normal + triangular + uniform + pedigree; }
  size_t Dropped() const;
};

// Sets `x->uncertainty` and `x->pedigree` from `e`, whose amount is
// `amount` in gpulca's unit (= e.amount * factor), and counts in `tally`.
void ConvertUncertainty(const olca::Exchange& e, double factor, double amount, Exchange* x,
                        UncertaintyTally* tally);

}  // namespace gpulca::inventory
