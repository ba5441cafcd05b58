#include "inventory/toml/toml_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace gpulca::inventory {
namespace {

namespace fs = std::filesystem;

bool IsSkippedDirectory(const std::string& name) {
  return name == "examples" || name == "validation";
}

}  // namespace

std::vector<std::string> ListTomlFiles(const std::vector<std::string>& paths,
                                       std::vector<Diagnostic>& problems) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it);
           it.increment(ec)) {
        // examples/ holds example inputs (orders, asset files), validation/ the
        // published footprints (published_footprint.h): not inventory.
        if (it->is_directory() && IsSkippedDirectory(it->path().filename().string())) {
          it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && it->path().extension() == ".toml") {
          files.push_back(it->path().lexically_normal().string());
        }
      }
    } else if (fs::is_regular_file(path, ec)) {
      files.push_back(fs::path(path).lexically_normal().string());
    } else {
      problems.push_back({{path, 0}, "no such file or directory"});
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

std::vector<std::pair<std::string, std::string>> ReadTomlFiles(const std::vector<std::string>& paths,
                                                               std::vector<Diagnostic>& problems) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& file : ListTomlFiles(paths, problems)) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      problems.push_back({{file, 0}, "cannot be read"});
      continue;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    out.emplace_back(file, buffer.str());
  }
  return out;
}

}  // namespace gpulca::inventory
