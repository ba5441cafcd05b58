#include "inventory/database.h"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "inventory/audit_log.h"
#include "inventory/error.h"
#include "inventory/toml_loader.h"
#include "inventory/validate.h"

namespace gpulca {
namespace fs = std::filesystem;

namespace {

class Sha256 {
 public:
  Sha256() : ctx_(EVP_MD_CTX_new()) { EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr); }
  ~Sha256() { EVP_MD_CTX_free(ctx_); }
  void Update(const std::string& data) { EVP_DigestUpdate(ctx_, data.data(), data.size()); }
  std::string HexDigest() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx_, digest, &length);
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
    return hex;
  }

 private:
  EVP_MD_CTX* ctx_;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}


std::string BundledHash(const std::string& dir) {
  std::vector<Diagnostic> problems;
  return HashFiles(ListTomlFiles({dir}, problems), dir);
}

}  // namespace

std::string Sha256Hex(const std::string& data) {
  Sha256 h;
  h.Update(data);
  return h.HexDigest();
}

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

Inventory LoadAndCheck(const std::vector<std::string>& paths, std::vector<Diagnostic>& problems) {
  Inventory inv = LoadToml(paths, problems);
  std::vector<Diagnostic> more = Validate(inv);
  problems.insert(problems.end(), more.begin(), more.end());
  return inv;
}

Inventory LoadAndValidate(const std::vector<std::string>& paths) {
  std::vector<Diagnostic> problems;
  Inventory inv = LoadAndCheck(paths, problems);
  if (!problems.empty()) {
    throw InputError(fmt::format("{} problem{} found:\n{}", problems.size(),
                                 problems.size() == 1 ? "" : "s", JoinDiagnostics(problems)));
  }
  return inv;
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
  std::string temp = fmt::format("{}.tmp-{}", path, ::getpid());
  fs::remove(temp);
  try {
    {
      Store store(temp, true);
      store.Replace(inv, {{"data_hash", hash},
                          {"origin", origin},
                          {"built_at", UtcTimestamp()},
                          {"sources_dirs", fmt::format("{}", fmt::join(paths, " "))}});
    }
    // A rebuilt database keeps the audits recorded in the one it replaces.
    if (fs::exists(target)) AuditLog::CarryOver(path, temp);
    fs::rename(temp, target);
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

std::unique_ptr<Store> OpenDatabase(const std::string& path, const std::string& bundled_dir) {
  if (fs::exists(path)) {
    std::unique_ptr<Store> store;
    try {
      store = std::make_unique<Store>(path, false);
    } catch (const SchemaMismatch&) {
      // A bundled database from another gpulca version is rebuilt; a user's
      // own database is left for the user to rebuild.
      if (Store::PeekMeta(path, "origin") != "bundled") throw;
    }
    if (store && (store->Meta("origin") != "bundled" ||
                  store->Meta("data_hash") == BundledHash(bundled_dir))) {
      return store;
    }
  }
  BuildDatabase(path, {bundled_dir}, "bundled");
  return std::make_unique<Store>(path, false);
}

}  // namespace gpulca
