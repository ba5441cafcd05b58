#include "lca/uncertainty/internal/sampler.h"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/triangular.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/triangle_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <algorithm>
#include <cmath>

namespace gpulca::lca {
namespace {

using inventory::Uncertainty;

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

uint64_t StreamBase(uint64_t seed, uint64_t key) { return Mix(Mix(seed) ^ key); }

RandomEngine StreamEngine(uint64_t base, uint64_t iteration) {
  return RandomEngine(Mix(base ^ iteration));
}

RandomEngine InputEngine(uint64_t seed, uint64_t key, uint64_t iteration) {
  return StreamEngine(StreamBase(seed, key), iteration);
}

Distribution::Distribution(const Uncertainty& u, double nominal) : u_(u), nominal_(nominal) {
  if (u.kind == Uncertainty::Kind::kLognormal && u.gsd > 1.0) sigma_ = std::log(u.gsd);
}

bool Distribution::Flat() const {
  if (u_.kind == Uncertainty::Kind::kLognormal) return nominal_ == 0.0 || !(sigma_ > 0.0);
  return !(u_.sd > 0.0);
}

double Distribution::Scale(double z) const {
  if (u_.kind == Uncertainty::Kind::kLognormal) return nominal_ * std::exp(z * sigma_);
  return z * u_.sd + nominal_;
}

double Distribution::operator()(RandomEngine& engine) const {
  // A unit normal z, scaled as Boost's normal_distribution scales it (z·σ + μ).
  auto unit_normal = [&engine] { return boost::random::normal_distribution<double>(0.0, 1.0)(engine); };
  switch (u_.kind) {
    case Uncertainty::Kind::kNone:
      return nominal_;
    case Uncertainty::Kind::kLognormal:
    case Uncertainty::Kind::kNormal:
      return Flat() ? nominal_ : Scale(unit_normal());
    case Uncertainty::Kind::kTriangular:
      if (!(u_.min < u_.max)) return nominal_;
      return boost::random::triangle_distribution<double>(u_.min, nominal_, u_.max)(engine);
    case Uncertainty::Kind::kUniform:
      if (!(u_.min < u_.max)) return u_.min;
      return boost::random::uniform_real_distribution<double>(u_.min, u_.max)(engine);
  }
  return nominal_;
}

double Distribution::Quantile(double q) const {
  q = std::min(std::max(q, std::ldexp(1.0, -53)), 1.0 - std::ldexp(1.0, -53));
  auto unit_normal = [q] { return boost::math::quantile(boost::math::normal_distribution<double>(), q); };
  switch (u_.kind) {
    case Uncertainty::Kind::kNone:
      return nominal_;
    case Uncertainty::Kind::kLognormal:
    case Uncertainty::Kind::kNormal:
      return Flat() ? nominal_ : Scale(unit_normal());
    case Uncertainty::Kind::kTriangular: {
      if (!(u_.min < u_.max)) return nominal_;
      const double mode = std::min(std::max(nominal_, u_.min), u_.max);
      return boost::math::quantile(
          boost::math::triangular_distribution<double>(u_.min, mode, u_.max), q);
    }
    case Uncertainty::Kind::kUniform:
      if (!(u_.min < u_.max)) return u_.min;
      return u_.min + q * (u_.max - u_.min);
  }
  return nominal_;
}

double Sample(const Uncertainty& u, double nominal, RandomEngine& engine) {
  return Distribution(u, nominal)(engine);
}

}  // namespace gpulca::lca
