// The store's content hash, and databases that hold data added after their
// build (imports, `db add`): never rebuilt unasked, rebuilt with their
// additions on request.
#include "inventory/database/database.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "lca/error.h"
#include "inventory/store/additions.h"
#include "inventory/store/store.h"
#include "tests/test_support.h"

using namespace gpulca;

using gpulca::inventory::Store;

namespace {

// kSmallInventory in two parts, cut at a top-level table.
std::pair<std::string, std::string> Halves() {
  std::string all = test::kSmallInventory;
  size_t cut = all.find("[[process]]\nid = \"grid_glo\"");
  REQUIRE(cut != std::string::npos);
  return {all.substr(0, cut), all.substr(cut)};
}

std::string Build(const test::TempDir& dir, const std::string& name) {
  std::string db = (dir.path() / (name + ".db")).string();
  inventory::BuildDatabase(db, {(dir.path() / name).string()}, "files");
  return db;
}

const char* const kExtraProcess = R"T(
[[flow]]
id = "chip"
name = "Chip"
kind = "product"
unit = "item"

[[process]]
id = "chip_assembly"
name = "Chip assembly"
location = "TW"
product = { flow = "chip", amount = 1, unit = "item" }
  [[process.exchanges]]
  flow = "wafer_area"
  amount = 2
  unit = "cm2"
  source = "s1"
)T";

// A bundled database built from dir/data, with extra.toml added after it.
std::string BundledWithAddition(const test::TempDir& dir, std::string* extra_path) {
  dir.Write("data/inv.toml", test::kSmallInventory);
  *extra_path = dir.Write("extra.toml", kExtraProcess).string();
  std::string db = (dir.path() / "bundled.db").string();
  auto store = inventory::OpenDatabase(db, (dir.path() / "data").string());
  inventory::AddTomlToStore(*store, {*extra_path});
  CHECK(store->Meta("origin") == "bundled+import");
  return db;
}

}  // namespace

TEST_CASE("the content hash does not depend on the order of files or objects", "[store][hash]") {
  test::TempDir dir;
  auto [first, second] = Halves();
  dir.Write("ab/a.toml", first);
  dir.Write("ab/b.toml", second);
  dir.Write("ba/a.toml", second);  // the same objects, the other way round
  dir.Write("ba/b.toml", first);
  std::string ab = Build(dir, "ab"), ba = Build(dir, "ba");
  Store x(ab, false), y(ba, false);
  CHECK(x.Meta("data_hash") != y.Meta("data_hash"));  // the files differ
  CHECK(x.ContentHash() == y.ContentHash());          // the inventory does not
  CHECK(x.ContentHash() == x.Meta("content_hash"));
  CHECK(x.ContentHash().size() == 64);

  // The exchanges of a process in another order: still the same inventory.
  std::string swapped = test::kSmallInventory;
  std::string e1 = "  [[process.exchanges]]\n  flow = \"electricity\"\n  amount = \"area_factor\"\n"
                   "  unit = \"kWh\"\n  source = \"s1\"\n";
  std::string e2 = "  [[process.exchanges]]\n  flow = \"co2_fossil\"\n  amount = 0.1\n"
                   "  unit = \"kg\"\n  source = \"s1\"\n";
  size_t at = swapped.find(e1 + e2);
  REQUIRE(at != std::string::npos);
  swapped.replace(at, e1.size() + e2.size(), e2 + e1);
  dir.Write("swapped/inv.toml", swapped);
  CHECK(Store(Build(dir, "swapped"), false).ContentHash() == x.ContentHash());
}

TEST_CASE("any change of one amount gives another content hash", "[store][hash]") {
  test::TempDir dir;
  dir.Write("base/inv.toml", test::kSmallInventory);
  std::string changed = test::kSmallInventory;
  size_t at = changed.find("amount = 0.4");
  REQUIRE(at != std::string::npos);
  changed.replace(at, 12, "amount = 0.41");
  dir.Write("changed/inv.toml", changed);
  std::string base = Store(Build(dir, "base"), false).ContentHash();
  CHECK(Store(Build(dir, "changed"), false).ContentHash() != base);

  // A unit, a name, an uncertainty: each is content too.
  for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"unit = \"g\"", "unit = \"mg\""},
           {"name = \"Grid TW\"", "name = \"Grid Taiwan\""},
           {"amount = 500\n", "amount = 500\n  uncertainty = { distribution = \"lognormal\", gsd = 1.2 }\n"}}) {
    std::string text = test::kSmallInventory;
    size_t pos = text.find(from);
    REQUIRE(pos != std::string::npos);
    text.replace(pos, from.size(), to);
    dir.Write("variant/inv.toml", text);
    INFO(to);
    CHECK(Store(Build(dir, "variant"), false).ContentHash() != base);
  }
}

TEST_CASE("a row edited outside gpulca no longer matches the recorded hash", "[store][hash]") {
  test::TempDir dir;
  dir.Write("inv/inv.toml", test::kSmallInventory);
  std::string db = Build(dir, "inv");
  std::string recorded = Store(db, false).Meta("content_hash");
  std::string cmd = "sqlite3 '" + db + "' \"UPDATE exchanges SET amount = 0.5 WHERE process = "
                    "'grid_glo'\"";
  REQUIRE(std::system(cmd.c_str()) == 0);
  Store store(db, false);
  CHECK(store.Meta("content_hash") == recorded);
  CHECK(store.ContentHash() != recorded);
}

TEST_CASE("adding TOML to a database: one transaction, recorded, hash updated", "[store][hash]") {
  test::TempDir dir;
  dir.Write("inv/inv.toml", test::kSmallInventory);
  std::string db = Build(dir, "inv");
  std::string before = test::ReadAll(db);
  dir.Write("bad/extra.toml", std::string(kExtraProcess) + "\n[[process]]\nid = \"grid_tw\"\n"
                              "name = \"again\"\nlocation = \"TW\"\n"
                              "product = { flow = \"chip\", amount = 1, unit = \"item\" }\n");
  {
    Store store(db, false);
    CHECK_THROWS_WITH(inventory::AddTomlToStore(store, {(dir.path() / "bad").string()}),
                      Catch::Contains("extra.toml") && Catch::Contains("grid_tw"));
  }
  CHECK(test::ReadAll(db) == before);

  auto extra = dir.Write("extra/extra.toml", kExtraProcess);
  Store store(db, false);
  std::string hash = store.ContentHash();
  inventory::Inventory added = inventory::AddTomlToStore(store, {extra.string()});
  CHECK(added.processes.size() == 1);
  CHECK(store.Counts().processes == 4);
  CHECK(store.Meta("origin") == "files+import");
  CHECK(store.ContentHash() != hash);
  CHECK(store.Meta("content_hash") == store.ContentHash());
  auto additions = inventory::RecordedAdditions(db);
  REQUIRE(additions.size() == 1);
  CHECK(additions[0].kind == "toml");
  CHECK(additions[0].path == extra.string());
}

TEST_CASE("a bundled database holding additions is not rebuilt when the data changes",
          "[store][hash]") {
  test::TempDir dir;
  auto data = dir.path() / "data";
  std::string extra;
  std::string db = BundledWithAddition(dir, &extra);
  dir.Write("data/more.toml", "[[source]]\nid = \"s9\"\ncitation = \"another\"\n");
  std::string left_as_built;
  {
    auto store = inventory::OpenDatabase(db, data.string(), &left_as_built);
    CHECK(store->Counts().processes == 4);  // the addition is still there
    CHECK(store->Counts().sources == 1);    // and the new data is not
  }
  CHECK_THAT(left_as_built, Catch::Contains("not rebuilt") && Catch::Contains(extra));

  inventory::RebuildDatabase(db, data.string());
  auto store = inventory::OpenDatabase(db, data.string(), &left_as_built);
  CHECK(left_as_built.empty());
  CHECK(store->Counts().sources == 2);    // the new data
  CHECK(store->Counts().processes == 4);  // and the addition, replayed
  CHECK(store->Meta("origin") == "bundled+import");
  CHECK(inventory::RecordedAdditions(db).size() == 1);
}

TEST_CASE("a rebuild that fails leaves the database as it was", "[store][hash]") {
  test::TempDir dir;
  auto data = dir.path() / "data";
  std::string extra;
  std::string db = BundledWithAddition(dir, &extra);
  std::string before = test::ReadAll(db);
  // The addition can no longer be replayed: its file now clashes with the data.
  dir.Write("data/chip.toml", "[[flow]]\nid = \"chip\"\nname = \"c\"\nkind = \"product\"\n"
                              "unit = \"item\"\n");
  CHECK_THROWS_WITH(inventory::RebuildDatabase(db, data.string()), Catch::Contains("chip"));
  CHECK(test::ReadAll(db) == before);
}
