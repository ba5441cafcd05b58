// Sampling of uncertainty distributions with Boost.Random, whose
// distributions give the same numbers on every platform (those of <random>
// are implementation-defined). Internal to lca/.
#pragma once

#include <boost/random/mersenne_twister.hpp>
#include <cstdint>

#include "inventory/model.h"

namespace gpulca::lca {

using RandomEngine = boost::random::mt19937_64;

// The engine of iteration `iteration` of a run seeded with `seed`: each
// iteration has its own stream, so results do not depend on how iterations
// are spread over threads.
RandomEngine IterationEngine(uint64_t seed, uint64_t iteration);

// One draw from `u` around `nominal`: lognormal with median `nominal` and
// geometric SD gsd; normal with mean `nominal`; triangular with mode
// `nominal`; uniform on [min, max]. No distribution: `nominal`.
// REQUIRES: for lognormal, nominal > 0 (a zero nominal stays zero).
double Sample(const Uncertainty& u, double nominal, RandomEngine& engine);

}  // namespace gpulca::lca
