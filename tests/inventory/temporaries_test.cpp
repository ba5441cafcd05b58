// Temporary files of a killed build or rebuild: removed by the next build of
// the same database when their process no longer runs, kept otherwise.
#include "inventory/database/temporaries.h"

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "inventory/database/database.h"
#include "tests/test_support.h"

using namespace gpulca;
namespace fs = std::filesystem;

namespace {

// A PID above Linux's largest (PID_MAX_LIMIT, 2^22): no process has it.
const std::string kDead = "2147483000";

}  // namespace

TEST_CASE("a temporary is named after the database, its kind and this process",
          "[store][temporaries]") {
  CHECK(inventory::TemporaryPath("/x/g.db", "tmp") == "/x/g.db.tmp-" + std::to_string(getpid()));
  CHECK(inventory::TemporaryPath("g.db", "rebuild") == "g.db.rebuild-" + std::to_string(getpid()));
}

TEST_CASE("a dead process's temporaries are removed, a running one's and other files kept",
          "[store][temporaries]") {
  test::TempDir dir;
  std::string db = (dir.path() / "g.db").string();
  std::string alive = std::to_string(getppid());  // the process that started the tests
  for (const std::string& name : std::vector<std::string>{
           "g.db.tmp-" + kDead, "g.db.rebuild-" + kDead, "g.db.rebuild-" + kDead + "-journal",
           "g.db.rebuild-" + kDead + ".tmp-" + kDead, "g.db.tmp-" + alive, "g.db.tmp-x",
           "g.db.tmp-", "h.db.tmp-" + kDead, "g.db"}) {
    dir.Write(name, "x");
  }
  std::vector<std::string> removed = inventory::RemoveOrphanTemporaries(db);
  std::vector<std::string> expected;
  for (const std::string& name :
       std::vector<std::string>{"g.db.rebuild-" + kDead, "g.db.rebuild-" + kDead + "-journal",
                                "g.db.rebuild-" + kDead + ".tmp-" + kDead, "g.db.tmp-" + kDead}) {
    expected.push_back((dir.path() / name).string());
  }
  CHECK(removed == expected);
  for (const std::string& kept : std::vector<std::string>{
           "g.db.tmp-" + alive, "g.db.tmp-x", "g.db.tmp-", "h.db.tmp-" + kDead, "g.db"}) {
    INFO(kept);
    CHECK(fs::exists(dir.path() / kept));
  }
}

TEST_CASE("building a database removes what a killed build of it left behind",
          "[store][temporaries]") {
  test::TempDir dir;
  dir.Write("data/a.toml", test::kSmallInventory);
  std::string db = (dir.path() / "g.db").string();
  fs::path orphan = dir.Write("g.db.tmp-" + kDead, "half a database");
  fs::path orphan_rebuild = dir.Write("g.db.rebuild-" + kDead, "half a database");
  inventory::BuildDatabase(db, {(dir.path() / "data").string()}, "files");
  CHECK(fs::exists(db));
  CHECK_FALSE(fs::exists(orphan));
  CHECK_FALSE(fs::exists(orphan_rebuild));
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    left.push_back(entry.path().filename().string());
  }
  std::sort(left.begin(), left.end());
  CHECK(left == std::vector<std::string>{"data", "g.db"});
}
