// gpulca_bench_mc: Monte Carlo iterations per second, through the whole path
// (draws, formulas, matrices, numeric refactorisation, solve, impacts by
// stage), on one and on two threads:
//   (e) the H100 model of the bundled data (nvidia-h100-sxm5-lifecycle);
//   (f) the large synthetic system (synthetic_database.h) with every
//       exchange lognormal (gsd 1.1).
//   gpulca_bench_mc --db PATH --data DIR [--seed N] [--h100 N] [--large N] [--out DIR]
// The rate is the steady state: iterations over the wall time of the
// iterations (McResult::iteration_seconds), the set-up (planning, one
// factorisation per thread) left out; best of --repeats. Also checks that 1
// and 2 threads give bit-identical samples.
// Also times Refactor + Solve of the large system's technosphere as a
// calculation orders it (FactorUse::kOnce, AMD) and as a Monte Carlo run
// does (kRepeated: the ordering with fewer flops), in turn, best of 10.
// With --out, writes both systems' matrices (A_h100.mtx, B_h100.mtx,
// C_h100.mtx, f_h100.mtx and A_large.mtx ...) for bench/scipy_mc.py.
// Prints a RESULT line.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "bench/matrix_market.h"
#include "bench/perturbed.h"
#include "bench/synthetic_database.h"
#include "bench/synthetic_inventory.h"
#include "inventory/database/database.h"
#include "inventory/model/parameters.h"
#include "lca/engine/klu_solver.h"
#include "lca/system/matrix_data.h"
#include "lca/uncertainty/monte_carlo.h"

namespace {

using namespace gpulca;

// Steady-state iterations per second of one run; its samples into `samples`.
double Rate(const inventory::Inventory& inv, const inventory::ParameterSet& p,
            const lca::MatrixData& d, int n, int threads, uint64_t seed,
            std::vector<std::vector<double>>* samples = nullptr, int* inputs = nullptr) {
  lca::McOptions o;
  o.iterations = n;
  o.threads = threads;
  o.seed = seed;
  o.sensitivity = false;
  lca::McResult r = lca::RunMonteCarlo(inv, p, d, o);
  if (samples) *samples = std::move(r.samples);
  if (inputs) *inputs = r.uncertain_inputs;
  return r.iteration_seconds > 0 ? n / r.iteration_seconds : 0.0;
}

struct Rates {
  double one = 0, two = 0;
  int inputs = 0;
  bool identical = false;
};

// Best of `repeats` on 1 and on 2 threads, taken in turn.
Rates Measure(const inventory::Inventory& inv, const inventory::ParameterSet& p,
              const lca::MatrixData& d, int n, uint64_t seed, int repeats) {
  Rates r;
  std::vector<std::vector<double>> a, b;
  for (int k = 0; k < repeats; ++k) {
    r.one = std::max(r.one, Rate(inv, p, d, n, 1, seed, &a, &r.inputs));
    r.two = std::max(r.two, Rate(inv, p, d, n, 2, seed, &b));
  }
  r.identical = a == b;
  return r;
}

void Print(const char* what, const lca::MatrixData& d, const Rates& r) {
  std::printf("  %-34s %6zu processes %8d + %7d entries, %7d uncertain inputs\n", what,
              d.process_ids.size(), d.technosphere.nnz(), d.biosphere.nnz(), r.inputs);
  std::printf("  %-34s %10.1f it/s on 1 thread, %10.1f on 2 (x%.2f); 1 vs 2 threads: %s\n", "",
              r.one, r.two, r.two / r.one, r.identical ? "bit-identical" : "DIFFERENT");
}

// Best Refactor + Solve time (ms) of `once` and of `repeated`, in turn, on
// values perturbed by ±5 %.
struct RefactorTimes {
  double once_ms = HUGE_VAL, repeated_ms = HUGE_VAL;
};
RefactorTimes TimeRefactors(const lca::SparseMatrix& a, const std::vector<double>& f,
                            lca::KluSolver& once, lca::KluSolver& repeated) {
  const lca::SparseMatrix perturbed = bench::Perturbed(a);
  RefactorTimes t;
  for (int round = 0; round < 10; ++round) {
    for (auto [solver, best] : {std::pair{&once, &t.once_ms}, std::pair{&repeated, &t.repeated_ms}}) {
      const auto start = std::chrono::steady_clock::now();
      solver->Refactor(perturbed);
      const std::vector<double> s = solver->Solve(f);
      const auto stop = std::chrono::steady_clock::now();
      if (s.empty()) throw std::runtime_error("no scaling");
      *best = std::min(*best, std::chrono::duration<double, std::milli>(stop - start).count());
    }
  }
  return t;
}

void Write(const std::string& dir, const std::string& suffix, const lca::MatrixData& d) {
  bench::WriteMatrixMarket(dir + "/A" + suffix + ".mtx", d.technosphere);
  bench::WriteMatrixMarket(dir + "/B" + suffix + ".mtx", d.biosphere);
  bench::WriteMatrixMarket(dir + "/C" + suffix + ".mtx", d.characterisation);
  bench::WriteMatrixMarket(dir + "/f" + suffix + ".mtx", d.demand);
}

}  // namespace

int main(int argc, char** argv) {
  std::string db = "", data = "", out;
  uint64_t seed = 42;
  int h100 = 50000, large = 30, repeats = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--db") {
      db = argv[i + 1];
    } else if (a == "--data") {
      data = argv[i + 1];
    } else if (a == "--seed") {
      seed = std::strtoull(argv[i + 1], nullptr, 10);
    } else if (a == "--h100") {
      h100 = std::max(1, std::atoi(argv[i + 1]));
    } else if (a == "--large") {
      large = std::max(1, std::atoi(argv[i + 1]));
    } else if (a == "--repeats") {
      repeats = std::max(1, std::atoi(argv[i + 1]));
    } else if (a == "--out") {
      out = argv[i + 1];
    } else {
      std::fprintf(stderr,
                   "usage: %s --db PATH --data DIR [--seed N] [--h100 N] [--large N] "
                   "[--repeats N] [--out DIR]\n",
                   argv[0]);
      return 2;
    }
  }
  try {
    std::printf("Monte Carlo, steady state (best of %d), sensitivity off:\n", repeats);
    auto store = inventory::OpenDatabase(db, data);
    const inventory::Inventory inv = store->Read();
    inventory::ParameterSet p(inv);
    const lca::MatrixData d =
        lca::BuildMatrices(inv, p, "nvidia-h100-sxm5-lifecycle", 1.0, {});
    const Rates h = Measure(inv, p, d, h100, seed, repeats);
    Print("(e) H100 model, every impact", d, h);
    if (!out.empty()) Write(out, "_h100", d);

    bench::SyntheticOptions so;
    so.seed = seed;
    const inventory::Inventory big = bench::SyntheticInventory(bench::GenerateDatabase(so), 1.1);
    inventory::ParameterSet bp(big);
    const lca::MatrixData bd = lca::BuildMatrices(big, bp, "final", 1.0, {});
    const Rates l = Measure(big, bp, bd, large, seed, std::min(repeats, 2));
    Print("(f) large system, gsd 1.1 everywhere", bd, l);
    lca::KluSolver once(bd.technosphere, nullptr, lca::FactorUse::kOnce);
    lca::KluSolver repeated(bd.technosphere, nullptr, lca::FactorUse::kRepeated);
    const RefactorTimes rt = TimeRefactors(bd.technosphere, bd.demand, once, repeated);
    std::printf("  %-34s Refactor + Solve: AMD %.2f ms (%.3g flops), Monte Carlo's ordering (%s) "
                "%.2f ms (%.3g flops): x%.2f\n",
                "", rt.once_ms, once.flops(), repeated.ordering(), rt.repeated_ms,
                repeated.flops(), rt.once_ms / rt.repeated_ms);
    if (!out.empty()) Write(out, "_large", bd);
    std::printf(
        "RESULT h100_its_1=%.1f h100_its_2=%.1f large_its_1=%.2f large_its_2=%.2f "
        "identical=%d large_refactor_amd_ms=%.3f large_refactor_mc_ms=%.3f\n",
        h.one, h.two, l.one, l.two, h.identical && l.identical ? 1 : 0, rt.once_ms,
        rt.repeated_ms);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gpulca_bench_mc: %s\n", e.what());
    return 1;
  }
  return 0;
}
