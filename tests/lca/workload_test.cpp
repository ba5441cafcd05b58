// Workloads (lca/workload/workload.h, inventory/records/workload_spec.h):
// the equations on hand-computed points, the file's rules with file:line,
// and the reproductions of data/examples/ on the bundled data.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "inventory/records/workload_spec.h"
#include "inventory/toml/toml_loader.h"
#include "lca/error.h"
#include "lca/gpu/gpu_assessment.h"
#include "lca/workload/workload.h"
#include "tests/cli/cli_support.h"

namespace gpulca {
namespace {

using Catch::Matchers::Contains;
using inventory::WorkloadKind;
using inventory::WorkloadSpec;
using lca::EvaluateWorkload;
using lca::WorkloadConstants;
using lca::WorkloadPoint;

// Three impacts: climate (kg CO2e), energy (MJ), water (L of water_consumed).
WorkloadPoint Point() {
  WorkloadPoint p;
  p.tdp_w = 100;
  p.catalogue_host_w = 50;
  p.power_fraction = 0.5;
  p.pue = 1.5;
  p.wue_l_per_kwh = 2;
  p.lifetime_hours = 1000;
  p.utilization = 0.5;
  p.grid_per_kwh = {0.5, 10, 1};
  p.hardware_per_gpu = {100, 1000, 500};
  return p;
}

WorkloadConstants Constants() {
  WorkloadConstants c;
  c.water_cf = {0, 0, 1};
  c.water_impact = 2;
  return c;
}

WorkloadSpec Training() {
  WorkloadSpec s;
  s.id = "t";
  s.gpu = "g";
  s.count = 2;
  s.hours = 10;
  return s;
}

TEST_CASE("a training run by hand: electricity, operational, amortised embodied, water",
          "[workload]") {
  const lca::WorkloadFigures f = EvaluateWorkload(Training(), Point(), Constants());
  CHECK(f.gpu_hours == 20);
  CHECK(*f.hours_per_gpu == 10);
  CHECK(*f.life_share == Approx(0.01));
  // GPU 100 W x 0.5; host 50 W x 0.5.
  CHECK(f.gpu_power_w == 50);
  CHECK(f.host_power_w == 25);
  CHECK(f.it_kwh == Approx(1.5));        // 20 h x 75 W
  CHECK(f.facility_kwh == Approx(2.25));  // x PUE 1.5
  CHECK(f.water_onsite_l == Approx(3));   // 1.5 kWh x 2 L/kWh
  CHECK(f.water_offsite_l == Approx(2.25));  // 2.25 kWh x 1 L/kWh
  // Operational: facility kWh x grid, plus the on-site water in the water impact.
  CHECK(f.operational[0] == Approx(1.125));
  CHECK(f.operational[1] == Approx(22.5));
  CHECK(f.operational[2] == Approx(5.25));
  // Embodied: 20 GPU-hours of 1,000 hours' life.
  CHECK(f.embodied[0] == Approx(2));
  CHECK(f.embodied[1] == Approx(20));
  CHECK(f.embodied[2] == Approx(10));
  CHECK(f.water_embodied_l == Approx(10));
  CHECK(f.total[0] == Approx(3.125));
  CHECK(f.per_gpu_hour[0] == Approx(3.125 / 20));
  CHECK(f.requests == 0);
  CHECK(f.per_request.empty());
  CHECK(f.per_1k_tokens.empty());
}

TEST_CASE("measured power, host included, or measured energy replace the power model",
          "[workload]") {
  WorkloadSpec s = Training();
  s.power_w = 80;  // 0.8 of the TDP: the host at 0.8 of its catalogue power
  lca::WorkloadFigures f = EvaluateWorkload(s, Point(), Constants());
  CHECK(f.gpu_power_w == 80);
  CHECK(f.host_power_w == Approx(40));
  CHECK(f.it_kwh == Approx(2.4));
  s.power_w = 150;  // above the TDP: the host at its catalogue power, no more
  CHECK(EvaluateWorkload(s, Point(), Constants()).host_power_w == Approx(50));
  s.power_includes_host = true;
  f = EvaluateWorkload(s, Point(), Constants());
  CHECK(f.host_power_w == 0);
  CHECK(f.it_kwh == Approx(3));
  s = Training();
  s.host_power_w = 10;
  CHECK(EvaluateWorkload(s, Point(), Constants()).it_kwh == Approx(20 * 60 / 1000.0));
  s = Training();
  s.energy_kwh = 7;
  f = EvaluateWorkload(s, Point(), Constants());
  CHECK(f.it_kwh == Approx(7));
  CHECK(f.gpu_power_w == Approx(350));  // 7 kWh over 20 GPU-hours
  CHECK(f.host_power_w == 0);
  CHECK(f.facility_kwh == Approx(10.5));
  // GPU-hours instead of wall-clock hours: the same run.
  s = Training();
  s.hours.reset();
  s.gpu_hours = 20;
  f = EvaluateWorkload(s, Point(), Constants());
  CHECK(*f.hours_per_gpu == 10);
  CHECK(f.it_kwh == Approx(1.5));
  // GPU-hours without the number of GPUs: every figure but those per GPU.
  s.count = 0;
  CHECK(inventory::WorkloadProblems(s).empty());
  f = EvaluateWorkload(s, Point(), Constants());
  CHECK_FALSE(f.hours_per_gpu);
  CHECK_FALSE(f.life_share);
  CHECK(f.it_kwh == Approx(1.5));
  // Wall-clock hours need the count.
  s.gpu_hours.reset();
  s.hours = 10;
  CHECK_THAT(inventory::WorkloadProblems(s).at(0), Contains("missing 'count'"));
}

TEST_CASE("an inference service: requests and tokens while busy, per request and per 1,000 "
          "tokens", "[workload]") {
  WorkloadSpec s = Training();
  s.kind = WorkloadKind::kInference;
  s.tokens_per_second = 100;
  s.tokens_per_request = 50;
  const lca::WorkloadFigures f = EvaluateWorkload(s, Point(), Constants());
  // 20 GPU-hours, busy half of them: 36,000 s x 100 tokens/s.
  CHECK(f.tokens == Approx(3.6e6));
  CHECK(f.requests == Approx(72000));
  CHECK(f.facility_wh_per_request == Approx(2250.0 / 72000));
  CHECK(f.facility_wh_per_1k_tokens == Approx(2250.0 / 3600));
  REQUIRE(f.per_request.size() == 3);
  CHECK(f.per_request[0] == Approx(3.125 / 72000));
  CHECK(f.per_1k_tokens[0] == Approx(3.125 / 3600));
  s.tokens_per_second.reset();
  s.requests_per_second = 2;
  const lca::WorkloadFigures r = EvaluateWorkload(s, Point(), Constants());
  CHECK(r.requests == Approx(72000));
  CHECK(r.tokens == Approx(3.6e6));
}

TEST_CASE("what a workload cannot be, in a sentence each", "[workload]") {
  WorkloadSpec s = Training();
  CHECK(inventory::WorkloadProblems(s).empty());
  s.gpu_hours = 5;
  CHECK_THAT(inventory::WorkloadProblems(s).at(0), Contains("give the duration once"));
  s.hours.reset();
  s.gpu_hours.reset();
  CHECK_THAT(inventory::WorkloadProblems(s).at(0), Contains("missing the duration"));
  s = Training();
  s.tokens_per_second = 10;
  CHECK_THAT(inventory::WorkloadProblems(s).at(0), Contains("a training run has no requests"));
  s.kind = WorkloadKind::kInference;
  CHECK(inventory::WorkloadProblems(s) ==
        std::vector<std::string>{"'tokens_per_second' needs 'tokens_per_request' (the size of one "
                                 "request), so that a request's share can be told"});
  s.tokens_per_second.reset();
  CHECK_THAT(inventory::WorkloadProblems(s).at(0), Contains("needs its throughput per GPU"));
  s = Training();
  s.energy_kwh = 5;
  s.power_w = 300;
  CHECK_THAT(inventory::WorkloadProblems(s).at(0), Contains("give it without 'power_w'"));
  s = Training();
  s.power_includes_host = true;
  CHECK_THAT(inventory::WorkloadProblems(s).at(0), Contains("needs 'power_w'"));
}

const std::vector<inventory::WorkloadFigureId> kFigures = {
    {"facility_kwh", "kWh"}, {"operational.gwp100", "kg CO2e"}, {"water_onsite", "L"}};

std::string Problems(const std::string& text) {
  try {
    inventory::ParseWorkload(text, "w.toml", kFigures);
  } catch (const InputError& e) {
    return e.what();
  }
  return "none";
}

TEST_CASE("a workload file is read with every problem at its line", "[workload]") {
  const std::string ok =
      "[[source]]\nid = \"p\"\ncitation = \"P\"\n"
      "[workload]\nid = \"w\"\nkind = \"training\"\ngpu = \"g\"\ncount = 4\ndays = 2\n"
      "[[published]]\nfigure = \"facility_kwh\"\nvalue = 1.5\nunit = \"MWh\"\ntolerance = 0.1\n"
      "source = \"p\"\n";
  const WorkloadSpec s = inventory::ParseWorkload(ok, "w.toml", kFigures);
  CHECK(s.count == 4);
  CHECK(*s.hours == 48);
  REQUIRE(s.published.size() == 1);
  CHECK(s.published[0].base_value == Approx(1500));  // MWh -> kWh
  CHECK_FALSE(s.HasAssumptions());

  CHECK(Problems("[workload]\nid = \"w\"\nkind = \"training\"\ngpu = \"g\"\ncount = 4\n"
                 "hours = 2\nwue_l_per_kwh = 50\n") ==
        "1 problem in the workload:\nw.toml:7: workload: 'wue_l_per_kwh' is 50: it must be an "
        "on-site water use from 0 to 10 L per IT kWh");
  CHECK_THAT(Problems("[workload]\nid = \"w\"\nkind = \"training\"\ngpu = \"g\"\ncount = 0\n"
                      "hours = -3\n"),
             Contains("w.toml:5: workload: 'count' is 0: it must be a whole number of GPUs") &&
                 Contains("w.toml:6: workload: 'hours' is -3: it must be a number of hours above "
                          "0"));
  CHECK_THAT(Problems("[workload]\nid = \"w\"\nkind = \"inference\"\ngpu = \"g\"\ncount = 1\n"
                      "hours = 2\ntokens_per_second = 100\n"),
             Contains("'tokens_per_second' needs 'tokens_per_request'"));
  CHECK_THAT(Problems("[workload]\nid = \"w\"\nkind = \"batch\"\ngpu = \"g\"\ncount = 1\n"
                      "hours = 2\npue = nan\ncolour = 1\n"),
             Contains("w.toml:3: workload: kind 'batch' is not 'training' or 'inference'") &&
                 Contains("w.toml:7: workload: 'pue' must be a finite number, not nan") &&
                 Contains("w.toml:8: workload: unknown key 'colour'"));
  CHECK_THAT(Problems("[workload]\nid = \"w\"\nkind = \"training\"\ngpu = \"g\"\ncount = 1\n"
                      "hours = 2\n[[published]]\nfigure = \"operational.gwp100\"\nvalue = 5\n"
                      "unit = \"MWh\"\ntolerance = 1\nsource = \"x\"\n"
                      "[[published]]\nfigure = \"speed\"\nvalue = 5\nunit = \"L\"\n"
                      "tolerance = 0\nsource = \"x\"\n"),
             Contains("w.toml:10: published: unit 'MWh' does not measure operational.gwp100 (in "
                      "kg CO2e)") &&
                 Contains("w.toml:8: published: source 'x' is not a [[source]] of this file") &&
                 Contains("w.toml:14: published: unknown figure 'speed'; known: facility_kwh") &&
                 Contains("w.toml:17: published: tolerance 0 must be above 0"));
  CHECK_THAT(Problems("[workload\n"), Contains("w.toml:1"));
  CHECK_THAT(Problems("count = 1\n"), Contains("missing the [workload] table"));
}

TEST_CASE("WithoutAssumptions keeps the facts of the run and drops the rest", "[workload]") {
  WorkloadSpec s = Training();
  s.kind = WorkloadKind::kInference;
  s.requests_per_second = 3;
  s.region = "EU";
  s.power_w = 300;
  s.power_includes_host = true;
  s.pue = 1.2;
  s.utilization = 0.9;
  s.wue_l_per_kwh = 1;
  s.grid_kg_co2e_per_kwh = 0.4;
  s.grid_water_l_per_kwh = 3;
  s.lifetime_years = 4;
  CHECK(s.HasAssumptions());
  const WorkloadSpec d = inventory::WithoutAssumptions(s);
  CHECK_FALSE(d.HasAssumptions());
  CHECK(d.count == 2);
  CHECK(*d.hours == 10);
  CHECK(d.region == "EU");
  CHECK(*d.requests_per_second == 3);
}

// The bundled data, loaded once.
const inventory::Inventory& Bundled() {
  static const inventory::Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  return inv;
}

lca::WorkloadAssessment Example(const std::string& name,
                                const std::optional<lca::McOptions>& mc = std::nullopt) {
  const inventory::Inventory& inv = Bundled();
  inventory::ParameterSet parameters(inv);
  const WorkloadSpec spec = inventory::LoadWorkload(
      test::BundledData() + "/examples/" + name, lca::WorkloadFigureIds(inv));
  return lca::AssessWorkload(inv, parameters, spec, mc);
}

TEST_CASE("the reproductions of data/examples/ agree with their papers within their tolerance",
          "[workload][bundled]") {
  for (const char* name : {"workload-gpt3-training.toml", "workload-bloom-training.toml",
                           "workload-llama2-pretraining.toml", "workload-llama3-pretraining.toml",
                           "workload-gpt3-water.toml", "workload-chatbot-answer.toml"}) {
    INFO(name);
    const lca::WorkloadAssessment a = Example(name);
    REQUIRE_FALSE(a.reproductions.empty());
    for (const auto& r : a.reproductions) {
      INFO(r.published.figure << ": gpulca " << r.value << ", published " << r.published.value);
      if (!r.published.compare_only) CHECK(r.within_tolerance);
    }
  }
  // GPT-3 by hand: 10,000 x 14.8 d x 24 h = 3,552,000 h at 330 W, x 1.10, x 0.429.
  const lca::WorkloadAssessment gpt3 = Example("workload-gpt3-training.toml");
  CHECK(gpt3.figures.it_kwh == Approx(3552000 * 0.330));
  CHECK(gpt3.figures.facility_kwh == Approx(3552000 * 0.330 * 1.10));
  CHECK(*lca::FigureValue(gpt3, gpt3.figures, "operational.gwp100") ==
        Approx(3552000 * 0.330 * 1.10 * 0.429));
  // Li et al.'s water: 1,287 MWh x 0.55 L/kWh on site, x 1.17 x 3.142 L/kWh off site.
  const lca::WorkloadAssessment water = Example("workload-gpt3-water.toml");
  CHECK(water.figures.water_onsite_l == Approx(1287000 * 0.55));
  CHECK(water.figures.water_offsite_l == Approx(1287000 * 1.17 * 3.142));
  // Epoch's answer: 892.5 W for 500 / 494.5 s, x 1.2.
  const lca::WorkloadAssessment answer = Example("workload-chatbot-answer.toml");
  CHECK(answer.figures.facility_wh_per_request == Approx(892.5 * 500 / 494.5 / 3600 * 1.2));
}

TEST_CASE("a workload's embodied share is the GPU's life cycle less its operation, by the "
          "share of its life the run uses", "[workload][bundled]") {
  const inventory::Inventory& inv = Bundled();
  inventory::ParameterSet parameters(inv);
  WorkloadSpec spec = Training();
  spec.gpu = "nvidia-h100-sxm5";
  spec.count = 1;
  spec.hours.reset();
  spec.gpu_hours = parameters.Value("", "lifetime_hours");  // the whole life of one GPU
  const lca::WorkloadAssessment w = lca::AssessWorkload(inv, parameters, spec);
  const lca::GpuAssessment g =
      lca::AssessGpu(inv, parameters, lca::GpuAssessmentOptions("nvidia-h100-sxm5"));
  const int k = 0;
  REQUIRE(w.impact_ids[k] == g.gate.data.impact_ids[k]);
  CHECK(*w.figures.life_share == Approx(1));
  // One GPU over its whole life at the catalogue's defaults: the workload's
  // total is the report's life cycle, its electricity the report's.
  CHECK(w.figures.facility_kwh == Approx(g.use_kwh));
  CHECK(w.figures.total[k] == Approx(g.total[k]).epsilon(1e-9));
  // Longer than the life: refused.
  spec.gpu_hours = *spec.gpu_hours * 1.01;
  CHECK_THROWS_WITH(lca::AssessWorkload(inv, parameters, spec),
                    Contains("longer than its service life"));
  spec.gpu_hours = 10;
  spec.gpu = "nvidia-v99";
  CHECK_THROWS_AS(lca::AssessWorkload(inv, parameters, spec), NotFound);
  spec.gpu = "nvidia-h100-sxm5";
  spec.region = "XX";
  CHECK_THROWS_AS(lca::AssessWorkload(inv, parameters, spec), InvalidArgument);
}

TEST_CASE("a workload's Monte Carlo fixes what it states and draws the rest", "[workload][bundled]") {
  lca::McOptions mc;
  mc.iterations = 200;
  mc.seed = 3;
  const lca::WorkloadAssessment a = Example("workload-gpt3-training.toml", mc);
  REQUIRE(a.mc);
  // Stated power, PUE and grid factor: the operational climate impact is fixed.
  const size_t k = static_cast<size_t>(
      std::find(a.impact_ids.begin(), a.impact_ids.end(), "gwp100") - a.impact_ids.begin());
  CHECK(a.mc->operational[k].p05 == Approx(a.figures.operational[k]));
  CHECK(a.mc->operational[k].p95 == Approx(a.figures.operational[k]));
  CHECK(a.mc->facility_kwh.sd == Approx(0).margin(1e-6));
  // The hardware and its life are drawn.
  CHECK(a.mc->embodied[k].p05 < a.mc->embodied[k].p95);
  CHECK(a.mc->total[k].p05 < a.figures.total[k]);
  CHECK(a.mc->total[k].p95 > a.figures.total[k]);
}

}  // namespace
}  // namespace gpulca
