// gpulca calibrate [--published PATH ...] [--declaration [GPU=]FILE.json ...]
//   [--no-published] [--declaration-gsd G] [--min-ess E] [--gpu ID ...]
//   [--mc N] [--seed S] [--threads T] [--set name=value] [--params FILE]
//   [--format text|md|json|csv] [--out FILE]
#include <fmt/format.h>

#include <algorithm>

#include "cli/context.h"
#include "cli/declarations.h"
#include "cli/mc_shards.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "cli/usage_error.h"
#include "lca/calibration/calibration.h"
#include "lca/calibration/posterior_file.h"
#include "lca/gpu/gpu_assessment.h"
#include "reports/calibration_report.h"

namespace gpulca::cli {
namespace {

struct CalibrateOptions {
  DeclarationOptions declarations;
  std::vector<std::string> gpus;  // empty: every catalogue GPU
  UncertaintyOptions uncertainty;
  ParameterOptions parameters;
  OutputOptions output;
  std::string save_posterior;
};

void Run(const Context& context, const CalibrateOptions& o) {
  auto store = context.Open();
  inventory::Inventory inv = store->Read();
  inventory::ParameterSet parameters(inv);
  o.parameters.Apply(parameters);
  lca::CalibrationOptions options;
  options.mc = o.uncertainty.Library(std::make_shared<ProgressBar>("monte carlo"));
  options.min_ess = o.declarations.min_ess;
  const std::vector<std::string> catalogue = lca::CatalogueGpus(inv);
  options.gpus = o.gpus.empty() ? catalogue : o.gpus;
  for (const std::string& gpu : o.gpus) {
    if (std::find(catalogue.begin(), catalogue.end(), gpu) == catalogue.end()) {
      throw UsageError(fmt::format("--gpu {}: not a catalogue GPU (gpulca list)", gpu));
    }
  }
  const lca::Calibration c =
      lca::Calibrate(inv, parameters, o.declarations.Load(context, inv), options);
  reports::CalibrationReportOptions report;
  report.data_hash = store->ContentHash();
  if (!o.save_posterior.empty()) {
    if (!options.mc.slice.whole()) {
      throw UsageError("--save-posterior: a posterior weighs every iteration of the run; save it "
                       "from the whole run or from 'gpulca mc merge' of its shards");
    }
    OutputOptions file;
    file.out = o.save_posterior;
    file.Write(lca::PosteriorJson(lca::WeightsOf(c), report.data_hash));
  }
  const std::string& f = o.output.format;
  if (f == "json") {
    o.output.Write(reports::RenderCalibrationJson(c, report));
  } else if (f == "csv") {
    o.output.Write(reports::RenderCalibrationCsv(c, report));
  } else if (f == "md") {
    o.output.Write(reports::RenderCalibrationMarkdown(c, report));
  } else {
    o.output.Write(reports::RenderCalibrationText(c, report));
  }
}

}  // namespace

void AddCalibrateCommand(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand(
      "calibrate", "Update the model's inputs by suppliers' declarations (docs/calibration.md)");
  auto o = std::make_shared<CalibrateOptions>();
  o->declarations.Add(*cmd);
  cmd->add_option("--gpu", o->gpus, "A GPU whose prior and posterior to show (default: every "
                                    "catalogue GPU)");
  o->uncertainty.iterations = 4000;
  cmd->add_option("--mc", o->uncertainty.iterations, "Monte Carlo iterations (default 4000)")
      ->check(CLI::Range(1, 100000000));
  cmd->add_option("--seed", o->uncertainty.seed, "Monte Carlo seed (the same seed, the same result)");
  cmd->add_option("--threads", o->uncertainty.threads, "Monte Carlo threads (0: every core)")
      ->check(CLI::NonNegativeNumber);
  McShards::Get().AddOptions(*cmd);
  cmd->add_option("--save-posterior", o->save_posterior,
                  "Write the posterior's weights here, for report --posterior");
  o->parameters.Add(*cmd);
  o->output.Add(*cmd, "text", {"text", "md", "json", "csv"});
  cmd->callback([&context, o] { Run(context, *o); });
}

}  // namespace gpulca::cli
