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

Distribution::Distribution(const Uncertainty& u, double nominal)
    : value_(nominal), min_(u.min), max_(u.max) {
  switch (u.kind) {
    case Uncertainty::Kind::kNone:
      return;
    case Uncertainty::Kind::kLognormal:
      if (u.gsd > 1.0) spread_ = std::log(u.gsd);
      if (nominal != 0.0 && spread_ > 0.0) shape_ = Shape::kLognormal;
      return;
    case Uncertainty::Kind::kNormal:
      spread_ = u.sd;
      if (u.sd > 0.0) shape_ = Shape::kNormal;
      return;
    case Uncertainty::Kind::kTriangular:
      if (u.min < u.max) shape_ = Shape::kTriangular;
      return;
    case Uncertainty::Kind::kUniform:
      if (u.min < u.max) {
        shape_ = Shape::kUniform;
      } else {
        value_ = u.min;
      }
      return;
  }
}

double Distribution::Scale(Shape shape, double value, double spread, double z) {
  if (shape == Shape::kLognormal) return value * std::exp(z * spread);
  return z * spread + value;
}

namespace {

// A unit normal z, scaled as Boost's normal_distribution scales it (z·σ + μ).
double UnitNormal(RandomEngine& engine) {
  return boost::random::normal_distribution<double>(0.0, 1.0)(engine);
}

}  // namespace

double FirstUnitNormal(RandomEngine engine) {
  // Boost's ziggurat (boost/random/normal_distribution.hpp, 128 layers;
  // Marsaglia & Tsang 2000, "The ziggurat method for generating random
  // variables", J. Stat. Softw. 5(8)) takes, from one 64-bit word of a
  // 64-bit engine (int_float_pair.hpp), the low 8 bits as layer and sign
  // and the word with bit 11 cleared, shifted right 8 and scaled by 2^-56,
  // as the abscissa's fraction; inside the layer's rectangle it is done.
  RandomEngine start = engine;
  const uint64_t u = engine();
  const int bucket = static_cast<int>(u & 0xff);
  const int layer = bucket >> 1;
  const double* const table_x = boost::random::detail::normal_table<double>::table_x;
  const double x = static_cast<double>((u & ~(uint64_t{1} << 11)) >> 8) * 0x1p-56 * table_x[layer];
  // As Boost returns it: times the sign (no branch: the sign is a coin
  // toss), times σ = 1 plus μ = 0 (which turns −0 into +0).
  if (x < table_x[layer + 1]) return x * static_cast<double>((bucket & 1) * 2 - 1) + 0.0;
  // Outside (2.8 % of draws): Boost from the same state, which draws
  // that word again.
  return UnitNormal(start);
}

double Distribution::operator()(RandomEngine& engine) const {
  switch (shape_) {
    case Shape::kConstant:
      return value_;
    case Shape::kLognormal:
    case Shape::kNormal:
      return Scale(shape_, value_, spread_, UnitNormal(engine));
    case Shape::kTriangular:
      return boost::random::triangle_distribution<double>(min_, value_, max_)(engine);
    case Shape::kUniform:
      return boost::random::uniform_real_distribution<double>(min_, max_)(engine);
  }
  return value_;
}

double Distribution::Quantile(double q) const {
  q = std::min(std::max(q, std::ldexp(1.0, -53)), 1.0 - std::ldexp(1.0, -53));
  switch (shape_) {
    case Shape::kConstant:
      return value_;
    case Shape::kLognormal:
    case Shape::kNormal:
      return Scale(shape_, value_, spread_,
                   boost::math::quantile(boost::math::normal_distribution<double>(), q));
    case Shape::kTriangular: {
      const double mode = std::min(std::max(value_, min_), max_);
      return boost::math::quantile(boost::math::triangular_distribution<double>(min_, mode, max_),
                                   q);
    }
    case Shape::kUniform:
      return min_ + q * (max_ - min_);
  }
  return value_;
}

void InputDraws::Add(const Distribution& distribution, uint64_t base) {
  bases_.push_back(base);
  shapes_.push_back(distribution.shape_);
  scales_.push_back({distribution.value_, distribution.spread_});
  if (distribution.shape_ == Distribution::Shape::kTriangular ||
      distribution.shape_ == Distribution::Shape::kUniform) {
    others_.push_back(distribution);
  }
}

void InputDraws::Draw(uint64_t iteration, double* out) const {
  using Shape = Distribution::Shape;
  size_t other = 0;
  for (size_t u = 0; u < bases_.size(); ++u) {
    const auto [value, spread] = scales_[u];
    switch (shapes_[u]) {
      case Shape::kConstant:
        out[u] = value;
        break;
      case Shape::kLognormal:
      case Shape::kNormal:
        out[u] = Distribution::Scale(shapes_[u], value, spread,
                                     FirstUnitNormal(StreamEngine(bases_[u], iteration)));
        break;
      case Shape::kTriangular:
      case Shape::kUniform: {
        RandomEngine engine = StreamEngine(bases_[u], iteration);
        out[u] = others_[other++](engine);
        break;
      }
    }
  }
}

double Sample(const Uncertainty& u, double nominal, RandomEngine& engine) {
  return Distribution(u, nominal)(engine);
}

}  // namespace gpulca::lca
