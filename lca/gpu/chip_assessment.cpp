#include "lca/gpu/chip_assessment.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <boost/algorithm/string/case_conv.hpp>
#include <boost/algorithm/string/classification.hpp>
#include <boost/algorithm/string/predicate.hpp>
#include <cmath>

#include "lca/error.h"
#include "lca/system/calculation.h"
#include "lca/uncertainty/parameter_sampler.h"
#include "lca/gpu/wafer_factors.h"

namespace gpulca::lca {
namespace {

using boost::algorithm::to_lower_copy;
using boost::algorithm::to_upper_copy;
using inventory::Inventory;
using inventory::ParameterSet;

// The nodes the data define: every n<digits> with epa_, gpa_ and d0_ globals,
// from the largest feature size down.
std::vector<std::string> KnownNodes(const Inventory& inv) {
  std::vector<std::string> nodes;
  for (const inventory::Parameter& p : inv.parameters) {
    if (p.id.rfind("epa_n", 0) != 0) continue;
    std::string node = p.id.substr(4);
    if (node.size() < 2 || !boost::algorithm::all(node.substr(1), boost::algorithm::is_digit())) {
      continue;
    }
    if (inv.FindGlobal("gpa_" + node) && inv.FindGlobal("d0_" + node)) nodes.push_back(node);
  }
  std::sort(nodes.begin(), nodes.end(), [](const std::string& a, const std::string& b) {
    return std::stoi(a.substr(1)) > std::stoi(b.substr(1));
  });
  return nodes;
}

// "n5", "N5", "5", "5nm" -> "n5".
std::string ResolveNode(const Inventory& inv, const std::string& text) {
  std::string node = to_lower_copy(text);
  if (boost::algorithm::ends_with(node, "nm") && node.size() > 2) node.resize(node.size() - 2);
  if (!node.empty() && node[0] != 'n') node = "n" + node;
  std::vector<std::string> known = KnownNodes(inv);
  if (std::find(known.begin(), known.end(), node) == known.end()) {
    throw InvalidArgument("node", fmt::format("node {}: unknown node; known: {}", text,
                                              fmt::join(known.begin(), known.end(), ", ")));
  }
  return node;
}

// The gwp100 of 1 kWh from grid_<region> (kg CO2e/kWh), and that process.
double FabGridIntensity(const Inventory& inv, const ParameterSet& parameters,
                        const std::string& region, std::string* process_id) {
  const std::string id = "grid_" + to_lower_copy(region);
  const inventory::Process* grid = inv.FindProcess(id);
  if (!grid || grid->product != "electricity") {
    std::vector<std::string> regions;
    for (const inventory::Process& p : inv.processes) {
      if (p.product == "electricity" && p.id.rfind("grid_", 0) == 0) {
        regions.push_back(to_upper_copy(p.id.substr(5)));
      }
    }
    std::sort(regions.begin(), regions.end());
    throw InvalidArgument("fab region", fmt::format("fab region {}: no grid '{}'; known regions: {}",
                                                    region, id, fmt::join(regions, ", ")));
  }
  *process_id = id;
  LcaResult result = Calculate(BuildMatrices(inv, parameters, id, 1.0, {"gwp100"}));
  int k = result.ImpactIndex("gwp100");
  if (k < 0) throw NotFound("impact method 'gwp100' is not in the database");
  return result.impacts[k];  // BuildMatrices demands 1 unit (kWh) of the product
}

// The wafer process of `product` at the fab region (e.g. logic_wafer_n4_tw),
// or the product's default provider when the region has none.
std::string WaferProcess(const Inventory& inv, const std::string& prefix,
                         const std::string& product, const std::string& region) {
  std::string id = prefix + "_" + to_lower_copy(region);
  if (const inventory::Process* p = inv.FindProcess(id); p && p->product == product) return id;
  return ResolveDemand(inv, product);
}

// The options' own domains; the rest is chip_model.h's.
void CheckOptions(const ChipOptions& o) {
  if (!(std::isfinite(o.area_mm2) && o.area_mm2 > 0)) {
    throw InvalidArgument("die area", fmt::format("die area {} mm2: must be > 0", o.area_mm2));
  }
  if (o.dies < 1) throw InvalidArgument("dies", fmt::format("dies {}: must be >= 1", o.dies));
  if (!(std::isfinite(o.interposer_mm2) && o.interposer_mm2 >= 0)) {
    throw InvalidArgument("interposer area", fmt::format("interposer area {} mm2: must be >= 0",
                                                         o.interposer_mm2));
  }
}

ChipAssessment Compute(const Inventory& inv, const ParameterSet& parameters,
                       const ChipOptions& o) {
  CheckOptions(o);
  ChipAssessment r;
  r.area_mm2 = o.area_mm2;
  r.fab_region = o.fab_region;
  r.node = ResolveNode(inv, o.node);
  auto global = [&](const std::string& id) { return parameters.Value("", id); };
  r.area_cm2 = o.area_mm2 / 100;
  r.chiplet = o.dies > 1 || o.interposer_mm2 > 0;
  r.model = o.yield_model ? *o.yield_model
                          : YieldModelFromCode(static_cast<int>(std::lround(global("yield_model"))));
  r.d0 = o.defect_density ? *o.defect_density : global("d0_" + r.node);
  r.alpha = global("alpha_logic");
  r.model_yield = DieYield(r.model, r.area_cm2, r.d0, r.alpha);
  r.yield_given = o.yield.has_value();
  r.yield = r.yield_given ? *o.yield : r.model_yield;
  r.wafer_diameter_mm = global("wafer_diameter_mm");
  r.dies_per_wafer = DiesPerWafer(o.area_mm2, r.wafer_diameter_mm);

  const double ci =
      o.ci_fab ? *o.ci_fab : FabGridIntensity(inv, parameters, o.fab_region, &r.grid_process);
  r.die.ci_fab_kg_per_kwh = ci;
  r.die.epa_kwh_per_cm2 = o.epa ? *o.epa : global("epa_" + r.node);
  r.die.packaging_kg_per_ic = o.packaging ? *o.packaging : global("act_ic_packaging_kg");
  double die_area = r.area_cm2;  // the area ActDieCarbonSplit multiplies
  if (r.yield_given) {
    // ACT basis: A / Y, ACT's CO2e per area (kg = g / 1000).
    r.die.gpa_kg_per_cm2 = o.gpa ? *o.gpa : global("gpa_" + r.node) / 1000;
    r.die.mpa_kg_per_cm2 = o.mpa ? *o.mpa : global("mpa_logic") / 1000;
    r.die.yield = r.yield;
  } else {
    // Catalogue basis: wafer area per good die, the wafer process's own terms.
    r.wafer_process =
        WaferProcess(inv, "logic_wafer_" + r.node, "wafer_area_" + r.node, o.fab_region);
    WaferFactors f = ReadWaferFactors(inv, parameters, r.wafer_process);
    r.die.gpa_kg_per_cm2 = o.gpa ? *o.gpa : f.gases.gwp100;
    r.die.mpa_kg_per_cm2 = o.mpa ? *o.mpa : f.materials.gwp100;
    r.die.yield = 1;
    r.wafer_cm2_per_good = WaferAreaPerGoodDie(o.area_mm2, r.yield, r.wafer_diameter_mm);
    die_area = r.wafer_cm2_per_good;
  }
  r.single = ActDieCarbonSplit(die_area, r.die, 1);

  if (r.chiplet) {
    r.dies = o.dies;
    r.interposer_mm2 = o.interposer_mm2;
    r.bonding_yield = o.bonding_yield ? *o.bonding_yield : global("bond_yield_microbump");
    ChipletDesign design;
    design.dies = o.dies;
    design.die_area_cm2 = die_area;
    design.die = r.die;
    design.bonding_yield = r.bonding_yield;
    if (o.interposer_mm2 > 0) {
      const double a = o.interposer_mm2 / 100;
      r.interposer_d0 = global("d0_interposer");
      r.interposer_alpha = global("alpha_interposer");
      r.interposer_dpw = DiesPerWafer(o.interposer_mm2, r.wafer_diameter_mm);
      r.interposer_yield = DieYield(r.model, a, r.interposer_d0, r.interposer_alpha);
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
        WaferFactors f = ReadWaferFactors(inv, parameters, r.interposer_process);
        r.interposer.gpa_kg_per_cm2 = f.gases.gwp100;
        r.interposer.mpa_kg_per_cm2 = f.materials.gwp100;
        r.interposer.yield = 1;
        r.interposer_cm2_per_good =
            WaferAreaPerGoodDie(o.interposer_mm2, r.interposer_yield, r.wafer_diameter_mm);
        interposer_area = r.interposer_cm2_per_good;
      }
      design.interposer_area_cm2 = interposer_area;
      design.interposer = r.interposer;
    }
    r.package = ChipletPackageCarbon(design);
  }
  return r;
}

// The chip model on each iteration's parameter draws; the parts of the
// headline carbon summarised.
ChipMonteCarlo RunMonteCarlo(const Inventory& inv, const ParameterSet& nominal,
                             const ChipOptions& o, const McOptions& mc) {
  if (mc.iterations < 1) {
    throw InvalidArgument("iterations", fmt::format("iterations {}: a Monte Carlo run needs at "
                                                    "least 1", mc.iterations));
  }
  ParameterSampler sampler(nominal, mc.seed);
  ParameterSet p(inv);
  p.CopyValuesFrom(nominal);
  const std::vector<std::string> names = {"energy", "gases", "materials", "packaging", "total"};
  // A slice of the run, and a tape (mc_tape.h) as RunMonteCarlo keeps them:
  // one system whose "impacts" are the parts, kg CO2e per die, no stages.
  const std::pair<int, int> range = mc.slice.Resolve(mc.iterations);
  const McRunSamples* replay = nullptr;
  if (mc.tape && mc.tape->replaying()) {
    replay = &mc.tape->Next(mc.seed, mc.iterations, range.first, range.second, {names});
  }
  std::vector<std::vector<double>> x(names.size());
  for (int i = range.first; i < range.second; ++i) {
    if (replay) {
      for (size_t k = 0; k < names.size(); ++k) x[k].push_back(replay->impacts[0][k][i - range.first]);
      continue;
    }
    try {
      sampler.Draw(static_cast<uint64_t>(i), p);
      const DieCarbon c = Compute(inv, p, o).carbon();
      const double v[] = {c.energy, c.gases, c.materials, c.packaging, c.total};
      for (size_t k = 0; k < names.size(); ++k) x[k].push_back(v[k]);
    } catch (const Error& e) {
      throw FormulaError(fmt::format("Monte Carlo iteration {} (seed {}): {}", i, mc.seed, e.what()));
    }
    if (i % 64 == 0) {
      if (mc.progress) mc.progress(i - range.first, range.second - range.first);
      if (std::chrono::steady_clock::now() > mc.deadline) {
        throw InvalidArgument("iterations", fmt::format("iterations {}: the run reached its time "
                                                        "limit with {} done; ask for fewer",
                                                        mc.iterations, i - range.first));
      }
    }
  }
  if (mc.tape && !mc.tape->replaying()) {
    McRunSamples r;
    r.seed = mc.seed;
    r.total = mc.iterations;
    r.begin = range.first;
    r.end = range.second;
    r.impact_ids = {names};
    r.impact_units = {std::vector<std::string>(names.size(), "kg CO2e")};
    r.impacts = {x};
    r.stages.assign(1, std::vector<std::vector<std::vector<double>>>(
                           names.size(), std::vector<std::vector<double>>(
                                             kStageSlots, std::vector<double>(x[0].size(), 0.0))));
    mc.tape->Record(std::move(r));
  }
  if (mc.progress) mc.progress(range.second - range.first, range.second - range.first);
  ChipMonteCarlo out;
  out.iterations = range.second - range.first;
  out.seed = mc.seed;
  out.parameters = sampler.size();
  for (size_t k = 0; k < names.size(); ++k) out.parts.emplace_back(names[k], Summarise(x[k]));
  return out;
}

}  // namespace

ChipAssessment AssessChip(const Inventory& inventory, const ParameterSet& parameters,
                          const ChipOptions& options, const std::optional<McOptions>& monte_carlo) {
  ChipAssessment a = Compute(inventory, parameters, options);
  if (monte_carlo) a.monte_carlo = RunMonteCarlo(inventory, parameters, options, *monte_carlo);
  return a;
}

}  // namespace gpulca::lca
