// gpulca fleet --year Y [--mix FILE.toml] [--region R[=share] ...]
// gpulca fleet --assets FILE.csv [--skip-bad]
//   [--set name=value] [--params FILE] [--format terminal|md|json|csv] [--out FILE]
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>

#include "cli/context.h"
#include "cli/options.h"
#include "inventory/error.h"
#include "inventory/toml_loader.h"
#include "lca/fleet.h"
#include "lca/fleet_assets.h"
#include "reports/fleet_report.h"

namespace gpulca::cli {
namespace {

struct FleetOptions {
  std::optional<int> year;
  std::string mix_file, assets;
  std::vector<std::string> regions;
  bool skip_bad = false;
  ParameterOptions parameters;
  OutputOptions output;
};

void RunYear(const Inventory& inv, const ParameterSet& parameters, const FleetOptions& o) {
  lca::FleetOptions options;
  options.year = *o.year;
  options.regions = lca::ParseRegionShares(o.regions);
  if (!o.mix_file.empty()) options.mix = LoadOverrides(o.mix_file);
  lca::FleetAssessment f = lca::AssessFleet(inv, parameters, options);
  const std::string& format = o.output.format;
  if (format == "json") {
    o.output.Write(reports::RenderFleetJson(f));
  } else if (format == "csv") {
    o.output.Write(reports::RenderFleetCsv(f));
  } else if (format == "md") {
    o.output.Write(reports::RenderFleetMarkdown(f));
  } else {
    o.output.Write(reports::RenderFleetTerminal(f));
  }
}

void RunAssets(const Inventory& inv, ParameterSet& parameters, const FleetOptions& o) {
  std::ifstream in(o.assets, std::ios::binary);
  if (!in) throw UsageError(fmt::format("--assets {}: cannot be read", o.assets));
  lca::AssetModel model = lca::MakeAssetModel(inv, parameters);
  lca::StreamOptions options;
  options.name = o.assets;
  options.skip_bad = o.skip_bad;
  options.on_bad = [](const std::string& message) { fmt::print(stderr, "gpulca: skipped {}\n", message); };
  const bool tty = isatty(STDERR_FILENO) == 1;
  std::error_code ec;
  const auto size = std::filesystem::file_size(o.assets, ec);
  if (tty && !ec && size > 0) {
    options.on_progress = [size](std::uint64_t done) {
      const int width = 40;
      const double share = std::min(1.0, static_cast<double>(done) / static_cast<double>(size));
      const int n = static_cast<int>(share * width);
      fmt::print(stderr, "\r[{}{}] {:3.0f}%", std::string(n, '#'), std::string(width - n, ' '), share * 100);
      if (done >= size) fmt::print(stderr, "\n");
    };
  }
  lca::AssetTotals totals = lca::StreamAssets(in, model, options);
  if (totals.skipped > 0) fmt::print(stderr, "gpulca: skipped {} bad rows of {}\n", totals.skipped, o.assets);
  const std::string& format = o.output.format;
  if (format == "json") {
    o.output.Write(reports::RenderAssetsJson(totals));
  } else if (format == "csv") {
    o.output.Write(reports::RenderAssetsCsv(totals));
  } else if (format == "md") {
    o.output.Write(reports::RenderAssetsMarkdown(totals));
  } else {
    o.output.Write(reports::RenderAssetsTerminal(totals));
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
  Inventory inv = context.Load();
  ParameterSet parameters(inv);
  o.parameters.Apply(parameters);
  if (o.year) {
    RunYear(inv, parameters, o);
  } else {
    RunAssets(inv, parameters, o);
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
                  "Region of deployment, R or R=share (repeatable; regions without a share split the rest evenly)");
  cmd->add_option("--assets", o->assets, "CSV asset file: product,count,region,deployed,retired,utilization")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--skip-bad", o->skip_bad, "Report bad asset rows on standard error and go on");
  o->parameters.Add(*cmd);
  o->output.Add(*cmd, "terminal", {"terminal", "md", "json", "csv"});
  cmd->callback([&context, o] { Run(context, *o); });
}

}  // namespace gpulca::cli
