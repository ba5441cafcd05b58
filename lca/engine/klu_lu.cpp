#include "lca/engine/klu_lu.h"

#include <klu.h>

#include <cmath>
#include <mutex>
#include <string>
#include <utility>

#include "lca/error.h"
#include "lca/engine/klu_ordering.h"

namespace gpulca::lca {
namespace {

std::string StatusText(int status) {
  switch (status) {
    case KLU_OUT_OF_MEMORY:
      return "out of memory";
    case KLU_INVALID:
      return "invalid input";
    case KLU_TOO_LARGE:
      return "problem too large for 32-bit indices";
    case KLU_SINGULAR:
      return "singular";
    default:
      return "status " + std::to_string(status);
  }
}

[[noreturn]] void Fail(const char* call, int status) {
  throw SolveError(std::string("sparse LU (KLU) failed in ") + call + ": " + StatusText(status));
}

}  // namespace

struct KluLu::Impl {
  int n = 0;
  std::vector<int> col_ptr;
  std::vector<int> row_idx;
  klu_common common;
  // The ordering of `symbolic` (klu_ordering.h).
  BlockOrdering ordering = BlockOrdering::kAmd;
  klu_symbolic* symbolic = nullptr;
  // The analysis with nested dissection, until the first Factor decides.
  klu_symbolic* candidate = nullptr;
  klu_numeric* primary = nullptr;  // its pivot order is what Refactor reuses
  klu_numeric* aside = nullptr;    // a fresh factorisation, when reuse failed
  klu_numeric* active = nullptr;   // primary, aside or null
  int singular_column = -1;
  double rcond = 0.0;
  int smallest_pivot_column = -1;
  mutable std::mutex solve_mutex;

  ~Impl() {
    Free(&aside);
    Free(&primary);
    FreeSymbolic(&candidate);
    FreeSymbolic(&symbolic);
  }

  void FreeSymbolic(klu_symbolic** s) {
    if (*s != nullptr) klu_free_symbolic(s, &common);
    *s = nullptr;
  }

  // klu_analyze with `block_ordering`; null if KLU fails.
  klu_symbolic* Analyse(BlockOrdering block_ordering) {
    common.user_data = &block_ordering;  // read by LcaBlockOrdering only
    klu_symbolic* s = klu_analyze(n, col_ptr.data(), row_idx.data(), &common);
    common.user_data = nullptr;
    return s;
  }

  // The flops of factorisation `numeric` of analysis `s` (klu_flops), or
  // -1 if KLU cannot count them. KLU writes the count into a klu_common: a
  // copy keeps the shared one untouched.
  double Flops(klu_symbolic* s, klu_numeric* numeric) const {
    klu_common scratch = common;
    return klu_flops(s, numeric, &scratch) == 1 ? scratch.flops : -1.0;
  }

  // Factorises `values` with the candidate analysis too and keeps the
  // analysis whose factorisation takes fewer flops (AMD on a tie, or if the
  // candidate fails); `primary` holds the factorisation of `symbolic` on
  // entry and of the one kept on exit. Throws nothing.
  void ChooseOrdering(const std::vector<double>& values) {
    klu_symbolic* nd = candidate;
    candidate = nullptr;
    klu_numeric* other = klu_factor(col_ptr.data(), row_idx.data(), Values(values), nd, &common);
    const double amd_flops = Flops(symbolic, primary);
    const double nd_flops = other != nullptr ? Flops(nd, other) : -1.0;
    if (nd_flops >= 0 && amd_flops >= 0 && nd_flops < amd_flops) {
      std::swap(primary, other);
      std::swap(symbolic, nd);
      ordering = BlockOrdering::kNestedDissection;
    }
    Free(&other);
    FreeSymbolic(&nd);
  }

  void Free(klu_numeric** numeric) {
    if (*numeric != nullptr) klu_free_numeric(numeric, &common);
    *numeric = nullptr;
  }

  // KLU takes non-const pointers to inputs it documents as "not modified".
  double* Values(const std::vector<double>& values) const {
    return const_cast<double*>(values.data());
  }

  // klu_factor into `*slot`; false on a zero pivot.
  bool FactorInto(klu_numeric** slot, const std::vector<double>& values) {
    active = nullptr;
    Free(slot);
    singular_column = -1;
    *slot = klu_factor(col_ptr.data(), row_idx.data(), Values(values), symbolic, &common);
    if (*slot == nullptr) {
      FreeSymbolic(&candidate);
      if (common.status == KLU_SINGULAR) {
        singular_column = common.singular_col;
        return false;
      }
      Fail("klu_factor", common.status);
    }
    if (slot == &primary && candidate != nullptr) ChooseOrdering(values);
    active = *slot;
    MeasureConditioning();
    return true;
  }

  void MeasureConditioning() {
    if (klu_rcond(symbolic, active, &common) != 1) Fail("klu_rcond", common.status);
    rcond = std::isnan(common.rcond) ? 0.0 : common.rcond;
    // U(k,k) is the pivot of column Q[k] of the original matrix: pivoting
    // permutes rows only.
    const double* udiag = static_cast<const double*>(active->Udiag);
    int smallest = 0;
    for (int k = 1; k < n; ++k) {
      if (!(std::fabs(udiag[k]) >= std::fabs(udiag[smallest]))) smallest = k;
    }
    smallest_pivot_column = n > 0 ? symbolic->Q[smallest] : -1;
  }
};

KluLu::KluLu(int n, std::vector<int> col_ptr, std::vector<int> row_idx, FactorUse use)
    : impl_(std::make_unique<Impl>()) {
  impl_->n = n;
  impl_->col_ptr = std::move(col_ptr);
  impl_->row_idx = std::move(row_idx);
  klu_defaults(&impl_->common);
  impl_->common.btf = 1;  // loops become diagonal blocks, the rest 1x1
  // No row scaling of its own: KluSolver equilibrates rows and columns
  // before it factorises, and the other caller factorises I - H.
  impl_->common.scale = 0;
  // Each block ordered by klu_ordering.h.
  impl_->common.ordering = 3;
  impl_->common.user_order = &LcaBlockOrdering;
  impl_->symbolic = impl_->Analyse(BlockOrdering::kAmd);
  if (impl_->symbolic == nullptr) Fail("klu_analyze", impl_->common.status);
  // A candidate that cannot be had (METIS out of memory, say) leaves AMD.
  if (use == FactorUse::kRepeated && impl_->symbolic->maxblock >= kNestedDissectionMinBlock) {
    impl_->candidate = impl_->Analyse(BlockOrdering::kNestedDissection);
  }
}

KluLu::~KluLu() = default;

bool KluLu::Factor(const std::vector<double>& values) {
  impl_->Free(&impl_->aside);
  return impl_->FactorInto(&impl_->primary, values);
}

bool KluLu::FactorAside(const std::vector<double>& values) {
  return impl_->FactorInto(&impl_->aside, values);
}

bool KluLu::Refactor(const std::vector<double>& values) {
  Impl& m = *impl_;
  m.active = nullptr;
  if (m.primary == nullptr) return false;
  m.singular_column = -1;
  // Scale -1: klu_refactor then skips its O(nnz) pass that checks the
  // pattern's indices. The pattern handed over is this object's own copy,
  // which klu_analyze and the first klu_factor checked and which never
  // changes; with scale 0 or -1 KLU computes no row scale, so the numbers
  // are the same.
  m.common.scale = -1;
  const int ok = klu_refactor(m.col_ptr.data(), m.row_idx.data(), m.Values(values), m.symbolic,
                              m.primary, &m.common);
  m.common.scale = 0;
  if (!ok) {
    // The values of `primary` are now only partly defined, its pivot order
    // and pattern intact: the next klu_refactor recomputes every value.
    if (m.common.status == KLU_SINGULAR) {
      m.singular_column = m.common.singular_col;
      return false;
    }
    Fail("klu_refactor", m.common.status);
  }
  m.active = m.primary;
  m.MeasureConditioning();
  return true;
}

const char* KluLu::ordering() const {
  return impl_->ordering == BlockOrdering::kNestedDissection ? "nested dissection" : "amd";
}

double KluLu::flops() const {
  const Impl& m = *impl_;
  return m.primary != nullptr ? m.Flops(m.symbolic, m.primary) : 0.0;
}

const std::vector<int>& KluLu::col_ptr() const { return impl_->col_ptr; }

const std::vector<int>& KluLu::row_idx() const { return impl_->row_idx; }

bool KluLu::factored() const { return impl_->active != nullptr; }

int KluLu::singular_column() const { return impl_->singular_column; }

double KluLu::rcond() const { return impl_->rcond; }

int KluLu::smallest_pivot_column() const { return impl_->smallest_pivot_column; }

void KluLu::Solve(double* b, int count, bool transposed) const {
  Impl& m = *impl_;
  std::lock_guard<std::mutex> lock(m.solve_mutex);
  // klu_solve writes only its status into Common; a local copy keeps the
  // shared one untouched.
  klu_common common = m.common;
  const int ok = transposed ? klu_tsolve(m.symbolic, m.active, m.n, count, b, &common)
                            : klu_solve(m.symbolic, m.active, m.n, count, b, &common);
  if (!ok) Fail(transposed ? "klu_tsolve" : "klu_solve", common.status);
}

}  // namespace gpulca::lca
