// A calibration's posterior saved for reuse (`calibrate --save-posterior`,
// `report --posterior`): the importance weights of every iteration with
// what they belong to, so that a calibrated run of another command does not
// recompute them. JSON:
//   {"format": "gpulca posterior", "version": 1, "data_hash": 64 hex,
//    "seed": 1, "iterations": 4000, "effective_sample_size": 278.3,
//    "declarations": ["nvidia-hgx-h100-pcf", ...], "weights": [...]}
// The weights are valid only for the database they were computed on and a
// run of the same seed and iterations (mc_weights.h).
#pragma once

#include <string>

#include "lca/uncertainty/mc_weights.h"

namespace gpulca::lca {

std::string PosteriorJson(const McWeights& weights, const std::string& data_hash);

// Reads a posterior file, checked: its format and version, `data_hash` equal
// to `database_hash` (else the weights belong to other data), weights finite,
// none negative, not all zero, as many as its iterations; they are
// normalised and the effective sample size recomputed. Throws InputError
// naming the file and why.
McWeights ReadPosterior(const std::string& path, const std::string& database_hash);

}  // namespace gpulca::lca
