#include "lca/calibration/declaration.h"

#include <fmt/format.h>

#include <cmath>

#include "inventory/model/pedigree.h"

namespace gpulca::lca {
namespace {

constexpr double kZ95 = 1.6448536269514722;  // the standard normal's 95th percentile

std::string Basis(std::optional<double> gsd, std::optional<double> low, std::optional<double> high,
                  double& out) {
  if (gsd) {
    out = *gsd;
    return fmt::format("gsd {:g}, as given", *gsd);
  }
  if (low && high && *low > 0 && *high > *low) {
    out = std::exp(std::log(*high / *low) / (2 * kZ95));
    return fmt::format("its stated range {:g} to {:g} as a 90 % interval", *low, *high);
  }
  out = DefaultDeclarationGsd();
  return fmt::format("no stated range: the default, pedigree (3;3;3;3;3), gsd {:.4f}", out);
}

}  // namespace

double DefaultDeclarationGsd() {
  return inventory::PedigreeGsd(kDefaultDeclarationPedigree);
}

Declaration DeclarationOf(const inventory::PublishedFootprint& f, std::optional<double> gsd) {
  Declaration d;
  d.id = f.id;
  d.device = f.DemandProcess();
  d.impact = f.impact;
  d.value = f.value;
  d.gsd_basis = Basis(gsd, f.low, f.high, d.gsd);
  d.divisor = f.divisor;
  d.per = f.per;
  return d;
}

Declaration DeclarationOf(const inventory::PactFootprint& f, const std::string& gpu,
                          std::optional<double> gsd) {
  Declaration d;
  d.id = f.source;
  d.device = gpu;
  d.value = f.per_product;
  d.gsd_basis = Basis(gsd, std::nullopt, std::nullopt, d.gsd);
  d.per = "GPU";
  return d;
}

}  // namespace gpulca::lca
