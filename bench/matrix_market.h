// Minimal MatrixMarket writers, so that SciPy (scipy.io.mmread) reads the
// benchmark's matrices. Values are written with 17 significant digits: they
// round-trip exactly.
#pragma once

#include <string>
#include <vector>

#include "lca/engine/sparse_matrix.h"

namespace gpulca::bench {

// "coordinate real general", 1-based, entries of the compressed matrix.
// Throws std::runtime_error if the file cannot be written.
void WriteMatrixMarket(const std::string& path, const lca::SparseMatrix& m);

// "array real general", one column.
void WriteMatrixMarket(const std::string& path, const std::vector<double>& v);

}  // namespace gpulca::bench
