// fleet --mc on the bundled 2023 shipments: the fleet's embodied samples are
// the sums of the products' own paired samples, and the nominal fleet sits
// inside its interval. An input's draw depends only on (seed, its name,
// iteration), so a module run alone gives the very samples it has in the
// fleet run.
#include "lca/fleet/fleet_uncertainty.h"

#include <catch2/catch.hpp>

#include <vector>

#include "inventory/toml/toml_loader.h"
#include "lca/gpu/gpu_uncertainty.h"
#include "tests/cli/cli_support.h"
#include "tests/reports/report_support.h"

using namespace gpulca;

TEST_CASE("fleet Monte Carlo: embodied = sum of units x each module's paired samples",
          "[lca][mc][fleet][data]") {
  inventory::Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet parameters(inv);
  lca::FleetOptions fo;
  fo.year = 2023;
  const lca::FleetAssessment f = lca::AssessFleet(inv, parameters, fo);
  REQUIRE(f.year.products.size() >= 3);
  lca::McOptions mc;
  mc.iterations = 120;
  mc.seed = 4;
  mc.threads = 2;
  const lca::FleetUncertainty u = lca::RunFleetMonteCarlo(inv, parameters, f, mc);
  CHECK(u.iterations == 120);
  CHECK(u.systems == 3 * static_cast<int>(f.year.products.size()));  // module, life cycle, host

  // The modules alone, cradle to gate, on the same seed.
  std::vector<lca::GpuAssessment> gates;
  for (const lca::FleetProduct& p : f.year.products) {
    gates.push_back(lca::AssessGpu(inv, parameters, lca::GpuAssessmentOptions(p.gpu, false)));
  }
  std::vector<const lca::GpuAssessment*> pointers;
  for (const auto& g : gates) pointers.push_back(&g);
  const auto alone = lca::RunGpuMonteCarlo(inv, parameters, pointers, mc);
  for (size_t k = 0; k < f.impact_ids.size(); ++k) {
    INFO(f.impact_ids[k]);
    std::vector<double> sum(120, 0.0);
    for (size_t p = 0; p < gates.size(); ++p) {
      for (size_t i = 0; i < sum.size(); ++i) {
        sum[i] += f.year.products[p].units * alone[p].run.samples[k][i];
      }
    }
    const lca::Summary s = lca::Summarise(sum);
    CHECK(u.embodied[k].p50 == Approx(s.p50).epsilon(1e-9));
    CHECK(u.embodied[k].p95 == Approx(s.p95).epsilon(1e-9));
    CHECK(u.embodied[k].sd == Approx(s.sd).epsilon(1e-9));
    CHECK(u.embodied[k].sd > 0.0);
  }
  // The nominal fleet lies inside its 90 % interval: the electricity and
  // the CO2e of the use phase move with utilisation, PUE and lifetime.
  CHECK(u.kwh_per_year.p05 < f.year.kwh_per_year);
  CHECK(u.kwh_per_year.p95 > f.year.kwh_per_year);
  CHECK(u.operational_per_year[0].p05 < f.year.operational_per_year[0]);
  CHECK(u.operational_per_year[0].p95 > f.year.operational_per_year[0]);
  double vendors = 0;
  for (const auto& [vendor, summaries] : u.by_vendor) vendors += summaries[0].mean;
  CHECK(vendors == Approx(u.embodied[0].mean).epsilon(1e-9));
}

TEST_CASE("fleet --mc end to end; --assets and --oat refuse it", "[cli][mc][fleet][data]") {
  test::BundledDb db;
  const auto j = db.Json("fleet --year 2023 --mc 60 --format json");
  const auto& mc = j["uncertainty"]["monte_carlo"];
  CHECK(mc["iterations"] == 60);
  const auto& g = j["impacts"]["gwp100"];
  CHECK(g["p05"].get<double>() < g["p95"].get<double>());
  CHECK(g["unit"] == "t CO2e");
  bool electricity = false;
  for (const auto& q : mc["quantities"]) electricity = electricity || q["unit"] == "TWh/yr";
  CHECK(electricity);
  CHECK(db.Run("fleet --year 2023 --mc 30").out.find("Uncertainty of 2023") != std::string::npos);
  const auto csv = test::ParseCsv(db.Run("fleet --year 2023 --mc 60 --format csv").out);
  const test::CsvWhere embodied = {{"section", "mc"},
                                   {"year", "2023"},
                                   {"vendor", ""},
                                   {"impact", "gwp100"},
                                   {"measure", "embodied"}};
  for (const char* statistic : {"p05", "p50", "p95"}) {
    CHECK(test::CsvValue(csv, embodied, {{"statistic", statistic}}) == g[statistic].get<double>());
  }
  CHECK(db.Run("fleet --year 2023 --oat pue").exit_code != 0);
}
