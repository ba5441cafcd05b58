// What a factorisation of the technosphere is for, which decides how KLU
// orders its blocks (klu_ordering.h): a matrix factorised once is ordered
// for the cheapest analyse + factorise, one refactorised thousands of times
// (Monte Carlo, sensitivity) for the cheapest refactorisation.
#pragma once

namespace gpulca::lca {

enum class FactorUse {
  // One factorisation (a calculation): the market-aware AMD of
  // klu_ordering.h, which analyses fastest.
  kOnce,
  // Many Refactors on one pattern: of AMD and nested dissection, whichever
  // factorisation of the first values takes fewer flops (KluLu).
  kRepeated,
};

}  // namespace gpulca::lca
