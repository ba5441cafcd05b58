// LcaResult: what one calculation gives, as plain numbers over the indices
// of its MatrixData. Computed by Calculate (calculation.h); read by reports.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "inventory/model/model.h"
#include "lca/system/matrix_data.h"

namespace gpulca::lca {

// Stage slots (lca/engine/matrices.h): the seven stages of model.h in order,
// then kUnassigned for background processes that only the demand drives.

struct LcaResult {
  MatrixData data;
  const char* solver = "";
  std::vector<double> scaling;    // s, per process
  std::vector<double> inventory;  // g = B s, per elementary flow
  std::vector<double> impacts;    // h = C g, per impact
  // Direct contribution of process j to impact k: (C B)_kj s_j.
  std::vector<std::vector<double>> by_process;  // [k][j]
  // Contribution of flow f to impact k: C_kf g_f.
  std::vector<std::vector<double>> by_flow;     // [k][f]
  // Impact k by stage slot; background processes count in the stages of
  // the processes that consume them. Sums to impacts[k].
  std::vector<std::array<double, kStageSlots>> by_stage;  // [k][slot]
  // Total (upstream) impact k per unit of product i: solves Aᵀ λ = (C B)ᵀ.
  std::vector<std::vector<double>> intensity;   // [k][i]

  int ImpactIndex(const std::string& id) const;  // -1 when absent
  // Upstream total of process j for impact k: s_j · A_jj · λ_kj, the impact of
  // making everything process j makes in this system, its supply chain included.
  double UpstreamTotal(size_t j, int k) const;
};

// The name of a stage slot: the stage's id, or "unassigned".
const char* StageSlotName(int slot);

}  // namespace gpulca::lca
