// The fill-reducing ordering KluLu gives KLU for each diagonal block of the
// technosphere (KLU's "user ordering" hook).
//
// Why not KLU's default: KLU orders each block with AMD using AMD's default
// dense-row threshold, 10·sqrt(n). A background database's loop holds a few
// hundred market processes consumed by thousands of processes each; rows
// that busy but below the threshold make AMD's degree updates slow (on an
// ecoinvent-sized system, ~80 % of KLU's analyse + factorise time). Here AMD
// treats rows denser than sqrt(n) as dense and orders them last, where they
// form a small dense trailing block - the natural order for markets - which
// also factorises no slower. If that would declare so many rows dense that
// their block could outgrow the matrix, AMD runs again with its defaults.
#pragma once

// KLU's klu_common, forward-declared to keep KLU's header out of ours.
struct klu_common_struct;

namespace gpulca::lca {

// AMD's dense-row threshold used first (AMD_DENSE: rows with more than
// max(16, kLcaAmdDense·sqrt(n)) entries are dense).
inline constexpr double kLcaAmdDense = 1.0;

// KLU user_order callback: writes a fill-reducing permutation of the n x n
// block (Ap, Ai) to Perm. Returns an estimate of nnz(L) (> 0), or 0 if AMD
// failed (KLU then reports KLU_INVALID).
int LcaBlockOrdering(int n, int Ap[], int Ai[], int Perm[], klu_common_struct* common);

}  // namespace gpulca::lca
