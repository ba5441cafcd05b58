#include "lca/gpu/wafer_factors.h"

#include <fmt/format.h>

#include "lca/error.h"
#include "lca/system/calculation.h"

namespace gpulca::lca {
namespace {

// The index of impact `id` in `result`; NotFound when absent.
int Impact(const LcaResult& result, const char* id) {
  int k = result.ImpactIndex(id);
  if (k < 0) throw NotFound(fmt::format("impact method '{}' is not in the database", id));
  return k;
}

// The total gwp100 and gwp20 of one unit of the product of system process `j`.
WaferTerm Intensity(const LcaResult& r, int k100, int k20, size_t j) {
  return {r.intensity[k100][j], r.intensity[k20][j]};
}

}  // namespace

WaferFactors ReadWaferFactors(const inventory::Inventory& inventory,
                              const inventory::ParameterSet& parameters,
                              const std::string& wafer_process) {
  const inventory::Process* wafer = inventory.FindProcess(wafer_process);
  if (!wafer) throw NotFound(fmt::format("process '{}' is not in the database", wafer_process));
  LcaResult r = Calculate(BuildMatrices(inventory, parameters, wafer_process, 1.0,
                                        {"gwp100", "gwp20"}));
  const int k100 = Impact(r, "gwp100");
  const int k20 = Impact(r, "gwp20");

  WaferFactors f;
  f.process = wafer_process;
  f.total = {r.impacts[k100], r.impacts[k20]};
  const ProductSystem& system = r.data.system;
  const size_t demand = system.processes[0];
  for (const Link& link : system.links) {
    if (link.consumer != 0) continue;
    const inventory::Process& provider = inventory.processes[system.processes[link.provider]];
    const double amount = parameters.ExchangeAmount(demand, link.exchange);
    const WaferTerm unit = Intensity(r, k100, k20, link.provider);
    if (provider.product == "electricity") {
      f.grid = provider.id;
      f.grid_per_kwh = unit;
      f.kwh_per_cm2 += amount;
      f.energy.gwp100 += amount * unit.gwp100;
      f.energy.gwp20 += amount * unit.gwp20;
    } else if (provider.product.rfind("process_gases_", 0) == 0) {
      f.gases_process = provider.id;
      f.gases.gwp100 += amount * unit.gwp100;
      f.gases.gwp20 += amount * unit.gwp20;
    }
  }
  f.materials = {f.total.gwp100 - f.energy.gwp100 - f.gases.gwp100,
                 f.total.gwp20 - f.energy.gwp20 - f.gases.gwp20};
  return f;
}

}  // namespace gpulca::lca
