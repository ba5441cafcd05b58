#include "lca/system/calculation.h"

#include "lca/engine/calculator.h"

namespace gpulca::lca {

int LcaResult::ImpactIndex(const std::string& id) const {
  for (size_t k = 0; k < data.impact_ids.size(); ++k) {
    if (data.impact_ids[k] == id) return static_cast<int>(k);
  }
  return -1;
}

double LcaResult::UpstreamTotal(size_t j, int k) const {
  return scaling[j] * data.technosphere.At(j, j) * intensity[k][j];
}

const char* StageSlotName(int slot) {
  return slot == kUnassigned ? "unassigned"
                             : inventory::ToString(static_cast<inventory::Stage>(slot));
}

LcaResult Calculate(MatrixData data, SolverChoice choice) {
  LcaResult r;
  const int n = data.technosphere.rows();
  Calculator calculator(data, choice);
  StageTotals totals;
  calculator.Evaluate(data, &totals, &r.intensity);
  r.solver = calculator.SolverName();
  r.scaling = std::move(totals.scaling);
  r.inventory = data.biosphere.Multiply(r.scaling);
  r.impacts = std::move(totals.impacts);
  r.by_stage = std::move(totals.by_stage);

  const int k_count = data.characterisation.rows();
  const std::vector<double>& cb = calculator.direct_impacts();
  r.by_process.assign(k_count, std::vector<double>(n, 0.0));
  for (int k = 0; k < k_count; ++k) {
    for (int j = 0; j < n; ++j) r.by_process[k][j] = cb[static_cast<size_t>(k) * n + j] * r.scaling[j];
  }
  r.by_flow.assign(k_count, std::vector<double>(data.biosphere.rows(), 0.0));
  const SparseMatrix& c = data.characterisation;
  for (int f = 0; f < c.cols(); ++f) {
    for (int p = c.col_ptr()[f]; p < c.col_ptr()[f + 1]; ++p) {
      r.by_flow[c.row_idx()[p]][f] += c.values()[p] * r.inventory[f];
    }
  }
  r.data = std::move(data);
  return r;
}

}  // namespace gpulca::lca
