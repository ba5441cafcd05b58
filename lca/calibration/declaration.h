// A supplier's declaration taken as an observation of the model, for
// calibration (calibration.h): the declared value of one unit of a device,
// and how uncertain the declaration itself is.
//
// The observation model: ln(declared) = ln(model) + ε, ε ~ N(0, ln² gsd).
// A declaration that states a range [low, high] has the gsd that makes the
// range its 90 % interval, exp(ln(high / low) / (2 × 1.644854)); one that
// states none takes kDefaultDeclarationPedigree's gsd (docs/calibration.md).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "inventory/records/pact_footprint.h"
#include "inventory/records/published_footprint.h"

namespace gpulca::lca {

// The pedigree scores (reliability, completeness, temporal, geographical,
// technological; ecoinvent v3's matrix, inventory/model/pedigree.h) whose
// gsd a declaration without a stated range is given: the middle score, 3,
// on every indicator. It is also what PACT counts a footprint without
// data-quality ratings as (DQR 3, docs/interop.md).
inline constexpr std::array<int, 5> kDefaultDeclarationPedigree = {3, 3, 3, 3, 3};

// exp(sqrt(basic variance + the five pedigree variances)) of the scores above.
double DefaultDeclarationGsd();

struct Declaration {
  std::string id;      // the published footprint's id, or the PACT file's name
  std::string device;  // the process assessed (one unit of its product)
  std::string impact = "gwp100";
  double value = 0;    // per unit of the device, in the impact's unit
  double gsd = 0;      // of the observation, > 1
  std::string gsd_basis;  // how the gsd was set, in words
  double divisor = 1;     // for display: the value per `per`
  std::string per = "device";
};

// A published footprint (data/validation/) as a declaration; `gsd` set by
// the user replaces the stated range and the default.
Declaration DeclarationOf(const inventory::PublishedFootprint& footprint,
                          std::optional<double> gsd = std::nullopt);

// A PACT footprint (per product, cradle to gate) of catalogue GPU `gpu`.
Declaration DeclarationOf(const inventory::PactFootprint& footprint, const std::string& gpu,
                          std::optional<double> gsd = std::nullopt);

}  // namespace gpulca::lca
