#include "reports/chip_report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace gpulca::reports {
namespace {

// Where CI_fab came from: the grid process, or the option that gave it.
std::string CiFabSource(const lca::ChipAssessment& a) {
  return a.grid_process.empty() ? "--ci-fab" : a.grid_process;
}

nlohmann::json SplitJson(const lca::DieCarbon& c) {
  return {{"energy", c.energy},       {"gases", c.gases}, {"materials", c.materials},
          {"packaging", c.packaging}, {"total", c.total}, {"unit", "kg CO2e"}};
}

nlohmann::json SummaryJson(const lca::Summary& s) {
  nlohmann::json x;
  for (auto [key, v] : lca::Fields(s)) x[key] = v;
  return x;
}

std::string SplitText(const lca::DieCarbon& c) {
  return fmt::format(
      "  energy     {:10.4f}\n  gases      {:10.4f}\n  materials  {:10.4f}\n"
      "  packaging  {:10.4f}\n  total      {:10.4f}\n",
      c.energy, c.gases, c.materials, c.packaging, c.total);
}

std::string MonteCarloText(const lca::ChipMonteCarlo& m) {
  std::string out = fmt::format(
      "\nMonte Carlo: {} iterations, seed {}, {} uncertain parameters drawn (kg CO2e)\n"
      "  {:<10} {:>10} {:>10} {:>10} {:>10} {:>10}\n",
      m.iterations, m.seed, m.parameters, "part", "mean", "sd", "p05", "p50", "p95");
  for (const auto& [name, s] : m.parts) {
    out += fmt::format("  {:<10} {:>10.4f} {:>10.4f} {:>10.4f} {:>10.4f} {:>10.4f}\n", name, s.mean,
                       s.sd, s.p05, s.p50, s.p95);
  }
  return out;
}

}  // namespace

std::string RenderChipJson(const lca::ChipAssessment& r) {
  const lca::DieCarbon& result = r.carbon();
  nlohmann::json j;
  j["demand"] = {{"product", r.chiplet ? "chiplet package" : "die"},
                 {"amount", 1},
                 {"boundary", "cradle-to-gate"}};
  j["impacts"] = {{"gwp100", {{"value", result.total}, {"unit", "kg CO2e"}}}};
  j["stages"] = {{"fabrication", {{"gwp100", result.energy + result.gases + result.materials}}},
                 {"assembly", {{"gwp100", result.packaging}}}};
  nlohmann::json inputs = {
      {"area_mm2", r.area_mm2},
      {"area_cm2", r.area_cm2},
      {"node", r.node},
      {"fab_region", r.fab_region},
      {"ci_fab_kg_per_kwh", r.die.ci_fab_kg_per_kwh},
      {"ci_fab_source", CiFabSource(r)},
      {"epa_kwh_per_cm2", r.die.epa_kwh_per_cm2},
      {"gpa_kg_per_cm2", r.die.gpa_kg_per_cm2},
      {"mpa_kg_per_cm2", r.die.mpa_kg_per_cm2},
      {"packaging_kg_per_ic", r.die.packaging_kg_per_ic},
      {"wafer_diameter_mm", r.wafer_diameter_mm}};
  if (r.chiplet) {
    inputs["dies"] = r.dies;
    inputs["interposer_mm2"] = r.interposer_mm2;
    inputs["bonding_yield"] = r.bonding_yield;
  }
  j["inputs"] = inputs;
  j["yield"] = {{"model", lca::ToString(r.model)},
                {"d0_per_cm2", r.d0},
                {"alpha", r.alpha},
                {"model_value", r.model_yield},
                {"value", r.yield},
                {"overridden", r.yield_given}};
  j["basis"] = r.yield_given ? "act" : "dies-per-wafer";
  j["dies_per_wafer"] = r.dies_per_wafer;
  j["good_dies_per_wafer"] = r.dies_per_wafer * r.yield;
  if (!r.yield_given) {
    j["wafer_cm2_per_good_die"] = r.wafer_cm2_per_good;
    j["wafer_process"] = r.wafer_process;
  }
  j["die"] = SplitJson(r.single);
  if (r.chiplet) {
    nlohmann::json c;
    c["die_per_good_die"] = SplitJson(r.package.die);
    if (r.interposer_mm2 > 0) {
      c["interposer_per_good_interposer"] = SplitJson(r.package.interposer);
      c["interposer_yield"] = r.interposer_yield;
      if (!r.yield_given) {
        c["interposer_wafer_cm2_per_good"] = r.interposer_cm2_per_good;
        c["interposer_process"] = r.interposer_process;
      }
      c["interposer_dies_per_wafer"] = r.interposer_dpw;
    }
    c["assembly_yield"] = r.package.assembly_yield;
    c["package"] = SplitJson(r.package.package);
    j["chiplet"] = c;
  }
  j["carbon"] = SplitJson(result);
  if (const auto& m = r.monte_carlo) {
    nlohmann::json mc = {{"iterations", m->iterations},
                         {"seed", m->seed},
                         {"uncertain_parameters", m->parameters}};
    for (const auto& [name, s] : m->parts) {
      mc["parts"][name] = SummaryJson(s);
      if (name == "total") j["impacts"]["gwp100"].update(SummaryJson(s));
    }
    j["uncertainty"] = {{"monte_carlo", mc}};
  }
  return j.dump(2) + "\n";
}

std::string RenderChipText(const lca::ChipAssessment& r) {
  std::string out;
  out += fmt::format("Die: {} mm2 ({} cm2), node {}\n", r.area_mm2, r.area_cm2, r.node);
  out += fmt::format("Fab grid: {:.4f} kg CO2e/kWh ({})\n", r.die.ci_fab_kg_per_kwh, CiFabSource(r));
  out += fmt::format("EPA {} kWh/cm2, GPA {} kg/cm2, MPA {} kg/cm2, packaging {} kg/IC\n",
                     r.die.epa_kwh_per_cm2, r.die.gpa_kg_per_cm2, r.die.mpa_kg_per_cm2,
                     r.die.packaging_kg_per_ic);
  out += fmt::format("Yield: {:.4f}", r.yield);
  if (r.yield_given) {
    out += fmt::format(" (--yield; {} model would give {:.4f})\n", lca::ToString(r.model),
                       r.model_yield);
  } else {
    out += fmt::format(" ({}, D0 {} /cm2, alpha {})\n", lca::ToString(r.model), r.d0, r.alpha);
  }
  out += fmt::format("Dies per wafer ({} mm): {}; good dies per wafer {:.1f}\n",
                     r.wafer_diameter_mm, r.dies_per_wafer, r.dies_per_wafer * r.yield);
  if (r.yield_given) {
    out += fmt::format("Basis: ACT (--yield), die area / yield = {:.4f} cm2\n",
                       r.area_cm2 / r.yield);
  } else {
    out += fmt::format(
        "Basis: catalogue, wafer area per good die = wafer / (DPW x Y) = {:.4f} cm2; "
        "per-cm2 gases and materials of {}\n",
        r.wafer_cm2_per_good, r.wafer_process);
  }
  out += "\nCarbon per good die, packaged (kg CO2e):\n" + SplitText(r.single);
  if (r.chiplet) {
    out += fmt::format("\nChiplet package: {} dies", r.dies);
    if (r.interposer_mm2 > 0) {
      out += fmt::format(", interposer {} mm2 (yield {:.4f}, {} per wafer)", r.interposer_mm2,
                         r.interposer_yield, r.interposer_dpw);
    }
    out += fmt::format("; bonding yield {} per die, assembly yield {:.4f}\n", r.bonding_yield,
                       r.package.assembly_yield);
    if (r.interposer_mm2 > 0) {
      out += "Carbon per good interposer (kg CO2e):\n" + SplitText(r.package.interposer);
    }
    out += "Carbon per good package (kg CO2e):\n" + SplitText(r.package.package);
  }
  if (r.monte_carlo) out += MonteCarloText(*r.monte_carlo);
  return out;
}

}  // namespace gpulca::reports
