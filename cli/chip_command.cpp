// gpulca chip --area MM2 --node N [--fab-region R] [--yield-model M]
//   [--defect-density D0] [--dies K --interposer MM2 --bonding-yield Y]
//   [--ci-fab --epa --gpa --mpa --yield --packaging] [--mc N [--seed S]] [--format text|json]
//
// The embodied carbon of one die or one chiplet package alone, by ACT's
// equation (lca/chip_assessment.h says how, and on which basis).
#include <memory>
#include <optional>
#include <string>

#include "cli/context.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "cli/usage_error.h"
#include "lca/gpu/chip_assessment.h"
#include "reports/chip_report.h"

namespace gpulca::cli {
namespace {

struct ChipCommandOptions {
  lca::ChipOptions chip;
  std::string yield_model;  // empty: the data's yield_model
  ParameterOptions parameters;
  UncertaintyOptions uncertainty;
  OutputOptions output;
};

void Run(const Context& context, ChipCommandOptions o) {
  if (!o.uncertainty.oat.empty()) {
    throw UsageError("--oat: chip has no one-at-a-time table; move a parameter with --set, or use "
                     "'gpulca report GPU --oat NAME'");
  }
  if (!o.yield_model.empty()) o.chip.yield_model = lca::ParseYieldModel(o.yield_model);
  inventory::Inventory inv = context.Load();
  inventory::ParameterSet parameters(inv);
  o.parameters.Apply(parameters);
  std::optional<lca::McOptions> mc;
  if (o.uncertainty.monte_carlo()) {
    mc = o.uncertainty.Library(std::make_shared<ProgressBar>("monte carlo"));
  }
  const lca::ChipAssessment a = lca::AssessChip(inv, parameters, o.chip, mc);
  o.output.Write(o.output.format == "json" ? reports::RenderChipJson(a)
                                           : reports::RenderChipText(a));
}

}  // namespace

void AddChipCommand(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand(
      "chip", "Embodied carbon of a die or chiplet package alone (ACT's equation)");
  auto o = std::make_shared<ChipCommandOptions>();
  lca::ChipOptions& c = o->chip;
  const CLI::Validator positive = NumberCheck("a positive number", [](double v) { return v > 0; });
  const CLI::Validator non_negative = NumberCheck("a number >= 0", [](double v) { return v >= 0; });
  const CLI::Validator unit_interval =
      NumberCheck("a number in (0, 1]", [](double v) { return v > 0 && v <= 1; });
  cmd->add_option("--area", c.area_mm2, "Die area, mm2")->required()->check(positive);
  cmd->add_option("--node", c.node, "Process node, e.g. n5")->required();
  cmd->add_option("--fab-region", c.fab_region, "Fab location; its grid gives CI_fab");
  cmd->add_option("--yield-model", o->yield_model,
                  "poisson|murphy|negative-binomial (default: the data's yield_model)");
  cmd->add_option("--defect-density", c.defect_density, "D0, 1/cm2 (default: d0_<node>)")
      ->check(non_negative);
  cmd->add_option("--dies", c.dies, "Chiplet mode: number of identical dies K")
      ->check(NumberCheck("a number >= 1", [](double v) { return v >= 1; }));
  cmd->add_option("--interposer", c.interposer_mm2, "Chiplet mode: silicon interposer area, mm2")
      ->check(non_negative);
  cmd->add_option("--bonding-yield", c.bonding_yield,
                  "Yield of one die bond (default: bond_yield_microbump)")
      ->check(unit_interval);
  cmd->add_option("--ci-fab", c.ci_fab, "ACT CI_fab, kg CO2e/kWh")->check(non_negative);
  cmd->add_option("--epa", c.epa, "ACT EPA, kWh/cm2")->check(non_negative);
  cmd->add_option("--gpa", c.gpa, "ACT GPA, kg CO2e/cm2")->check(non_negative);
  cmd->add_option("--mpa", c.mpa, "ACT MPA, kg CO2e/cm2")->check(non_negative);
  cmd->add_option("--yield", c.yield, "Fab yield Y (overrides the yield model)")
      ->check(unit_interval);
  cmd->add_option("--packaging", c.packaging, "ACT packaging, kg CO2e per IC")
      ->check(non_negative);
  o->parameters.Add(*cmd);
  o->uncertainty.Add(*cmd);
  o->output.Add(*cmd, "text", {"text", "json"});
  cmd->callback([&context, o] { Run(context, *o); });
}

}  // namespace gpulca::cli
