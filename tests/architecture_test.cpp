// The architecture as written in docs/architecture.md is the one the build
// and the sources have: the table of libraries there lists each library's
// folder and the gpulca libraries it links; this test checks that
// CMakeLists.txt links exactly those, that the table is acyclic, that every
// #include from one module's folder into another's follows a link (direct
// or through others), that a header in a module's `internal/` folder is
// included only by that module (and the tests), and that no two files
// include each other, directly or through others (a header and its .cpp
// count as one file).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "graph/supply_graph.h"

namespace fs = std::filesystem;

namespace {

const fs::path kRoot = GPULCA_SOURCE_DIR;

std::string Read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Library {
  std::string folder;             // relative to the root, no trailing slash
  std::set<std::string> links;    // gpulca libraries it links
};

// Rows of the table in docs/architecture.md: | `gpulca_x` | `folder/` | `gpulca_y`, … | …
std::map<std::string, Library> DocumentedLibraries() {
  std::map<std::string, Library> libs;
  const std::regex row(R"(^\| `(gpulca_[a-z_]+)` \| `([a-z_/]+?)/?` \| ([^|]*)\|)");
  const std::regex name("gpulca_[a-z_]+");
  std::istringstream in(Read(kRoot / "docs/architecture.md"));
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, row)) continue;
    Library lib{m[2], {}};
    const std::string links = m[3];
    for (auto it = std::sregex_iterator(links.begin(), links.end(), name); it != std::sregex_iterator();
         ++it) {
      lib.links.insert(it->str());
    }
    libs[m[1]] = lib;
  }
  return libs;
}

// gpulca_module(target folder) and the gpulca_* names in that target's
// target_link_libraries calls.
std::map<std::string, Library> BuiltLibraries() {
  const std::string cmake = Read(kRoot / "CMakeLists.txt");
  std::map<std::string, Library> libs;
  const std::regex module(R"(gpulca_module\((gpulca_[a-z_]+) ([a-z_/]+)\))");
  for (auto it = std::sregex_iterator(cmake.begin(), cmake.end(), module); it != std::sregex_iterator();
       ++it) {
    libs[(*it)[1]] = Library{(*it)[2], {}};
  }
  const std::regex link(R"(target_link_libraries\((gpulca_[a-z_]+)([^)]*)\))");
  const std::regex name("gpulca_[a-z_]+");
  for (auto it = std::sregex_iterator(cmake.begin(), cmake.end(), link); it != std::sregex_iterator();
       ++it) {
    auto lib = libs.find((*it)[1]);
    if (lib == libs.end()) continue;
    const std::string args = (*it)[2];
    for (auto n = std::sregex_iterator(args.begin(), args.end(), name); n != std::sregex_iterator(); ++n) {
      lib->second.links.insert(n->str());
    }
  }
  return libs;
}

// Every library reachable from `lib` through links, `lib` included.
std::set<std::string> Reachable(const std::map<std::string, Library>& libs, const std::string& lib) {
  std::set<std::string> seen;
  std::function<void(const std::string&)> visit = [&](const std::string& l) {
    if (!seen.insert(l).second) return;
    auto it = libs.find(l);
    if (it != libs.end())
      for (const auto& d : it->second.links) visit(d);
  };
  visit(lib);
  return seen;
}

// Sources of the tree that belong to the product (not tests, bench, build).
std::vector<fs::path> Sources() {
  std::vector<fs::path> files;
  for (const char* dir : {"inventory", "graph", "lca", "reports", "cli"}) {  // tests/ and bench/ may include any header
    if (!fs::exists(kRoot / dir)) continue;
    for (const auto& e : fs::recursive_directory_iterator(kRoot / dir)) {
      const auto ext = e.path().extension();
      if (e.is_regular_file() && (ext == ".h" || ext == ".cpp")) {
        files.push_back(fs::relative(e.path(), kRoot));
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> ProjectIncludes(const fs::path& file) {
  std::vector<std::string> out;
  const std::regex include(R"re(^\s*#\s*include\s+"([^"]+)")re");
  std::istringstream in(Read(kRoot / file));
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, include)) out.push_back(m[1]);
  }
  return out;
}

// The library whose folder holds `path`, directly or in its internal/.
std::string OwnerOf(const std::map<std::string, Library>& libs, const std::string& path) {
  std::string best;
  size_t best_len = 0;
  for (const auto& [name, lib] : libs) {
    const std::string prefix = lib.folder + "/";
    if (path.compare(0, prefix.size(), prefix) != 0) continue;
    std::string rest = path.substr(prefix.size());
    if (rest.compare(0, 9, "internal/") == 0) rest = rest.substr(9);
    if (prefix.size() > best_len && rest.find('/') == std::string::npos) {
      best = name;
      best_len = prefix.size();
    }
  }
  return best;
}

}  // namespace

TEST_CASE("the libraries CMake builds are the ones docs/architecture.md draws", "[architecture]") {
  const auto documented = DocumentedLibraries();
  const auto built = BuiltLibraries();
  REQUIRE(documented.size() >= 8);
  REQUIRE(built.size() == documented.size());
  for (const auto& [name, lib] : built) {
    INFO(name);
    REQUIRE(documented.count(name) == 1);
    CHECK(documented.at(name).folder == lib.folder);
    CHECK(documented.at(name).links == lib.links);
  }
}

TEST_CASE("the library graph is acyclic", "[architecture]") {
  const auto libs = DocumentedLibraries();
  for (const auto& [name, lib] : libs) {
    for (const auto& dep : lib.links) {
      INFO(name << " links " << dep);
      CHECK(Reachable(libs, dep).count(name) == 0);
    }
  }
}

TEST_CASE("includes between modules follow the links", "[architecture]") {
  const auto libs = DocumentedLibraries();
  const auto files = Sources();
  REQUIRE(files.size() > 100);
  int checked = 0;
  for (const auto& file : files) {
    const std::string from = OwnerOf(libs, file.generic_string());
    if (from.empty()) continue;  // cli/: the executable, which may use any library
    const auto allowed = Reachable(libs, from);
    for (const auto& inc : ProjectIncludes(file)) {
      const std::string to = OwnerOf(libs, inc);
      if (to.empty()) continue;
      INFO(file.generic_string() << " includes " << inc << " (" << from << " -> " << to << ")");
      CHECK(allowed.count(to) == 1);
      const bool internal = inc.find("/internal/") != std::string::npos;
      CHECK((!internal || to == from));
      ++checked;
    }
  }
  CHECK(checked > 300);
}

TEST_CASE("no two files include each other, directly or through others", "[architecture]") {
  // Units: a path without its extension, so x.h and x.cpp are one. The
  // loops of the include graph are its strongly connected components, found
  // by graph/ as the engine finds the technosphere's.
  std::map<std::string, int> id;
  std::vector<std::string> name;
  auto node = [&](const std::string& path) {
    const std::string u = path.substr(0, path.rfind('.'));
    auto [it, fresh] = id.emplace(u, static_cast<int>(name.size()));
    if (fresh) name.push_back(u);
    return it->second;
  };
  std::vector<gpulca::graph::SupplyGraph::Edge> edges;
  for (const auto& file : Sources()) {
    const int from = node(file.generic_string());
    for (const auto& inc : ProjectIncludes(file)) {
      if (!fs::exists(kRoot / inc)) continue;  // a third-party header
      const int to = node(inc);
      if (to != from) edges.push_back({from, to});
    }
  }
  const auto loops = gpulca::graph::SupplyGraph(static_cast<int>(name.size()), edges).FindLoops();
  std::set<std::set<std::string>> found;
  for (const auto& members : loops.members) {
    std::set<std::string> units;
    for (int v : members) units.insert(name[v]);
    found.insert(units);
  }
  // There are none: a unit that needs something of another unit that needs
  // it back takes the shared piece out into its own header. Any loop fails.
  const std::set<std::set<std::string>> known = {};
  std::string listed;
  for (const auto& units : found) {
    for (const auto& u : units) listed += u + " ";
    listed += "| ";
  }
  INFO("loops: " << listed);
  CHECK(found == known);
}
