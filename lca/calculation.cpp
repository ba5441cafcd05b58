#include "lca/calculation.h"

#include <map>

namespace gpulca::lca {
namespace {

// (C B) as a dense k x n matrix: the direct impact of one unit of scaling.
std::vector<std::vector<double>> DirectImpacts(const MatrixData& d) {
  const SparseMatrix& b = d.biosphere;
  const SparseMatrix& c = d.characterisation;
  std::vector<std::vector<double>> cb(c.rows(), std::vector<double>(b.cols(), 0.0));
  // Factor of each (impact, flow).
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

SparseMatrix Transpose(const SparseMatrix& a) {
  std::vector<Triplet> t;
  t.reserve(a.nnz());
  for (int j = 0; j < a.cols(); ++j) {
    for (int p = a.col_ptr()[j]; p < a.col_ptr()[j + 1]; ++p) t.push_back({j, a.row_idx()[p], a.values()[p]});
  }
  return SparseMatrix::FromTriplets(a.cols(), a.rows(), std::move(t));
}

// Scaling of the background processes (no stage) split by what drives it:
// the direct consumption of each stage's processes, and the final demand.
// Returns [slot][j] for background j (zero elsewhere).
std::vector<std::vector<double>> BackgroundScalingBySlot(const MatrixData& d,
                                                         const std::vector<double>& s,
                                                         SolverChoice choice) {
  const int n = d.technosphere.rows();
  std::vector<int> local(n, -1), background;
  for (int j = 0; j < n; ++j) {
    if (d.stages[j] == Stage::kNone) {
      local[j] = static_cast<int>(background.size());
      background.push_back(j);
    }
  }
  std::vector<std::vector<double>> out(kStageSlots, std::vector<double>(n, 0.0));
  if (background.empty()) return out;
  const int nb = static_cast<int>(background.size());
  std::vector<Triplet> sub;
  std::vector<std::vector<double>> rhs(kStageSlots, std::vector<double>(nb, 0.0));
  const SparseMatrix& a = d.technosphere;
  for (int j = 0; j < n; ++j) {
    for (int p = a.col_ptr()[j]; p < a.col_ptr()[j + 1]; ++p) {
      int i = a.row_idx()[p];
      if (local[i] < 0) continue;
      if (local[j] >= 0) {
        sub.push_back({local[i], local[j], a.values()[p]});
      } else {
        rhs[static_cast<int>(d.stages[j])][local[i]] -= a.values()[p] * s[j];
      }
    }
  }
  for (int j : background) rhs[kUnassigned][local[j]] += d.demand[j];
  SparseMatrix block = SparseMatrix::FromTriplets(nb, nb, std::move(sub));
  std::vector<std::string> names;
  for (int j : background) names.push_back(d.process_ids[j]);
  auto solver = MakeSolver(block, choice, &names);
  for (int slot = 0; slot < kStageSlots; ++slot) {
    bool any = false;
    for (double v : rhs[slot]) any = any || v != 0.0;
    if (!any) continue;
    std::vector<double> x = solver->Solve(rhs[slot]);
    for (int l = 0; l < nb; ++l) out[slot][background[l]] = x[l];
  }
  return out;
}

}  // namespace

int LcaResult::ImpactIndex(const std::string& id) const {
  for (size_t k = 0; k < data.impact_ids.size(); ++k) {
    if (data.impact_ids[k] == id) return static_cast<int>(k);
  }
  return -1;
}

const char* StageSlotName(int slot) {
  return slot == kUnassigned ? "unassigned" : ToString(static_cast<Stage>(slot));
}

LcaResult Calculate(MatrixData data, SolverChoice choice) {
  LcaResult r;
  const int n = data.technosphere.rows();
  auto solver = MakeSolver(data.technosphere, choice, &data.process_ids);
  r.solver = solver->Name();
  r.scaling = solver->Solve(data.demand);
  r.inventory = data.biosphere.Multiply(r.scaling);
  r.impacts = data.characterisation.Multiply(r.inventory);

  const int k_count = data.characterisation.rows();
  auto cb = DirectImpacts(data);
  r.by_process.assign(k_count, std::vector<double>(n, 0.0));
  for (int k = 0; k < k_count; ++k) {
    for (int j = 0; j < n; ++j) r.by_process[k][j] = cb[k][j] * r.scaling[j];
  }
  r.by_flow.assign(k_count, std::vector<double>(data.biosphere.rows(), 0.0));
  const SparseMatrix& c = data.characterisation;
  for (int f = 0; f < c.cols(); ++f) {
    for (int p = c.col_ptr()[f]; p < c.col_ptr()[f + 1]; ++p) {
      r.by_flow[c.row_idx()[p]][f] += c.values()[p] * r.inventory[f];
    }
  }

  auto background = BackgroundScalingBySlot(data, r.scaling, choice);
  r.by_stage.assign(k_count, {});
  for (int k = 0; k < k_count; ++k) {
    r.by_stage[k].fill(0.0);
    for (int j = 0; j < n; ++j) {
      if (data.stages[j] != Stage::kNone) {
        r.by_stage[k][static_cast<int>(data.stages[j])] += r.by_process[k][j];
      } else {
        for (int slot = 0; slot < kStageSlots; ++slot) r.by_stage[k][slot] += cb[k][j] * background[slot][j];
      }
    }
  }

  auto transposed = MakeSolver(Transpose(data.technosphere), choice, &data.process_ids);
  r.intensity.resize(k_count);
  for (int k = 0; k < k_count; ++k) r.intensity[k] = transposed->Solve(cb[k]);
  r.data = std::move(data);
  return r;
}

}  // namespace gpulca::lca
