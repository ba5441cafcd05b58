// A command's Monte Carlo samples (mc_tape.h) as files that numpy and pandas
// open without gpulca: a directory holding manifest.json and one NumPy
// array file (.npy, format 1.0: little-endian float64 or int64, C order) per
// array. For each run r (1, 2, ...) of the command, and each system s of it:
//   run{r}_iterations.npy       int64 [n]: the run's iteration numbers
//   run{r}_system{s}_impacts.npy float64 [n, impacts]
//   run{r}_system{s}_stages.npy  float64 [n, impacts, stage slots]
//   run{r}_tracked.npy           float64 [n, tracked parameters] (when any)
// manifest.json names them, their columns (impact ids and units, stage
// names, tracked parameters) and the run: gpulca's version, the command
// line, the seed, the database's content hash, the iterations [from, to)
// of the run's total. docs/scale-out.md shows how to read them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lca/uncertainty/mc_tape.h"

namespace gpulca::lca {

struct SamplesManifest {
  std::string gpulca_version;
  std::vector<std::string> command;  // the command line that reproduces the run
  std::string data_hash;             // the database's content hash
  // The files the command reads besides the database, and their hashes.
  std::vector<std::pair<std::string, std::string>> inputs;
  std::string created;               // UTC, ISO 8601
};

struct SamplesDir {
  std::string path;
  SamplesManifest manifest;
  std::vector<McRunSamples> runs;
};

// Writes `runs` (at least one) to directory `dir`, which must not exist or be
// empty: the files go to a sibling directory first, renamed to `dir` once
// complete, so a failed write leaves no partial shard under `dir`. Throws
// InvalidArgument for an existing non-empty `dir` or no runs, StoreError
// when a file cannot be written.
void WriteSamplesDir(const std::string& dir, const SamplesManifest& manifest,
                     const std::vector<McRunSamples>& runs);

// Reads a directory WriteSamplesDir wrote. Throws InputError naming the file
// and what is wrong: a missing or unreadable file, a manifest that is not
// such a manifest (or above 64 MB), an array whose header, type or shape is
// not the one the manifest gives, a file name that is not a plain name in
// the directory, a non-finite sample.
SamplesDir ReadSamplesDir(const std::string& dir);

// The samples of the whole run from shards of it (any order): every shard
// must come from the same command line, gpulca version, data, input files
// and seed, with
// the same runs, and for every run the shards' iterations must cover
// [0, total) with neither overlap nor gap. Throws InvalidArgument naming the
// shards that differ, the overlapping ones, or the missing range
// ("iterations 2500:5000 are in no shard").
std::vector<McRunSamples> MergeSamples(const std::vector<SamplesDir>& shards);

}  // namespace gpulca::lca
