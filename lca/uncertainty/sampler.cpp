#include "lca/uncertainty/internal/sampler.h"

#include <boost/random/normal_distribution.hpp>
#include <boost/random/triangle_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
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

double Distribution::operator()(RandomEngine& engine) const {
  // A unit normal z, scaled as Boost's normal_distribution scales it (z·σ + μ).
  auto unit_normal = [&engine] { return boost::random::normal_distribution<double>(0.0, 1.0)(engine); };
  switch (u_.kind) {
    case Uncertainty::Kind::kNone:
      return nominal_;
    case Uncertainty::Kind::kLognormal:
      if (nominal_ == 0.0 || !(sigma_ > 0.0)) return nominal_;
      return nominal_ * std::exp(unit_normal() * sigma_);
    case Uncertainty::Kind::kNormal:
      if (!(u_.sd > 0.0)) return nominal_;
      return unit_normal() * u_.sd + nominal_;
    case Uncertainty::Kind::kTriangular:
      if (!(u_.min < u_.max)) return nominal_;
      return boost::random::triangle_distribution<double>(u_.min, nominal_, u_.max)(engine);
    case Uncertainty::Kind::kUniform:
      if (!(u_.min < u_.max)) return u_.min;
      return boost::random::uniform_real_distribution<double>(u_.min, u_.max)(engine);
  }
  return nominal_;
}

double Sample(const Uncertainty& u, double nominal, RandomEngine& engine) {
  return Distribution(u, nominal)(engine);
}

}  // namespace gpulca::lca
