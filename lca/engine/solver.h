// Solvers of the technosphere system A·s = f.
//
// Convention (as in Heijungs & Suh 2002 and openLCA): A is square n x n;
// column j is process j and row i is the reference product of process i.
// The diagonal holds each process's reference output (positive); an
// off-diagonal entry is negative for a consumption and positive for a
// co-product. f is the final demand, s the scaling of each process.
//
// Solvers factorise A (never invert it) once and then solve for many demands,
// with A (the scaling s of a demand f) or with Aᵀ (the upstream intensities
// λ of a direct impact c: Aᵀ·λ = c), from the same factorisation. Refactor()
// takes new values on the same pattern, which is what Monte Carlo does every
// iteration.
//
// Every solver checks, at construction and on Refactor, and throws
// gpulca::SolveError naming the processes involved:
//   - a zero, missing or non-finite diagonal entry;
//   - a loop that does not converge: a loop of pure consumption in which a
//     product needs one unit or more of itself (see loop_convergence.h);
//   - a singular or nearly singular system (KluSolver).
#pragma once

#include <vector>

#include "lca/engine/sparse_matrix.h"

namespace gpulca::lca {

class TechnosphereSolver {
 public:
  TechnosphereSolver() = default;
  TechnosphereSolver(const TechnosphereSolver&) = delete;
  TechnosphereSolver& operator=(const TechnosphereSolver&) = delete;
  virtual ~TechnosphereSolver() = default;

  // Factorises new values of the technosphere, reusing the analysis made at
  // construction (numeric work only).
  // REQUIRES: `a` has exactly the pattern of the matrix given at construction
  //   (else gpulca::Error).
  // Throws gpulca::SolveError when the new values fail the checks above. If
  // the error comes from the checks that run before factorising, the previous
  // factorisation is kept; otherwise Solve throws until a Refactor succeeds.
  virtual void Refactor(const SparseMatrix& a) = 0;

  // Overwrites `b`, `count` right-hand sides of n values one after the
  // other, with the solutions x of A·x = b, or of Aᵀ·x = b when `transposed`.
  // Thread-safe: may be called concurrently. Throws gpulca::SolveError if a
  // solution is not finite.
  // REQUIRES: b.size() == count·n, count >= 0 (else gpulca::Error).
  virtual void SolveInPlace(std::vector<double>& b, int count, bool transposed) const = 0;

  // Returns s with A·s = f. REQUIRES: f.size() == n (else gpulca::Error).
  std::vector<double> Solve(const std::vector<double>& f) const;
  // Returns λ with Aᵀ·λ = c. REQUIRES: c.size() == n (else gpulca::Error).
  std::vector<double> SolveTransposed(const std::vector<double>& c) const;

  // A short name for reports and benchmarks: "topological" or "klu".
  virtual const char* Name() const = 0;
};

}  // namespace gpulca::lca
