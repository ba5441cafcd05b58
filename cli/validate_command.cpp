// gpulca validate [--published PATH ...] [--mc N] [--seed S] [--threads T]
//   [--set name=value] [--params FILE] [--format text|md|json|csv|html] [--out FILE]
#include <filesystem>

#include "cli/context.h"
#include "cli/declarations.h"
#include "cli/mc_shards.h"
#include "cli/usage_error.h"
#include "lca/calibration/calibration.h"
#include "reports/calibration_report.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "inventory/records/published_footprint.h"
#include "lca/gpu/validation.h"
#include "reports/validation_report.h"

namespace gpulca::cli {
namespace {

struct ValidateOptions {
  std::vector<std::string> published;  // empty: <data>/validation
  bool loo = false;
  DeclarationOptions declarations;     // with --loo (its --published is this one's)
  UncertaintyOptions uncertainty;      // only --mc, --seed and --threads are offered
  ParameterOptions parameters;
  OutputOptions output;
};

// validate --loo: leave-one-out over the declarations.
void RunLoo(const Context& context, const ValidateOptions& o) {
  if (o.uncertainty.iterations < 1) throw UsageError("--loo needs a Monte Carlo run: --mc 1 or more");
  if (o.output.format == "html") throw UsageError("--loo: --format html is not offered; use text, md, json or csv");
  auto store = context.Open();
  inventory::Inventory inv = store->Read();
  inventory::ParameterSet parameters(inv);
  o.parameters.Apply(parameters);
  DeclarationOptions declarations = o.declarations;
  declarations.published = o.published;
  lca::CalibrationOptions options;
  options.mc = o.uncertainty.Library(std::make_shared<ProgressBar>("monte carlo"));
  options.min_ess = declarations.min_ess;
  const lca::LooRun run = lca::LeaveOneOut(inv, parameters, declarations.Load(context, inv), options);
  reports::CalibrationReportOptions report;
  report.data_hash = store->ContentHash();
  const std::string& f = o.output.format;
  if (f == "json") {
    o.output.Write(reports::RenderLooJson(run, report));
  } else if (f == "csv") {
    o.output.Write(reports::RenderLooCsv(run, report));
  } else if (f == "md") {
    o.output.Write(reports::RenderLooMarkdown(run, report));
  } else {
    o.output.Write(reports::RenderLooText(run, report));
  }
}

void Run(const Context& context, const ValidateOptions& o) {
  if (o.loo) {
    RunLoo(context, o);
    return;
  }
  auto store = context.Open();
  inventory::Inventory inv = store->Read();
  inventory::ParameterSet parameters(inv);
  o.parameters.Apply(parameters);
  const std::vector<std::string> paths =
      o.published.empty()
          ? std::vector<std::string>{(std::filesystem::path(context.data_dir) / "validation").string()}
          : o.published;
  inventory::PublishedSet set = inventory::LoadPublishedFootprints(paths, inv);

  auto bar = std::make_shared<ProgressBar>("monte carlo");
  lca::ValidationRun run =
      lca::RunValidation(inv, parameters, set.footprints, o.uncertainty.Library(bar));

  reports::ValidationReportOptions report;
  report.data_hash = store->ContentHash();
  for (const inventory::Source& s : inv.sources) report.sources[s.id] = s;
  for (const inventory::Source& s : set.sources) report.sources[s.id] = s;
  const std::string& f = o.output.format;
  if (f == "json") {
    o.output.Write(reports::RenderValidationJson(run, report));
  } else if (f == "csv") {
    o.output.Write(reports::RenderValidationCsv(run, report));
  } else if (f == "html") {
    o.output.Write(reports::RenderValidationHtml(run, report));
  } else if (f == "md") {
    o.output.Write(reports::RenderValidationMarkdown(run, report));
  } else {
    o.output.Write(reports::RenderValidationText(run, report));
  }
}

}  // namespace

void AddValidateCommand(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand("validate", "Hold the model against published footprints");
  auto o = std::make_shared<ValidateOptions>();
  o->uncertainty.iterations = 1000;
  cmd->add_option("--published", o->published,
                  "Published-footprint TOML files or folders (default: the bundled "
                  "data/validation)");
  cmd->add_option("--mc", o->uncertainty.iterations,
                  "Monte Carlo iterations for gpulca's 90 % interval (0: nominal only)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--seed", o->uncertainty.seed, "Monte Carlo seed (the same seed, the same result)");
  cmd->add_option("--threads", o->uncertainty.threads, "Monte Carlo threads (0: every core)")
      ->check(CLI::NonNegativeNumber);
  McShards::Get().AddOptions(*cmd);
  cmd->add_flag("--loo", o->loo,
                "Leave-one-out: calibrate on every declaration but one and predict it, for each "
                "(docs/calibration.md); with --mc 4000 unless --mc is given");
  o->declarations.Add(*cmd, false);
  o->parameters.Add(*cmd);
  o->output.Add(*cmd, "text", {"text", "md", "json", "csv", "html"});
  cmd->callback([&context, o, cmd] {
    if (!o->loo) {
      for (const char* option : {"--declaration", "--no-published", "--declaration-gsd", "--min-ess"}) {
        if (cmd->get_option(option)->count() > 0) {
          throw UsageError(std::string(option) + " applies to --loo only");
        }
      }
    }
    if (o->loo && cmd->get_option("--mc")->count() == 0) o->uncertainty.iterations = 4000;
    Run(context, *o);
  });
}

}  // namespace gpulca::cli
