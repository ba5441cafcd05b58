// End-to-end: `gpulca chip` on the bundled data, in a temporary database.
#include <catch2/catch.hpp>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "inventory/model/parameters.h"
#include "inventory/toml/toml_loader.h"
#include "lca/system/calculation.h"
#include "tests/cli/cli_support.h"
#include "tests/test_support.h"

using namespace gpulca::test;
using Catch::Matchers::Contains;

namespace {

// `gpulca --db TMP/chip.db --data DATA chip ARGS`.
CommandResult Chip(const TempDir& dir, const std::string& args) {
  return RunGpulca("--db '" + (dir.path() / "chip.db").string() + "' --data '" + BundledData() +
                   "' chip " + args);
}

}  // namespace

TEST_CASE("gpulca chip reproduces ACT with ACT's own parameters", "[chip][cli]") {
  TempDir dir;
  // 100 mm2 = 1 cm2 at 5 nm, ACT defaults: (0.583×2.75 + 0.3275 + 0.5)/0.875 + 0.15 = 2.928.
  auto r = Chip(dir,
                "--area 100 --node n5 --ci-fab 0.583 --epa 2.75 --gpa 0.3275 --mpa 0.5 "
                "--yield 0.875 --packaging 0.15 --format json");
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["carbon"]["total"].get<double>() == Approx(2.928).epsilon(1e-9));
  CHECK(j["carbon"]["energy"].get<double>() == Approx(1.60325 / 0.875).epsilon(1e-9));
  CHECK(j["carbon"]["packaging"].get<double>() == 0.15);
  CHECK(j["impacts"]["gwp100"]["value"].get<double>() == Approx(2.928).epsilon(1e-9));
  CHECK(j["yield"]["value"].get<double>() == 0.875);
  CHECK(j["yield"]["overridden"].get<bool>());
  CHECK(j["dies_per_wafer"].get<double>() == 640);  // 706.858 − 66.643 = 640.2
  CHECK(j["basis"] == "act");
}

TEST_CASE("gpulca chip on the data: H100-sized die at n4 in Taiwan", "[chip][cli]") {
  TempDir dir;
  auto r = Chip(dir, "--area 814 --node n4 --format json");
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  // Data: d0_n4 = 0.11, alpha_logic = 10, yield_model = 3 (negative binomial):
  // (1 + 8.14×0.11/10)^−10 = 0.424198. DPW 63.
  CHECK(j["yield"]["model"] == "negative-binomial");
  CHECK(j["yield"]["value"].get<double>() == Approx(0.4241976027148448).epsilon(1e-9));
  CHECK(j["dies_per_wafer"].get<double>() == 63);
  // Catalogue basis: wafer area per good die, edge loss included:
  // 706.858347 / (63 × 0.4241976) = 26.449875 cm2 (A / Y would give 19.189).
  CHECK(j["basis"] == "dies-per-wafer");
  const double a_good = 26.44987546137315;
  CHECK(j["wafer_cm2_per_good_die"].get<double>() == Approx(a_good).epsilon(1e-9));
  CHECK(j["wafer_process"] == "logic_wafer_n4_tw");
  // CI_fab = gwp100 of 1 kWh of grid_tw; EPA 2.75 kWh/cm2 (epa_n4).
  double ci = j["inputs"]["ci_fab_kg_per_kwh"].get<double>();
  CHECK(j["carbon"]["energy"].get<double>() == Approx(a_good * ci * 2.75).epsilon(1e-9));
  // Gases: gpa_n4 = 430 + 0.5 × (225 − 430) = 327.5 g CO2e/cm2 (ACT, AR5 basis), split by
  // the gas shares and recharacterised with AR6: 0.357258 kg CO2e/cm2 (see
  // tests/lca/process_gases_test.cpp for the hand computation).
  CHECK(j["inputs"]["gpa_kg_per_cm2"].get<double>() ==
        Approx(0.35725844802042767).epsilon(1e-9));
  CHECK(j["carbon"]["gases"].get<double>() == Approx(a_good * 0.35725844802042767).epsilon(1e-9));
  CHECK(j["carbon"]["packaging"].get<double>() == 0.15);

  SECTION("text output names every term and the basis") {
    auto t = Chip(dir, "--area 814 --node n4");
    REQUIRE(t.exit_code == 0);
    CHECK_THAT(t.out, Contains("energy") && Contains("gases") && Contains("materials") &&
                          Contains("packaging") && Contains("total") && Contains("grid_tw") &&
                          Contains("Dies per wafer (300 mm): 63") &&
                          Contains("wafer / (DPW x Y) = 26.4499 cm2"));
  }
  SECTION("Poisson yield and a user D0") {
    auto p = Chip(dir, "--area 814 --node n4 --yield-model poisson --defect-density 0.2 "
                       "--format json");
    REQUIRE(p.exit_code == 0);
    // exp(−8.14 × 0.2) = exp(−1.628) = 0.196342.
    CHECK(nlohmann::json::parse(p.out)["yield"]["value"].get<double>() ==
          Approx(std::exp(-1.628)).epsilon(1e-9));
  }
  SECTION("ACT basis with --yield: A / Y and ACT's CO2e per area") {
    auto a = Chip(dir, "--area 814 --node n4 --yield 0.875 --format json");
    REQUIRE(a.exit_code == 0);
    auto ja = nlohmann::json::parse(a.out);
    CHECK(ja["basis"] == "act");
    // 8.14 × (CI × 2.75 + 0.3275 + 0.5) / 0.875 + 0.15.
    CHECK(ja["carbon"]["total"].get<double>() ==
          Approx(8.14 * (ci * 2.75 + 0.3275 + 0.5) / 0.875 + 0.15).epsilon(1e-9));
  }
}

// The H100 die through `chip` equals the catalogue's logic-die term without
// harvesting (chip counts defect-free dies): the same wafer area per good die,
// the same wafer process per cm2.
TEST_CASE("gpulca chip equals the catalogue's H100 logic-die term", "[chip][cli][data]") {
  TempDir dir;
  auto r = Chip(dir, "--area 814 --node n4 --format json");
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  double chip_fab = j["carbon"]["total"].get<double>() - j["carbon"]["packaging"].get<double>();

  gpulca::inventory::Inventory inv = gpulca::inventory::LoadAndValidate({BundledData()});
  gpulca::inventory::ParameterSet parameters(inv);
  parameters.Override("die_harvesting", 0);
  parameters.Evaluate();
  const double a_good = parameters.Value("nvidia-h100-sxm5", "gpu_wafer_cm2_per_good");
  CHECK(a_good == Approx(j["wafer_cm2_per_good_die"].get<double>()).epsilon(1e-12));
  gpulca::lca::LcaResult wafer = gpulca::lca::Calculate(
      gpulca::lca::BuildMatrices(inv, parameters, "logic_wafer_n4_tw", a_good, {"gwp100"}));
  CHECK(chip_fab == Approx(wafer.impacts[0]).epsilon(1e-9));
}

TEST_CASE("gpulca chip: a two-die chiplet package", "[chip][cli]") {
  TempDir dir;
  // ACT-style dies (Y 0.875) on a 2,500 mm2 interposer, bonding yield 0.9.
  auto r = Chip(dir,
                "--area 400 --node n5 --ci-fab 0.5 --yield 0.875 --dies 2 --interposer 2500 "
                "--bonding-yield 0.9 --format json");
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  // Die per good die: 4 × (0.5×2.75 + 0.3275 + 0.5)/0.875 = 4 × 2.2025/0.875 = 10.068571.
  double die = 4 * 2.2025 / 0.875;
  // Interposer (data): 25 cm2, EPA 0.47, GPA 0.037, MPA 0.25; NB with α 6 and the
  // effective D0 0.06 × 0.07 = 0.0042 (logic-like D0 on the critical-area share):
  // Y = (1 + 25 × 0.0042/6)^−6 = 1.0175^−6 = 0.901143; 25 × (0.5×0.47 + 0.287)/Y = 14.4816.
  const double y_interposer = std::pow(1 + 25 * 0.0042 / 6, -6);
  double interposer = 25 * (0.5 * 0.47 + 0.037 + 0.25) / y_interposer;
  CHECK(j["chiplet"]["die_per_good_die"]["total"].get<double>() == Approx(die).epsilon(1e-9));
  CHECK(j["chiplet"]["interposer_yield"].get<double>() == Approx(0.9011425417).epsilon(1e-9));
  CHECK(j["chiplet"]["interposer_per_good_interposer"]["total"].get<double>() ==
        Approx(interposer).epsilon(1e-9));
  CHECK(j["chiplet"]["assembly_yield"].get<double>() == Approx(0.81));
  // (2 × 10.068571 + 90.599)/0.81 + 0.15.
  CHECK(j["carbon"]["total"].get<double>() ==
        Approx((2 * die + interposer) / 0.81 + 0.15).epsilon(1e-9));
}

TEST_CASE("gpulca chip rejects bad options with a clear message", "[chip][cli]") {
  TempDir dir;
  struct Case {
    const char* args;
    const char* message;
  };
  const Case cases[] = {
      {"--area -5 --node n5", "--area: must be a positive number, not '-5'"},
      {"--area 100 --node n9", "--node n9: unknown node; known: n28"},
      {"--area 100 --node n5 --yield 1.5", "--yield: must be a number in (0, 1], not '1.5'"},
      {"--area 100 --node n5 --yield 0", "--yield: must be a number in (0, 1], not '0'"},
      {"--area 100 --node n5 --fab-region XX", "--fab-region XX: no grid 'grid_xx'; known regions:"},
      {"--area 100 --node n5 --yield-model seeds", "yield model 'seeds' is unknown"},
      {"--area 100 --node n5 --dies 2 --bonding-yield 1.1",
       "--bonding-yield: must be a number in (0, 1], not '1.1'"},
      {"--area 100 --node n5 --defect-density -1",
       "--defect-density: must be a number >= 0, not '-1'"},
      {"--area 100 --node n5 --dies 0", "--dies: must be a number >= 1, not '0'"},
      {"--area 100 --node n5 --ci-fab nan", "--ci-fab: must be a number >= 0, not 'nan'"},
  };
  for (const Case& c : cases) {
    auto r = Chip(dir, c.args);
    INFO(c.args << "\n" << r.out);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.out, Contains(c.message));
  }
  CHECK_THAT(Chip(dir, "--area 100 --node n5 --fab-region XX").out, Contains("TW"));
}

TEST_CASE("chip --mc: with every ACT term fixed, only D0 moves, and the median is known",
          "[chip][cli][mc]") {
  TempDir dir;
  // Catalogue basis (no --yield): the die takes wafer / (DPW x Y) of wafer,
  // and Y falls as D0 rises, so the median total is the total at the median
  // D0. d0_n5 is triangular(0.077, 0.11, 0.165): F(mode) = 0.033/0.088 =
  // 0.375, so the median is 0.165 - sqrt(0.5 x 0.088 x 0.055) = 0.115807.
  const std::string fixed = "--area 100 --node n5 --ci-fab 0.583 --epa 2.75 --gpa 0.3275 "
                            "--mpa 0.5 --packaging 0.15 --format json";
  auto at_median = Chip(dir, fixed + " --defect-density 0.115807");
  REQUIRE(at_median.exit_code == 0);
  const double expected = nlohmann::json::parse(at_median.out)["carbon"]["total"].get<double>();
  auto r = Chip(dir, fixed + " --mc 2000 --seed 3");
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  const auto& mc = j["uncertainty"]["monte_carlo"];
  CHECK(mc["iterations"] == 2000);
  CHECK(mc["parts"]["total"]["p50"].get<double>() == Approx(expected).epsilon(0.002));
  CHECK(j["impacts"]["gwp100"]["p50"] == mc["parts"]["total"]["p50"]);
  CHECK(mc["parts"]["packaging"]["sd"].get<double>() == Approx(0.0).margin(1e-12));
  CHECK(mc["parts"]["total"]["p05"].get<double>() < mc["parts"]["total"]["p95"].get<double>());
  // The same seed, the same result; D0 given too: a zero-width interval.
  CHECK(Chip(dir, fixed + " --mc 2000 --seed 3").out == r.out);
  auto none = nlohmann::json::parse(Chip(dir, fixed + " --defect-density 0.11 --mc 50").out);
  CHECK(none["uncertainty"]["monte_carlo"]["parts"]["total"]["sd"].get<double>() ==
        Approx(0.0).margin(1e-12));
  CHECK(Chip(dir, fixed + " --oat pue").exit_code != 0);
}
