// gpulca sensitivity GPU|--demand ID --sobol N [--boundary B] [--region R]
//   [--group NAME=PATTERN[,PATTERN...]]... [--bootstrap B] [--confidence C]
//   [--seed S] [--threads T] [--format terminal|md|html|json|csv] [--out PATH]
//   [--iterations FROM:TO | --shard K/N] [--samples DIR]
//
// Variance-based global sensitivity: Sobol' first- and total-order indices
// of groups of the system's uncertain inputs (lca/uncertainty/
// global_sensitivity.h), for every impact.
#include <fmt/format.h>

#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/context.h"
#include "cli/mc_shards.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "cli/usage_error.h"
#include "lca/gpu/gpu_assessment.h"
#include "lca/system/matrix_data.h"
#include "lca/uncertainty/global_sensitivity.h"
#include "reports/sensitivity_report.h"

namespace gpulca::cli {
namespace {

struct SensitivityOptions {
  std::string gpu, demand, boundary = "cradle-to-grave", region;
  double amount = 1;
  int sobol = 0;
  int bootstrap = 200;
  double confidence = 0.9;
  uint64_t seed = 1;
  int threads = 0;
  std::vector<std::string> groups;  // NAME=PATTERN[,PATTERN...]
  ParameterOptions parameters;
  OutputOptions output;
};

std::vector<lca::InputGroup> ParseGroups(const std::vector<std::string>& specs) {
  std::vector<lca::InputGroup> out;
  for (const std::string& spec : specs) {
    const size_t eq = spec.find('=');
    if (eq == 0 || eq == std::string::npos || eq + 1 == spec.size()) {
      throw UsageError(fmt::format("--group '{}': write NAME=PATTERN[,PATTERN...], e.g. "
                                   "yields='param:*yield*'", spec));
    }
    lca::InputGroup g{spec.substr(0, eq), {}};
    std::string rest = spec.substr(eq + 1);
    for (size_t start = 0; start <= rest.size();) {
      const size_t comma = rest.find(',', start);
      const std::string pattern = rest.substr(start, comma == std::string::npos ? std::string::npos
                                                                                : comma - start);
      if (pattern.empty()) throw UsageError(fmt::format("--group '{}': an empty pattern", spec));
      g.patterns.push_back(pattern);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    out.push_back(g);
  }
  return out;
}

void Run(const Context& context, const SensitivityOptions& o) {
  if (o.gpu.empty() == o.demand.empty()) {
    throw UsageError("sensitivity: give a GPU or --demand ID, one of them");
  }
  const std::vector<lca::InputGroup> groups = ParseGroups(o.groups);
  auto store = context.Open();
  const inventory::Inventory inv = store->Read();
  inventory::ParameterSet parameters(inv);
  o.parameters.Apply(parameters);
  lca::McDemand demand;
  reports::SensitivityReportOptions report;
  report.data_hash = store->ContentHash();
  if (!o.gpu.empty()) {
    const bool grave = o.boundary == "cradle-to-grave";
    const lca::GpuAssessment a =
        lca::AssessGpu(inv, parameters, lca::GpuAssessmentOptions(o.gpu, grave, o.region));
    demand.process = grave ? a.lifecycle : a.gpu;
    if (grave) demand.links.locations[a.lifecycle] = a.region;
    report.demand = o.gpu;
    report.boundary = o.boundary;
  } else {
    demand.process = lca::ResolveDemand(inv, o.demand, o.region);
    demand.amount = o.amount;
    if (!o.region.empty()) demand.links.locations[demand.process] = o.region;
    report.demand = o.demand;
  }
  lca::SobolOptions sobol;
  sobol.n = o.sobol;
  sobol.bootstrap = o.bootstrap;
  sobol.confidence = o.confidence;
  sobol.seed = o.seed;
  lca::McOptions mc;
  mc.seed = o.seed;
  mc.threads = o.threads > 0 ? o.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  auto bar = std::make_shared<ProgressBar>("sobol");
  if (bar->enabled()) mc.progress = [bar](int done, int total) { bar->Update(done, total); };
  McShards::Get().Apply(mc);
  const lca::GroupedSobol s = lca::SobolOfDemand(inv, parameters, demand, groups, sobol, mc);
  if (s.last - s.first != s.evaluations) {
    // A shard: its design rows go to --samples; the indices need them all.
    o.output.Write(fmt::format("design rows {}:{} of {} ({} groups, N = {}); merge the shards "
                               "with 'gpulca mc merge' for the indices\n",
                               s.first, s.last, s.evaluations, s.groups.size(), s.n));
    return;
  }
  const std::string& f = o.output.format;
  if (f == "json") {
    o.output.Write(reports::RenderSensitivityJson(s, report));
  } else if (f == "csv") {
    o.output.Write(reports::RenderSensitivityCsv(s, report));
  } else if (f == "html") {
    o.output.Write(reports::RenderSensitivityHtml(s, report));
  } else if (f == "md") {
    o.output.Write(reports::RenderSensitivityMarkdown(s, report));
  } else {
    o.output.Write(reports::RenderSensitivityText(s, report));
  }
}

}  // namespace

void AddSensitivityCommand(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand(
      "sensitivity", "Variance-based global sensitivity: Sobol' indices of groups of the "
                     "uncertain inputs, every impact (docs/uncertainty.md)");
  auto o = std::make_shared<SensitivityOptions>();
  cmd->add_option("gpu", o->gpu, "Catalogue GPU id");
  cmd->add_option("--demand", o->demand, "Process or product id (instead of a GPU)");
  cmd->add_option("--amount", o->amount, "Amount of the demand")->check(PositiveFinite);
  cmd->add_option("--boundary", o->boundary, "cradle-to-grave (default) or cradle-to-gate, for a GPU")
      ->check(CLI::IsMember({"cradle-to-grave", "cradle-to-gate"}));
  cmd->add_option("--region", o->region, "Grid region of the data centre (or of the demand)");
  cmd->add_option("--sobol", o->sobol, "Base sample size N: N x (groups + 2) model runs")
      ->required()
      ->check(NumberCheck("a whole number from 2 to 1,000,000",
                          [](double v) { return v >= 2 && v <= 1e6 && v == static_cast<int>(v); }));
  cmd->add_option("--group", o->groups,
                  "A group of inputs: NAME=PATTERN[,PATTERN...] (globs on input names such as "
                  "'param:*yield*'); the rest are grouped by the data folder they come from");
  cmd->add_option("--bootstrap", o->bootstrap, "Bootstrap resamples for the intervals (0: none)")
      ->check(NumberCheck("a whole number from 0 to 10,000",
                          [](double v) { return v >= 0 && v <= 1e4 && v == static_cast<int>(v); }));
  cmd->add_option("--confidence", o->confidence, "Confidence of the intervals")
      ->check(NumberCheck("a number above 0 and below 1", [](double v) { return v > 0 && v < 1; }));
  cmd->add_option("--seed", o->seed, "Seed of the bootstrap and of inputs outside the design");
  cmd->add_option("--threads", o->threads, "Threads (default: every core)")
      ->check(NumberCheck("a whole number from 1", [](double v) { return v >= 1 && v == static_cast<int>(v); }));
  o->parameters.Add(*cmd);
  McShards::Get().AddOptions(*cmd);
  o->output.Add(*cmd, "terminal", {"terminal", "md", "html", "json", "csv"});
  cmd->callback([&context, o] { Run(context, *o); });
}

}  // namespace gpulca::cli
