#include "bench/synthetic_database.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace gpulca::bench {
namespace {

// SplitMix64: tiny, fast, fully specified, so results do not depend on the
// standard library's distributions.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double Uniform() { return (Next() >> 11) * 0x1.0p-53; }  // [0, 1)
  int Below(int n) { return static_cast<int>(Uniform() * n); }
  double LogUniform(double lo, double hi) {
    return lo * std::exp(Uniform() * std::log(hi / lo));
  }
  // Index in [0, n) with weight ~ 1 / (k + 1)^alpha, by inverse transform of
  // the continuous power law: cheap and close enough for a benchmark.
  int PowerLaw(int n, double alpha) {
    const double u = Uniform();
    const double a = 1.0 - alpha;
    const double top = std::pow(n + 1.0, a);
    const double x = std::pow(1.0 + u * (top - 1.0), 1.0 / a) - 1.0;
    return std::min(n - 1, static_cast<int>(x));
  }

 private:
  std::uint64_t state_;
};

// Spreads `total` over `k` weights drawn from an exponential distribution:
// a few large inputs, many small ones.
std::vector<double> Split(Rng& rng, int k, double total) {
  std::vector<double> w(k);
  double sum = 0.0;
  for (double& x : w) sum += (x = -std::log(1.0 - rng.Uniform()) + 1e-3);
  for (double& x : w) x *= total / sum;
  return w;
}

// Draws distinct indices with `draw`: a process lists a provider or an
// elementary flow once. Gives up on an entry after a few collisions.
template <typename Draw>
std::vector<int> Distinct(int count, Draw draw) {
  std::vector<int> picked;
  picked.reserve(count);
  for (int k = 0; k < count; ++k) {
    for (int attempt = 0; attempt < 8; ++attempt) {
      const int x = draw();
      if (std::find(picked.begin(), picked.end(), x) == picked.end()) {
        picked.push_back(x);
        break;
      }
    }
  }
  return picked;
}

}  // namespace

SyntheticDatabase GenerateDatabase(const SyntheticOptions& o) {
  if (o.markets < 50 || o.processes <= o.markets || o.flows < 100 || o.impacts < 1 ||
      o.impacts > 5 || o.demanded_processes < 1) {
    throw std::invalid_argument(
        "synthetic database: needs processes > markets >= 50, flows >= 100, impacts in [1, 5] "
        "and a demanded process (" + std::to_string(o.processes) + " processes, " +
        std::to_string(o.markets) + " markets, " + std::to_string(o.flows) + " flows, " +
        std::to_string(o.impacts) + " impacts)");
  }
  Rng rng(o.seed);
  SyntheticDatabase db;
  const int n = o.processes;
  const int markets = o.markets;
  const int electricity = markets / 10;          // markets [0, electricity)
  const int transport = electricity + markets / 15;  // then transport markets
  db.processes = n;
  db.flows = o.flows;
  db.impacts = o.impacts;
  std::vector<lca::Triplet>& a = db.technosphere;
  a.reserve(o.technosphere_entries + n);

  std::vector<double> output(n);
  for (int j = 0; j < n; ++j) {
    output[j] = (j < markets || rng.Uniform() < 0.8) ? 1.0 : rng.LogUniform(0.1, 100.0);
    a.push_back({j, j, output[j]});
  }

  // Markets: producers of their product, transport, and (for electricity)
  // imports from neighbouring grids.
  int market_entries = 0;
  for (int m = 0; m < markets; ++m) {
    const int suppliers = 2 + static_cast<int>(40.0 * std::pow(rng.Uniform(), 3.0));
    const int freight = m < electricity ? 0 : 1 + rng.Below(3);
    const int imports = m < electricity ? rng.Below(4) : 0;
    std::vector<double> w =
        Split(rng, suppliers + freight + imports, output[m] * (0.3 + 0.3 * rng.Uniform()));
    int k = 0;
    for (int p : Distinct(suppliers, [&] { return markets + rng.Below(n - markets); })) {
      a.push_back({p, m, -w[k++]});
    }
    for (int t : Distinct(freight, [&] { return electricity + rng.Below(transport - electricity); })) {
      a.push_back({t, m, -w[k++]});
    }
    for (int other : Distinct(imports, [&] { return rng.Below(electricity); })) {
      if (other != m) a.push_back({other, m, -w[k++]});
    }
    market_entries += suppliers + freight + imports;
  }

  // Producers: heavy-tailed number of inputs (1 + spread·u·v, mean about
  // spread/4 + 1/2). As in a market-linked database, most inputs (85 %) come
  // from markets, drawn by a power law (electricity and transport first);
  // the rest are direct links to a producer a little further up the same
  // supply chain (higher index, so producers alone never form a loop).
  const int producers = n - markets;
  const double per_producer =
      std::max(1.0, double(o.technosphere_entries - n - market_entries) / producers);
  const double spread = 4.0 * (per_producer - 0.5);
  for (int j = markets; j < n; ++j) {
    const int count = 1 + static_cast<int>(spread * rng.Uniform() * rng.Uniform());
    const std::vector<int> providers = Distinct(count, [&] {
      if (rng.Uniform() < 0.85 || j == n - 1) return rng.PowerLaw(markets, 1.1);
      return std::min(n - 1, j + 1 + rng.Below(30));
    });
    // Amounts in the provider's unit, per unit of j's reference output.
    const std::vector<double> w = Split(
        rng, static_cast<int>(providers.size()), output[j] * (0.1 + 0.5 * rng.Uniform()));
    for (size_t k = 0; k < providers.size(); ++k) a.push_back({providers[k], j, -w[k]});
  }

  // Biosphere: each process emits a heavy-tailed number of distinct flows.
  const double per_process = double(o.biosphere_entries) / n;
  db.biosphere.reserve(o.biosphere_entries + n);
  for (int j = 0; j < n; ++j) {
    const int count =
        1 + static_cast<int>(4.0 * (per_process - 0.5) * rng.Uniform() * rng.Uniform());
    for (int flow : Distinct(count, [&] { return rng.PowerLaw(o.flows, 0.8); })) {
      db.biosphere.push_back({flow, j, rng.LogUniform(1e-6, 10.0)});
    }
  }

  // Characterisation: gwp100 and gwp20 share the greenhouse gases (the most
  // common flows); the others pick their own.
  const int factors[5] = {80, 80, 40, 30, 60};
  for (int h = 0; h < o.impacts; ++h) {
    Rng pick(h < 2 ? o.seed ^ 0xC0FFEEull : o.seed + 7919ull * h);
    for (int k = 0; k < factors[h]; ++k) {
      const int flow = pick.PowerLaw(o.flows, 0.5);
      db.characterisation.push_back({h, flow, rng.LogUniform(1e-3, 1e4)});
    }
  }

  // Final demand: a few downstream producers (low index: nothing consumes
  // them except markets by chance).
  db.demand.assign(n, 0.0);
  const int downstream = std::min(1000, n - markets);
  for (int d = 0; d < o.demanded_processes; ++d) db.demand[markets + rng.Below(downstream)] = 1.0;
  return db;
}

}  // namespace gpulca::bench
