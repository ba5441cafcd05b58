#include "lca/calibration/posterior_file.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "inventory/model/bounded_read.h"
#include "lca/error.h"
#include "lca/uncertainty/statistics.h"

namespace gpulca::lca {
namespace {

const char* kFormat = "gpulca posterior";
constexpr int kVersion = 1;
constexpr size_t kMaxPosteriorBytes = size_t{256} << 20;  // 10 million weights

}  // namespace

std::string PosteriorJson(const McWeights& w, const std::string& data_hash) {
  nlohmann::ordered_json j;
  j["format"] = kFormat;
  j["version"] = kVersion;
  j["data_hash"] = data_hash;
  j["seed"] = w.seed;
  j["iterations"] = w.weights.size();
  j["effective_sample_size"] = w.ess;
  j["declarations"] = w.declarations;
  j["weights"] = w.weights;
  return j.dump() + "\n";
}

McWeights ReadPosterior(const std::string& path, const std::string& database_hash) {
  const nlohmann::json j = nlohmann::json::parse(
      inventory::ReadFileBounded(path, kMaxPosteriorBytes, "a posterior"), nullptr, false);
  auto bad = [&](const std::string& why) { return InputError(fmt::format("{}: {}", path, why)); };
  if (j.is_discarded() || !j.is_object()) throw bad("not a posterior (not a JSON object)");
  if (j.value("format", std::string()) != kFormat) {
    throw bad(fmt::format("not a posterior: 'format' must be \"{}\"", kFormat));
  }
  if (!j.contains("version") || j["version"] != kVersion) {
    throw bad(fmt::format("'version' must be {}; this gpulca reads no other", kVersion));
  }
  const std::string hash = j.value("data_hash", std::string());
  if (hash != database_hash) {
    throw bad(fmt::format("its weights were computed on database {}, not on this one ({}): "
                          "calibrate again",
                          hash.substr(0, 16), database_hash.substr(0, 16)));
  }
  if (!j.contains("seed") || !j["seed"].is_number_unsigned()) {
    throw bad("'seed' must be a whole number from 0");
  }
  if (!j.contains("iterations") || !j["iterations"].is_number_unsigned()) {
    throw bad("'iterations' must be a whole number");
  }
  if (!j.contains("weights") || !j["weights"].is_array() ||
      j["weights"].size() != j["iterations"].get<size_t>()) {
    throw bad("'weights' must be an array of one weight per iteration");
  }
  McWeights w;
  w.seed = j["seed"].get<uint64_t>();
  double sum = 0;
  for (const auto& v : j["weights"]) {
    if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < 0) {
      throw bad(fmt::format("weight {} is not a finite number from 0", w.weights.size() + 1));
    }
    w.weights.push_back(v.get<double>());
    sum += w.weights.back();
  }
  if (!(sum > 0)) throw bad("every weight is 0");
  for (double& v : w.weights) v /= sum;
  w.ess = EffectiveSampleSize(w.weights);
  if (j.contains("declarations") && j["declarations"].is_array()) {
    for (const auto& d : j["declarations"]) {
      if (d.is_string()) w.declarations.push_back(d.get<std::string>());
    }
  }
  return w;
}

}  // namespace gpulca::lca
