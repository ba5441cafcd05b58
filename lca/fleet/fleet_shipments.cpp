#include "lca/fleet/internal/fleet_shipments.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "lca/error.h"
#include "lca/gpu/gpu_assessment.h"

namespace gpulca::lca {
namespace {

constexpr double kTolerance = 1e-6;

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

std::string Underscored(std::string id) {
  std::replace(id.begin(), id.end(), '-', '_');
  return id;
}

bool Close(double a, double b) { return std::abs(a - b) <= kTolerance * std::max(1.0, std::abs(b)); }

}  // namespace

std::string VendorOf(const std::string& gpu) { return gpu.substr(0, gpu.find('-')); }

std::string MixParameter(int year, const std::string& gpu) {
  return fmt::format("mix_{}_{}", year, Underscored(gpu));
}

std::vector<int> ShipmentYears(const inventory::ParameterSet& parameters) {
  std::set<int> years;
  for (const inventory::ParameterValue& p : parameters.All()) {
    if (!p.scope.empty() || !StartsWith(p.id, "shipments_")) continue;
    const std::string rest = p.id.substr(10);
    auto us = rest.find('_');
    if (us == std::string::npos || rest.substr(us + 1) != "total") continue;
    try {
      years.insert(std::stoi(rest.substr(0, us)));
    } catch (const std::exception&) {
    }
  }
  return {years.begin(), years.end()};
}

YearShipments ReadShipments(const inventory::Inventory& inventory,
                            const inventory::ParameterSet& parameters, int year,
                            const MixOverride& mix) {
  const std::vector<int> years = ShipmentYears(parameters);
  if (std::find(years.begin(), years.end(), year) == years.end()) {
    throw NotFound(fmt::format("no shipment data for {} (no parameter shipments_{}_total); years with data: {}",
                               year, year, fmt::join(years, ", ")));
  }
  YearShipments s;
  s.year = year;
  s.total = parameters.Value("", fmt::format("shipments_{}_total", year));
  if (const inventory::Parameter* total =
          inventory.FindGlobal(fmt::format("shipments_{}_total", year))) {
    s.source = total->source;
    s.total_estimate = total->estimate;
  }

  // Catalogue GPUs by their mix-parameter name.
  std::map<std::string, std::string> by_mix_name;
  for (const std::string& gpu : CatalogueGpus(inventory)) by_mix_name[MixParameter(year, gpu)] = gpu;

  const std::string units_prefix = fmt::format("shipments_{}_", year);
  const std::string mix_prefix = fmt::format("mix_{}_", year);
  std::map<std::string, double> vendor_units;
  std::map<std::string, std::vector<std::pair<std::string, double>>> vendor_mix;
  for (const inventory::ParameterValue& p : parameters.All()) {
    if (!p.scope.empty()) continue;
    if (StartsWith(p.id, units_prefix) && p.id != units_prefix + "total") {
      vendor_units[p.id.substr(units_prefix.size())] = p.value;
    } else if (StartsWith(p.id, mix_prefix)) {
      auto it = by_mix_name.find(p.id);
      if (it == by_mix_name.end()) {
        throw InputError(fmt::format("shipments {}: parameter {} names no GPU of the catalogue", year, p.id));
      }
      vendor_mix[VendorOf(it->second)].emplace_back(it->second, p.value);
    }
  }

  // The user's mix replaces whole vendors.
  std::map<std::string, std::vector<std::pair<std::string, double>>> user;
  for (const auto& [name, share] : mix) {
    std::string gpu = name;
    if (auto it = by_mix_name.find(name); it != by_mix_name.end()) gpu = it->second;
    if (by_mix_name.find(MixParameter(year, gpu)) == by_mix_name.end()) {
      throw InputError(fmt::format("--mix: '{}' is not a GPU of the catalogue", name));
    }
    if (!(share >= 0.0 && share <= 1.0)) {
      throw InputError(fmt::format("--mix: share of '{}' is {}, not between 0 and 1", name, share));
    }
    user[VendorOf(gpu)].emplace_back(gpu, share);
  }
  for (auto& [vendor, shares] : user) vendor_mix[vendor] = std::move(shares);

  double vendor_sum = 0;
  for (const auto& [vendor, units] : vendor_units) {
    if (units < 0) {
      throw InputError(fmt::format("shipments {}: vendor '{}' has negative units ({})", year, vendor, units));
    }
    vendor_sum += units;
    s.vendors.push_back({vendor, units});
    auto it = vendor_mix.find(vendor);
    if (it == vendor_mix.end()) {
      if (units > 0) {
        throw InputError(fmt::format("shipments {}: vendor '{}' has {} units but no product mix ({}{}_*)",
                                     year, vendor, units, mix_prefix, vendor));
      }
      continue;
    }
    double sum = 0;
    for (const auto& [gpu, share] : it->second) sum += share;
    if (!Close(sum, 1.0)) {
      throw InputError(fmt::format("shipments {}: the product mix of vendor '{}' adds up to {:.6g}, not 1",
                                   year, vendor, sum));
    }
    for (const auto& [gpu, share] : it->second) {
      s.products.push_back({gpu, vendor, share, units * share});
    }
  }
  for (const auto& [vendor, shares] : vendor_mix) {
    if (vendor_units.count(vendor) == 0) {
      throw InputError(fmt::format("shipments {}: vendor '{}' has a product mix but no units (shipments_{}_{})",
                                   year, vendor, year, vendor));
    }
  }
  if (!Close(vendor_sum, s.total)) {
    throw InputError(fmt::format("shipments {}: the vendors add up to {:.6g} units, not the total {:.6g}", year,
                                 vendor_sum, s.total));
  }
  std::stable_sort(s.vendors.begin(), s.vendors.end(),
                   [](const VendorShipment& a, const VendorShipment& b) { return a.units > b.units; });
  std::stable_sort(s.products.begin(), s.products.end(), [&](const ProductShipment& a, const ProductShipment& b) {
    return a.vendor != b.vendor ? vendor_units[a.vendor] > vendor_units[b.vendor] : a.units > b.units;
  });
  return s;
}

}  // namespace gpulca::lca
