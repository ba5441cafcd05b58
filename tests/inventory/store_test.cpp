#include "inventory/store/store.h"

#include <catch2/catch.hpp>

#include "inventory/database/database.h"
#include "lca/error.h"
#include "inventory/model/parameters.h"
#include "tests/test_support.h"

using namespace gpulca;

using gpulca::inventory::Store;

TEST_CASE("an inventory survives a round trip through SQLite", "[store]") {
  inventory::Inventory inv = test::ParseValid(test::kSmallInventory);
  Store store(":memory:", true);
  CHECK(store.SchemaVersion() == inventory::kSchemaVersion);
  store.Replace(inv, {{"data_hash", "abc"}});
  CHECK(store.Meta("data_hash") == "abc");
  inventory::StoreCounts c = store.Counts();
  CHECK(c.processes == 3);
  CHECK(c.flows == 3);
  CHECK(c.exchanges == 4);
  CHECK(c.parameters == 2);
  inventory::Inventory back = store.Read();
  REQUIRE(back.processes.size() == 3);
  const inventory::Process* wafer = back.FindProcess("wafer_tw");
  REQUIRE(wafer);
  CHECK(wafer->origin.ToString() == "test.toml:55");
  CHECK(wafer->exchanges[0].formula == "area_factor");
  CHECK(wafer->parameters.size() == 1);
  CHECK(back.FindProcess("grid_tw")->exchanges[0].unit_factor == Approx(1e-3));
  inventory::ParameterSet p(back);
  CHECK(p.ExchangeAmount(back.process_index.at("wafer_tw"), 0) == Approx(5.0));
}

TEST_CASE("adding an id that is already stored writes nothing", "[store]") {
  inventory::Inventory inv = test::ParseValid(test::kSmallInventory);
  Store store(":memory:", true);
  store.Replace(inv, {});
  inventory::Inventory extra;
  extra.sources.push_back({"new_source", "A new source", "", "", "", "", {}});
  extra.flows = {inv.flows[0]};  // a duplicate: the batch must fail whole
  CHECK_THROWS_AS(store.Add(extra, {{"import", "x"}}), StoreError);
  CHECK(store.Counts().sources == 1);
  CHECK(store.Meta("import").empty());
}

TEST_CASE("a failed build leaves the database byte-for-byte as it was", "[store]") {
  test::TempDir dir;
  dir.Write("good/inv.toml", test::kSmallInventory);
  std::string db = (dir.path() / "g.db").string();
  inventory::BuildDatabase(db, {(dir.path() / "good").string()}, "files");
  std::string before = test::ReadAll(db);
  REQUIRE(!before.empty());
  dir.Write("bad/inv.toml", std::string(test::kSmallInventory) + "\n[[flow]]\nid = \"x\"\n");
  CHECK_THROWS_AS(inventory::BuildDatabase(db, {(dir.path() / "bad").string()}, "files"),
                  InputError);
  CHECK(test::ReadAll(db) == before);
  CHECK(Store(db, false).Counts().processes == 3);
}

TEST_CASE("the bundled database is rebuilt when its data changes", "[store]") {
  test::TempDir dir;
  auto data = dir.path() / "data";
  dir.Write("data/inv.toml", test::kSmallInventory);
  std::string db = (dir.path() / "bundled.db").string();
  auto first = inventory::OpenDatabase(db, data.string());
  std::string hash = first->Meta("data_hash");
  CHECK(first->Meta("origin") == "bundled");
  first.reset();
  // unchanged: no rebuild
  CHECK(inventory::OpenDatabase(db, data.string())->Meta("data_hash") == hash);
  dir.Write("data/more.toml", "[[source]]\nid = \"s9\"\ncitation = \"another\"\n");
  auto second = inventory::OpenDatabase(db, data.string());
  CHECK(second->Meta("data_hash") != hash);
  CHECK(second->Counts().sources == 2);
}

TEST_CASE("a database of another schema version is refused", "[store]") {
  test::TempDir dir;
  std::string db = (dir.path() / "old.db").string();
  { Store store(db, true); }
  {
    // Downgrade the version number as an older gpulca would have left it.
    Store store(db, false);
  }
  std::string cmd = "sqlite3 '" + db + "' 'PRAGMA user_version = 99'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  CHECK_THROWS_WITH(Store(db, false), Catch::Contains("schema version 99"));
}
