// gpulca chip --area MM2 --node N [--fab-region R] [--yield-model M]
//   [--defect-density D0] [--dies K --interposer MM2 --bonding-yield Y]
//   [--ci-fab --epa --gpa --mpa --yield --packaging] [--mc N [--seed S]] [--format text|json]
//
// The embodied carbon of one die or one chiplet package alone, by ACT's
// equation (lca/chip_model.h), on one of two bases:
//   - catalogue (default): the die consumes the wafer area of the catalogue,
//     wafer_area / (DPW × Y), and the per-cm² terms are those of the
//     catalogue's wafer process (lca/wafer_factors.h): its process gases as
//     individual gases, its wafer, materials and water. The result equals the
//     catalogue's logic-die term for the same parameters.
//   - ACT (--yield given): A / Y with ACT's per-area CO2e (gpa_<node>,
//     mpa_logic), as ACT computes it. With ACT's own flags it reproduces ACT.
// The fab's grid intensity is the gwp100 of 1 kWh of grid_<region>.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "cli/context.h"
#include "cli/options.h"
#include "cli/usage_error.h"
#include "inventory/error.h"
#include "lca/calculation.h"
#include "lca/chip_model.h"
#include "lca/parameter_sampler.h"
#include "lca/statistics.h"
#include "cli/progress.h"
#include "lca/wafer_factors.h"

namespace gpulca::cli {
namespace {

struct ChipOptions {
  double area_mm2 = 0;
  std::string node;
  std::string fab_region = "TW";
  std::string yield_model;  // empty: the data's yield_model
  double defect_density = 0;
  int dies = 1;
  double interposer_mm2 = 0;
  double bonding_yield = 0;
  double ci_fab = 0, epa = 0, gpa = 0, mpa = 0, yield = 0, packaging = 0;
  // Set when the flag was given (the values above are meaningful only then).
  CLI::Option *defect_density_opt = nullptr, *bonding_yield_opt = nullptr,
              *ci_fab_opt = nullptr, *epa_opt = nullptr, *gpa_opt = nullptr,
              *mpa_opt = nullptr, *yield_opt = nullptr, *packaging_opt = nullptr;
  ParameterOptions parameters;
  UncertaintyOptions uncertainty;
  OutputOptions output;
};

bool Given(const CLI::Option* option) { return option && option->count() > 0; }

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string Upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

// The nodes the data defines: every n<digits> with epa_, gpa_ and d0_ globals,
// from the largest feature size down.
std::vector<std::string> KnownNodes(const Inventory& inv) {
  std::vector<std::string> nodes;
  for (const Parameter& p : inv.parameters) {
    if (p.id.rfind("epa_n", 0) != 0) continue;
    std::string node = p.id.substr(4);
    if (node.size() < 2 ||
        !std::all_of(node.begin() + 1, node.end(), [](unsigned char c) { return std::isdigit(c); }))
      continue;
    if (inv.FindGlobal("gpa_" + node) && inv.FindGlobal("d0_" + node)) nodes.push_back(node);
  }
  std::sort(nodes.begin(), nodes.end(), [](const std::string& a, const std::string& b) {
    return std::stoi(a.substr(1)) > std::stoi(b.substr(1));
  });
  return nodes;
}

// "n5", "N5", "5", "5nm" -> "n5"; throws UsageError listing the known nodes.
std::string ResolveNode(const Inventory& inv, const std::string& text) {
  std::string node = Lower(text);
  if (node.size() > 2 && node.compare(node.size() - 2, 2, "nm") == 0) {
    node.resize(node.size() - 2);
  }
  if (!node.empty() && node[0] != 'n') node = "n" + node;
  std::vector<std::string> known = KnownNodes(inv);
  if (std::find(known.begin(), known.end(), node) == known.end()) {
    throw UsageError(fmt::format("--node {}: unknown node; known: {}", text,
                                 fmt::join(known.begin(), known.end(), ", ")));
  }
  return node;
}

// The gwp100 of 1 kWh from grid_<region> (kg CO2e/kWh).
double FabGridIntensity(const Inventory& inv, const ParameterSet& parameters,
                        const std::string& region, std::string* process_id) {
  const std::string id = "grid_" + Lower(region);
  const Process* grid = inv.FindProcess(id);
  if (!grid || grid->product != "electricity") {
    std::vector<std::string> regions;
    for (const Process& p : inv.processes) {
      if (p.product == "electricity" && p.id.rfind("grid_", 0) == 0) {
        regions.push_back(Upper(p.id.substr(5)));
      }
    }
    std::sort(regions.begin(), regions.end());
    throw UsageError(fmt::format("--fab-region {}: no grid '{}'; known regions: {}", region, id,
                                 fmt::join(regions, ", ")));
  }
  *process_id = id;
  lca::LcaResult result =
      lca::Calculate(lca::BuildMatrices(inv, parameters, id, 1.0, {"gwp100"}));
  int k = result.ImpactIndex("gwp100");
  if (k < 0) throw NotFound("impact method 'gwp100' is not in the database");
  return result.impacts[k];  // BuildMatrices demands 1 unit (kWh) of the product
}

struct ChipRun {
  std::string node, grid_process;
  double area_cm2 = 0;
  bool chiplet = false;
  lca::YieldModel model = lca::YieldModel::kNegativeBinomial;
  double d0 = 0, alpha = 0, model_yield = 0;
  bool yield_given = false;  // ACT basis: A / Y with ACT's per-area CO2e
  double yield = 0;          // the die yield used (model or --yield)
  double wafer_diameter_mm = 300, dies_per_wafer = 0;
  double wafer_cm2_per_good = 0;  // catalogue basis: wafer area / (DPW × Y)
  std::string wafer_process;      // catalogue basis: where the per-cm² terms come from
  // `die.yield` is 1 on the catalogue basis (the yield is in the area).
  lca::ActParameters die{};
  lca::DieCarbon single;  // the die alone, with its package
  // Chiplet mode only.
  int dies = 1;
  double interposer_mm2 = 0, interposer_d0 = 0, interposer_alpha = 0, interposer_dpw = 0;
  double interposer_yield = 0, interposer_cm2_per_good = 0;
  std::string interposer_process;
  lca::ActParameters interposer{};
  double bonding_yield = 1;
  lca::ChipletCarbon package;
};

// The wafer process of `product` at the fab region (e.g. logic_wafer_n4_tw),
// or the product's default provider when the region has none.
std::string WaferProcess(const Inventory& inv, const std::string& prefix,
                         const std::string& product, const std::string& region) {
  std::string id = prefix + "_" + Lower(region);
  if (const Process* p = inv.FindProcess(id); p && p->product == product) return id;
  return lca::ResolveDemand(inv, product);
}

ChipRun Compute(const Inventory& inv, ParameterSet& parameters, const ChipOptions& o) {
  if (!(std::isfinite(o.area_mm2) && o.area_mm2 > 0)) {
    throw UsageError(fmt::format("--area {}: the die area must be > 0 mm2", o.area_mm2));
  }
  if (o.dies < 1) throw UsageError(fmt::format("--dies {}: must be >= 1", o.dies));
  if (!(std::isfinite(o.interposer_mm2) && o.interposer_mm2 >= 0)) {
    throw UsageError(fmt::format("--interposer {}: the area must be >= 0 mm2", o.interposer_mm2));
  }
  auto check_unit_interval = [](bool given, double v, const char* flag) {
    if (given && !(std::isfinite(v) && v > 0 && v <= 1)) {
      throw UsageError(fmt::format("{} {}: must be in (0, 1]", flag, v));
    }
  };
  check_unit_interval(Given(o.yield_opt), o.yield, "--yield");
  check_unit_interval(Given(o.bonding_yield_opt), o.bonding_yield, "--bonding-yield");
  for (auto [opt, v, flag] : {std::tuple{o.ci_fab_opt, o.ci_fab, "--ci-fab"},
                              std::tuple{o.epa_opt, o.epa, "--epa"},
                              std::tuple{o.gpa_opt, o.gpa, "--gpa"},
                              std::tuple{o.mpa_opt, o.mpa, "--mpa"},
                              std::tuple{o.packaging_opt, o.packaging, "--packaging"},
                              std::tuple{o.defect_density_opt, o.defect_density,
                                         "--defect-density"}}) {
    if (Given(opt) && !(std::isfinite(v) && v >= 0)) {
      throw UsageError(fmt::format("{} {}: must be >= 0", flag, v));
    }
  }

  ChipRun r;
  r.node = ResolveNode(inv, o.node);
  auto global = [&](const std::string& id) { return parameters.Value("", id); };
  r.area_cm2 = o.area_mm2 / 100;
  r.chiplet = o.dies > 1 || o.interposer_mm2 > 0;
  r.model = o.yield_model.empty()
                ? lca::YieldModelFromCode(static_cast<int>(std::lround(global("yield_model"))))
                : lca::ParseYieldModel(o.yield_model);
  r.d0 = Given(o.defect_density_opt) ? o.defect_density : global("d0_" + r.node);
  r.alpha = global("alpha_logic");
  r.model_yield = lca::DieYield(r.model, r.area_cm2, r.d0, r.alpha);
  r.yield_given = Given(o.yield_opt);
  r.yield = r.yield_given ? o.yield : r.model_yield;
  r.wafer_diameter_mm = global("wafer_diameter_mm");
  r.dies_per_wafer = lca::DiesPerWafer(o.area_mm2, r.wafer_diameter_mm);

  const double ci = Given(o.ci_fab_opt)
                        ? o.ci_fab
                        : FabGridIntensity(inv, parameters, o.fab_region, &r.grid_process);
  r.die.ci_fab_kg_per_kwh = ci;
  r.die.epa_kwh_per_cm2 = Given(o.epa_opt) ? o.epa : global("epa_" + r.node);
  r.die.packaging_kg_per_ic = Given(o.packaging_opt) ? o.packaging : global("act_ic_packaging_kg");
  double die_area = r.area_cm2;  // the area ActDieCarbonSplit multiplies
  if (r.yield_given) {
    // ACT basis: A / Y, ACT's CO2e per area (kg = g / 1000).
    r.die.gpa_kg_per_cm2 = Given(o.gpa_opt) ? o.gpa : global("gpa_" + r.node) / 1000;
    r.die.mpa_kg_per_cm2 = Given(o.mpa_opt) ? o.mpa : global("mpa_logic") / 1000;
    r.die.yield = r.yield;
  } else {
    // Catalogue basis: wafer area per good die, the wafer process's own terms.
    r.wafer_process = WaferProcess(inv, "logic_wafer_" + r.node, "wafer_area_" + r.node,
                                   o.fab_region);
    lca::WaferFactors f = lca::ReadWaferFactors(inv, parameters, r.wafer_process);
    r.die.gpa_kg_per_cm2 = Given(o.gpa_opt) ? o.gpa : f.gases.gwp100;
    r.die.mpa_kg_per_cm2 = Given(o.mpa_opt) ? o.mpa : f.materials.gwp100;
    r.die.yield = 1;
    r.wafer_cm2_per_good = lca::WaferAreaPerGoodDie(o.area_mm2, r.yield, r.wafer_diameter_mm);
    die_area = r.wafer_cm2_per_good;
  }
  r.single = lca::ActDieCarbonSplit(die_area, r.die, 1);

  if (r.chiplet) {
    r.dies = o.dies;
    r.interposer_mm2 = o.interposer_mm2;
    r.bonding_yield = Given(o.bonding_yield_opt) ? o.bonding_yield : global("bond_yield_microbump");
    lca::ChipletDesign design;
    design.dies = o.dies;
    design.die_area_cm2 = die_area;
    design.die = r.die;
    design.bonding_yield = r.bonding_yield;
    if (o.interposer_mm2 > 0) {
      const double a = o.interposer_mm2 / 100;
      r.interposer_d0 = global("d0_interposer");
      r.interposer_alpha = global("alpha_interposer");
      r.interposer_dpw = lca::DiesPerWafer(o.interposer_mm2, r.wafer_diameter_mm);
      r.interposer_yield = lca::DieYield(r.model, a, r.interposer_d0, r.interposer_alpha);
      r.interposer.ci_fab_kg_per_kwh = ci;
      r.interposer.epa_kwh_per_cm2 = global("epa_interposer");
      r.interposer.packaging_kg_per_ic = 0;
      double interposer_area = a;
      if (r.yield_given) {
        r.interposer.gpa_kg_per_cm2 = global("gpa_interposer") / 1000;
        r.interposer.mpa_kg_per_cm2 = global("mpa_interposer") / 1000;
        r.interposer.yield = r.interposer_yield;
      } else {
        r.interposer_process =
            WaferProcess(inv, "silicon_interposer", "interposer_area", o.fab_region);
        lca::WaferFactors f = lca::ReadWaferFactors(inv, parameters, r.interposer_process);
        r.interposer.gpa_kg_per_cm2 = f.gases.gwp100;
        r.interposer.mpa_kg_per_cm2 = f.materials.gwp100;
        r.interposer.yield = 1;
        r.interposer_cm2_per_good =
            lca::WaferAreaPerGoodDie(o.interposer_mm2, r.interposer_yield, r.wafer_diameter_mm);
        interposer_area = r.interposer_cm2_per_good;
      }
      design.interposer_area_cm2 = interposer_area;
      design.interposer = r.interposer;
    }
    r.package = lca::ChipletPackageCarbon(design);
  }
  return r;
}

nlohmann::json SplitJson(const lca::DieCarbon& c) {
  return {{"energy", c.energy},       {"gases", c.gases}, {"materials", c.materials},
          {"packaging", c.packaging}, {"total", c.total}, {"unit", "kg CO2e"}};
}

std::string RenderJson(const ChipRun& r, const ChipOptions& o) {
  const lca::DieCarbon& result = r.chiplet ? r.package.package : r.single;
  nlohmann::json j;
  j["demand"] = {{"product", r.chiplet ? "chiplet package" : "die"},
                 {"amount", 1},
                 {"boundary", "cradle-to-gate"}};
  j["impacts"] = {{"gwp100", {{"value", result.total}, {"unit", "kg CO2e"}}}};
  j["stages"] = {{"fabrication", {{"gwp100", result.energy + result.gases + result.materials}}},
                 {"assembly", {{"gwp100", result.packaging}}}};
  nlohmann::json inputs = {
      {"area_mm2", o.area_mm2},
      {"area_cm2", r.area_cm2},
      {"node", r.node},
      {"fab_region", o.fab_region},
      {"ci_fab_kg_per_kwh", r.die.ci_fab_kg_per_kwh},
      {"ci_fab_source", Given(o.ci_fab_opt) ? "--ci-fab" : r.grid_process},
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
  return j.dump(2) + "\n";
}

std::string SplitText(const lca::DieCarbon& c) {
  return fmt::format(
      "  energy     {:10.4f}\n  gases      {:10.4f}\n  materials  {:10.4f}\n"
      "  packaging  {:10.4f}\n  total      {:10.4f}\n",
      c.energy, c.gases, c.materials, c.packaging, c.total);
}

std::string RenderText(const ChipRun& r, const ChipOptions& o) {
  std::string out;
  out += fmt::format("Die: {} mm2 ({} cm2), node {}\n", o.area_mm2, r.area_cm2, r.node);
  out += fmt::format("Fab grid: {:.4f} kg CO2e/kWh ({})\n", r.die.ci_fab_kg_per_kwh,
                     Given(o.ci_fab_opt) ? std::string("--ci-fab") : r.grid_process);
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
  return out;
}

// chip --mc: the chip model recomputed on each iteration's parameter draws
// (lca/parameter_sampler.h); the parts of the carbon per good die (or
// package) summarised.
struct ChipMc {
  int iterations = 0, parameters = 0;
  uint64_t seed = 0;
  std::vector<std::pair<std::string, lca::Summary>> parts;  // energy ... total
};

ChipMc RunChipMc(const Inventory& inv, const ParameterSet& nominal, const ChipOptions& o) {
  const lca::McOptions mc = o.uncertainty.Library(std::make_shared<ProgressBar>("monte carlo"));
  lca::ParameterSampler sampler(nominal, mc.seed);
  ParameterSet p(inv);
  p.CopyValuesFrom(nominal);
  const char* names[] = {"energy", "gases", "materials", "packaging", "total"};
  std::vector<std::vector<double>> x(5);
  for (int i = 0; i < mc.iterations; ++i) {
    try {
      sampler.Draw(static_cast<uint64_t>(i), p);
      const ChipRun r = Compute(inv, p, o);
      const lca::DieCarbon& c = r.chiplet ? r.package.package : r.single;
      const double v[] = {c.energy, c.gases, c.materials, c.packaging, c.total};
      for (int k = 0; k < 5; ++k) x[k].push_back(v[k]);
    } catch (const Error& e) {
      throw FormulaError(fmt::format("Monte Carlo iteration {} (seed {}): {}", i, mc.seed, e.what()));
    }
    if (mc.progress && i % 64 == 0) mc.progress(i, mc.iterations);
  }
  if (mc.progress) mc.progress(mc.iterations, mc.iterations);
  ChipMc out;
  out.iterations = mc.iterations;
  out.seed = mc.seed;
  out.parameters = sampler.size();
  for (int k = 0; k < 5; ++k) out.parts.emplace_back(names[k], lca::Summarise(x[k]));
  return out;
}

std::string McText(const ChipMc& m) {
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

std::string McJson(const std::string& json, const ChipMc& m) {
  nlohmann::json j = nlohmann::json::parse(json);
  auto summary = [](const lca::Summary& s) {
    nlohmann::json x;
    for (auto [key, v] : lca::Fields(s)) x[key] = v;
    return x;
  };
  nlohmann::json mc = {{"iterations", m.iterations}, {"seed", m.seed},
                       {"uncertain_parameters", m.parameters}};
  for (const auto& [name, s] : m.parts) {
    mc["parts"][name] = summary(s);
    if (name == "total") j["impacts"]["gwp100"].update(summary(s));
  }
  j["uncertainty"] = {{"monte_carlo", mc}};
  return j.dump(2) + "\n";
}

void Run(const Context& context, const ChipOptions& o) {
  if (!o.uncertainty.oat.empty()) {
    throw UsageError("--oat: chip has no one-at-a-time table; move a parameter with --set, or use "
                     "'gpulca report GPU --oat NAME'");
  }
  Inventory inv = context.Load();
  ParameterSet parameters(inv);
  o.parameters.Apply(parameters);
  ChipRun r = Compute(inv, parameters, o);
  std::optional<ChipMc> mc;
  if (o.uncertainty.monte_carlo()) mc = RunChipMc(inv, parameters, o);
  if (o.output.format == "json") {
    const std::string json = RenderJson(r, o);
    o.output.Write(mc ? McJson(json, *mc) : json);
  } else {
    o.output.Write(mc ? RenderText(r, o) + McText(*mc) : RenderText(r, o));
  }
}

}  // namespace

void AddChipCommand(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand(
      "chip", "Embodied carbon of a die or chiplet package alone (ACT's equation)");
  auto o = std::make_shared<ChipOptions>();
  cmd->add_option("--area", o->area_mm2, "Die area, mm2")->required();
  cmd->add_option("--node", o->node, "Process node, e.g. n5")->required();
  cmd->add_option("--fab-region", o->fab_region, "Fab location; its grid gives CI_fab");
  cmd->add_option("--yield-model", o->yield_model,
                  "poisson|murphy|negative-binomial (default: the data's yield_model)");
  o->defect_density_opt =
      cmd->add_option("--defect-density", o->defect_density, "D0, 1/cm2 (default: d0_<node>)");
  cmd->add_option("--dies", o->dies, "Chiplet mode: number of identical dies K");
  cmd->add_option("--interposer", o->interposer_mm2, "Chiplet mode: silicon interposer area, mm2");
  o->bonding_yield_opt = cmd->add_option("--bonding-yield", o->bonding_yield,
                                         "Yield of one die bond (default: bond_yield_microbump)");
  o->ci_fab_opt = cmd->add_option("--ci-fab", o->ci_fab, "ACT CI_fab, kg CO2e/kWh");
  o->epa_opt = cmd->add_option("--epa", o->epa, "ACT EPA, kWh/cm2");
  o->gpa_opt = cmd->add_option("--gpa", o->gpa, "ACT GPA, kg CO2e/cm2");
  o->mpa_opt = cmd->add_option("--mpa", o->mpa, "ACT MPA, kg CO2e/cm2");
  o->yield_opt = cmd->add_option("--yield", o->yield, "Fab yield Y (overrides the yield model)");
  o->packaging_opt = cmd->add_option("--packaging", o->packaging, "ACT packaging, kg CO2e per IC");
  o->parameters.Add(*cmd);
  o->uncertainty.Add(*cmd);
  o->output.Add(*cmd, "text", {"text", "json"});
  cmd->callback([&context, o] { Run(context, *o); });
}

}  // namespace gpulca::cli
