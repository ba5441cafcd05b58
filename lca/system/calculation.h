// Calculate: from matrices to results, a pure function of its input.
// Factorises A once, solves A·s = f and Aᵀ·λ = (C·B)ᵀ with that one
// factorisation (never inverts), then g = B·s, h = C·g, the contributions by
// process, flow and stage (calculator.h), and the upstream intensities λ.
#pragma once

#include "lca/system/matrix_data.h"
#include "lca/system/result.h"
#include "lca/engine/solver_factory.h"

namespace gpulca::lca {

// Throws SolveError (singular or divergent system, naming the processes).
LcaResult Calculate(MatrixData data, SolverChoice choice = SolverChoice::kAuto);

}  // namespace gpulca::lca
