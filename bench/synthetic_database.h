// A synthetic background database shaped like a real one (ecoinvent-sized),
// for benchmarks. Deterministic: a seed gives the same matrices on every
// platform (own PRNG and transforms, no <random> distributions).
//
// Shape:
//   - `markets` heavily used market processes with a power-law popularity:
//     electricity and transport markets are consumed by nearly everything;
//     each market consumes from a handful of producers, and electricity
//     markets trade with each other, so loops close through the markets
//     (markets -> producers -> electricity/transport markets -> markets);
//   - the other processes are producers: inputs from markets and from
//     producers further upstream (acyclic among themselves), with a
//     heavy-tailed number of inputs and a power-law fan-in;
//   - reference outputs mostly 1, some in other units (0.1..100);
//   - every column consumes 10-60 % of its reference output in total, so A
//     is a column diagonally dominant M-matrix: solvable, no divergent loop;
//   - B: `flows` elementary flows with power-law popularity (CO2 in almost
//     every process); C: 5 impacts over 30-80 flows each.
#pragma once

#include <cstdint>
#include <vector>

#include "lca/engine/sparse_matrix.h"

namespace gpulca::bench {

struct SyntheticOptions {
  std::uint64_t seed = 42;
  int processes = 20000;
  int markets = 300;
  int technosphere_entries = 250000;  // approximate, diagonal included
  int flows = 1000;
  int biosphere_entries = 300000;  // approximate
  int impacts = 5;
  int demanded_processes = 5;  // f = 1 on this many final products
};

struct SyntheticDatabase {
  int processes = 0;
  int flows = 0;
  int impacts = 0;
  std::vector<lca::Triplet> technosphere;  // processes x processes
  std::vector<lca::Triplet> biosphere;     // flows x processes
  std::vector<lca::Triplet> characterisation;  // impacts x flows
  std::vector<double> demand;              // size processes
};

// Throws std::invalid_argument unless processes > markets >= 50,
// flows >= 100, impacts in [1, 5] and demanded_processes >= 1.
SyntheticDatabase GenerateDatabase(const SyntheticOptions& options);

}  // namespace gpulca::bench
