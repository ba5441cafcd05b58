// Importance weights of a Monte Carlo run's iterations: a calibration's
// posterior (lca/calibration/calibration.h) applied to any run of the same
// seed and iterations. Because the draw of an input at iteration i depends
// only on (seed, input, i), the weights computed on the declarations' systems
// weigh the same iterations of any other system: its summaries become the
// posterior's.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gpulca::lca {

struct McWeights {
  uint64_t seed = 0;
  std::vector<double> weights;            // [iteration], none negative, summing to 1
  std::vector<std::string> declarations;  // the declarations' ids, for the record
  double ess = 0;                         // Kish's effective sample size
};

}  // namespace gpulca::lca
