// Fleet assets: an installed base read from a CSV asset file, one row per GPU
// or per batch,
//   product,count,region,deployed,retired,utilization
//   nvidia-h100-sxm5,512,US,2023-03-15,,0.7
// and for each calendar year the amortised embodied and the operational
// impacts of what is in service:
//   service      [deployed, retired) in days; retired empty: deployed +
//                lifetime_hours / 24 days
//   embodied(Y)  = count x cradle-to-gate x days in service in Y / service days
//   operational(Y) = count x operational per GPU-hour (product, region,
//                utilization) x 24 x days in service in Y
// Lines that are empty or start with '#' are skipped, and so is a first row
// whose first field is "product" (the header). A UTF-8 byte-order mark at the
// start is skipped; fields may be quoted as in RFC 4180 ("a,b", "" for a
// quote) but may not span lines. Line numbers count every line.
//
// StreamAssets reads with one fixed buffer and keeps, whatever the length of
// the file, one accumulator per calendar year (1900-2199) and one entry per
// (product, region, utilization) seen (at most kMaxCombinations; beyond that,
// values are computed per row without caching).
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <unordered_map>
#include <vector>

#include "inventory/model/model.h"
#include "inventory/model/parameters.h"

namespace gpulca::lca {

// The per-GPU numbers of one (product, region). The operational part is
// affine in the utilisation u, as the use phase is (gpu_power_fraction =
// idle + (1 - idle) u): per GPU-hour it is op_base + u x op_slope.
struct AssetIntensity {
  std::vector<double> embodied;         // [k] per unit, cradle to gate
  std::vector<double> op_base, op_slope;  // [k] per GPU-hour
  double kwh_base = 0, kwh_slope = 0;   // facility electricity per GPU-hour
};

// The catalogue an asset file is read against: product and region ids, the
// impacts, the default service life, and how to compute an AssetIntensity.
// Each (product, region) is computed once, on first use.
class AssetModel {
 public:
  using Compute = std::function<AssetIntensity(const std::string& gpu, const std::string& region)>;
  AssetModel(std::vector<std::string> gpus, std::vector<std::string> regions,
             std::vector<std::string> impact_ids, std::vector<std::string> impact_units,
             double lifetime_hours, Compute compute);

  const std::vector<std::string>& gpus() const { return gpus_; }
  const std::vector<std::string>& regions() const { return regions_; }
  const std::vector<std::string>& impact_ids() const { return impact_ids_; }
  const std::vector<std::string>& impact_units() const { return impact_units_; }
  double lifetime_hours() const { return lifetime_hours_; }
  const AssetIntensity& Get(int gpu, int region);
  int computed() const { return computed_; }

 private:
  std::vector<std::string> gpus_, regions_, impact_ids_, impact_units_;
  double lifetime_hours_;
  Compute compute_;
  std::vector<std::vector<AssetIntensity>> cache_;  // [gpu][region], empty until computed
  int computed_ = 0;
};

// The model of the database: every catalogue GPU and electricity region;
// AssessGpu at utilisation 0 and 1 gives base and slope. `parameters` is
// changed while computing and restored after; it must outlive the model.
AssetModel MakeAssetModel(const inventory::Inventory& inventory,
                          inventory::ParameterSet& parameters);

struct AssetYear {
  int year = 0;
  double gpu_hours = 0, kwh = 0;
  std::vector<double> embodied, operational;  // [k]
};

struct AssetTotals {
  std::vector<std::string> impact_ids, impact_units;
  std::vector<AssetYear> years;  // ascending, only years with service
  std::uint64_t lines = 0, rows = 0, skipped = 0;
  double units = 0;
  size_t combinations = 0;  // (product, region, utilization) cached, at most kMaxCombinations
};

struct StreamOptions {
  std::string name = "<assets>";  // for messages: name:line: why
  bool skip_bad = false;
  // Called with each bad row's message when skip_bad (else it is thrown).
  std::function<void(const std::string&)> on_bad;
  // Called with the bytes read so far, about every `progress_every` bytes.
  std::function<void(std::uint64_t)> on_progress;
  std::uint64_t progress_every = 4 << 20;
};

inline constexpr size_t kMaxCombinations = 1 << 16;

// Throws InputError "name:line: why" at the first bad row unless skip_bad:
// unknown product or region, bad date, retired on or before deployed, count
// not a positive integer, utilization not a number in 0..1, a wrong number of
// fields, a quote not closed on its line, a line longer than kMaxLine bytes
// (its whole length is skipped, wherever it falls in the read buffer).
inline constexpr size_t kMaxLine = 4096;
AssetTotals StreamAssets(std::istream& in, AssetModel& model, const StreamOptions& options);

}  // namespace gpulca::lca
