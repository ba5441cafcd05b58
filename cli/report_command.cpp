// gpulca report GPU [--boundary ...] [--region R] [--pue X] [--utilization U]
//   [--lifetime-years Y] [--query-wh W] [--set name=value] [--format ...] [--out FILE]
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/options.h"
#include "inventory/error.h"
#include "lca/gpu_assessment.h"
#include "reports/gpu_report.h"
#include "reports/gpu_report_html.h"

namespace gpulca::cli {
namespace {

struct ReportOptions {
  std::string gpu;
  std::string boundary = "cradle-to-grave";
  std::string region;
  std::optional<double> pue, utilization, lifetime_years, query_wh;
  ParameterOptions parameters;
  OutputOptions output;
};

void Run(const Context& context, const ReportOptions& o) {
  if (o.pue && *o.pue < 1.0) throw UsageError(fmt::format("--pue {}: must be at least 1", *o.pue));
  if (o.utilization && (*o.utilization < 0.0 || *o.utilization > 1.0)) {
    throw UsageError(fmt::format("--utilization {}: must lie between 0 and 1", *o.utilization));
  }
  if (o.lifetime_years && *o.lifetime_years <= 0.0) {
    throw UsageError(fmt::format("--lifetime-years {}: must be positive", *o.lifetime_years));
  }
  if (o.query_wh && *o.query_wh <= 0.0) {
    throw UsageError(fmt::format("--query-wh {}: must be positive", *o.query_wh));
  }
  auto store = context.Open();
  Inventory inv = store->Read();
  ParameterSet parameters(inv);
  if (o.pue) parameters.Override("pue", *o.pue);
  if (o.utilization) parameters.Override("utilization", *o.utilization);
  if (o.lifetime_years) parameters.Override("lifetime_years", *o.lifetime_years);
  o.parameters.Apply(parameters);

  lca::GpuAssessmentOptions options;
  options.gpu = o.gpu;
  options.cradle_to_grave = o.boundary == "cradle-to-grave";
  options.region = o.region;
  options.query_wh = o.query_wh;
  lca::GpuAssessment a = lca::AssessGpu(inv, parameters, options);

  reports::GpuReportOptions report;
  report.data_hash = store->Meta("data_hash");
  const std::string& f = o.output.format;
  if (f == "json") {
    o.output.Write(reports::RenderGpuJson(a, report));
  } else if (f == "csv") {
    o.output.Write(reports::RenderGpuCsv(a, report));
  } else if (f == "html") {
    o.output.Write(reports::RenderGpuHtml(a, report));
  } else if (f == "md") {
    o.output.Write(reports::RenderGpuMarkdown(a, report));
  } else {
    o.output.Write(reports::RenderGpuTerminal(a, report));
  }
}

}  // namespace

void AddReportCommand(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand("report", "The footprint of one GPU: stages, use phase, intensities");
  auto o = std::make_shared<ReportOptions>();
  cmd->add_option("gpu", o->gpu, "GPU id (see 'gpulca list gpus')")->required();
  cmd->add_option("--boundary", o->boundary, "cradle-to-gate or cradle-to-grave")
      ->check(CLI::IsMember({"cradle-to-gate", "cradle-to-grave"}));
  cmd->add_option("--region", o->region, "Region of deployment (a grid location: US, TW, EU, ...)");
  cmd->add_option("--pue", o->pue, "Power usage effectiveness of the data centre");
  cmd->add_option("--utilization", o->utilization, "Average utilisation, 0 to 1");
  cmd->add_option("--lifetime-years", o->lifetime_years, "Service life in years");
  cmd->add_option("--query-wh", o->query_wh, "GPU energy of one query, Wh: adds per-query figures");
  o->parameters.Add(*cmd);
  o->output.Add(*cmd, "terminal", {"terminal", "md", "html", "json", "csv"});
  cmd->callback([&context, o] { Run(context, *o); });
}

}  // namespace gpulca::cli
