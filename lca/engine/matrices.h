// Matrices: a product system as the engine sees it, numbers and ids only.
//   technosphere A (n x n): column j = process j, row i = product of process i
//   biosphere B (m x n):    row = elementary flow, amounts per process scaling
//   characterisation C (k x m): row = impact, indicator per flow unit
//   demand f (n):           the functional unit on the demand process's row
// Each column may carry a stage slot, for attributing impacts to stages
// (calculator.h); the engine knows slots, not what the stages mean. The
// system layer (lca/system/matrix_data.h) builds these from an inventory.
#pragma once

#include <string>
#include <vector>

#include "lca/engine/sparse_matrix.h"

namespace gpulca::lca {

// Stage slots: kStageSlots - 1 slots a column may belong to, and the last,
// kUnassigned, for the background that only the demand itself drives.
inline constexpr int kStageSlots = 8;
inline constexpr int kUnassigned = kStageSlots - 1;

struct Matrices {
  std::vector<std::string> process_ids;  // column j's id, for messages
  // Column j's stage slot in [0, kUnassigned), or -1: a background process,
  // which counts in the stages of the processes that consume it.
  std::vector<int> stage_slots;
  SparseMatrix technosphere, biosphere, characterisation;
  std::vector<double> demand;
};

}  // namespace gpulca::lca
