#include "lca/uncertainty/mc_samples_dir.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <system_error>

#include <unistd.h>

#include "lca/error.h"

namespace gpulca::lca {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "the .npy files are written as the machine holds its numbers: little-endian");

constexpr const char* kFormat = "gpulca Monte Carlo samples";
constexpr int kVersion = 1;
constexpr uintmax_t kMaxManifest = 64u << 20;

// ---- NumPy's .npy format 1.0 (numpy.lib.format): magic, version, header
// length (uint16 LE), a Python dict literal padded with spaces to a multiple
// of 64 bytes ending in '\n', then the data.

std::string NpyHeader(const char* descr, const std::vector<size_t>& shape) {
  std::string dims;
  for (size_t d : shape) dims += fmt::format("{}, ", d);
  if (shape.size() > 1) dims.resize(dims.size() - 2);
  std::string dict = fmt::format("{{'descr': '{}', 'fortran_order': False, 'shape': ({}), }}",
                                 descr, shape.size() == 1 ? dims.substr(0, dims.size() - 1) : dims);
  const size_t total = 10 + dict.size() + 1;
  dict.append((64 - total % 64) % 64, ' ');
  dict += '\n';
  std::string out = "\x93NUMPY";
  out += '\x01';
  out += '\x00';
  out += static_cast<char>(dict.size() & 0xff);
  out += static_cast<char>(dict.size() >> 8);
  return out + dict;
}

template <typename T>
void WriteNpy(const fs::path& file, const char* descr, const std::vector<size_t>& shape,
              const std::vector<T>& values) {
  std::ofstream out(file, std::ios::binary);
  const std::string header = NpyHeader(descr, shape);
  out.write(header.data(), static_cast<std::streamsize>(header.size()));
  out.write(reinterpret_cast<const char*>(values.data()),
            static_cast<std::streamsize>(values.size() * sizeof(T)));
  out.close();
  if (!out) throw StoreError(fmt::format("{}: cannot be written", file.string()));
}

// Reads `file`, which must be a .npy of `descr` and exactly `shape`.
template <typename T>
std::vector<T> ReadNpy(const fs::path& file, const char* descr, const std::vector<size_t>& shape) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot be read", file.string()));
  std::error_code ec;
  const uintmax_t size = fs::file_size(file, ec);
  char fixed[10];
  if (ec || !in.read(fixed, 10) || std::memcmp(fixed, "\x93NUMPY\x01\x00", 8) != 0) {
    throw InputError(fmt::format("{}: not a NumPy 1.0 array file", file.string()));
  }
  const size_t header_size = static_cast<unsigned char>(fixed[8]) |
                             static_cast<size_t>(static_cast<unsigned char>(fixed[9])) << 8;
  std::string header(header_size, '\0');
  if (!in.read(header.data(), static_cast<std::streamsize>(header_size))) {
    throw InputError(fmt::format("{}: its header is cut short", file.string()));
  }
  const std::string want = NpyHeader(descr, shape).substr(10);
  // Compare the dictionaries, whatever their padding.
  const auto trimmed = [](std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
    return s;
  };
  if (trimmed(header) != trimmed(want)) {
    throw InputError(fmt::format("{}: the header says {}; the manifest gives {}", file.string(),
                                 trimmed(header), trimmed(want)));
  }
  size_t count = 1;
  for (size_t d : shape) count *= d;
  if (size != 10 + header_size + count * sizeof(T)) {
    throw InputError(fmt::format("{}: {} bytes; a {} array of this shape takes {}", file.string(),
                                 size, descr, 10 + header_size + count * sizeof(T)));
  }
  std::vector<T> values(count);
  in.read(reinterpret_cast<char*>(values.data()), static_cast<std::streamsize>(count * sizeof(T)));
  if (!in) throw InputError(fmt::format("{}: cannot be read", file.string()));
  return values;
}

std::string RunName(size_t r) { return fmt::format("run{}", r + 1); }
std::string SystemName(size_t r, size_t d) { return fmt::format("run{}_system{}", r + 1, d + 1); }

std::vector<std::string> StageNames() {
  std::vector<std::string> names;
  for (int slot = 0; slot < kStageSlots; ++slot) names.emplace_back(StageSlotName(slot));
  return names;
}

void WriteRun(const fs::path& dir, size_t r, const McRunSamples& run, json& out) {
  const size_t n = static_cast<size_t>(run.iterations());
  std::vector<int64_t> iterations(n);
  for (size_t i = 0; i < n; ++i) iterations[i] = run.begin + static_cast<int64_t>(i);
  const std::string iterations_file = RunName(r) + "_iterations.npy";
  WriteNpy(dir / iterations_file, "<i8", {n}, iterations);
  out = {{"seed", run.seed},
         {"iterations", {{"from", run.begin}, {"to", run.end}, {"of", run.total},
                         {"array", iterations_file}}},
         {"systems", json::array()}};
  for (size_t d = 0; d < run.impacts.size(); ++d) {
    const size_t k = run.impacts[d].size();
    std::vector<double> impacts(n * k), stages(n * k * kStageSlots);
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < k; ++j) {
        impacts[i * k + j] = run.impacts[d][j][i];
        for (size_t slot = 0; slot < kStageSlots; ++slot) {
          stages[(i * k + j) * kStageSlots + slot] = run.stages[d][j][slot][i];
        }
      }
    }
    const std::string base = SystemName(r, d);
    WriteNpy(dir / (base + "_impacts.npy"), "<f8", {n, k}, impacts);
    WriteNpy(dir / (base + "_stages.npy"), "<f8", {n, k, size_t{kStageSlots}}, stages);
    json impact_columns = json::array();
    for (size_t j = 0; j < k; ++j) {
      impact_columns.push_back({{"id", run.impact_ids[d][j]}, {"unit", run.impact_units[d][j]}});
    }
    out["systems"].push_back({{"impacts", impact_columns},
                              {"impacts_array", base + "_impacts.npy"},
                              {"stages_array", base + "_stages.npy"}});
  }
  json tracked = {{"names", run.tracked_names}};
  if (!run.tracked_names.empty()) {
    const size_t t = run.tracked_names.size();
    std::vector<double> values(n * t);
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < t; ++j) values[i * t + j] = run.tracked[j][i];
    }
    tracked["array"] = RunName(r) + "_tracked.npy";
    WriteNpy(dir / (RunName(r) + "_tracked.npy"), "<f8", {n, t}, values);
  }
  out["tracked"] = tracked;
}

// ---- Reading: every value checked, with the file it came from.

[[noreturn]] void Bad(const fs::path& file, const std::string& what) {
  throw InputError(fmt::format("{}: {}", file.string(), what));
}

const json& Field(const json& object, const char* key, const fs::path& file) {
  if (!object.is_object() || !object.contains(key)) Bad(file, fmt::format("no \"{}\"", key));
  return object.at(key);
}

template <typename T>
T Number(const json& object, const char* key, const fs::path& file, T low, T high) {
  const json& v = Field(object, key, file);
  if (!v.is_number_integer()) Bad(file, fmt::format("\"{}\" is not a whole number", key));
  if (v.is_number_unsigned() ? v.get<uint64_t>() > static_cast<uint64_t>(high)
                             : v.get<int64_t>() < static_cast<int64_t>(low) ||
                                   v.get<int64_t>() > static_cast<int64_t>(high)) {
    Bad(file, fmt::format("\"{}\" is outside {} to {}", key, low, high));
  }
  return v.get<T>();
}

std::string Text(const json& object, const char* key, const fs::path& file) {
  const json& v = Field(object, key, file);
  if (!v.is_string()) Bad(file, fmt::format("\"{}\" is not a string", key));
  return v.get<std::string>();
}

std::vector<std::string> Texts(const json& v, const char* what, const fs::path& file) {
  if (!v.is_array()) Bad(file, fmt::format("{} is not a list", what));
  std::vector<std::string> out;
  for (const json& e : v) {
    if (!e.is_string()) Bad(file, fmt::format("{} holds a value that is not a string", what));
    out.push_back(e.get<std::string>());
  }
  return out;
}

// An array file the manifest names: a plain name in the directory.
fs::path ArrayFile(const fs::path& dir, const json& object, const char* key, const fs::path& file) {
  static const std::regex plain("[A-Za-z0-9_][A-Za-z0-9_.-]*\\.npy");
  const std::string name = Text(object, key, file);
  if (!std::regex_match(name, plain)) {
    Bad(file, fmt::format("\"{}\" is '{}', not a plain .npy file name in the directory", key, name));
  }
  return dir / name;
}

std::vector<double> Finite(std::vector<double> values, const fs::path& file) {
  for (double v : values) {
    if (!std::isfinite(v)) Bad(file, "holds a sample that is not a finite number");
  }
  return values;
}

McRunSamples ReadRun(const fs::path& dir, const json& j, const fs::path& manifest) {
  McRunSamples run;
  run.seed = Number<uint64_t>(j, "seed", manifest, 0, UINT64_MAX);
  const json& it = Field(j, "iterations", manifest);
  run.total = Number<int>(it, "of", manifest, 1, INT32_MAX);
  run.begin = Number<int>(it, "from", manifest, 0, run.total - 1);
  run.end = Number<int>(it, "to", manifest, run.begin + 1, run.total);
  const size_t n = static_cast<size_t>(run.iterations());
  const std::vector<int64_t> numbers = ReadNpy<int64_t>(ArrayFile(dir, it, "array", manifest), "<i8", {n});
  for (size_t i = 0; i < n; ++i) {
    if (numbers[i] != run.begin + static_cast<int64_t>(i)) {
      Bad(ArrayFile(dir, it, "array", manifest),
          fmt::format("iteration {} at position {}; the manifest gives {}:{}", numbers[i], i,
                      run.begin, run.end));
    }
  }
  const json& systems = Field(j, "systems", manifest);
  if (!systems.is_array() || systems.empty() || systems.size() > 4096) {
    Bad(manifest, "\"systems\" is not a list of 1 to 4,096 systems");
  }
  for (const json& s : systems) {
    const json& columns = Field(s, "impacts", manifest);
    if (!columns.is_array() || columns.empty() || columns.size() > 4096) {
      Bad(manifest, "a system's \"impacts\" is not a list of 1 to 4,096 impacts");
    }
    std::vector<std::string> ids, units;
    for (const json& c : columns) {
      ids.push_back(Text(c, "id", manifest));
      units.push_back(Text(c, "unit", manifest));
    }
    const size_t k = ids.size();
    const fs::path impacts_file = ArrayFile(dir, s, "impacts_array", manifest);
    const fs::path stages_file = ArrayFile(dir, s, "stages_array", manifest);
    const std::vector<double> impacts =
        Finite(ReadNpy<double>(impacts_file, "<f8", {n, k}), impacts_file);
    const std::vector<double> stages =
        Finite(ReadNpy<double>(stages_file, "<f8", {n, k, size_t{kStageSlots}}), stages_file);
    run.impact_ids.push_back(ids);
    run.impact_units.push_back(units);
    run.impacts.emplace_back(k, std::vector<double>(n));
    run.stages.emplace_back(k, std::vector<std::vector<double>>(kStageSlots, std::vector<double>(n)));
    for (size_t i = 0; i < n; ++i) {
      for (size_t c = 0; c < k; ++c) {
        run.impacts.back()[c][i] = impacts[i * k + c];
        for (size_t slot = 0; slot < kStageSlots; ++slot) {
          run.stages.back()[c][slot][i] = stages[(i * k + c) * kStageSlots + slot];
        }
      }
    }
  }
  const json& tracked = Field(j, "tracked", manifest);
  run.tracked_names = Texts(Field(tracked, "names", manifest), "\"tracked\" \"names\"", manifest);
  if (!run.tracked_names.empty()) {
    const size_t t = run.tracked_names.size();
    const fs::path file = ArrayFile(dir, tracked, "array", manifest);
    const std::vector<double> values = Finite(ReadNpy<double>(file, "<f8", {n, t}), file);
    run.tracked.assign(t, std::vector<double>(n));
    for (size_t i = 0; i < n; ++i) {
      for (size_t c = 0; c < t; ++c) run.tracked[c][i] = values[i * t + c];
    }
  }
  return run;
}

// What must be equal in every shard of one run.
std::string Identity(const SamplesDir& s) {
  std::string out = fmt::format("gpulca {}, data {}, command", s.manifest.gpulca_version,
                                s.manifest.data_hash);
  for (const std::string& a : s.manifest.command) out += " " + a;
  for (const auto& [path, hash] : s.manifest.inputs) out += fmt::format(", {} {}", path, hash);
  return out;
}

}  // namespace

void WriteSamplesDir(const std::string& dir, const SamplesManifest& manifest,
                     const std::vector<McRunSamples>& runs) {
  if (runs.empty()) throw InvalidArgument("samples", "the command made no Monte Carlo run to write");
  const fs::path target(dir);
  std::error_code ec;
  if (fs::exists(target, ec) && !(fs::is_directory(target, ec) && fs::is_empty(target, ec))) {
    throw InvalidArgument("samples", fmt::format("{}: exists and is not an empty directory; "
                                                 "samples are never written over: remove it or "
                                                 "name another", dir));
  }
  const fs::path partial = target.parent_path() /
                           fmt::format(".{}.partial-{}", target.filename().string(), ::getpid());
  fs::remove_all(partial, ec);
  if (!fs::create_directories(partial, ec) || ec) {
    throw StoreError(fmt::format("{}: cannot create the directory: {}", partial.string(), ec.message()));
  }
  try {
    json j = {{"format", kFormat},
              {"version", kVersion},
              {"gpulca", manifest.gpulca_version},
              {"created", manifest.created},
              {"command", manifest.command},
              {"data_hash", manifest.data_hash},
              {"inputs", json::array()},
              {"stages", StageNames()},
              {"runs", json::array()}};
    for (const auto& [path, hash] : manifest.inputs) {
      j["inputs"].push_back({{"path", path}, {"hash", hash}});
    }
    for (size_t r = 0; r < runs.size(); ++r) {
      json run;
      WriteRun(partial, r, runs[r], run);
      j["runs"].push_back(run);
    }
    std::ofstream out(partial / "manifest.json", std::ios::binary);
    out << j.dump(2) << '\n';
    out.close();
    if (!out) throw StoreError(fmt::format("{}: cannot be written", (partial / "manifest.json").string()));
    if (fs::exists(target, ec)) fs::remove(target, ec);
    fs::rename(partial, target, ec);
    if (ec) throw StoreError(fmt::format("{}: cannot be renamed to {}: {}", partial.string(), dir, ec.message()));
  } catch (...) {
    fs::remove_all(partial, ec);
    throw;
  }
}

SamplesDir ReadSamplesDir(const std::string& dir) {
  const fs::path root(dir);
  const fs::path file = root / "manifest.json";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) throw InputError(fmt::format("{}: not a directory of samples", dir));
  const uintmax_t size = fs::file_size(file, ec);
  if (ec) Bad(file, "cannot be read (is this a directory gpulca wrote with --samples?)");
  if (size > kMaxManifest) Bad(file, fmt::format("{} bytes; a manifest holds at most 64 MB", size));
  std::ifstream in(file, std::ios::binary);
  const json j = json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_object()) Bad(file, "not valid JSON");
  if (!j.contains("format") || j["format"] != kFormat) {
    Bad(file, fmt::format("not a manifest of {} (\"format\")", kFormat));
  }
  if (Number<int>(j, "version", file, 0, INT32_MAX) != kVersion) {
    Bad(file, fmt::format("version {}; this gpulca reads version {}", j["version"].dump(), kVersion));
  }
  SamplesDir out;
  out.path = dir;
  out.manifest.gpulca_version = Text(j, "gpulca", file);
  out.manifest.created = Text(j, "created", file);
  out.manifest.data_hash = Text(j, "data_hash", file);
  out.manifest.command = Texts(Field(j, "command", file), "\"command\"", file);
  const json& inputs = Field(j, "inputs", file);
  if (!inputs.is_array()) Bad(file, "\"inputs\" is not a list");
  for (const json& i : inputs) {
    out.manifest.inputs.emplace_back(Text(i, "path", file), Text(i, "hash", file));
  }
  if (Texts(Field(j, "stages", file), "\"stages\"", file) != StageNames()) {
    Bad(file, "its stages are not this gpulca's");
  }
  const json& runs = Field(j, "runs", file);
  if (!runs.is_array() || runs.empty() || runs.size() > 4096) {
    Bad(file, "\"runs\" is not a list of 1 to 4,096 runs");
  }
  for (const json& r : runs) out.runs.push_back(ReadRun(root, r, file));
  return out;
}

std::vector<McRunSamples> MergeSamples(const std::vector<SamplesDir>& shards) {
  if (shards.empty()) throw InvalidArgument("samples", "no shards to merge");
  const SamplesDir& a = shards.front();
  for (const SamplesDir& s : shards) {
    std::string differs;
    if (Identity(s) != Identity(a)) {
      differs = fmt::format("'{}' against '{}'", Identity(s), Identity(a));
    } else if (s.runs.size() != a.runs.size()) {
      differs = fmt::format("{} Monte Carlo runs against {}", s.runs.size(), a.runs.size());
    } else {
      for (size_t r = 0; r < s.runs.size() && differs.empty(); ++r) {
        const McRunSamples &x = s.runs[r], &y = a.runs[r];
        if (x.seed != y.seed || x.total != y.total || x.impact_ids != y.impact_ids ||
            x.impact_units != y.impact_units || x.tracked_names != y.tracked_names) {
          differs = fmt::format("run {}: seed {} of {} iterations against seed {} of {} (or "
                                "other impacts or tracked parameters)",
                                r + 1, x.seed, x.total, y.seed, y.total);
        }
      }
    }
    if (!differs.empty()) {
      throw InvalidArgument("samples", fmt::format("{} and {} are not shards of one run: {}",
                                                   s.path, a.path, differs));
    }
  }
  std::vector<McRunSamples> merged;
  for (size_t r = 0; r < a.runs.size(); ++r) {
    std::vector<const SamplesDir*> order;
    for (const SamplesDir& s : shards) order.push_back(&s);
    std::stable_sort(order.begin(), order.end(), [r](const SamplesDir* x, const SamplesDir* y) {
      return x->runs[r].begin < y->runs[r].begin;
    });
    McRunSamples m = a.runs[r];
    m.begin = 0;
    m.end = m.total;
    const auto clear = [](auto& nested) {
      for (auto& v : nested) v.clear();
    };
    for (auto& system : m.impacts) clear(system);
    for (auto& system : m.stages) {
      for (auto& impact : system) clear(impact);
    }
    clear(m.tracked);
    int expected = 0;
    const SamplesDir* previous = nullptr;
    for (const SamplesDir* s : order) {
      const McRunSamples& x = s->runs[r];
      if (x.begin > expected) {
        throw InvalidArgument("samples", fmt::format("iterations {}:{} are in no shard (run {} of "
                                                     "{} iterations)", expected, x.begin, r + 1,
                                                     m.total));
      }
      if (x.begin < expected) {
        throw InvalidArgument("samples", fmt::format(
            "{} (iterations {}:{}) and {} (iterations {}:{}) overlap", previous->path,
            previous->runs[r].begin, previous->runs[r].end, s->path, x.begin, x.end));
      }
      const auto append = [](std::vector<double>& to, const std::vector<double>& from) {
        to.insert(to.end(), from.begin(), from.end());
      };
      for (size_t d = 0; d < m.impacts.size(); ++d) {
        for (size_t k = 0; k < m.impacts[d].size(); ++k) {
          append(m.impacts[d][k], x.impacts[d][k]);
          for (size_t slot = 0; slot < kStageSlots; ++slot) {
            append(m.stages[d][k][slot], x.stages[d][k][slot]);
          }
        }
      }
      for (size_t t = 0; t < m.tracked.size(); ++t) append(m.tracked[t], x.tracked[t]);
      expected = x.end;
      previous = s;
    }
    if (expected < m.total) {
      throw InvalidArgument("samples", fmt::format("iterations {}:{} are in no shard (run {} of {} "
                                                   "iterations)", expected, m.total, r + 1, m.total));
    }
    merged.push_back(std::move(m));
  }
  return merged;
}

}  // namespace gpulca::lca
