// Shipments: how many data-center GPUs each vendor shipped in a year, and the
// product mix of those units over the catalogue. The inventory has no
// shipment table; shipments are global parameters named by convention
// (docs/fleet.md, data/shipments/shipments.toml):
//   shipments_<year>_total     units shipped by all vendors
//   shipments_<year>_<vendor>  units shipped by one vendor
//   mix_<year>_<gpu>           share of the vendor's units that were catalogue
//                              GPU <gpu>, its id with '-' written '_'
// A GPU's vendor is its id up to the first '-' ("nvidia-h100-sxm5" -> "nvidia").
//
// Invariants of a YearShipments that ReadShipments returns: the vendors' units
// add up to `total`, each vendor's mix adds up to 1, and so the products'
// units add up to `total` (relative tolerance 1e-6).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "inventory/model/model.h"
#include "inventory/model/parameters.h"

namespace gpulca::lca {

struct VendorShipment {
  std::string vendor;
  double units = 0;
};

struct ProductShipment {
  std::string gpu, vendor;
  double share_of_vendor = 0;  // the mix share
  double units = 0;            // vendor units x share
};

struct YearShipments {
  int year = 0;
  double total = 0;
  std::string source;           // the source id of shipments_<year>_total
  bool total_estimate = false;  // that parameter is marked estimate = true
  std::vector<VendorShipment> vendors;    // by decreasing units
  std::vector<ProductShipment> products;  // by vendor, then decreasing units
};

// A user's product mix: GPU id (or mix parameter name) = share. Every vendor
// it names has its bundled mix replaced as a whole.
using MixOverride = std::vector<std::pair<std::string, double>>;

// "nvidia-h100-sxm5" -> "nvidia".
std::string VendorOf(const std::string& gpu);
// mix_<year>_<gpu with '_' for '-'>.
std::string MixParameter(int year, const std::string& gpu);
// Years that have a shipments_<year>_total parameter, ascending.
std::vector<int> ShipmentYears(const inventory::ParameterSet& parameters);

// Reads year `year`. Throws NotFound for a year without data (listing those
// with), and InputError naming the year and vendor when a mix does not add up
// to 1, a vendor has units but no mix (or a mix but no units), the vendors do
// not add up to the total, or a mix names a GPU that is not in the catalogue.
YearShipments ReadShipments(const inventory::Inventory& inventory,
                            const inventory::ParameterSet& parameters, int year,
                            const MixOverride& mix = {});

}  // namespace gpulca::lca
