// gpulca_bench_calc: times one full LCA calculation on a synthetic
// ecoinvent-sized database against KLU called directly on the same arrays.
//   gpulca_bench_calc [--seed N] [--repeats N] [--out DIR]
// Prints a table and a RESULT line for bench/run; with --out, writes the
// scaling vector to DIR/s.txt for bench/scipy_spsolve.py to compare.
//
// (a) full calculation, lca::Calculate as `gpulca calc` runs it: build A, B,
//     C from triplets, analyse and factorise (checks, loops, equilibration,
//     KLU), solve A·s = f, the upstream intensities (Aᵀ·λ = (C·B)ᵀ, one
//     solve per impact with the same factorisation), impacts by stage,
//     process and flow;
// (a') the solver alone: MakeSolver + Solve + C·(B·s), for reference;
// (b) KLU alone: klu_analyze + klu_factor + klu_solve on A's CSC arrays,
//     with the ordering gpulca gives KLU, and (b') with KLU's defaults;
// (c) Monte Carlo step: Refactor (checks + klu_refactor) + solve of the
//     solver a Monte Carlo run builds (FactorUse::kRepeated: the ordering
//     of AMD and nested dissection that factorises in fewer flops), and
// (d) KLU alone with that ordering: klu_refactor + klu_solve;
// (d') KLU alone with the AMD ordering of (b), which a run used before.
// Each is the best of --repeats rounds; a round runs every step once, in
// turn, so that a change of load on a shared machine touches all alike.
#include <klu.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench/perturbed.h"
#include "bench/synthetic_database.h"
#include "lca/system/calculation.h"
#include "lca/engine/klu_ordering.h"
#include "lca/engine/klu_solver.h"
#include "lca/engine/solver_factory.h"
#include "lca/engine/sparse_matrix.h"

namespace {

using gpulca::lca::SparseMatrix;
using gpulca::lca::Triplet;

// A timed step: `prepare` runs untimed before each `run`.
struct Step {
  std::function<void()> run;
  std::function<void()> prepare = [] {};
  double best_ms = HUGE_VAL;
};

// Runs every step once per round, in order, `rounds` times; keeps each one's
// best time.
void RoundRobin(int rounds, const std::vector<Step*>& steps) {
  for (int r = 0; r < rounds; ++r) {
    for (Step* step : steps) {
      step->prepare();
      const auto start = std::chrono::steady_clock::now();
      step->run();
      const auto stop = std::chrono::steady_clock::now();
      step->best_ms =
          std::min(step->best_ms, std::chrono::duration<double, std::milli>(stop - start).count());
    }
  }
}

// KLU on raw CSC arrays, as a caller of the library would use it.
struct RawKlu {
  std::vector<int> ap, ai;
  std::vector<double> ax;
  klu_common common;
  klu_symbolic* symbolic = nullptr;
  klu_numeric* numeric = nullptr;

  gpulca::lca::BlockOrdering block_ordering = gpulca::lca::BlockOrdering::kAmd;

  // With `lca_ordering`, KLU gets the ordering hook gpulca's KluSolver uses,
  // ordering blocks by `ordering`; without, KLU's defaults (AMD with its
  // default dense-row threshold).
  RawKlu(const SparseMatrix& a, bool lca_ordering,
         gpulca::lca::BlockOrdering ordering = gpulca::lca::BlockOrdering::kAmd)
      : ap(a.col_ptr()), ai(a.row_idx()), ax(a.values()), block_ordering(ordering) {
    klu_defaults(&common);
    if (lca_ordering) {
      common.ordering = 3;
      common.user_order = &gpulca::lca::LcaBlockOrdering;
      common.user_data = &block_ordering;
    }
  }
  ~RawKlu() { Free(); }
  void Free() {
    if (numeric) klu_free_numeric(&numeric, &common);
    if (symbolic) klu_free_symbolic(&symbolic, &common);
  }
  void AnalyseFactorSolve(std::vector<double>& x) {
    Free();
    const int n = static_cast<int>(ap.size()) - 1;
    symbolic = klu_analyze(n, ap.data(), ai.data(), &common);
    if (!symbolic) throw std::runtime_error("klu_analyze failed");
    numeric = klu_factor(ap.data(), ai.data(), ax.data(), symbolic, &common);
    if (!numeric) throw std::runtime_error("klu_factor failed");
    if (!klu_solve(symbolic, numeric, n, 1, x.data(), &common)) {
      throw std::runtime_error("klu_solve failed");
    }
  }
  double Flops() {
    if (!klu_flops(symbolic, numeric, &common)) throw std::runtime_error("klu_flops failed");
    return common.flops;
  }
  void RefactorSolve(const std::vector<double>& values, std::vector<double>& x) {
    const int n = static_cast<int>(ap.size()) - 1;
    if (!klu_refactor(ap.data(), ai.data(), const_cast<double*>(values.data()), symbolic,
                      numeric, &common) ||
        !klu_solve(symbolic, numeric, n, 1, x.data(), &common)) {
      throw std::runtime_error("klu_refactor failed");
    }
  }
};

double MaxRelativeDifference(const std::vector<double>& x, const std::vector<double>& y) {
  double scale = 0.0;
  for (double v : y) scale = std::max(scale, std::fabs(v));
  double worst = 0.0;
  for (size_t i = 0; i < x.size(); ++i) {
    worst = std::max(worst, std::fabs(x[i] - y[i]) / std::max(std::fabs(y[i]), 1e-12 * scale));
  }
  return worst;
}

}  // namespace

int main(int argc, char** argv) {
  gpulca::bench::SyntheticOptions options;
  int repeats = 5;
  std::string out;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--seed")) {
      options.seed = std::strtoull(argv[i + 1], nullptr, 10);
    } else if (!std::strcmp(argv[i], "--repeats")) {
      repeats = std::max(1, std::atoi(argv[i + 1]));
    } else if (!std::strcmp(argv[i], "--out")) {
      out = argv[i + 1];
    } else {
      std::fprintf(stderr, "usage: %s [--seed N] [--repeats N] [--out DIR]\n", argv[0]);
      return 2;
    }
  }
  try {
    const gpulca::bench::SyntheticDatabase db = gpulca::bench::GenerateDatabase(options);
    const int n = db.processes;
    const std::vector<double>& f = db.demand;

    // (a) Full calculation. The triplet lists are copied before the timer
    // and moved in, as a caller that has just built them would.
    std::vector<double> s, h;
    std::vector<Triplet> ta, tb, tc;
    const char* solver_name = "";
    // The index vectors a product system comes with (processes without a
    // stage: a background database).
    gpulca::lca::MatrixData d;
    auto copy_triplets = [&] {
      ta = db.technosphere;
      tb = db.biosphere;
      tc = db.characterisation;
      d = gpulca::lca::MatrixData{};
      d.demand = f;
      d.stage_slots.assign(n, -1);
      for (int j = 0; j < n; ++j) d.process_ids.push_back("p" + std::to_string(j));
    };
    Step full{[&] {
                d.technosphere = SparseMatrix::FromTriplets(n, n, std::move(ta));
                d.biosphere = SparseMatrix::FromTriplets(db.flows, n, std::move(tb));
                d.characterisation =
                    SparseMatrix::FromTriplets(db.impacts, db.flows, std::move(tc));
                const gpulca::lca::LcaResult r = gpulca::lca::Calculate(std::move(d));
                s = r.scaling;
                h = r.impacts;
                solver_name = r.solver;
              },
              copy_triplets};
    Step solver_alone{[&] {
                        SparseMatrix a = SparseMatrix::FromTriplets(n, n, std::move(ta));
                        SparseMatrix b = SparseMatrix::FromTriplets(db.flows, n, std::move(tb));
                        SparseMatrix c =
                            SparseMatrix::FromTriplets(db.impacts, db.flows, std::move(tc));
                        const auto solver = gpulca::lca::MakeSolver(a);
                        const std::vector<double> x = c.Multiply(b.Multiply(solver->Solve(f)));
                        if (x.empty()) throw std::runtime_error("no impact");
                      },
                      copy_triplets};

    const SparseMatrix a = SparseMatrix::FromTriplets(n, n, db.technosphere);

    // (b) KLU alone on the same arrays: with gpulca's ordering (what the
    // overhead target compares with), and with KLU's defaults.
    RawKlu raw(a, true);
    std::vector<double> x;
    Step klu{[&] {
      x = f;
      raw.AnalyseFactorSolve(x);
    }};
    RawKlu raw_default(a, false);
    std::vector<double> x_default;
    Step klu_default{[&] {
      x_default = f;
      raw_default.AnalyseFactorSolve(x_default);
    }};

    // (c), (d) Monte Carlo step: new values on the same pattern (+-5 %).
    const SparseMatrix perturbed = gpulca::bench::Perturbed(a);
    gpulca::lca::KluSolver solver(a, nullptr, gpulca::lca::FactorUse::kRepeated);
    const bool nested = std::strcmp(solver.ordering(), "nested dissection") == 0;
    std::vector<double> s2;
    Step refactor{[&] {
      solver.Refactor(perturbed);
      s2 = solver.Solve(f);
    }};
    // KLU alone with the solver's ordering, factorised once untimed.
    RawKlu raw_repeated(a, true,
                        nested ? gpulca::lca::BlockOrdering::kNestedDissection
                               : gpulca::lca::BlockOrdering::kAmd);
    std::vector<double> x2 = f;
    raw_repeated.AnalyseFactorSolve(x2);
    Step klu_refactor{[&] {
      x2 = f;
      raw_repeated.RefactorSolve(perturbed.values(), x2);
    }};
    std::vector<double> x3;
    Step klu_refactor_amd{[&] {
      x3 = f;
      raw.RefactorSolve(perturbed.values(), x3);
    }};
    RoundRobin(repeats, {&full, &solver_alone, &klu, &klu_default, &refactor, &klu_refactor,
                         &klu_refactor_amd});
    const double full_calc_ms = full.best_ms, solver_ms = solver_alone.best_ms,
                 klu_ms = klu.best_ms, klu_default_ms = klu_default.best_ms,
                 refactor_ms = refactor.best_ms, klu_refactor_ms = klu_refactor.best_ms,
                 klu_refactor_amd_ms = klu_refactor_amd.best_ms;

    std::vector<double> residual = a.Multiply(s);
    double worst = 0.0;
    for (int i = 0; i < n; ++i) worst = std::max(worst, std::fabs(residual[i] - f[i]));

    std::printf("system: %d processes, %d technosphere entries, %zu biosphere entries, "
                "%d impacts; solver %s; best of %d\n",
                n, a.nnz(), db.biosphere.size(), db.impacts, solver_name, repeats);
    std::printf("  %-48s %10s %8s\n", "step", "ms", "ratio");
    std::printf("  %-48s %10.2f %8.2f\n", "(a) full calculation (lca::Calculate)", full_calc_ms,
                full_calc_ms / klu_ms);
    std::printf("  %-48s %10.2f %8.2f\n", "(a') solver alone: build, factor, solve, C·B·s",
                solver_ms, solver_ms / klu_ms);
    std::printf("  %-48s %10.2f %8.2f\n", "(b) KLU alone, same ordering: analyze+factor+solve",
                klu_ms, 1.0);
    std::printf("  %-48s %10.2f %8.2f\n", "(b') KLU alone, KLU's default AMD: same steps",
                klu_default_ms, klu_default_ms / klu_ms);
    std::printf("  %-48s %10.2f %8.2f\n", "(c) Refactor + Solve (Monte Carlo step)", refactor_ms,
                refactor_ms / klu_refactor_ms);
    std::printf("  %-48s %10.2f %8.2f\n", "(d) KLU alone, same ordering: refactor + solve",
                klu_refactor_ms, 1.0);
    std::printf("  %-48s %10.2f %8.2f\n", "(d') KLU alone, AMD ordering of (b): the same",
                klu_refactor_amd_ms, klu_refactor_amd_ms / klu_refactor_ms);
    std::printf("Monte Carlo ordering: %s, %.3g flops a factorisation (the AMD of (b): %.3g); "
                "max rel. diff. of (c) vs (d) = %.2e, (d) vs (d') = %.2e\n",
                solver.ordering(), solver.flops(), raw.Flops(), MaxRelativeDifference(s2, x2),
                MaxRelativeDifference(x2, x3));
    std::printf("check: max |A·s - f| = %.2e; max rel. diff. vs KLU alone = %.2e, vs default "
                "ordering = %.2e; h[0] = %.6g\n",
                worst, MaxRelativeDifference(s, x), MaxRelativeDifference(s, x_default),
                h.empty() ? 0.0 : h[0]);
    std::printf(
        "RESULT full_ms=%.3f solver_ms=%.3f klu_ms=%.3f klu_default_ms=%.3f refactor_ms=%.3f "
        "klu_refactor_ms=%.3f klu_refactor_amd_ms=%.3f\n",
        full_calc_ms, solver_ms, klu_ms, klu_default_ms, refactor_ms, klu_refactor_ms,
        klu_refactor_amd_ms);

    if (!out.empty()) {
      std::FILE* file = std::fopen((out + "/s.txt").c_str(), "w");
      if (!file) throw std::runtime_error("cannot write " + out + "/s.txt");
      for (double v : s) std::fprintf(file, "%.17g\n", v);
      std::fclose(file);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gpulca_bench_calc: %s\n", e.what());
    return 1;
  }
  return 0;
}
