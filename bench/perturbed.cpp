#include "bench/perturbed.h"

#include <cmath>
#include <vector>

namespace gpulca::bench {

lca::SparseMatrix Perturbed(const lca::SparseMatrix& a) {
  lca::SparseMatrix perturbed = a;
  std::vector<double> values = a.values();
  for (size_t p = 0; p < values.size(); ++p) values[p] *= 1.0 + 0.05 * std::sin(p * 12.9898);
  perturbed.SetValues(values);
  return perturbed;
}

}  // namespace gpulca::bench
