#include "lca/engine/klu_ordering.h"

#include <cholmod.h>
#include <klu.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <mutex>
#include <vector>

namespace gpulca::lca {
namespace {

// Runs AMD with the given dense threshold; returns AMD's status.
int RunAmd(int n, int Ap[], int Ai[], int Perm[], double dense, double info[AMD_INFO]) {
  double control[AMD_CONTROL];
  amd_defaults(control);
  control[AMD_DENSE] = dense;
  return amd_order(n, Ap, Ai, Perm, control, info);
}

int ClampedEstimate(double lnz) {
  return static_cast<int>(std::clamp(lnz, 1.0, static_cast<double>(INT_MAX)));
}

int MarketAwareAmd(int n, int Ap[], int Ai[], int Perm[]) {
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
  return ClampedEstimate(info[AMD_LNZ] + n);
}

// CHOLMOD's workspace, started and finished with the object.
class Cholmod {
 public:
  Cholmod() {
    cholmod_start(&common_);
    common_.print = 0;  // failures are reported by the return value
  }
  ~Cholmod() {
    for (cholmod_sparse* m : owned_) cholmod_free_sparse(&m, &common_);
    cholmod_finish(&common_);
  }
  Cholmod(const Cholmod&) = delete;
  Cholmod& operator=(const Cholmod&) = delete;
  cholmod_common* common() { return &common_; }
  // Takes ownership of `m` (may be null); returns it.
  cholmod_sparse* Own(cholmod_sparse* m) {
    if (m != nullptr) owned_.push_back(m);
    return m;
  }

 private:
  cholmod_common common_;
  std::vector<cholmod_sparse*> owned_;
};

// METIS nested dissection of the pattern of A + Aᵀ (the diagonal is
// dropped by cholmod_metis). The estimate is nnz(A) + n: KLU grows L as it
// factorises when that is short.
int NestedDissection(int n, const int Ap[], const int Ai[], int Perm[]) {
  Cholmod cholmod;
  cholmod_common* cc = cholmod.common();
  cholmod_sparse* a =
      cholmod.Own(cholmod_allocate_sparse(n, n, Ap[n], /*sorted=*/0, /*packed=*/1, /*stype=*/0,
                                          CHOLMOD_PATTERN, cc));
  if (a == nullptr) return 0;
  std::memcpy(a->p, Ap, sizeof(int) * (static_cast<size_t>(n) + 1));
  std::memcpy(a->i, Ai, sizeof(int) * static_cast<size_t>(Ap[n]));
  cholmod_sparse* at = cholmod.Own(cholmod_transpose(a, /*values=*/0, cc));
  if (at == nullptr) return 0;
  cholmod_sparse* sym =
      cholmod.Own(cholmod_add(a, at, nullptr, nullptr, /*values=*/0, /*sorted=*/1, cc));
  if (sym == nullptr) return 0;
  sym->stype = 1;  // symmetric: CHOLMOD reads the upper triangle
  // METIS draws from a random generator that is one per process (GKlib's),
  // reseeded by every call: two threads ordering at once would interleave
  // their draws and order differently.
  static std::mutex metis_mutex;
  std::lock_guard<std::mutex> lock(metis_mutex);
  if (!cholmod_metis(sym, nullptr, 0, /*postorder=*/0, Perm, cc)) return 0;
  return ClampedEstimate(static_cast<double>(Ap[n]) + n);
}

}  // namespace

int LcaBlockOrdering(int n, int Ap[], int Ai[], int Perm[], klu_common_struct* common) {
  const auto* ordering = static_cast<const BlockOrdering*>(common->user_data);
  if (ordering != nullptr && *ordering == BlockOrdering::kNestedDissection &&
      n >= kNestedDissectionMinBlock) {
    return NestedDissection(n, Ap, Ai, Perm);
  }
  return MarketAwareAmd(n, Ap, Ai, Perm);
}

}  // namespace gpulca::lca
