// gpulca_generate_system: writes a synthetic background database (see
// synthetic_database.h) as MatrixMarket files A.mtx, B.mtx, C.mtx, f.mtx.
//   gpulca_generate_system [--seed N] [--processes N] [--out DIR]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>

#include "bench/matrix_market.h"
#include "bench/synthetic_database.h"
#include "graph/supply_graph.h"

int main(int argc, char** argv) {
  using namespace gpulca;
  bench::SyntheticOptions options;
  std::string out = ".";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--seed")) {
      options.seed = std::strtoull(argv[i + 1], nullptr, 10);
    } else if (!std::strcmp(argv[i], "--processes")) {
      options.processes = std::atoi(argv[i + 1]);
    } else if (!std::strcmp(argv[i], "--out")) {
      out = argv[i + 1];
    } else {
      std::fprintf(stderr, "usage: %s [--seed N] [--processes N] [--out DIR]\n", argv[0]);
      return 2;
    }
  }
  try {
    bench::SyntheticDatabase db = bench::GenerateDatabase(options);
    const lca::SparseMatrix a =
        lca::SparseMatrix::FromTriplets(db.processes, db.processes, std::move(db.technosphere));
    const lca::SparseMatrix b =
        lca::SparseMatrix::FromTriplets(db.flows, db.processes, std::move(db.biosphere));
    const lca::SparseMatrix c =
        lca::SparseMatrix::FromTriplets(db.impacts, db.flows, std::move(db.characterisation));
    bench::WriteMatrixMarket(out + "/A.mtx", a);
    bench::WriteMatrixMarket(out + "/B.mtx", b);
    bench::WriteMatrixMarket(out + "/C.mtx", c);
    bench::WriteMatrixMarket(out + "/f.mtx", db.demand);
    const graph::Loops loops =
        graph::SupplyGraph::FromColumns(a.cols(), a.col_ptr(), a.row_idx()).FindLoops();
    size_t largest = 0;
    for (const auto& members : loops.members) largest = std::max(largest, members.size());
    std::printf(
        "seed %llu: A %dx%d, %d entries (%zu loops, largest %zu processes); "
        "B %dx%d, %d entries; C %dx%d, %d entries -> %s/{A,B,C,f}.mtx\n",
        static_cast<unsigned long long>(options.seed), a.rows(), a.cols(), a.nnz(),
        loops.members.size(), largest, b.rows(), b.cols(), b.nnz(), c.rows(), c.cols(), c.nnz(),
        out.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gpulca_generate_system: %s\n", e.what());
    return 1;
  }
  return 0;
}
