// The bundled data: it validates, every catalogue GPU calculates all five
// impacts, and the deployment region chooses the use-phase grid.
#include <catch2/catch.hpp>
#include <cmath>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "inventory/model/parameters.h"
#include "inventory/model/validate.h"
#include "inventory/toml/toml_loader.h"
#include "lca/system/calculation.h"
#include "lca/gpu/gpu_assessment.h"
#include "tests/cli/bundled_test_support.h"
#include "tests/cli/cli_support.h"
#include "tests/test_support.h"

using namespace gpulca;

using gpulca::inventory::Inventory;

TEST_CASE("the bundled data has no problem and no number without a source", "[data]") {
  std::vector<inventory::Diagnostic> problems;
  Inventory inv = inventory::LoadToml({test::BundledData()}, problems);
  auto more = inventory::Validate(inv);
  problems.insert(problems.end(), more.begin(), more.end());
  INFO(inventory::JoinDiagnostics(problems));
  CHECK(problems.empty());
  for (const char* method : {"gwp100", "gwp20", "energy", "water", "adp"}) {
    CHECK(inv.FindMethod(method) != nullptr);
  }
  CHECK(lca::CatalogueGpus(inv).size() >= 15);
}

TEST_CASE("every catalogue GPU gives five impacts whose stages add up", "[data]") {
  Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet parameters(inv);
  for (const std::string& gpu : lca::CatalogueGpus(inv)) {
    INFO(gpu);
    lca::GpuAssessment a = lca::AssessGpu(inv, parameters, lca::GpuAssessmentOptions(gpu, true, "", 2.0));
    REQUIRE(a.total.size() == 5);
    for (size_t k = 0; k < 5; ++k) {
      double sum = 0;
      for (double v : a.grave->by_stage[k]) sum += v;
      CHECK(sum == Approx(a.total[k]).epsilon(1e-9));
      CHECK(a.embodied[k] > 0);
      // The life cycle adds use and end of life to the gate; equal to the last
      // bits where a stage adds nothing (the sums run in another order).
      CHECK(a.total[k] >= a.embodied[k] - 1e-12 * std::abs(a.embodied[k]));
    }
    // Per GPU-hour is the life-cycle total over the lifetime hours.
    CHECK(a.per_gpu_hour[0] * a.lifetime_hours == Approx(a.total[0]));
    CHECK(a.gate.by_stage[0][static_cast<int>(inventory::Stage::kFabrication)] > 0);
  }
}

// Regression: the use-phase electricity once named grid_us as its provider,
// so --region changed the label and none of the numbers.
TEST_CASE("the deployment region chooses the use-phase grid", "[data]") {
  Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet parameters(inv);
  auto gwp = [&](const std::string& region) {
    return lca::AssessGpu(inv, parameters, lca::GpuAssessmentOptions("nvidia-h100-sxm5", true, region));
  };
  lca::GpuAssessment us = gwp("US"), se = gwp("SE"), cn = gwp("CN");
  // The embodied part does not depend on where the GPU runs.
  CHECK(se.embodied[0] == Approx(us.embodied[0]));
  CHECK(cn.embodied[0] == Approx(us.embodied[0]));
  // Same facility energy everywhere; the grid intensity makes the difference.
  CHECK(se.use_kwh == Approx(us.use_kwh));
  CHECK(se.operational[0] < us.operational[0]);
  CHECK(us.operational[0] < cn.operational[0]);
  auto direct = [](const lca::GpuAssessment& a, const std::string& process) {
    const auto& ids = a.grave->data.process_ids;
    for (size_t j = 0; j < ids.size(); ++j) {
      if (ids[j] == process) return a.grave->by_process[0][j];
    }
    return 0.0;
  };
  CHECK(direct(se, "grid_se") > 0);
  CHECK(direct(se, "grid_us") == 0);
  CHECK(direct(us, "grid_us") > 0);
}

TEST_CASE("the long leg's mode is a parameter: all by sea, by hand", "[data]") {
  Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet air(inv), sea(inv);
  sea.Override("integrator_air_share", 0);
  sea.Evaluate();
  const std::string gpu = "nvidia-h100-sxm5";
  // The leg to the server integrator is distribution: in the life cycle, not
  // in the module's cradle to gate, which the mode does not change.
  const std::string life = gpu + "-lifecycle";
  double by_air =
      test::StageImpact(test::Gate(inv, air, life, 1), "gwp100", inventory::Stage::kShipping);
  double by_sea =
      test::StageImpact(test::Gate(inv, sea, life, 1), "gwp100", inventory::Stage::kShipping);
  CHECK(test::Impact(test::Gate(inv, air, gpu, 1), "gwp100") ==
        Approx(test::Impact(test::Gate(inv, sea, gpu, 1), "gwp100")));
  // Per t*km of each mode, from the database's own freight processes.
  double air_tkm = test::Impact(test::Gate(inv, air, "freight_air", 1), "gwp100");
  double sea_tkm = test::Impact(test::Gate(inv, air, "freight_sea", 1), "gwp100");
  const double t = air.Value(gpu, "module_mass_kg") * air.Value("", "ship_packaging_factor") / 1000;
  CHECK(by_air - by_sea ==
        Approx(t * (air.Value("", "dist_board_to_integrator_km") * air_tkm -
                    air.Value("", "dist_board_to_integrator_sea_km") * sea_tkm)));
  CHECK(by_sea < 0.1 * by_air);
}

TEST_CASE("the fab region moves the module's own logic wafers, nothing else", "[data]") {
  Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet parameters(inv);
  auto gate = [&](const std::string& fab) {
    lca::GpuAssessmentOptions o;
    o.gpu = "nvidia-h100-sxm5";
    o.cradle_to_grave = false;
    o.fab_region = fab;
    return lca::AssessGpu(inv, parameters, o);
  };
  lca::GpuAssessment tw = gate(""), kr = gate("KR"), jp = gate("JP");
  CHECK(tw.fab_region == "TW");
  CHECK(kr.fab_region == "KR");
  CHECK(kr.unrelocated.empty());
  // The difference is the wafer processes' own: the Korean fab's whole
  // upstream replaces the Taiwanese one's, for the same wafer area.
  auto upstream = [](const lca::GpuAssessment& a, const std::string& process) {
    const auto& ids = a.gate.data.process_ids;
    for (size_t i = 0; i < ids.size(); ++i) {
      if (ids[i] == process) return a.gate.scaling[i] * a.gate.intensity[0][i];
    }
    return 0.0;
  };
  CHECK(kr.embodied[0] - tw.embodied[0] ==
        Approx(upstream(kr, "logic_wafer_n4_kr") - upstream(tw, "logic_wafer_n4_tw")));
  CHECK(kr.embodied[0] < tw.embodied[0]);  // the Korean grid is the cleaner of the two
  // No Japanese fab in the data: the die stays in Taiwan and the assessment says so.
  CHECK(jp.fab_region == "TW");
  CHECK(jp.embodied[0] == Approx(tw.embodied[0]));
  REQUIRE(jp.unrelocated.size() == 1);
  CHECK(jp.unrelocated[0].find("logic_wafer_n4_tw") == 0);
}
