#include "lca/engine/klu_ordering.h"

#include <klu.h>

#include <algorithm>
#include <climits>

namespace gpulca::lca {
namespace {

// Runs AMD with the given dense threshold; returns AMD's status.
int RunAmd(int n, int Ap[], int Ai[], int Perm[], double dense, double info[AMD_INFO]) {
  double control[AMD_CONTROL];
  amd_defaults(control);
  control[AMD_DENSE] = dense;
  return amd_order(n, Ap, Ai, Perm, control, info);
}

}  // namespace

int LcaBlockOrdering(int n, int Ap[], int Ai[], int Perm[], klu_common_struct* /*common*/) {
  double info[AMD_INFO];
  int status = RunAmd(n, Ap, Ai, Perm, kLcaAmdDense, info);
  // The dense rows end up as a dense trailing block of ndense^2 entries: keep
  // this ordering only while that block stays within a few times nnz(A).
  const double ndense = info[AMD_NDENSE];
  if (status < AMD_OK || ndense * ndense > 4.0 * Ap[n] + 1024.0) {
    double defaults[AMD_CONTROL];
    amd_defaults(defaults);
    status = RunAmd(n, Ap, Ai, Perm, defaults[AMD_DENSE], info);
  }
  if (status < AMD_OK) return 0;
  // As KLU does for its own AMD call: the estimate includes the diagonal.
  const double lnz = info[AMD_LNZ] + n;
  return static_cast<int>(std::clamp(lnz, 1.0, static_cast<double>(INT_MAX)));
}

}  // namespace gpulca::lca
