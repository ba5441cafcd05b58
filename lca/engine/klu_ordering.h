// The fill-reducing orderings KluLu gives KLU for each diagonal block of the
// technosphere (KLU's "user ordering" hook).
//
// AMD, market-aware (the default). Why not KLU's own AMD call: KLU orders
// each block with AMD using AMD's default dense-row threshold, 10·sqrt(n).
// A background database's loop holds a few hundred market processes
// consumed by thousands of processes each; rows that busy but below the
// threshold make AMD's degree updates slow (on an ecoinvent-sized system,
// ~80 % of KLU's analyse + factorise time). Here AMD treats rows denser than
// sqrt(n) as dense and orders them last, where they form a small dense
// trailing block - the natural order for markets - which also factorises no
// slower. If that would declare so many rows dense that their block could
// outgrow the matrix, AMD runs again with its defaults.
//
// Nested dissection, for a factorisation that is refactorised many times
// (factor_use.h). METIS (Karypis & Kumar 1998, "A fast and high quality
// multilevel scheme for partitioning irregular graphs", SIAM J. Sci.
// Comput. 20(1)) through CHOLMOD's cholmod_metis, on the pattern of
// A + Aᵀ of the block. It takes longer to compute than AMD (about twice,
// analyse + factorise, on the benchmark's 17,342-process loop) but there
// leaves fewer flops for each refactorisation (docs/performance.md). Blocks
// under kNestedDissectionMinBlock processes keep AMD: a refactorisation of
// them costs microseconds either way. METIS is deterministic (its seed is
// fixed), so every thread of a run orders alike.
#pragma once

// KLU's klu_common, forward-declared to keep KLU's header out of ours.
struct klu_common_struct;

namespace gpulca::lca {

// AMD's dense-row threshold used first (AMD_DENSE: rows with more than
// max(16, kLcaAmdDense·sqrt(n)) entries are dense).
inline constexpr double kLcaAmdDense = 1.0;

// The smallest block that nested dissection orders.
inline constexpr int kNestedDissectionMinBlock = 1000;

enum class BlockOrdering { kAmd, kNestedDissection };

// KLU user_order callback: writes a fill-reducing permutation of the n x n
// block (Ap, Ai) to Perm, by the BlockOrdering that common->user_data points
// to (AMD when it is null). Returns an estimate of nnz(L) (> 0), or 0 if the
// ordering failed (KLU then reports KLU_INVALID).
int LcaBlockOrdering(int n, int Ap[], int Ai[], int Perm[], klu_common_struct* common);

}  // namespace gpulca::lca
