#include "inventory/database/database.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "inventory/database/temporaries.h"
#include "lca/error.h"
#include "inventory/jsonld/jsonld_import.h"
#include "inventory/model/validate.h"
#include "inventory/store/additions.h"
#include "inventory/store/sha256.h"
#include "inventory/store/install.h"
#include "inventory/toml/toml_files.h"
#include "inventory/toml/toml_loader.h"

namespace gpulca::inventory {
namespace fs = std::filesystem;

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The non-empty lines of `text`.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::string BundledHash(const std::string& dir) {
  std::vector<Diagnostic> problems;
  return HashFiles(ListTomlFiles({dir}, problems), dir);
}

}  // namespace

std::string UtcTimestamp() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return text;
}

std::string HashFiles(const std::vector<std::string>& files, const std::string& root) {
  Sha256 h;
  for (const std::string& file : files) {
    std::string name = fs::path(file).lexically_relative(root).generic_string();
    if (name.empty() || name.rfind("..", 0) == 0) name = fs::path(file).generic_string();
    std::string content = ReadFile(file);
    h.Update(fmt::format("{}\n{}\n", name, content.size()));
    h.Update(content);
  }
  return h.HexDigest();
}

std::string BuildDatabase(const std::string& path, const std::vector<std::string>& paths,
                          const std::string& origin) {
  Inventory inv = LoadAndValidate(paths);
  std::vector<std::string> files;
  std::vector<Diagnostic> ignored;
  files = ListTomlFiles(paths, ignored);
  std::string hash = HashFiles(files, paths.size() == 1 ? paths[0] : "");
  fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path());
  RemoveOrphanTemporaries(path);
  std::string temp = TemporaryPath(path, "tmp");
  fs::remove(temp);
  try {
    {
      Store store(temp, true);
      std::vector<std::string> absolute;
      for (const std::string& p : paths) absolute.push_back(fs::absolute(p).lexically_normal());
      store.Replace(inv, {{"data_hash", hash},
                          {"origin", origin},
                          {"built_at", UtcTimestamp()},
                          {"sources_dirs", fmt::format("{}", fmt::join(paths, " "))},
                          {"build_paths", fmt::format("{}", fmt::join(absolute, "\n"))}});
    }
    // A rebuilt database keeps the audits recorded in the one it replaces.
    InstallDatabase(temp, path);
    fs::remove(temp);
  } catch (...) {
    std::error_code ec;
    fs::remove(temp, ec);
    throw;
  }
  return hash;
}

std::string DefaultDatabasePath() {
  if (const char* env = std::getenv("GPULCA_DB"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return (fs::path(xdg) / "gpulca" / "gpulca.db").string();
  }
  const char* home = std::getenv("HOME");
  return (fs::path(home && *home ? home : ".") / ".cache" / "gpulca" / "gpulca.db").string();
}

Inventory AddTomlToStore(Store& store, const std::vector<std::string>& paths) {
  std::vector<Diagnostic> problems;
  Inventory added = LoadToml(paths, problems);
  if (!problems.empty()) {
    throw InputError(fmt::format("{} problem{} found; nothing was added:\n{}", problems.size(),
                                 problems.size() == 1 ? "" : "s", JoinDiagnostics(problems)));
  }
  Inventory merged = store.Read();
  merged.Append(added);
  problems = Validate(merged);
  if (!problems.empty()) {
    throw InputError(fmt::format("{} problem{} with the database's inventory; nothing was "
                                 "added:\n{}", problems.size(), problems.size() == 1 ? "" : "s",
                                 JoinDiagnostics(problems)));
  }
  // One history step per path, so that a rebuild replays them one by one.
  std::vector<Addition> steps;
  for (const std::string& p : paths) {
    steps.push_back({"toml", fs::absolute(p).lexically_normal().string(), ""});
  }
  store.Add(added, AdditionMeta(store, steps));
  return added;
}

void RebuildDatabase(const std::string& path, const std::string& bundled_dir) {
  std::string origin = Store::PeekMeta(path, "origin");
  if (origin.empty()) {
    throw StoreError(fmt::format("{}: not a gpulca database that can be rebuilt (no origin); "
                                 "build it with 'gpulca db build --db {}'", path, path));
  }
  bool bundled = origin.rfind("bundled", 0) == 0;
  std::vector<std::string> paths = bundled ? std::vector<std::string>{bundled_dir}
                                           : Lines(Store::PeekMeta(path, "build_paths"));
  if (paths.empty()) {
    throw StoreError(fmt::format("{}: the paths it was built from are not recorded; build it "
                                 "again with 'gpulca db build --db {} DIR...'", path, path));
  }
  std::vector<Addition> additions = RecordedAdditions(path);
  RemoveOrphanTemporaries(path);
  std::string temp = TemporaryPath(path, "rebuild");
  try {
    BuildDatabase(temp, paths, bundled ? "bundled" : "files");
    {
      Store store(temp, false);
      for (const Addition& a : additions) {
        if (a.kind == "jsonld") {
          JsonldOptions options;
          options.prefix = a.prefix;
          ImportJsonld(a.path, store, options);
        } else {
          AddTomlToStore(store, {a.path});
        }
      }
    }
    // An import that committed after the additions were read would be lost
    // with the file it went into: refuse instead, under the lock.
    InstallDatabase(temp, path, [&] {
      if (DescribeAdditions(RecordedAdditions(path)) != DescribeAdditions(additions)) {
        throw StoreError(fmt::format("{}: data was added to it while it was being rebuilt ({}); "
                                     "nothing was changed; run the rebuild again", path,
                                     DescribeAdditions(RecordedAdditions(path))));
      }
    });
    fs::remove(temp);
  } catch (...) {
    std::error_code ec;
    fs::remove(temp, ec);
    throw;
  }
}

std::unique_ptr<Store> OpenDatabase(const std::string& path, const std::string& bundled_dir,
                                    std::string* left_as_built) {
  if (left_as_built) left_as_built->clear();
  if (fs::exists(path)) {
    std::unique_ptr<Store> store;
    std::string origin = Store::PeekMeta(path, "origin");
    try {
      store = std::make_unique<Store>(path, false);
    } catch (const SchemaMismatch& e) {
      // A bundled database from another gpulca version is rebuilt; a user's
      // own database, or one holding additions, is left for the user.
      if (HasAdditions(origin)) {
        throw SchemaMismatchWithAdditions(fmt::format(
            "{}; it holds data added after its build ({})", e.what(),
            DescribeAdditions(RecordedAdditions(path))));
      }
      if (origin != "bundled") throw;
    }
    if (store && origin == "bundled+import" &&
        store->Meta("data_hash") != BundledHash(bundled_dir)) {
      if (left_as_built) {
        *left_as_built = fmt::format(
            "{}: the bundled data changed since this database was built, but it also holds data "
            "added since ({}), so it was not rebuilt and results use the data as built.", path,
            DescribeAdditions(RecordedAdditions(path)));
      }
      return store;
    }
    if (store && (store->Meta("origin") != "bundled" ||
                  store->Meta("data_hash") == BundledHash(bundled_dir))) {
      return store;
    }
  }
  BuildDatabase(path, {bundled_dir}, "bundled");
  return std::make_unique<Store>(path, false);
}

}  // namespace gpulca::inventory
