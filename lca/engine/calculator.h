// Calculator: the calculations of one product system whose values may change
// but whose pattern does not (one calculation, Monte Carlo, sensitivity).
// It keeps the factorisation of A (and, only where stage attribution needs
// it, of A's background block), so that new values cost a numeric
// refactorisation and a few solves.
//
// Stage attribution: a process with a stage counts its direct impact in its
// stage; the background (processes without a stage) counts in the stages of
// the processes that consume it, and in kUnassigned for the part the final
// demand drives directly. The background scaling that stage σ's consumption
// r_σ causes is x_σ = A_bb⁻¹ r_σ, and its impact (CB)_b x_σ = λ_bᵀ r_σ with
// A_bbᵀ λ_b = (CB)_bᵀ. When no background process consumes a product of the
// foreground (A_fb = 0, the usual shape), A is block triangular, λ_b is
// the background part of the upstream intensities λ of the whole system and
// x_σ the background part of A⁻¹[0; r_σ]: A's own factorisation serves and
// no block is factorised. Each Evaluate uses whichever needs fewer solves
// (one per impact, or one per stage that consumes background), and none when
// a single stage consumes background (its share is then the background's
// whole impact).
#pragma once

#include <array>
#include <memory>
#include <vector>

#include "lca/engine/matrices.h"
#include "lca/engine/solver_factory.h"

namespace gpulca::lca {

struct StageTotals {
  std::vector<double> scaling;                            // s
  std::vector<double> impacts;                            // h, per impact
  std::vector<std::array<double, kStageSlots>> by_stage;  // [impact][slot]; sums to h
};

class Calculator {
 public:
  // Analyses and factorises `matrices` (its pattern is fixed from here on),
  // ordered for `use` (factor_use.h: kRepeated when Refactor will be called
  // many times). Throws SolveError.
  explicit Calculator(const Matrices& matrices, SolverChoice choice = SolverChoice::kAuto,
                      FactorUse use = FactorUse::kOnce);
  ~Calculator();
  Calculator(const Calculator&) = delete;
  Calculator& operator=(const Calculator&) = delete;

  // Factorises the current values of `matrices` (numeric work only). Throws
  // SolveError when they make the system singular or divergent.
  // REQUIRES: `matrices` has the pattern given at construction.
  void Refactor(const Matrices& matrices);

  // Scaling, impacts and impacts by stage of `matrices`, whose technosphere
  // must hold the values last factorised (at construction or by Refactor).
  // With `intensities`, also the upstream intensities λ[k][i] (Aᵀ λ_k =
  // row k of C·B). Reuses the buffers of `out` (no allocation once sized).
  void Evaluate(const Matrices& matrices, StageTotals* out,
                std::vector<std::vector<double>>* intensities = nullptr);

  // (C·B)[k·n + j], the direct impact k of one unit of scaling of process j,
  // as of the last Evaluate.
  const std::vector<double>& direct_impacts() const;

  const char* SolverName() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gpulca::lca
