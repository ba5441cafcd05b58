// Sampling of uncertainty distributions with Boost.Random, whose
// distributions give the same numbers on every platform (those of <random>
// are implementation-defined). Internal to lca/.
//
// Streams: the draw of one input at one iteration comes from its own
// stream, seeded from (run seed, the input's key, the iteration). It depends
// on nothing else: not on the thread that runs the iteration, not on the
// other inputs of the system, not on the other systems of a paired run. So a
// parameter shared by two systems (or two runs with one seed) is the same
// number in both at every iteration.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "inventory/model/model.h"

namespace gpulca::lca {

// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
// generators", OOPSLA): one 64-bit word of state, passes BigCrush, cheap to
// seed — one stream per input and iteration costs nothing.
// A UniformRandomBitGenerator for Boost.Random's distributions.
class RandomEngine {
 public:
  using result_type = uint64_t;
  explicit RandomEngine(uint64_t state) : state_(state) {}
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  result_type operator()();

 private:
  uint64_t state_;
};

// The 64-bit key of an input's stream: FNV-1a of its name (stable across
// platforms and runs).
uint64_t StreamKey(const std::string& name);

// The stream of input `key` at iteration `iteration` of a run seeded `seed`:
// StreamEngine(StreamBase(seed, key), iteration).
RandomEngine InputEngine(uint64_t seed, uint64_t key, uint64_t iteration);
uint64_t StreamBase(uint64_t seed, uint64_t key);
RandomEngine StreamEngine(uint64_t base, uint64_t iteration);

// The first unit normal of `engine` exactly as Boost's normal_distribution
// draws it (Distribution uses Boost), the common case of its ziggurat
// decided inline: faster where a stream gives one draw (InputDraws).
double FirstUnitNormal(RandomEngine engine);

// One draw from `u` around `nominal`:
//   lognormal: median |nominal|, geometric SD gsd, with nominal's sign (a
//     negative amount is the mirror image: −LN(|nominal|, gsd));
//   normal: mean nominal, SD sd;  triangular: mode nominal on [min, max];
//   uniform: [min, max];  none: nominal.
// Degenerate distributions (gsd 1, sd 0, min == max, nominal 0 for a
// lognormal) return nominal (min for uniform).
double Sample(const inventory::Uncertainty& u, double nominal, RandomEngine& engine);

// Sample(u, nominal, ·) prepared for many draws (logarithms taken once,
// degenerate cases settled once, 40 bytes): the same numbers, faster.
class Distribution {
 public:
  Distribution(const inventory::Uncertainty& u, double nominal);
  double operator()(RandomEngine& engine) const;
  // The value at quantile q in (0, 1) (the inverse of the distribution
  // function; q is clamped to [2^-53, 1 - 2^-53]): for designs that choose
  // the quantiles (mc_design.h). Degenerate distributions as above.
  double Quantile(double q) const;

 private:
  friend class InputDraws;
  // kConstant: a distribution without spread (none, gsd 1, sd 0, min ==
  // max, a lognormal of nominal 0): value_ whatever the draw or quantile.
  enum class Shape : unsigned char { kConstant, kLognormal, kNormal, kTriangular, kUniform };
  // A normal or lognormal at unit normal z: z sd + nominal, nominal e^(z ln gsd).
  static double Scale(Shape shape, double value, double spread, double z);

  Shape shape_ = Shape::kConstant;
  double value_ = 0;   // the nominal (min for a degenerate uniform)
  double spread_ = 0;  // ln gsd (lognormal), sd (normal)
  double min_ = 0, max_ = 0;
};

// The draws of many inputs at each iteration, laid out for one pass over
// memory (a large system draws hundreds of thousands an iteration: a
// normal or lognormal input costs 25 bytes read). Draw(i, out) sets out[u],
// for the u-th input added, to distribution(StreamEngine(base, i)): the
// same numbers as drawn one by one.
class InputDraws {
 public:
  void Add(const Distribution& distribution, uint64_t base);
  // REQUIRES: out has room for one double per input added.
  void Draw(uint64_t iteration, double* out) const;

 private:
  std::vector<uint64_t> bases_;
  std::vector<Distribution::Shape> shapes_;
  std::vector<std::array<double, 2>> scales_;  // value, spread
  std::vector<Distribution> others_;           // triangular and uniform, in order
};

}  // namespace gpulca::lca
