// gpulca compare GPU GPU [GPU...] [--per unit|gpu-hour|pflop-hour|gb|query]
//   [--boundary ...] [--region R] [--query-wh W] [--set name=value]
//   [--mc N [--seed S] [--threads T]] [--format ...]
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/declarations.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "cli/usage_error.h"
#include "lca/gpu/compare.h"
#include "reports/compare_report.h"
#include "reports/calibration_report.h"
#include "reports/xlsx_writer.h"

namespace gpulca::cli {
namespace {

struct CompareCommandOptions {
  std::vector<std::string> gpus;
  std::string per = "unit";
  std::string boundary = "cradle-to-grave";
  std::string region;
  std::optional<double> query_wh;
  ParameterOptions parameters;
  UncertaintyOptions uncertainty;
  CalibratedRun calibration;
  OutputOptions output;
};

void Run(const Context& context, const CompareCommandOptions& o) {
  if (!o.uncertainty.oat.empty()) {
    throw UsageError("--oat: compare has no one-at-a-time table; run 'gpulca report GPU --oat "
                     "NAME' for each GPU, or compare with --mc for P(A < B)");
  }
  if (o.per == "query" && !o.query_wh) {
    throw UsageError("--per query needs --query-wh, the GPU energy of one query");
  }
  auto store = context.Open();
  inventory::Inventory inv = store->Read();
  inventory::ParameterSet parameters(inv);
  o.parameters.Apply(parameters);
  lca::CompareOptions options;
  options.gpus = o.gpus;
  options.per = lca::ParsePerUnit(o.per);
  options.cradle_to_grave = o.boundary == "cradle-to-grave";
  options.region = o.region;
  options.query_wh = o.query_wh;
  reports::CompareReportOptions report;
  report.data_hash = store->ContentHash();
  auto weights = o.calibration.Weights(context, report.data_hash, inv, parameters,
                                       o.uncertainty.Library(nullptr));
  if (o.uncertainty.monte_carlo()) {
    options.monte_carlo = o.uncertainty.Library(std::make_shared<ProgressBar>("monte carlo"));
    options.monte_carlo->weights = std::move(weights);
  }
  lca::Comparison c = lca::Compare(inv, parameters, options);
  const std::string& f = o.output.format;
  if (f == "xlsx") {
    std::vector<reports::Table> tables = reports::CompareTables(c);
    if (c.calibration) tables.push_back(reports::CalibrationTable(*c.calibration));
    reports::WriteXlsx(tables, o.output.FilePath());
  } else if (f == "json") {
    o.output.Write(reports::RenderCompareJson(c, report));
  } else if (f == "csv") {
    o.output.Write(reports::RenderCompareCsv(c, report));
  } else if (f == "md") {
    o.output.Write(reports::RenderCompareMarkdown(c, report));
  } else if (f == "html") {
    o.output.Write(reports::RenderCompareHtml(c, report));
  } else {
    o.output.Write(reports::RenderCompareTerminal(c, report));
  }
}

}  // namespace

void AddCompareCommand(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand("compare", "Catalogue GPUs side by side on one functional unit");
  auto o = std::make_shared<CompareCommandOptions>();
  cmd->add_option("gpus", o->gpus, "Two or more GPU ids (see 'gpulca list gpus')")
      ->required()
      ->expected(2, 64);
  cmd->add_option("--per", o->per, "Functional unit: unit, gpu-hour, pflop-hour, gb or query")
      ->check(CLI::IsMember({"unit", "gpu-hour", "pflop-hour", "gb", "query"}));
  cmd->add_option("--boundary", o->boundary, "cradle-to-gate or cradle-to-grave")
      ->check(CLI::IsMember({"cradle-to-gate", "cradle-to-grave"}));
  cmd->add_option("--region", o->region, "Region of deployment (a grid location)");
  cmd->add_option("--query-wh", o->query_wh, "GPU energy of one query, Wh (for --per query)")
      ->check(PositiveFinite);
  o->parameters.Add(*cmd);
  o->uncertainty.Add(*cmd);
  o->calibration.Add(*cmd);
  o->output.Add(*cmd, "terminal", {"terminal", "md", "html", "json", "csv", "xlsx"});
  cmd->callback([&context, o] { Run(context, *o); });
}

}  // namespace gpulca::cli
