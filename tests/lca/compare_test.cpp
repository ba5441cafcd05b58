// Comparison on the bundled data: each functional unit divides the report's
// own totals, and the deciding stage is the largest difference by stage.
#include "lca/gpu/compare.h"

#include <catch2/catch.hpp>

#include <cmath>

#include "lca/error.h"
#include "inventory/toml/toml_loader.h"
#include "lca/gpu/gpu_assessment.h"
#include "tests/cli/cli_support.h"

using namespace gpulca;

TEST_CASE("compare divides each GPU's totals by its functional units", "[compare][data]") {
  inventory::Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet parameters(inv);
  const std::vector<std::string> gpus = {"nvidia-h100-sxm5", "amd-mi300x"};
  std::vector<lca::GpuAssessment> a;
  for (const auto& g : gpus) a.push_back(lca::AssessGpu(inv, parameters, lca::GpuAssessmentOptions(g, true, "US", 0.5)));
  for (lca::PerUnit per : {lca::PerUnit::kUnit, lca::PerUnit::kGpuHour, lca::PerUnit::kPflopHour,
                           lca::PerUnit::kGb, lca::PerUnit::kQuery}) {
    INFO(lca::ToString(per));
    lca::CompareOptions o;
    o.gpus = gpus;
    o.per = per;
    o.region = "US";
    o.query_wh = 0.5;
    lca::Comparison c = lca::Compare(inv, parameters, o);
    REQUIRE(c.gpus.size() == 2);
    for (size_t i = 0; i < 2; ++i) {
      const lca::GpuAssessment& x = a[i];
      double units = per == lca::PerUnit::kUnit       ? 1
                     : per == lca::PerUnit::kGpuHour  ? x.lifetime_hours
                     : per == lca::PerUnit::kPflopHour
                         ? x.lifetime_hours * x.peak_tflops / 1000 * x.utilization
                     : per == lca::PerUnit::kGb ? x.memory_gb
                                                : x.lifetime_hours * x.tdp_w * x.power_fraction / 0.5;
      CHECK(c.gpus[i].functional_units == Approx(units));
      CHECK(c.gpus[i].values[0] == Approx(x.total[0] / units));
    }
    // Per GPU-hour and per PFLOP-hour agree with the report's intensities.
    if (per == lca::PerUnit::kGpuHour) CHECK(c.gpus[1].values[0] == Approx(a[1].per_gpu_hour[0]));
    if (per == lca::PerUnit::kPflopHour) {
      CHECK(c.gpus[1].values[0] == Approx(a[1].per_pflop_hour[0]));
    }
    if (per == lca::PerUnit::kQuery) CHECK(c.gpus[0].values[0] == Approx(a[0].per_query[0]));
  }
}

TEST_CASE("the deciding stage is the stage that differs most from the first GPU",
          "[compare][data]") {
  inventory::Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet parameters(inv);
  lca::CompareOptions o;
  o.gpus = {"nvidia-h100-sxm5", "nvidia-h100-pcie"};
  o.cradle_to_grave = false;
  lca::Comparison c = lca::Compare(inv, parameters, o);
  const auto& first = c.gpus[0];
  const auto& second = c.gpus[1];
  CHECK(first.deciding_difference[0] == 0);
  double largest = 0;
  int slot = -1;
  for (int s = 0; s < lca::kStageSlots; ++s) {
    double d = second.by_stage[0][s] - first.by_stage[0][s];
    if (std::abs(d) > std::abs(largest)) {
      largest = d;
      slot = s;
    }
  }
  CHECK(second.deciding_stage[0] == slot);
  CHECK(second.deciding_difference[0] == Approx(largest));
  // The stages add up to the total per functional unit.
  double sum = 0;
  for (double v : second.by_stage[0]) sum += v;
  CHECK(sum == Approx(second.values[0]));
}

TEST_CASE("compare rejects what it cannot compare", "[compare][data]") {
  inventory::Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet parameters(inv);
  lca::CompareOptions o;
  o.gpus = {"nvidia-h100-sxm5"};
  CHECK_THROWS_AS(lca::Compare(inv, parameters, o), InvalidArgument);
  o.gpus = {"nvidia-h100-sxm5", "nvidia-h100-sxm5"};
  CHECK_THROWS_WITH(lca::Compare(inv, parameters, o), Catch::Contains("given twice"));
  o.gpus = {"nvidia-h100-sxm5", "amd-mi300x"};
  o.per = lca::PerUnit::kQuery;
  CHECK_THROWS_WITH(lca::Compare(inv, parameters, o), Catch::StartsWith("query_wh missing"));
  o.per = lca::PerUnit::kUnit;
  o.gpus = {"nvidia-h100-sxm5", "nvidia-h900"};
  CHECK_THROWS_AS(lca::Compare(inv, parameters, o), NotFound);
  CHECK_THROWS_AS(lca::ParsePerUnit("furlong"), InvalidArgument);
}
