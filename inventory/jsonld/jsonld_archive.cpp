#include "inventory/jsonld/jsonld_archive.h"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "inventory/model/bounded_read.h"
#include "lca/error.h"

namespace gpulca::inventory {
namespace {

namespace fs = std::filesystem;

// The folder prefix under which "processes/" or "flows/" sit ("" at the root).
std::string FindRoot(const std::vector<std::string>& paths) {
  for (const std::string& p : paths) {
    for (const char* folder : {"processes/", "flows/"}) {
      size_t at = p.find(folder);
      if (at != std::string::npos && (at == 0 || p[at - 1] == '/')) return p.substr(0, at);
    }
  }
  return "";
}

// Keeps the paths under `root`, with `root` removed, sorted.
std::vector<std::string> Strip(const std::vector<std::string>& paths, const std::string& root) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    if (p.empty() || p.back() == '/') continue;
    if (p.compare(0, root.size(), root) == 0) out.push_back(p.substr(root.size()));
  }
  std::sort(out.begin(), out.end());
  return out;
}

class ZipArchive : public JsonldArchive {
 public:
  explicit ZipArchive(const std::string& path) : name_(path) {
    int error = 0;
    zip_ = zip_open(path.c_str(), ZIP_RDONLY, &error);
    if (!zip_) {
      zip_error_t ze;
      zip_error_init_with_code(&ze, error);
      std::string why = zip_error_strerror(&ze);
      zip_error_fini(&ze);
      throw InputError(fmt::format("{}: cannot open as a zip archive: {}", path, why));
    }
    std::vector<std::string> all;
    zip_int64_t n = zip_get_num_entries(zip_, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
      const char* entry = zip_get_name(zip_, static_cast<zip_uint64_t>(i), 0);
      if (entry) all.push_back(entry);
    }
    root_ = FindRoot(all);
    paths_ = Strip(all, root_);
  }
  ~ZipArchive() override { zip_discard(zip_); }

  const std::vector<std::string>& Paths() const override { return paths_; }
  const std::string& Name() const override { return name_; }

  std::string Read(const std::string& path) const override {
    std::string full = root_ + path;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip_, full.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
      throw InputError(fmt::format("{}: {}: no such entry", name_, path));
    }
    zip_file_t* file = zip_fopen(zip_, full.c_str(), 0);
    if (!file) {
      throw InputError(fmt::format("{}: {}: cannot open entry: {}", name_, path,
                                   zip_strerror(zip_)));
    }
    // Read as it inflates, never allocated at the size the entry claims: a
    // small zip may claim gigabytes.
    std::string data;
    char buffer[1 << 16];
    zip_int64_t got = 0;
    while ((got = zip_fread(file, buffer, sizeof buffer)) > 0 &&
           data.size() <= kMaxJsonldEntryBytes) {
      data.append(buffer, static_cast<size_t>(got));
    }
    zip_fclose(file);
    if (data.size() > kMaxJsonldEntryBytes) {
      throw InputError(fmt::format("{}: {}: inflates to more than {} MB, where a JSON-LD entry is "
                                   "far smaller; not read", name_, path,
                                   kMaxJsonldEntryBytes >> 20));
    }
    if (got < 0 || data.size() != st.size) {
      throw InputError(fmt::format("{}: {}: the entry is truncated or corrupt", name_, path));
    }
    return data;
  }

 private:
  std::string name_, root_;
  zip_t* zip_ = nullptr;
  std::vector<std::string> paths_;
};

class DirArchive : public JsonldArchive {
 public:
  explicit DirArchive(const std::string& path) : name_(path) {
    std::vector<std::string> all;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(path, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file()) all.push_back(fs::relative(it->path(), path).generic_string());
    }
    if (ec) throw InputError(fmt::format("{}: cannot read the directory: {}", path, ec.message()));
    root_ = FindRoot(all);
    paths_ = Strip(all, root_);
  }

  const std::vector<std::string>& Paths() const override { return paths_; }
  const std::string& Name() const override { return name_; }

  std::string Read(const std::string& path) const override {
    return ReadFileBounded((fs::path(name_) / (root_ + path)).string(), kMaxJsonldEntryBytes,
                           "a JSON-LD entry");
  }

 private:
  std::string name_, root_;
  std::vector<std::string> paths_;
};

}  // namespace

std::unique_ptr<JsonldArchive> OpenJsonldArchive(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return std::make_unique<DirArchive>(path);
  if (fs::is_regular_file(path, ec)) return std::make_unique<ZipArchive>(path);
  throw InputError(fmt::format("{}: no such file or directory", path));
}

}  // namespace gpulca::inventory
