#include "cli/declarations.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "cli/context.h"
#include "cli/usage_error.h"
#include "inventory/records/pact_footprint.h"
#include "inventory/records/published_footprint.h"
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

}  // namespace gpulca::cli
