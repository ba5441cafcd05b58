// The metals of the bundled data: ADP factors, the mining/refining split and
// the water of the mines. Expected values are computed by hand from the
// cited numbers in data/materials, data/mining and data/methods.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "inventory/model/parameters.h"
#include "inventory/toml/toml_loader.h"
#include "lca/system/calculation.h"
#include "tests/cli/bundled_test_support.h"
#include "tests/cli/cli_support.h"
#include "tests/test_support.h"

using namespace gpulca;

using gpulca::inventory::Inventory;
using gpulca::inventory::LoadAndValidate;
using gpulca::inventory::ParameterSet;
using gpulca::inventory::Stage;

namespace {

double Factor(const Inventory& inv, const std::string& method, const std::string& flow) {
  const inventory::ImpactMethod* m = inv.FindMethod(method);
  REQUIRE(m != nullptr);
  for (const inventory::ImpactFactor& f : m->factors) {
    if (f.flow == flow) return f.value * f.unit_factor;
  }
  FAIL("method " << method << " has no factor for " << flow);
  return 0;
}

}  // namespace

TEST_CASE("ADP factors of tungsten and silicon are CML-IA v4.8's", "[data][metals]") {
  Inventory inv = LoadAndValidate({test::BundledData()});
  // CML v4.8 (2016), ADP elements, ultimate reserves, as implemented by ecoinvent.
  CHECK(Factor(inv, "adp", "tungsten_ore_w") == Approx(0.004518138).epsilon(1e-9));
  CHECK(Factor(inv, "adp", "silicon_si") == Approx(1.40205e-11).epsilon(1e-9));
  // Readings of the other factors that the same file confirms.
  CHECK(Factor(inv, "adp", "silver_ore_ag") == Approx(1.183978618).epsilon(1e-9));
  // Every mineral flow of the vocabulary now has a factor.
  for (const char* flow :
       {"copper_ore_cu", "gold_ore_au", "silver_ore_ag", "tin_ore_sn", "tantalum_ore_ta",
        "tungsten_ore_w", "bauxite_al", "cobalt_ore_co", "palladium_ore_pd", "gallium_ga",
        "silicon_si", "nickel_ore_ni", "iron_ore_fe", "zinc_ore_zn", "lead_ore_pb"}) {
    INFO(flow);
    CHECK(Factor(inv, "adp", flow) > 0);
  }
}

TEST_CASE("a metal's burden is split between mining and refining by its mining share",
          "[data][metals]") {
  Inventory inv = LoadAndValidate({test::BundledData()});
  ParameterSet parameters(inv);
  // 1 kg of copper: Nuss & Eckelman 2.8 kg CO2e and 53.7 MJ, mining share 0.5,
  // 70.4 L of mine water (Northey et al. 2013), 1 kg Cu extracted.
  lca::LcaResult cu = test::Gate(inv, parameters, "copper", 1.0);
  CHECK(test::Impact(cu, "gwp100") == Approx(2.8));
  CHECK(test::StageImpact(cu, "gwp100", Stage::kMining) == Approx(1.4));
  CHECK(test::StageImpact(cu, "gwp100", Stage::kMaterials) == Approx(1.4));
  CHECK(test::StageImpact(cu, "energy", Stage::kMining) == Approx(26.85));
  CHECK(test::StageImpact(cu, "water", Stage::kMining) == Approx(70.4));
  CHECK(test::Impact(cu, "adp") == Approx(0.0013659227538));
  // 1 g of gold: 12.5 kg CO2e, 90% of it at the mine, 260 L of water.
  lca::LcaResult au = test::Gate(inv, parameters, "gold", 0.001);
  CHECK(test::Impact(au, "gwp100") == Approx(12.5));
  CHECK(test::StageImpact(au, "gwp100", Stage::kMining) == Approx(11.25));
  CHECK(test::StageImpact(au, "water", Stage::kMining) == Approx(260));
  // Aluminium: 8.2 kg CO2e/kg, 2% in bauxite mining.
  lca::LcaResult al = test::Gate(inv, parameters, "aluminium", 1.0);
  CHECK(test::StageImpact(al, "gwp100", Stage::kMining) == Approx(0.164));
  // Gallium carries its recovery only (indium proxy), nothing at the mine.
  lca::LcaResult ga = test::Gate(inv, parameters, "gallium", 1.0);
  CHECK(test::Impact(ga, "gwp100") == Approx(102));
  CHECK(test::StageImpact(ga, "gwp100", Stage::kMining) == 0);
  // The share is a parameter like any other.
  parameters.Override("mining_share", 0.25);
  parameters.Evaluate();
  lca::LcaResult cu25 = test::Gate(inv, parameters, "copper", 1.0);
  CHECK(test::StageImpact(cu25, "gwp100", Stage::kMining) == Approx(0.7));
  CHECK(test::Impact(cu25, "gwp100") == Approx(2.8));
}

// Regression: every mining process once took the element from nature and
// nothing else, so the mining stage showed 0 kg CO2e for every GPU.
TEST_CASE("the mining stage of the H100 carries GHG, energy and water", "[data][metals]") {
  Inventory inv = LoadAndValidate({test::BundledData()});
  ParameterSet parameters(inv);
  lca::LcaResult h100 = test::Gate(inv, parameters, "nvidia-h100-sxm5", 1.0);
  CHECK(test::StageImpact(h100, "gwp100", Stage::kMining) > 1.0);
  CHECK(test::StageImpact(h100, "energy", Stage::kMining) > 10.0);
  CHECK(test::StageImpact(h100, "water", Stage::kMining) > 10.0);
  // Every element is taken from nature at the mine; the one other ADP is the
  // aggregated figure of module assembly (Boavizta/UBA, data/assembly).
  CHECK(test::StageImpact(h100, "adp", Stage::kMining) +
            test::StageImpact(h100, "adp", Stage::kAssembly) ==
        Approx(test::Impact(h100, "adp")));
  CHECK(test::StageImpact(h100, "adp", Stage::kAssembly) == Approx(1.41e-6).epsilon(0.01));
}

namespace {

// Scaling of `process` in `result` (the amount of its product the system uses).
double Scaling(const lca::LcaResult& result, const std::string& process) {
  const auto& ids = result.data.process_ids;
  for (size_t j = 0; j < ids.size(); ++j) {
    if (ids[j] == process) return result.scaling[j];
  }
  return 0;
}

// Per-unit metal contents, hand-computed from the cited figures
// (data/boards, data/packaging, data/materials/solder.toml, wafer_metals.toml).
// Paste: 2 sides x 0.0125 cm stencil x 8% aperture x 4.24499 g/cm3 paste
// (88.5% SAC305 at 7.34 g/cm3, flux at 1.0) x 0.885 metal.
constexpr double kBoardSolderGPerCm2 = 2 * 0.0125 * 0.08 * 4.24499 * 0.885;
// BGA: 80 balls/cm2 (1.0 mm pitch, 80% filled) of 0.6 mm SAC305.
constexpr double kBgaSolderGPerCm2 = 80 * 3.14159265358979 / 6 * 0.06 * 0.06 * 0.06 * 7.34;
// Sn-1.8Ag at 7.30559 g/cm3; C4: 3,111 bumps/cm2 of 90 um; micro-bumps:
// 14,815/cm2, 25 um x 10 um caps.
constexpr double kSnAgDensity = 7.30559;
constexpr double kC4GPerCm2 =
    0.7 / (0.015 * 0.015) * 3.14159265358979 / 6 * 0.009 * 0.009 * 0.009 * kSnAgDensity;
constexpr double kUbumpSolderGPerCm2 =
    0.3 / (0.0045 * 0.0045) * 3.14159265358979 / 4 * 0.0025 * 0.0025 * 0.001 * kSnAgDensity;
// Ta barrier: 8 nm x 16.65 g/cm3 / 0.3 target utilisation, per copper level.
constexpr double kTaGPerCm2Level = 8e-7 * 16.65 / 0.3;

}  // namespace

TEST_CASE("the H100 gate inventory extracts the tin of its solders, passives and ICs",
          "[data][metals]") {
  Inventory inv = LoadAndValidate({test::BundledData()});
  ParameterSet parameters(inv);
  lca::LcaResult h = test::Gate(inv, parameters, "nvidia-h100-sxm5", 1.0);
  // Board paste on 296.37 cm2, BGA balls under 40 cm2 of substrate (SAC305,
  // 96.5% Sn); passives 0.08 kg x 55% MLCC x 2% Sn; 40 board ICs x 0.1 g x 1% Sn.
  const double board = 296.37 * kBoardSolderGPerCm2 * 0.965;  // 2.149 g
  const double bga = 40 * kBgaSolderGPerCm2 * 0.965;          // 2.563 g
  const double passives = 0.08 * 0.55 * 0.02 * 1000;          // 0.88 g
  const double ics = 40 * 0.1 * 0.01;                         // 0.04 g
  // Bumps on the wafers the module consumes (areas from the yield model).
  const double bumped_cm2 = Scaling(h, "logic_wafer_n4_tw") + Scaling(h, "dram_wafer_1z_kr") +
                            Scaling(h, "logic_wafer_n28_tw");
  const double bumps = bumped_cm2 * kUbumpSolderGPerCm2 * 0.982 +
                       Scaling(h, "silicon_interposer_tw") * kC4GPerCm2 * 0.982;
  CHECK(board + bga + passives + ics == Approx(5.632).epsilon(1e-3));
  CHECK(test::FlowAmount(h, "tin_ore_sn") * 1000 ==
        Approx(board + bga + passives + ics + bumps).epsilon(1e-5));
  // Silver: 3% of the SAC305, MLCC silver 0.467% and tantalum-capacitor 3%,
  // 1.8% of the bump solder.
  const double ag = (296.37 * kBoardSolderGPerCm2 + 40 * kBgaSolderGPerCm2) * 0.03 +
                    0.08 * (0.55 * 0.00467 + 0.15 * 0.03) * 1000 + bumps / 0.982 * 0.018;
  CHECK(test::FlowAmount(h, "silver_ore_ag") * 1000 == Approx(ag).epsilon(1e-5));
}

TEST_CASE("tantalum, tungsten and cobalt of the H100 come from its passives and wafers",
          "[data][metals]") {
  Inventory inv = LoadAndValidate({test::BundledData()});
  ParameterSet parameters(inv);
  lca::LcaResult h = test::Gate(inv, parameters, "nvidia-h100-sxm5", 1.0);
  const double n4 = Scaling(h, "logic_wafer_n4_tw"), dram = Scaling(h, "dram_wafer_1z_kr"),
               n28 = Scaling(h, "logic_wafer_n28_tw"), ip = Scaling(h, "silicon_interposer_tw");
  REQUIRE(n4 > 10);  // the harvested GH100 takes about 13 cm2 of N4 wafer
  // Tantalum capacitors: 0.08 kg x 15% x 22% Ta (Chen et al. 2022) = 2.64 g,
  // and the barrier of 15 (N4), 4 (DRAM), 10 (N28) and 4 (interposer) levels.
  const double ta = 2.64 + (15 * n4 + 4 * dram + 10 * n28 + 4 * ip) * kTaGPerCm2Level;
  CHECK(test::FlowAmount(h, "tantalum_ore_ta") * 1000 == Approx(ta).epsilon(1e-6));
  // Tungsten: 2 levels x 0.3 um x 19.3 g/cm3 / 0.3 WF6 utilisation = 3.86 mg/cm2
  // of logic wafer; 0.6 um over the DRAM wafer, the same per cm2.
  const double w = (n4 + n28 + dram) * 2 * 0.3e-4 * 19.3 / 0.3;
  CHECK(test::FlowAmount(h, "tungsten_ore_w") * 1000 == Approx(w).epsilon(1e-6));
  // Cobalt: 6 levels x 3 nm x 8.9 g/cm3 / 0.1 utilisation = 0.16 mg/cm2, at
  // 10 nm and below only (N4 here, not the N28 board ICs nor DRAM).
  CHECK(test::FlowAmount(h, "cobalt_ore_co") * 1000 ==
        Approx(n4 * 6 * 3e-7 * 8.9 / 0.1).epsilon(1e-6));
  lca::LcaResult n28cm2 = test::Gate(inv, parameters, "wafer_area_n28", 1.0);
  CHECK(test::FlowAmount(n28cm2, "cobalt_ore_co") == 0);
  CHECK(test::FlowAmount(n28cm2, "tungsten_ore_w") == Approx(3.86e-6));
  // Gallium: 3 indicator LEDs per 300 cm2, 0.06 mm2 x 4 um of GaN each.
  CHECK(test::FlowAmount(h, "gallium_ga") ==
        Approx(296.37 * 0.01 * 0.0006 * 4e-4 * 6.15 * 0.8325 / 1000).epsilon(1e-6));
}

TEST_CASE("the module's contained metals equal the gate extraction where no process loses any",
          "[data][metals]") {
  Inventory inv = LoadAndValidate({test::BundledData()});
  ParameterSet parameters(inv);
  for (const char* gpu : {"nvidia-h100-sxm5", "amd-mi300x", "nvidia-l40s"}) {
    INFO(gpu);
    lca::LcaResult g = test::Gate(inv, parameters, gpu, 1.0);
    std::string life = std::string(gpu) + "-lifecycle";
    for (auto [bom, ore] : {std::pair{"bom_au_kg", "gold_ore_au"},
                            {"bom_pd_kg", "palladium_ore_pd"},
                            {"bom_ni_kg", "nickel_ore_ni"},
                            {"bom_al_kg", "bauxite_al"},
                            {"bom_steel_kg", "iron_ore_fe"}}) {
      INFO(bom);
      CHECK(parameters.Value(life, bom) == Approx(test::FlowAmount(g, ore)).epsilon(1e-9));
    }
  }
  // H100 gold, by hand: ENIG 296.37 cm2 x 57.9 ug, ENEPIG 40 cm2 x 0.05 um x
  // 19.3 g/cm3 x 30%, connectors 40 g x 0.1%.
  CHECK(parameters.Value("nvidia-h100-sxm5-lifecycle", "bom_au_kg") * 1e6 ==
        Approx(296.37 * 0.0579 + 40 * 0.05e-4 * 19.3 * 0.3 * 1000 + 40).epsilon(1e-9));
}

TEST_CASE("end-of-life credits are off by default and reported in their own processes",
          "[data][metals]") {
  Inventory inv = LoadAndValidate({test::BundledData()});
  ParameterSet parameters(inv);
  CHECK(parameters.Value("", "eol_credits") == 0);
  lca::LcaResult off = test::Gate(inv, parameters, "nvidia-h100-sxm5-lifecycle", 1.0);
  CHECK(test::ProcessesImpact(off, "gwp100", "ewaste_recycling_credits") == 0);
  parameters.Override("eol_credits", 1);
  parameters.Evaluate();
  lca::LcaResult on = test::Gate(inv, parameters, "nvidia-h100-sxm5-lifecycle", 1.0);
  for (const char* impact : {"gwp100", "energy", "water", "adp"}) {
    INFO(impact);
    double credit = test::ProcessesImpact(on, impact, "ewaste_recycling_credits");
    CHECK(credit < 0);
    CHECK(test::Impact(on, impact) - test::Impact(off, impact) == Approx(credit));
    CHECK(test::StageImpact(on, impact, Stage::kEndOfLife) -
              test::StageImpact(off, impact, Stage::kEndOfLife) ==
          Approx(credit));
  }
  // Aluminium, by hand: 0.845 kg (half of the 0.901 kg heat sink and of the
  // 0.789 kg casing) x 0.9 recovered x 8.2 kg CO2e/kg.
  CHECK(test::ProcessesImpact(on, "gwp100", "ewaste_recycling_credits_al") ==
        Approx(-(0.90077 + 0.78923) * 0.5 * 0.9 * 8.2));
  // Gold: 58.3 mg x 0.95 x 12,500 kg CO2e/kg; ADP credit 0.95 x 52.04 per kg.
  double au = parameters.Value("nvidia-h100-sxm5-lifecycle", "bom_au_kg");
  CHECK(test::ProcessesImpact(on, "gwp100", "ewaste_recycling_credits_au") ==
        Approx(-au * 0.95 * 12500));
  CHECK(test::ProcessesImpact(on, "adp", "ewaste_recycling_credits_au") ==
        Approx(-au * 0.95 * 52.042503712));
  // Plausible: a few kg CO2e (the module's metals, mostly its gold, copper
  // and aluminium), some 2-10% of an embodied footprint of about 180 kg.
  double credit = test::ProcessesImpact(on, "gwp100", "ewaste_recycling_credits");
  double embodied = test::Impact(test::Gate(inv, parameters, "nvidia-h100-sxm5", 1.0), "gwp100");
  CHECK(-credit > 1.0);
  CHECK(-credit < 20.0);
  CHECK(-credit > 0.02 * embodied);
  CHECK(-credit < 0.10 * embodied);
}

TEST_CASE("gpulca calc with --set eol_credits=1 lowers the life cycle by the credit",
          "[data][metals][cli]") {
  test::TempDir dir;
  std::string db = "--db " + (dir.path() / "b.db").string() + " --data " + test::BundledData();
  auto run = [&](const std::string& extra) {
    auto r =
        test::RunGpulca(db + " calc --demand nvidia-h100-sxm5-lifecycle --format json" + extra);
    INFO(r.out);
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out);
  };
  auto off = run(""), on = run(" --set eol_credits=1");
  double credit = 0;
  for (const auto& p : on["processes"]) {
    if (p["id"].get<std::string>().rfind("ewaste_recycling_credits", 0) == 0) {
      credit += p["gwp100"].get<double>();
    }
  }
  CHECK(credit < -1.0);
  CHECK(on["impacts"]["gwp100"]["value"].get<double>() ==
        Approx(off["impacts"]["gwp100"]["value"].get<double>() + credit));
}

// docs/data-background.md, "Metals of the bill of materials": the tables are
// computed from the data; these rows must follow it (3 significant digits).
TEST_CASE("the doc table of metal masses matches the inventory", "[data][metals]") {
  Inventory inv = LoadAndValidate({test::BundledData()});
  ParameterSet parameters(inv);
  struct Row {
    const char* gpu;
    const char* flow;
    double grams;
  };
  for (const Row& row :
       {Row{"nvidia-h100-sxm5", "copper_ore_cu", 564}, Row{"nvidia-h100-sxm5", "bauxite_al", 845},
        Row{"nvidia-h100-sxm5", "tin_ore_sn", 5.97},
        Row{"nvidia-h100-sxm5", "tantalum_ore_ta", 2.67},
        Row{"nvidia-h100-sxm5", "silver_ore_ag", 0.718},
        Row{"nvidia-h100-sxm5", "tungsten_ore_w", 0.429},
        Row{"nvidia-h100-sxm5", "gold_ore_au", 0.0583},
        Row{"nvidia-h100-sxm5", "palladium_ore_pd", 0.0476}, Row{"nvidia-b200", "tin_ore_sn", 7.77},
        Row{"amd-mi300x", "tungsten_ore_w", 1.26}, Row{"nvidia-l40s", "tungsten_ore_w", 0.122}}) {
    INFO(row.gpu << " " << row.flow);
    lca::LcaResult g = test::Gate(inv, parameters, row.gpu, 1.0);
    CHECK(test::FlowAmount(g, row.flow) * 1000 == Approx(row.grams).epsilon(0.005));
  }
}
