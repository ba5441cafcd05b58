// gpulca fleet --year Y [--mix FILE.toml] [--region R[=share] ...]
// gpulca fleet --assets FILE.csv [--skip-bad]
//   [--mc N [--seed S] [--threads T]] (with --year)
//   [--set name=value] [--params FILE] [--format terminal|md|html|json|csv|xlsx] [--out FILE]
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <cstdint>
#include <optional>

#include "cli/context.h"
#include "cli/declarations.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "inventory/toml/toml_loader.h"
#include "lca/fleet/fleet.h"
#include "lca/fleet/fleet_assets.h"
#include "lca/fleet/fleet_uncertainty.h"
#include "cli/region_shares.h"
#include "cli/usage_error.h"
#include "reports/fleet_report.h"
#include "reports/fleet_tables.h"
#include "reports/calibration_report.h"
#include "reports/xlsx_writer.h"

namespace gpulca::cli {
namespace {

struct FleetOptions {
  std::optional<int> year;
  std::string mix_file, assets;
  std::vector<std::string> regions;
  bool skip_bad = false;
  ParameterOptions parameters;
  UncertaintyOptions uncertainty;
  CalibratedRun calibration;
  OutputOptions output;
};

void RunYear(const inventory::Inventory& inv, const inventory::ParameterSet& parameters,
             const FleetOptions& o, reports::FleetReportOptions report,
             std::shared_ptr<const lca::McWeights> weights) {
  lca::FleetOptions options;
  options.year = *o.year;
  options.regions = ParseRegionShares(o.regions);
  if (!o.mix_file.empty()) options.mix = inventory::LoadOverrides(o.mix_file);
  lca::FleetAssessment f = lca::AssessFleet(inv, parameters, options);
  std::optional<lca::FleetUncertainty> mc;
  if (o.uncertainty.monte_carlo()) {
    lca::McOptions mc_options = o.uncertainty.Library(std::make_shared<ProgressBar>("monte carlo"));
    mc_options.weights = std::move(weights);
    mc = lca::RunFleetMonteCarlo(inv, parameters, f, mc_options);
    report.uncertainty = &*mc;
  }
  const std::string& format = o.output.format;
  if (format == "xlsx") {
    std::vector<reports::Table> tables = reports::FleetAssessmentTables(f);
    if (mc) tables.push_back(reports::FleetUncertaintyTable(f, *mc));
    if (mc && mc->calibration) tables.push_back(reports::CalibrationTable(*mc->calibration));
    reports::WriteXlsx(tables, o.output.FilePath());
  } else if (format == "json") {
    o.output.Write(reports::RenderFleetJson(f, report));
  } else if (format == "csv") {
    o.output.Write(reports::RenderFleetCsv(f, report));
  } else if (format == "md") {
    o.output.Write(reports::RenderFleetMarkdown(f, report));
  } else if (format == "html") {
    o.output.Write(reports::RenderFleetHtml(f, report));
  } else {
    o.output.Write(reports::RenderFleetTerminal(f, report));
  }
}

void RunAssets(const inventory::Inventory& inv, inventory::ParameterSet& parameters,
               const FleetOptions& o, const reports::FleetReportOptions& report) {
  std::ifstream in(o.assets, std::ios::binary);
  if (!in) throw UsageError(fmt::format("--assets {}: cannot be read", o.assets));
  lca::AssetModel model = lca::MakeAssetModel(inv, parameters);
  const lca::AssetTotals totals = [&] {
    std::error_code ec;
    const auto size = std::filesystem::file_size(o.assets, ec);
    ProgressBar bar("assets");  // cleared once the file is read
    lca::StreamOptions options;
    options.name = o.assets;
    options.skip_bad = o.skip_bad;
    options.on_bad = [&bar](const std::string& message) { bar.Message("gpulca: skipped " + message); };
    if (bar.enabled() && !ec && size > 0) {
      options.on_progress = [&bar, size](std::uint64_t done) { bar.Update(done, size); };
    }
    return lca::StreamAssets(in, model, options);
  }();
  if (totals.skipped > 0) fmt::print(stderr, "gpulca: skipped {} bad rows of {}\n", totals.skipped, o.assets);
  const std::string& format = o.output.format;
  if (format == "xlsx") {
    reports::WriteXlsx(reports::AssetTotalsTables(totals), o.output.FilePath());
  } else if (format == "json") {
    o.output.Write(reports::RenderAssetsJson(totals, report));
  } else if (format == "csv") {
    o.output.Write(reports::RenderAssetsCsv(totals, report));
  } else if (format == "md") {
    o.output.Write(reports::RenderAssetsMarkdown(totals, report));
  } else if (format == "html") {
    o.output.Write(reports::RenderAssetsHtml(totals, report));
  } else {
    o.output.Write(reports::RenderAssetsTerminal(totals, report));
  }
}

void Run(const Context& context, const FleetOptions& o) {
  if (o.year.has_value() == !o.assets.empty()) {
    throw UsageError("fleet: give either --year Y (a year of shipments) or --assets FILE.csv (an installed base)");
  }
  if (!o.assets.empty() && (!o.mix_file.empty() || !o.regions.empty())) {
    throw UsageError("fleet --assets: --mix and --region apply to --year only (the asset file names regions)");
  }
  if (o.year && o.skip_bad) throw UsageError("fleet --year: --skip-bad applies to --assets only");
  if (!o.assets.empty() && (o.uncertainty.one_at_a_time() || o.calibration.on())) {
    throw UsageError("fleet --assets: --mc, --oat, --calibrated and --posterior apply to --year "
                     "only");
  }
  if (o.year && !o.uncertainty.oat.empty()) {
    throw UsageError("fleet --year: --oat has no fleet table; run 'gpulca report GPU --oat NAME' "
                     "for a product of the mix");
  }
  auto store = context.Open();
  inventory::Inventory inv = store->Read();
  inventory::ParameterSet parameters(inv);
  o.parameters.Apply(parameters);
  reports::FleetReportOptions report;
  report.data_hash = store->ContentHash();
  if (o.year) {
    RunYear(inv, parameters, o, report,
            o.calibration.Weights(context, report.data_hash, inv, parameters,
                                  o.uncertainty.Library(nullptr)));
  } else {
    RunAssets(inv, parameters, o, report);
  }
}

}  // namespace

void AddFleetCommand(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand("fleet", "A year of shipments, or an installed base, scaled from per-GPU results");
  auto o = std::make_shared<FleetOptions>();
  cmd->add_option("--year", o->year, "Year of shipments (see data/shipments)");
  cmd->add_option("--mix", o->mix_file, "TOML file of the product mix: GPU id = share (replaces whole vendors)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--region", o->regions,
                  "Region of deployment, R or R=share (repeatable; regions without a share split the rest "
                  "evenly; default GLO, the world-average grid)");
  cmd->add_option("--assets", o->assets, "CSV asset file: product,count,region,deployed,retired,utilization")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--skip-bad", o->skip_bad, "Report bad asset rows on standard error and go on");
  o->parameters.Add(*cmd);
  o->uncertainty.Add(*cmd);
  o->calibration.Add(*cmd);
  o->output.Add(*cmd, "terminal", {"terminal", "md", "html", "json", "csv", "xlsx"});
  cmd->callback([&context, o] { Run(context, *o); });
}

}  // namespace gpulca::cli
