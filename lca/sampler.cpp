#include "lca/sampler.h"

#include <boost/random/normal_distribution.hpp>
#include <boost/random/triangle_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cmath>

namespace gpulca::lca {
namespace {

constexpr uint64_t kGolden = 0x9e3779b97f4a7c15ULL;

// SplitMix64's output function.
uint64_t Finalise(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t Mix(uint64_t x) { return Finalise(x + kGolden); }

}  // namespace

RandomEngine::result_type RandomEngine::operator()() { return Finalise(state_ += kGolden); }

uint64_t StreamKey(const std::string& name) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : name) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

RandomEngine InputEngine(uint64_t seed, uint64_t key, uint64_t iteration) {
  return RandomEngine(Mix(Mix(Mix(seed) ^ key) ^ iteration));
}

double Sample(const Uncertainty& u, double nominal, RandomEngine& engine) {
  switch (u.kind) {
    case Uncertainty::Kind::kNone:
      return nominal;
    case Uncertainty::Kind::kLognormal: {
      if (nominal == 0.0 || !(u.gsd > 1.0)) return nominal;
      boost::random::normal_distribution<double> z(0.0, std::log(u.gsd));
      return nominal * std::exp(z(engine));
    }
    case Uncertainty::Kind::kNormal: {
      if (!(u.sd > 0.0)) return nominal;
      boost::random::normal_distribution<double> z(nominal, u.sd);
      return z(engine);
    }
    case Uncertainty::Kind::kTriangular: {
      if (!(u.min < u.max)) return nominal;
      boost::random::triangle_distribution<double> t(u.min, nominal, u.max);
      return t(engine);
    }
    case Uncertainty::Kind::kUniform: {
      if (!(u.min < u.max)) return u.min;
      boost::random::uniform_real_distribution<double> r(u.min, u.max);
      return r(engine);
    }
  }
  return nominal;
}

}  // namespace gpulca::lca
