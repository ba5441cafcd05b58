#include "inventory/database/temporaries.h"

#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <filesystem>

namespace gpulca::inventory {
namespace fs = std::filesystem;

namespace {

const char* const kKinds[] = {"tmp", "rebuild"};

// The PID that `rest` starts with (the digits after "PATH.KIND-"), or 0.
pid_t LeadingPid(const std::string& rest) {
  long long pid = 0;
  auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), pid);
  if (ec != std::errc() || end == rest.data() || pid <= 0) return 0;
  return static_cast<pid_t>(pid);
}

bool Running(pid_t pid) { return ::kill(pid, 0) == 0 || errno != ESRCH; }

}  // namespace

std::string TemporaryPath(const std::string& path, const std::string& kind) {
  return fmt::format("{}.{}-{}", path, kind, ::getpid());
}

std::vector<std::string> RemoveOrphanTemporaries(const std::string& path) {
  std::vector<std::string> removed;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string base = target.filename().string();
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return removed;
  for (const fs::directory_entry& entry : it) {
    std::string name = entry.path().filename().string();
    for (const char* kind : kKinds) {
      std::string prefix = fmt::format("{}.{}-", base, kind);
      if (name.rfind(prefix, 0) != 0) continue;
      pid_t pid = LeadingPid(name.substr(prefix.size()));
      if (pid == 0 || Running(pid)) continue;
      std::error_code remove_error;
      if (fs::remove(entry.path(), remove_error)) removed.push_back(entry.path().string());
    }
  }
  std::sort(removed.begin(), removed.end());
  return removed;
}

}  // namespace gpulca::inventory
