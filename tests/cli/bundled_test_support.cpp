#include "tests/cli/bundled_test_support.h"

#include <catch2/catch.hpp>

#include "lca/system/calculation.h"
#include "lca/system/matrix_data.h"

namespace gpulca::test {

lca::LcaResult Gate(const inventory::Inventory& inventory,
                    const inventory::ParameterSet& parameters, const std::string& demand,
                    double amount) {
  return lca::Calculate(
      lca::BuildMatrices(inventory, parameters, lca::ResolveDemand(inventory, demand), amount, {}));
}

double Impact(const lca::LcaResult& result, const std::string& impact) {
  int k = result.ImpactIndex(impact);
  REQUIRE(k >= 0);
  return result.impacts[k];
}

double StageImpact(const lca::LcaResult& result, const std::string& impact,
                   inventory::Stage stage) {
  int k = result.ImpactIndex(impact);
  REQUIRE(k >= 0);
  return result.by_stage[k][static_cast<int>(stage)];
}

double FlowAmount(const lca::LcaResult& result, const std::string& flow) {
  const auto& ids = result.data.flow_ids;
  for (size_t f = 0; f < ids.size(); ++f) {
    if (ids[f] == flow) return result.inventory[f];
  }
  return 0;
}

double ProcessesImpact(const lca::LcaResult& result, const std::string& impact,
                       const std::string& prefix) {
  int k = result.ImpactIndex(impact);
  REQUIRE(k >= 0);
  double sum = 0;
  const auto& ids = result.data.process_ids;
  for (size_t j = 0; j < ids.size(); ++j) {
    if (ids[j].rfind(prefix, 0) == 0) sum += result.by_process[k][j];
  }
  return sum;
}

}  // namespace gpulca::test
