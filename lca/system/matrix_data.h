// MatrixData: a product system in matrix form, in LCA words: the engine's
// Matrices (lca/engine/matrices.h; a column's stage slot is its Stage) and
// the index vectors that name the rows and columns, with where each entry
// comes from in the inventory. Built from an inventory with the current
// values of a ParameterSet.
#pragma once

#include <string>
#include <vector>

#include "lca/system/product_system.h"
#include "inventory/model/model.h"
#include "inventory/model/parameters.h"
#include "lca/engine/matrices.h"

namespace gpulca::lca {

// The stage slots of Matrices are the stages of model.h in order.
static_assert(inventory::kStageCount == kUnassigned, "one stage slot per stage, then kUnassigned");

struct MatrixData : Matrices {
  // process_ids (TechIndex: column j) and stage_slots are in Matrices.
  std::vector<std::string> process_names;
  std::vector<std::string> locations;
  std::vector<std::string> product_ids;   // row i: the product of process i
  std::vector<std::string> product_units;
  std::vector<std::string> flow_ids;      // EnviIndex: rows of B
  std::vector<std::string> flow_units;
  std::vector<std::string> impact_ids;    // ImpactIndex: rows of C
  std::vector<std::string> impact_units;
  std::vector<std::string> impact_names;
  ProductSystem system;

  // The stage of column j (Stage::kNone for the background).
  inventory::Stage stage(size_t j) const {
    return stage_slots[j] < 0 ? inventory::Stage::kNone
                              : static_cast<inventory::Stage>(stage_slots[j]);
  }

  // Where each matrix entry comes from, for Monte Carlo and sensitivity:
  // entry k of the triplet list of A (or B) is `sign` times the amount of
  // exchange `exchange` of inventory process `process` (exchange -1: the
  // reference product); `*_slots[k]` is its place in the matrix values.
  struct EntrySource {
    size_t process;
    int exchange;
    double sign;
  };
  std::vector<EntrySource> technosphere_sources, biosphere_sources;
  std::vector<int> technosphere_slots, biosphere_slots;
  // Entry k of C is factor `factor` of method `method` (inventory indices).
  struct FactorSource {
    size_t method;
    size_t factor;
  };
  std::vector<FactorSource> characterisation_sources;
  std::vector<int> characterisation_slots;
};

// Builds the matrices of the product system of `demand_process` for
// `amount` units of its reference product (in the product's unit), with
// the methods `method_ids` (all methods when empty). Throws NotFound for an
// unknown method, and whatever linking and formulas throw.
MatrixData BuildMatrices(const inventory::Inventory& inventory,
                         const inventory::ParameterSet& parameters,
                         const std::string& demand_process, double amount,
                         const std::vector<std::string>& method_ids, const LinkOptions& links = {});

// The demand process for an id that names a process, or a product flow: its
// provider at `location` by the provider rule (inventory/providers.h), or its
// default provider when `location` is empty. Throws NotFound naming the id,
// LinkError when the product has no provider the rule can pick.
std::string ResolveDemand(const inventory::Inventory& inventory, const std::string& id,
                          const std::string& location = "");

}  // namespace gpulca::lca
