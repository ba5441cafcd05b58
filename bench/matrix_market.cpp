#include "bench/matrix_market.h"

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace gpulca::bench {
namespace {

using File = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

File Open(const std::string& path) {
  File f(std::fopen(path.c_str(), "w"), &std::fclose);
  if (!f) throw std::runtime_error("cannot write " + path);
  return f;
}

}  // namespace

void WriteMatrixMarket(const std::string& path, const lca::SparseMatrix& m) {
  File f = Open(path);
  std::fprintf(f.get(), "%%%%MatrixMarket matrix coordinate real general\n%d %d %d\n", m.rows(),
               m.cols(), m.nnz());
  for (int c = 0; c < m.cols(); ++c) {
    for (int p = m.col_ptr()[c]; p < m.col_ptr()[c + 1]; ++p) {
      std::fprintf(f.get(), "%d %d %.17g\n", m.row_idx()[p] + 1, c + 1, m.values()[p]);
    }
  }
}

void WriteMatrixMarket(const std::string& path, const std::vector<double>& v) {
  File f = Open(path);
  std::fprintf(f.get(), "%%%%MatrixMarket matrix array real general\n%zu 1\n", v.size());
  for (double x : v) std::fprintf(f.get(), "%.17g\n", x);
}

}  // namespace gpulca::bench
