#include "cli/declarations.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "cli/context.h"
#include "cli/usage_error.h"
#include "inventory/records/pact_footprint.h"
#include "inventory/records/published_footprint.h"
#include "lca/calibration/calibration.h"
#include "lca/calibration/posterior_file.h"
#include "lca/gpu/gpu_assessment.h"

namespace gpulca::cli {
namespace {

const char* kGpulcaProductUrn = "urn:pact:gpulca:product-id:";

// The GPU of a PACT file: named before '=', else the gpulca product id among
// its productIds.
std::string GpuOf(const std::string& named, const inventory::PactFootprint& f,
                  const std::vector<std::string>& catalogue) {
  std::string gpu = named;
  if (gpu.empty()) {
    for (const std::string& id : f.product_ids) {
      if (id.rfind(kGpulcaProductUrn, 0) == 0) gpu = id.substr(std::string(kGpulcaProductUrn).size());
    }
    if (gpu.empty()) {
      throw UsageError(fmt::format("--declaration {}: its productIds name no gpulca product; "
                                   "say which GPU it declares: --declaration GPU={}",
                                   f.source, f.source));
    }
  }
  if (std::find(catalogue.begin(), catalogue.end(), gpu) == catalogue.end()) {
    throw UsageError(fmt::format("--declaration {}: '{}' is not a catalogue GPU (gpulca list)",
                                 f.source, gpu));
  }
  return gpu;
}

}  // namespace

void DeclarationOptions::Add(CLI::App& command, bool with_published) {
  if (with_published) {
    command.add_option("--published", published,
                       "Published-footprint TOML files or folders (default: the bundled "
                       "data/validation)");
  }
  command.add_flag("--no-published", no_published,
                   "Learn only from --declaration files, not from the published footprints");
  command.add_option("--declaration", pact,
                     "A supplier's PACT footprint, [GPU=]FILE.json (repeatable); GPU may be left "
                     "out when its productIds hold urn:pact:gpulca:product-id:GPU");
  command.add_option("--declaration-gsd", gsd,
                     "The geometric SD of every declaration, instead of its stated range or the "
                     "default (docs/calibration.md)")
      ->check(CLI::Range(1.0001, 100.0));
  command.add_option("--min-ess", min_ess,
                     "Refuse a posterior worth fewer effective draws than this (default 100)")
      ->check(CLI::Range(1.0, 1e9));
}

std::vector<lca::Declaration> DeclarationOptions::Load(const Context& context,
                                                       const inventory::Inventory& inv) const {
  const std::optional<double> own_gsd = gsd > 0 ? std::optional<double>(gsd) : std::nullopt;
  std::vector<lca::Declaration> out;
  if (!no_published) {
    const std::vector<std::string> paths =
        published.empty()
            ? std::vector<std::string>{(std::filesystem::path(context.data_dir) / "validation").string()}
            : published;
    for (const auto& f : inventory::LoadPublishedFootprints(paths, inv).footprints) {
      out.push_back(lca::DeclarationOf(f, own_gsd));
    }
  }
  const std::vector<std::string> catalogue = lca::CatalogueGpus(inv);
  for (const std::string& given : pact) {
    const size_t eq = given.find('=');
    const std::string named = eq == std::string::npos ? "" : given.substr(0, eq);
    const std::string file = eq == std::string::npos ? given : given.substr(eq + 1);
    const inventory::PactFootprint f = inventory::ReadPactFootprint(file);
    out.push_back(lca::DeclarationOf(f, GpuOf(named, f, catalogue), own_gsd));
  }
  if (out.empty()) {
    throw UsageError("no declaration to learn from: give --declaration FILE.json, or leave out "
                     "--no-published");
  }
  return out;
}

void CalibratedRun::Add(CLI::App& command) {
  command.add_flag("--calibrated", calibrated,
                   "Monte Carlo summaries as the posterior of a calibration on the declarations "
                   "(docs/calibration.md); needs --mc");
  command.add_option("--posterior", posterior,
                     "A posterior saved by 'calibrate --save-posterior' (same seed and --mc): "
                     "implies --calibrated")
      ->check(CLI::ExistingFile);
  declarations.Add(command);
}

std::shared_ptr<const lca::McWeights> CalibratedRun::Weights(
    const Context& context, const std::string& database_hash, const inventory::Inventory& inv,
    const inventory::ParameterSet& parameters, const lca::McOptions& mc) const {
  if (!on()) return nullptr;
  if (mc.iterations < 1) {
    throw UsageError("--calibrated and --posterior weigh a Monte Carlo run: give --mc N");
  }
  if (!mc.slice.whole()) {
    throw UsageError("--calibrated and --posterior weigh every iteration of the run together: "
                     "run it whole, not in shards");
  }
  if (!posterior.empty()) {
    lca::McWeights w = lca::ReadPosterior(posterior, database_hash);
    if (w.weights.size() != static_cast<size_t>(mc.iterations) || w.seed != mc.seed) {
      throw UsageError(fmt::format("--posterior {}: computed for --mc {} --seed {}; run with "
                                   "those, or calibrate again",
                                   posterior, w.weights.size(), w.seed));
    }
    return std::make_shared<const lca::McWeights>(std::move(w));
  }
  lca::CalibrationOptions options;
  options.mc = mc;
  options.mc.progress = nullptr;
  options.min_ess = declarations.min_ess;
  return std::make_shared<const lca::McWeights>(
      lca::CalibrationWeights(inv, parameters, declarations.Load(context, inv), options));
}

}  // namespace gpulca::cli
