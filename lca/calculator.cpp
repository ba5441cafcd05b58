#include "lca/calculator.h"

namespace gpulca::lca {

std::vector<std::vector<double>> DirectImpacts(const MatrixData& d) {
  const SparseMatrix& b = d.biosphere;
  const SparseMatrix& c = d.characterisation;
  std::vector<std::vector<double>> cb(c.rows(), std::vector<double>(b.cols(), 0.0));
  std::vector<std::vector<std::pair<int, double>>> factors_of_flow(c.cols());
  for (int f = 0; f < c.cols(); ++f) {
    for (int p = c.col_ptr()[f]; p < c.col_ptr()[f + 1]; ++p) {
      factors_of_flow[f].push_back({c.row_idx()[p], c.values()[p]});
    }
  }
  for (int j = 0; j < b.cols(); ++j) {
    for (int p = b.col_ptr()[j]; p < b.col_ptr()[j + 1]; ++p) {
      for (auto [k, factor] : factors_of_flow[b.row_idx()[p]]) cb[k][j] += factor * b.values()[p];
    }
  }
  return cb;
}

// Background processes (no stage) are solved again per stage slot: the
// scaling that the direct consumption of each stage's processes (and the
// final demand, for kUnassigned) causes in the background block.
struct Calculator::Impl {
  std::unique_ptr<TechnosphereSolver> solver;
  std::vector<int> local;       // process -> background position, or -1
  std::vector<int> background;  // background position -> process
  SparseMatrix block;           // A restricted to background rows and columns
  std::vector<int> block_value_of;  // A value index -> block value index, or -1
  std::unique_ptr<TechnosphereSolver> block_solver;
  bool factorised = true;  // the solvers hold the values given at construction
};

Calculator::Calculator(const MatrixData& d, SolverChoice choice) : impl_(std::make_unique<Impl>()) {
  const SparseMatrix& a = d.technosphere;
  const int n = a.rows();
  impl_->solver = MakeSolver(a, choice, &d.process_ids);
  impl_->local.assign(n, -1);
  for (int j = 0; j < n; ++j) {
    if (d.stages[j] == Stage::kNone) {
      impl_->local[j] = static_cast<int>(impl_->background.size());
      impl_->background.push_back(j);
    }
  }
  if (impl_->background.empty()) return;
  std::vector<Triplet> sub;
  std::vector<int> value_index;
  for (int j = 0; j < n; ++j) {
    for (int p = a.col_ptr()[j]; p < a.col_ptr()[j + 1]; ++p) {
      int i = a.row_idx()[p];
      if (impl_->local[i] >= 0 && impl_->local[j] >= 0) {
        sub.push_back({impl_->local[i], impl_->local[j], a.values()[p]});
        value_index.push_back(p);
      }
    }
  }
  const int nb = static_cast<int>(impl_->background.size());
  std::vector<int> slots;
  impl_->block = SparseMatrix::FromTriplets(nb, nb, std::move(sub), &slots);
  impl_->block_value_of.assign(a.nnz(), -1);
  for (size_t t = 0; t < slots.size(); ++t) impl_->block_value_of[value_index[t]] = slots[t];
  std::vector<std::string> names;
  for (int j : impl_->background) names.push_back(d.process_ids[j]);
  impl_->block_solver = MakeSolver(impl_->block, choice, &names);
}

Calculator::~Calculator() = default;

const char* Calculator::SolverName() const { return impl_->solver->Name(); }

StageTotals Calculator::Run(const MatrixData& d) {
  const SparseMatrix& a = d.technosphere;
  const int n = a.rows();
  const bool fresh = impl_->factorised;
  impl_->factorised = false;
  if (!fresh) impl_->solver->Refactor(a);
  StageTotals out;
  out.scaling = impl_->solver->Solve(d.demand);
  out.impacts = d.characterisation.Multiply(d.biosphere.Multiply(out.scaling));
  const auto cb = DirectImpacts(d);
  const int impacts = static_cast<int>(cb.size());
  out.by_stage.assign(impacts, {});
  for (auto& row : out.by_stage) row.fill(0.0);
  for (int j = 0; j < n; ++j) {
    if (d.stages[j] == Stage::kNone) continue;
    for (int k = 0; k < impacts; ++k) out.by_stage[k][static_cast<int>(d.stages[j])] += cb[k][j] * out.scaling[j];
  }
  if (impl_->background.empty()) return out;

  const int nb = static_cast<int>(impl_->background.size());
  std::vector<double> block_values(impl_->block.nnz(), 0.0);
  std::vector<std::vector<double>> rhs(kStageSlots, std::vector<double>(nb, 0.0));
  for (int j = 0; j < n; ++j) {
    for (int p = a.col_ptr()[j]; p < a.col_ptr()[j + 1]; ++p) {
      int i = a.row_idx()[p];
      if (impl_->local[i] < 0) continue;
      if (impl_->local[j] >= 0) {
        block_values[impl_->block_value_of[p]] += a.values()[p];
      } else {
        rhs[static_cast<int>(d.stages[j])][impl_->local[i]] -= a.values()[p] * out.scaling[j];
      }
    }
  }
  for (int j : impl_->background) rhs[kUnassigned][impl_->local[j]] += d.demand[j];
  if (!fresh) {
    impl_->block.SetValues(std::move(block_values));
    impl_->block_solver->Refactor(impl_->block);
  }
  for (int slot = 0; slot < kStageSlots; ++slot) {
    bool any = false;
    for (double v : rhs[slot]) any = any || v != 0.0;
    if (!any) continue;
    std::vector<double> x = impl_->block_solver->Solve(rhs[slot]);
    for (int l = 0; l < nb; ++l) {
      const int j = impl_->background[l];
      for (int k = 0; k < impacts; ++k) out.by_stage[k][slot] += cb[k][j] * x[l];
    }
  }
  return out;
}

}  // namespace gpulca::lca
