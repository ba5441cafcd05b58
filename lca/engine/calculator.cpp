#include "lca/engine/calculator.h"

#include <algorithm>

namespace gpulca::lca {

struct Calculator::Impl {
  int n = 0, impacts = 0;
  std::unique_ptr<TechnosphereSolver> solver;

  // C·B as a list of products: cb[target[t]] += C.values[c_entry[t]] ·
  // B.values[b_entry[t]].
  std::vector<int> cb_target, cb_b_entry, cb_c_entry;
  std::vector<double> cb;  // [k·n + j]

  // Background (processes without a stage).
  std::vector<int> slot_of;     // process -> stage slot, or -1 for background
  std::vector<int> local;       // process -> background position, or -1
  std::vector<int> background;  // background position -> process
  // Entries A(i, j) with i in the background and j in the foreground.
  struct Coupling {
    int entry, consumer, row, slot;  // row: background position of i
  };
  std::vector<Coupling> couplings;
  // Whether some background process consumes a foreground product: then
  // the block A_bb has its own solver.
  bool own_block = false;
  SparseMatrix block;               // A restricted to background rows and columns
  std::vector<int> block_entry_of;  // block value index -> A value index
  std::unique_ptr<TechnosphereSolver> block_solver;

  // Workspaces.
  std::vector<double> rhs;       // [slot·nb + l]
  std::vector<double> lambda;    // [k·m + row], m = n or nb
  std::vector<double> x;         // [r·m + row]
  std::vector<int> slots_used;

  void BuildDirectImpacts(const Matrices& d) {
    const SparseMatrix& b = d.biosphere;
    const SparseMatrix& c = d.characterisation;
    for (int j = 0; j < b.cols(); ++j) {
      for (int p = b.col_ptr()[j]; p < b.col_ptr()[j + 1]; ++p) {
        const int flow = b.row_idx()[p];
        for (int q = c.col_ptr()[flow]; q < c.col_ptr()[flow + 1]; ++q) {
          cb_target.push_back(c.row_idx()[q] * n + j);
          cb_b_entry.push_back(p);
          cb_c_entry.push_back(q);
        }
      }
    }
    cb.assign(static_cast<size_t>(impacts) * n, 0.0);
  }

  void ComputeDirectImpacts(const Matrices& d) {
    std::fill(cb.begin(), cb.end(), 0.0);
    const std::vector<double>& bv = d.biosphere.values();
    const std::vector<double>& cv = d.characterisation.values();
    for (size_t t = 0; t < cb_target.size(); ++t) {
      cb[cb_target[t]] += cv[cb_c_entry[t]] * bv[cb_b_entry[t]];
    }
  }

  void BuildBackground(const Matrices& d, SolverChoice choice, FactorUse use) {
    const SparseMatrix& a = d.technosphere;
    slot_of.assign(n, -1);
    local.assign(n, -1);
    for (int j = 0; j < n; ++j) {
      if (d.stage_slots[j] < 0) {
        local[j] = static_cast<int>(background.size());
        background.push_back(j);
      } else {
        slot_of[j] = d.stage_slots[j];
      }
    }
    if (background.empty()) return;
    for (int j = 0; j < n; ++j) {
      for (int p = a.col_ptr()[j]; p < a.col_ptr()[j + 1]; ++p) {
        const int i = a.row_idx()[p];
        if (local[i] >= 0 && local[j] < 0) couplings.push_back({p, j, local[i], slot_of[j]});
        if (local[i] < 0 && local[j] >= 0) own_block = true;
      }
    }
    const int nb = static_cast<int>(background.size());
    rhs.assign(static_cast<size_t>(kStageSlots) * nb, 0.0);
    if (!own_block) return;
    std::vector<Triplet> sub;
    std::vector<int> entry;
    for (int j : background) {
      for (int p = a.col_ptr()[j]; p < a.col_ptr()[j + 1]; ++p) {
        const int i = a.row_idx()[p];
        if (local[i] >= 0) {
          sub.push_back({local[i], local[j], a.values()[p]});
          entry.push_back(p);
        }
      }
    }
    std::vector<int> slots;
    block = SparseMatrix::FromTriplets(nb, nb, std::move(sub), &slots);
    block_entry_of.assign(block.nnz(), -1);
    for (size_t t = 0; t < slots.size(); ++t) block_entry_of[slots[t]] = entry[t];
    std::vector<std::string> names;
    for (int j : background) names.push_back(d.process_ids[j]);
    block_solver = MakeSolver(block, choice, &names, use);
  }

  // The impact by stage of the background, given s and, when computed, the
  // intensities of the whole system in `lambda` (have_lambda).
  void AttributeBackground(const Matrices& d, StageTotals* out, bool have_lambda) {
    const int nb = static_cast<int>(background.size());
    const std::vector<double>& s = out->scaling;
    const std::vector<double>& av = d.technosphere.values();
    std::fill(rhs.begin(), rhs.end(), 0.0);
    for (const Coupling& c : couplings) {
      rhs[static_cast<size_t>(c.slot) * nb + c.row] -= av[c.entry] * s[c.consumer];
    }
    for (int l = 0; l < nb; ++l) rhs[static_cast<size_t>(kUnassigned) * nb + l] += d.demand[background[l]];
    slots_used.clear();
    for (int slot = 0; slot < kStageSlots; ++slot) {
      const double* r = rhs.data() + static_cast<size_t>(slot) * nb;
      if (std::any_of(r, r + nb, [](double v) { return v != 0.0; })) slots_used.push_back(slot);
    }
    if (slots_used.empty()) return;
    if (slots_used.size() == 1) {
      // x = A_bb⁻¹ r = s_b: the background's whole impact.
      const int slot = slots_used[0];
      for (int k = 0; k < impacts; ++k) {
        double sum = 0.0;
        for (int j : background) sum += cb[static_cast<size_t>(k) * n + j] * s[j];
        out->by_stage[k][slot] += sum;
      }
      return;
    }
    const int m = own_block ? nb : n;  // rows of the system solved
    const auto row_of = [&](int l) { return own_block ? l : background[l]; };
    const TechnosphereSolver& system = own_block ? *block_solver : *solver;
    const bool use_lambda = (have_lambda && !own_block) ||
                            impacts <= static_cast<int>(slots_used.size());
    if (use_lambda) {
      if (!(have_lambda && !own_block)) {
        lambda.assign(static_cast<size_t>(impacts) * m, 0.0);
        for (int k = 0; k < impacts; ++k) {
          for (int l = 0; l < (own_block ? nb : n); ++l) {
            const int j = own_block ? background[l] : l;
            lambda[static_cast<size_t>(k) * m + l] = cb[static_cast<size_t>(k) * n + j];
          }
        }
        system.SolveInPlace(lambda, impacts, true);
      }
      for (int slot : slots_used) {
        const double* r = rhs.data() + static_cast<size_t>(slot) * nb;
        for (int k = 0; k < impacts; ++k) {
          double sum = 0.0;
          for (int l = 0; l < nb; ++l) sum += lambda[static_cast<size_t>(k) * m + row_of(l)] * r[l];
          out->by_stage[k][slot] += sum;
        }
      }
      return;
    }
    const int count = static_cast<int>(slots_used.size());
    x.assign(static_cast<size_t>(count) * m, 0.0);
    for (int u = 0; u < count; ++u) {
      const double* r = rhs.data() + static_cast<size_t>(slots_used[u]) * nb;
      for (int l = 0; l < nb; ++l) x[static_cast<size_t>(u) * m + row_of(l)] = r[l];
    }
    system.SolveInPlace(x, count, false);
    for (int u = 0; u < count; ++u) {
      for (int k = 0; k < impacts; ++k) {
        double sum = 0.0;
        for (int l = 0; l < nb; ++l) {
          sum += cb[static_cast<size_t>(k) * n + background[l]] * x[static_cast<size_t>(u) * m + row_of(l)];
        }
        out->by_stage[k][slots_used[u]] += sum;
      }
    }
  }
};

Calculator::Calculator(const Matrices& d, SolverChoice choice, FactorUse use)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.n = d.technosphere.rows();
  m.impacts = d.characterisation.rows();
  m.solver = MakeSolver(d.technosphere, choice, &d.process_ids, use);
  m.BuildDirectImpacts(d);
  m.BuildBackground(d, choice, use);
}

Calculator::~Calculator() = default;

const char* Calculator::SolverName() const { return impl_->solver->Name(); }

const std::vector<double>& Calculator::direct_impacts() const { return impl_->cb; }

void Calculator::Refactor(const Matrices& d) {
  Impl& m = *impl_;
  m.solver->Refactor(d.technosphere);
  if (!m.own_block) return;
  std::vector<double> values(m.block.nnz());
  const std::vector<double>& av = d.technosphere.values();
  for (size_t q = 0; q < values.size(); ++q) values[q] = av[m.block_entry_of[q]];
  m.block.SetValues(std::move(values));
  m.block_solver->Refactor(m.block);
}

void Calculator::Evaluate(const Matrices& d, StageTotals* out,
                          std::vector<std::vector<double>>* intensities) {
  Impl& m = *impl_;
  const int n = m.n;
  out->scaling.assign(d.demand.begin(), d.demand.end());
  m.solver->SolveInPlace(out->scaling, 1, false);
  const std::vector<double>& s = out->scaling;
  m.ComputeDirectImpacts(d);
  out->impacts.assign(m.impacts, 0.0);
  out->by_stage.resize(m.impacts);
  for (int k = 0; k < m.impacts; ++k) {
    out->by_stage[k].fill(0.0);
    const double* row = m.cb.data() + static_cast<size_t>(k) * n;
    double total = 0.0;
    for (int j = 0; j < n; ++j) {
      const double v = row[j] * s[j];
      total += v;
      if (m.slot_of[j] >= 0) out->by_stage[k][m.slot_of[j]] += v;
    }
    out->impacts[k] = total;
  }
  if (intensities) {
    m.lambda.assign(m.cb.begin(), m.cb.end());
    m.solver->SolveInPlace(m.lambda, m.impacts, true);
    intensities->resize(m.impacts);
    for (int k = 0; k < m.impacts; ++k) {
      (*intensities)[k].assign(m.lambda.begin() + static_cast<size_t>(k) * n,
                               m.lambda.begin() + static_cast<size_t>(k + 1) * n);
    }
  }
  if (!m.background.empty()) m.AttributeBackground(d, out, intensities != nullptr);
}

}  // namespace gpulca::lca
