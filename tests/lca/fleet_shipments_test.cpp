// Shipments read from the bundled data: units add up to the cited totals, a
// mix that does not add up to 1 names its year and vendor.
#include <catch2/catch.hpp>

#include "lca/error.h"
#include "inventory/model/parameters.h"
#include "inventory/model/validate.h"
#include "inventory/toml/toml_loader.h"
#include "lca/fleet/fleet.h"
#include "lca/fleet/internal/fleet_shipments.h"
#include "lca/gpu/gpu_assessment.h"
#include "tests/cli/cli_support.h"

using namespace gpulca;

namespace {
double ProductUnits(const lca::YearShipments& s) {
  double sum = 0;
  for (const auto& p : s.products) sum += p.units;
  return sum;
}
}  // namespace

TEST_CASE("fleet shipments add up to the cited totals", "[fleet][data]") {
  inventory::Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet parameters(inv);
  CHECK(lca::ShipmentYears(parameters) == std::vector<int>{2022, 2023, 2024});
  auto s22 = lca::ReadShipments(inv, parameters, 2022);
  auto s23 = lca::ReadShipments(inv, parameters, 2023);
  CHECK(s22.total == 2.67e6);
  CHECK(s23.total == 3.85e6);
  CHECK(ProductUnits(s22) == Approx(2.67e6).epsilon(1e-9));
  CHECK(ProductUnits(s23) == Approx(3.85e6).epsilon(1e-9));
  // 2024: DIGITIMES' 4.82 M high-end units, 92.5% NVIDIA and 7.3% AMD.
  auto s24 = lca::ReadShipments(inv, parameters, 2024);
  CHECK(s24.total == 4.82e6);
  CHECK(s24.source == "digitimes2024_server_gpu");
  CHECK(s24.total_estimate);
  CHECK(ProductUnits(s24) == Approx(4.82e6).epsilon(1e-9));
  CHECK(s24.vendors[0].units == Approx(0.925 * 4.82e6));
  CHECK(s24.vendors[1].units == Approx(0.073 * 4.82e6));
  CHECK(s23.source == "hpcwire2024_techinsights_shipments");
  CHECK_FALSE(s23.total_estimate);
  REQUIRE(s23.vendors.size() == 3);
  CHECK(s23.vendors[0].vendor == "nvidia");
  CHECK(s23.vendors[0].units == 3.76e6);
  CHECK(s23.vendors[0].units / s23.total == Approx(0.977).margin(0.005));
  CHECK(s23.products.front().vendor == "nvidia");
  CHECK(lca::MixParameter(2023, "nvidia-h100-sxm5") == "mix_2023_nvidia_h100_sxm5");
  CHECK(lca::VendorOf("intel-max-1550") == "intel");
}

TEST_CASE("fleet shipments reject a mix that does not add up to 1", "[fleet][data]") {
  inventory::Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet parameters(inv);
  parameters.Override("mix_2023_amd_mi300x", 0.6);
  parameters.Evaluate();
  CHECK_THROWS_WITH(lca::ReadShipments(inv, parameters, 2023),
                    Catch::Contains("shipments 2023") && Catch::Contains("vendor 'amd'") &&
                        Catch::Contains("adds up to 1.1"));
  CHECK_NOTHROW(lca::ReadShipments(inv, parameters, 2022));
  CHECK_THROWS_AS(lca::ReadShipments(inv, parameters, 2019), NotFound);
}

TEST_CASE("fleet --mix replaces a vendor's mix as a whole", "[fleet][data]") {
  inventory::Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet parameters(inv);
  auto s = lca::ReadShipments(inv, parameters, 2023, {{"nvidia-h100-sxm5", 0.5}, {"nvidia-b200", 0.5}});
  double h100 = 0, b200 = 0, a100 = 0;
  for (const auto& p : s.products) {
    if (p.gpu == "nvidia-h100-sxm5") h100 = p.units;
    if (p.gpu == "nvidia-b200") b200 = p.units;
    if (p.gpu == "nvidia-a100-sxm4-80gb") a100 = p.units;
  }
  CHECK(h100 == Approx(1.88e6));
  CHECK(b200 == Approx(1.88e6));
  CHECK(a100 == 0);
  CHECK(ProductUnits(s) == Approx(3.85e6));
  CHECK_THROWS_WITH(lca::ReadShipments(inv, parameters, 2023, {{"nvidia-h100-sxm5", 0.5}}),
                    Catch::Contains("vendor 'nvidia'"));
  CHECK_THROWS_WITH(lca::ReadShipments(inv, parameters, 2023, {{"nvidia-h900", 1}}),
                    Catch::Contains("'nvidia-h900' is not a GPU"));
}

TEST_CASE("fleet year scales per-GPU results by units, and 2023 is 44% more units than 2022",
          "[fleet][data]") {
  inventory::Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet parameters(inv);
  lca::FleetOptions o;
  o.year = 2023;
  o.regions = {{"US", 1.0}};
  lca::FleetAssessment f = lca::AssessFleet(inv, parameters, o);
  REQUIRE(f.previous);
  CHECK(f.year.shipments.total / f.previous->shipments.total - 1 == Approx(0.442).margin(0.001));
  const int k = 0;
  REQUIRE(f.impact_ids[k] == "gwp100");
  // Embodied and operational of one product are units x the per-GPU numbers.
  lca::GpuAssessmentOptions g;
  g.gpu = "nvidia-h100-sxm5";
  g.region = "US";
  lca::GpuAssessment a = lca::AssessGpu(inv, parameters, g);
  bool found = false;
  double sum = 0, stages = 0;
  for (const auto& p : f.year.products) {
    sum += p.embodied[k];
    if (p.gpu != g.gpu) continue;
    found = true;
    CHECK(p.units == Approx(3.76e6 * 0.4));
    CHECK(p.embodied[k] == Approx(p.units * a.embodied[k]));
    CHECK(p.operational_per_year[k] == Approx(p.units * a.operational[k] / a.lifetime_years));
    CHECK(p.kwh_per_year == Approx(p.units * a.use_kwh / a.lifetime_years));
  }
  CHECK(found);
  CHECK(f.year.embodied[k] == Approx(sum));
  for (double s : f.year.by_stage[k]) stages += s;
  CHECK(stages == Approx(f.year.embodied[k]));
  CHECK(f.year.embodied[k] > f.previous->embodied[k]);
  REQUIRE(f.dc_twh);
  CHECK(*f.dc_twh == 460);
  CHECK(f.dc_year == 2022);
}
