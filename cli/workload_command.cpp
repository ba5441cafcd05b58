// gpulca workload [FILE.toml] [--kind training|inference] [--gpu ID --count N
//   (--hours H | --days D | --gpu-hours G)] [--region R] [--power-w W
//   [--power-includes-host]] [--host-power-w W] [--utilization U] [--pue P]
//   [--wue L] [--grid-kg-co2e-per-kwh F] [--grid-water-l-per-kwh L]
//   [--lifetime-years Y] [--requests-per-second R | --tokens-per-second T
//   --tokens-per-request N] [--mc N ...] [--format F] [--out PATH]
//
// A training run or an inference service (lca/workload/workload.h): from a
// file, from flags, or a file with flags that replace its keys. A workload
// that states assumptions is also run with gpulca's data, side by side.
#include <fmt/format.h>

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "cli/context.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "cli/usage_error.h"
#include "inventory/records/workload_spec.h"
#include "lca/workload/workload.h"
#include "reports/workload_report.h"
#include "reports/xlsx_writer.h"

namespace gpulca::cli {
namespace {

struct WorkloadOptions {
  std::string file;
  std::string kind, gpu, region;
  std::map<std::string, double> numbers;  // by the spec's key
  bool power_includes_host = false;
  ParameterOptions parameters;
  UncertaintyOptions uncertainty;
  OutputOptions output;
};

// The spec from the file and the flags (a flag replaces the file's key).
inventory::WorkloadSpec Spec(const WorkloadOptions& o, const inventory::Inventory& inv) {
  inventory::WorkloadSpec s;
  if (!o.file.empty()) {
    s = inventory::LoadWorkload(o.file, lca::WorkloadFigureIds(inv));
  } else {
    s.id = "command-line";
    if (o.gpu.empty() || (!o.numbers.count("count") && !o.numbers.count("gpu_hours"))) {
      throw UsageError("workload: give a workload file, or at least --gpu and --count with "
                       "--hours or --days, or --gpu and --gpu-hours");
    }
  }
  if (!o.kind.empty()) {
    s.kind = o.kind == "inference" ? inventory::WorkloadKind::kInference
                                   : inventory::WorkloadKind::kTraining;
  }
  if (!o.gpu.empty()) s.gpu = o.gpu;
  if (!o.region.empty()) s.region = o.region;
  if (o.power_includes_host) s.power_includes_host = true;
  // A duration flag replaces the file's duration, whichever kind it was.
  if (o.numbers.count("hours") || o.numbers.count("days") || o.numbers.count("gpu_hours")) {
    s.hours.reset();
    s.gpu_hours.reset();
  }
  const std::map<std::string, std::optional<double>*> fields = {
      {"hours", &s.hours},
      {"gpu_hours", &s.gpu_hours},
      {"power_w", &s.power_w},
      {"host_power_w", &s.host_power_w},
      {"utilization", &s.utilization},
      {"pue", &s.pue},
      {"wue_l_per_kwh", &s.wue_l_per_kwh},
      {"grid_kg_co2e_per_kwh", &s.grid_kg_co2e_per_kwh},
      {"grid_water_l_per_kwh", &s.grid_water_l_per_kwh},
      {"lifetime_years", &s.lifetime_years},
      {"requests_per_second", &s.requests_per_second},
      {"tokens_per_second", &s.tokens_per_second},
      {"tokens_per_request", &s.tokens_per_request}};
  for (const auto& [key, value] : o.numbers) {
    if (key == "count") {
      s.count = value;
    } else if (key == "days") {
      if (o.numbers.count("hours")) throw UsageError("--days and --hours: give the duration once");
      s.hours = value * 24;
    } else {
      *fields.at(key) = value;
    }
  }
  if (auto problems = inventory::WorkloadProblems(s); !problems.empty()) {
    throw UsageError(fmt::format("workload{}: {}", o.file.empty() ? "" : " " + o.file,
                                 fmt::join(problems, "; ")));
  }
  return s;
}

void Run(const Context& context, const WorkloadOptions& o) {
  if (!o.uncertainty.oat.empty()) {
    throw UsageError("--oat: workload has no one-at-a-time table; use 'gpulca report GPU --oat "
                     "NAME' for the GPU, or state the value in the workload");
  }
  auto store = context.Open();
  const inventory::Inventory inv = store->Read();
  inventory::ParameterSet parameters(inv);
  o.parameters.Apply(parameters);
  const inventory::WorkloadSpec spec = Spec(o, inv);
  std::optional<lca::McOptions> mc;
  if (o.uncertainty.monte_carlo()) {
    mc = o.uncertainty.Library(std::make_shared<ProgressBar>("monte carlo"));
  }
  reports::WorkloadReport report{lca::AssessWorkload(inv, parameters, spec, mc), std::nullopt,
                                 store->ContentHash()};
  if (spec.HasAssumptions()) {
    if (mc) mc = o.uncertainty.Library(std::make_shared<ProgressBar>("monte carlo, gpulca data"));
    report.gpulca_data =
        lca::AssessWorkload(inv, parameters, inventory::WithoutAssumptions(spec), mc);
  }
  const std::string& f = o.output.format;
  if (f == "xlsx") {
    reports::WriteXlsx(reports::WorkloadTables(report), o.output.FilePath());
  } else if (f == "json") {
    o.output.Write(reports::RenderWorkloadJson(report));
  } else if (f == "csv") {
    o.output.Write(reports::RenderWorkloadCsv(report));
  } else if (f == "html") {
    o.output.Write(reports::RenderWorkloadHtml(report));
  } else if (f == "md") {
    o.output.Write(reports::RenderWorkloadMarkdown(report));
  } else {
    o.output.Write(reports::RenderWorkloadText(report));
  }
}

}  // namespace

void AddWorkloadCommand(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand(
      "workload", "A training run or an inference service: electricity, operational and "
                  "amortised embodied impacts, water on and off site (docs/workloads.md)");
  auto o = std::make_shared<WorkloadOptions>();
  cmd->add_option("file", o->file, "Workload file (TOML); flags replace its keys")
      ->check(CLI::ExistingFile);
  cmd->add_option("--kind", o->kind, "training or inference")
      ->check(CLI::IsMember({"training", "inference"}));
  cmd->add_option("--gpu", o->gpu, "Catalogue GPU id");
  cmd->add_option("--region", o->region, "Grid region of the data centre");
  cmd->add_flag("--power-includes-host", o->power_includes_host,
                "--power-w is the system's power per GPU, host included");
  const std::map<std::string, const char*> help = {
      {"count", "GPUs"},
      {"hours", "Wall-clock hours of every GPU"},
      {"days", "Wall-clock days of every GPU"},
      {"gpu_hours", "Total GPU-hours (instead of --hours)"},
      {"power_w", "Measured average power per GPU, W"},
      {"host_power_w", "Average host power per GPU, W"},
      {"utilization", "Average utilisation, 0-1"},
      {"pue", "Power usage effectiveness"},
      {"wue_l_per_kwh", "On-site water per IT kWh, L"},
      {"grid_kg_co2e_per_kwh", "Grid factor, kg CO2e/kWh (replaces the region's climate factors)"},
      {"grid_water_l_per_kwh", "Water consumed per kWh generated, L (replaces the region's)"},
      {"lifetime_years", "Service life of the hardware, years"},
      {"requests_per_second", "Requests per second per GPU while serving"},
      {"tokens_per_second", "Tokens per second per GPU while serving"},
      {"tokens_per_request", "Tokens per request"}};
  for (const inventory::WorkloadNumberRule& rule : inventory::WorkloadNumberRules()) {
    std::string flag = "--" + std::string(rule.key);
    for (char& c : flag) c = c == '_' ? '-' : c;
    const std::string key = rule.key;
    cmd->add_option_function<double>(flag, [o, key](double v) { o->numbers[key] = v; },
                                     help.count(key) ? help.at(key) : "")
        ->check(NumberCheck(rule.rule, [ok = rule.ok](double v) { return ok(v); }));
  }
  o->parameters.Add(*cmd);
  o->uncertainty.Add(*cmd);
  o->output.Add(*cmd, "terminal", {"terminal", "md", "html", "json", "csv", "xlsx"});
  cmd->callback([&context, o] { Run(context, *o); });
}

}  // namespace gpulca::cli
