#include "lca/sampler.h"

#include <boost/random/normal_distribution.hpp>
#include <boost/random/triangle_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cmath>

namespace gpulca::lca {
namespace {

// SplitMix64 (Steele, Lea & Flood 2014): decorrelates neighbouring seeds.
uint64_t SplitMix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

RandomEngine IterationEngine(uint64_t seed, uint64_t iteration) {
  return RandomEngine(SplitMix64(SplitMix64(seed) ^ iteration));
}

double Sample(const Uncertainty& u, double nominal, RandomEngine& engine) {
  switch (u.kind) {
    case Uncertainty::Kind::kNone:
      return nominal;
    case Uncertainty::Kind::kLognormal: {
      if (nominal == 0.0 || u.gsd <= 1.0) return nominal;
      boost::random::normal_distribution<double> z(0.0, std::log(u.gsd));
      return nominal * std::exp(z(engine));
    }
    case Uncertainty::Kind::kNormal: {
      if (u.sd <= 0.0) return nominal;
      boost::random::normal_distribution<double> z(nominal, u.sd);
      return z(engine);
    }
    case Uncertainty::Kind::kTriangular: {
      if (u.min >= u.max) return nominal;
      boost::random::triangle_distribution<double> t(u.min, nominal, u.max);
      return t(engine);
    }
    case Uncertainty::Kind::kUniform: {
      if (u.min >= u.max) return u.min;
      boost::random::uniform_real_distribution<double> r(u.min, u.max);
      return r(engine);
    }
  }
  return nominal;
}

}  // namespace gpulca::lca
