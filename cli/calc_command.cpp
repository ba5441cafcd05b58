// gpulca calc --demand ID [--amount N] [--method M ...] [--format text|json|csv]
//   [--mc N [--seed S] [--threads T]] [--oat NAME ...]
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "cli/context.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "lca/error.h"
#include "lca/system/calculation.h"
#include "lca/uncertainty/monte_carlo.h"
#include "lca/uncertainty/one_at_a_time.h"
#include "reports/calc_report.h"
#include "reports/uncertainty_report.h"

namespace gpulca::cli {
namespace {

struct CalcOptions {
  std::string demand;
  double amount = 1.0;
  std::vector<std::string> methods;
  std::string solver = "auto";
  std::string region;
  double cutoff = 0.01;
  ParameterOptions parameters;
  UncertaintyOptions uncertainty;
  OutputOptions output;
};

lca::SolverChoice ParseSolver(const std::string& name) {
  if (name == "topological") return lca::SolverChoice::kTopological;
  if (name == "klu") return lca::SolverChoice::kKlu;
  return lca::SolverChoice::kAuto;
}

void Run(const Context& context, const CalcOptions& o) {
  auto store = context.Open();
  inventory::Inventory inv = store->Read();
  inventory::ParameterSet parameters(inv);
  o.parameters.Apply(parameters);
  std::string process = lca::ResolveDemand(inv, o.demand, o.region);
  LinkOptions links;
  if (!o.region.empty()) links.locations[process] = o.region;
  std::vector<std::string> methods;
  for (const std::string& m : o.methods) {
    if (std::find(methods.begin(), methods.end(), m) == methods.end()) methods.push_back(m);
  }
  auto data = lca::BuildMatrices(inv, parameters, process, o.amount, methods, links);
  std::optional<lca::McResult> mc;
  std::optional<lca::OatResult> oat;
  if (o.uncertainty.monte_carlo()) {
    auto bar = std::make_shared<ProgressBar>("monte carlo");
    mc = lca::RunMonteCarlo(inv, parameters, data, o.uncertainty.Library(bar));
  }
  if (o.uncertainty.one_at_a_time()) oat = lca::OneAtATime(inv, parameters, data, o.uncertainty.oat);
  lca::LcaResult result = lca::Calculate(std::move(data), ParseSolver(o.solver));
  reports::CalcReportOptions report;
  report.demand = o.demand;
  report.boundary = reports::BoundaryOf(result);
  report.data_hash = store->ContentHash();
  report.cutoff = o.cutoff;
  reports::UncertaintyView view;
  view.mc = mc ? &*mc : nullptr;
  view.oat = oat ? &*oat : nullptr;
  view.nominal = result.impacts;
  const bool uncertain = view.mc || view.oat;
  if (o.output.format == "json") {
    std::string json = reports::RenderCalcJson(result, report);
    o.output.Write(uncertain ? reports::MergeUncertaintyJson(json, view) : json);
  } else if (o.output.format == "csv") {
    if (uncertain) report.uncertainty = &view;
    o.output.Write(reports::RenderCalcCsv(result, report));
  } else {
    std::string text = reports::RenderCalcText(result, report);
    o.output.Write(uncertain ? text + reports::RenderUncertaintyText(view) : text);
  }
}

}  // namespace

void AddCalcCommand(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand("calc", "Calculate the impacts of any product in the database");
  auto o = std::make_shared<CalcOptions>();
  cmd->add_option("--demand", o->demand, "Process or product id")->required();
  cmd->add_option("--amount", o->amount, "Amount of the product, in its unit")
      ->check(PositiveFinite);
  cmd->add_option("--method", o->methods, "Impact method id (repeatable; default: all)");
  cmd->add_option("--solver", o->solver, "auto|topological|klu")
      ->check(CLI::IsMember({"auto", "topological", "klu"}));
  cmd->add_option("--region", o->region, "Treat the demand process as located here");
  cmd->add_option("--cutoff", o->cutoff, "Upstream tree cut-off, share of the total")
      ->check(CLI::Range(0.0, 1.0));
  o->parameters.Add(*cmd);
  o->uncertainty.Add(*cmd);
  o->output.Add(*cmd, "text", {"text", "json", "csv"});
  cmd->callback([&context, o] { Run(context, *o); });
}

}  // namespace gpulca::cli
