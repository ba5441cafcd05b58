// The audit log's hash chain: appended records link up, and a record edited
// in the file, replaced with a recomputed hash, or removed is named.
#include "inventory/store/audit_log.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "inventory/database/database.h"
#include "inventory/store/sha256.h"
#include "inventory/store/signing_key.h"
#include "inventory/store/store.h"
#include "tests/test_support.h"

using namespace gpulca;

using gpulca::inventory::AuditLog;

namespace {

inventory::AuditRecord Record(const std::string& order_id, const std::string& results) {
  inventory::AuditRecord r;
  r.created_at = "2026-01-01T00:00:00Z";
  r.gpulca_version = "test";
  r.content_hash = std::string(64, 'c');
  r.order_id = order_id;
  r.order = "{\"id\":\"" + order_id + "\"}";
  r.parameters = "{}";
  r.results = results;
  return r;
}

// A database file with three records.
std::string ThreeRecords(const test::TempDir& dir) {
  std::string path = (dir.path() / "a.db").string();
  { inventory::Store store(path, true); }
  AuditLog log(path);
  log.Append(Record("PO-1", "{\"total\":1}"));
  log.Append(Record("PO-2", "{\"total\":2}"));
  log.Append(Record("PO-3", "{\"total\":3}"));
  return path;
}

// Rewrites records `from` onwards in the file as `all` holds them, with every
// hash and link recomputed: a forger without the key who knows the format.
void RewriteTail(const std::string& path, std::vector<inventory::AuditRecord> all, size_t from) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  std::string previous = from == 0 ? inventory::kGenesisHash : all[from - 1].hash;
  for (size_t i = from; i < all.size(); ++i) {
    all[i].previous_hash = previous;
    all[i].hash = inventory::RecordHash(all[i]);
    previous = all[i].hash;
    SQLite::Statement q(db, "UPDATE audits SET order_id = ?, results = ?, created_at = ?, "
                            "previous_hash = ?, hash = ? WHERE id = ?");
    q.bind(1, all[i].order_id);
    q.bind(2, all[i].results);
    q.bind(3, all[i].created_at);
    q.bind(4, all[i].previous_hash);
    q.bind(5, all[i].hash);
    q.bind(6, static_cast<int64_t>(all[i].id));
    q.exec();
  }
}

std::string KeyFile(const test::TempDir& dir) {
  const std::string path = (dir.path() / "key.pem").string();
  inventory::SigningKey::Generate(path);
  return path;
}

bool Names(const std::vector<inventory::ChainProblem>& problems, long id,
           const std::string& words) {
  for (const inventory::ChainProblem& p : problems) {
    if (p.id == id && p.what.find(words) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("appended records form a hash chain", "[audit]") {
  test::TempDir dir;
  std::string path = ThreeRecords(dir);
  AuditLog log(path);
  auto all = log.All();
  REQUIRE(all.size() == 3);
  CHECK(all[0].id == 1);
  CHECK(all[0].previous_hash == inventory::kGenesisHash);
  CHECK(all[1].previous_hash == all[0].hash);
  CHECK(all[2].previous_hash == all[1].hash);
  // The hash is the SHA-256 of the length-prefixed fields.
  CHECK(all[0].hash == inventory::Sha256Hex(inventory::RecordHashInput(all[0])));
  CHECK(inventory::RecordHashInput(all[0]).rfind("1:1\n20:2026-01-01T00:00:00Z\n4:test\n", 0) == 0);
  CHECK(all[0].hash.size() == 64);
  CHECK(log.CheckChain().empty());
  CHECK(log.Find(2)->order_id == "PO-2");
  CHECK_FALSE(log.Find(9));
}

TEST_CASE("a record edited in the file is named", "[audit]") {
  test::TempDir dir;
  std::string path = ThreeRecords(dir);
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("UPDATE audits SET results = '{\"total\":0.2}' WHERE id = 2");
  }
  auto problems = AuditLog(path).CheckChain();
  REQUIRE(problems.size() == 1);
  CHECK(Names(problems, 2, "record 2 was changed after it was written"));
  // Up to record 1 the chain is still sound.
  CHECK(AuditLog(path).CheckChain(1).empty());
}

TEST_CASE("a record replaced with a recomputed hash breaks the next link", "[audit]") {
  test::TempDir dir;
  std::string path = ThreeRecords(dir);
  inventory::AuditRecord forged = *AuditLog(path).Find(2);
  forged.results = "{\"total\":0.2}";
  forged.hash = inventory::RecordHash(forged);
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    SQLite::Statement q(db, "UPDATE audits SET results = ?, hash = ? WHERE id = 2");
    q.bind(1, forged.results);
    q.bind(2, forged.hash);
    q.exec();
  }
  auto problems = AuditLog(path).CheckChain();
  REQUIRE(problems.size() == 1);
  CHECK(Names(problems, 3, "record 3 does not link to the record before it"));
}

TEST_CASE("a removed record leaves a gap and a broken link", "[audit]") {
  test::TempDir dir;
  std::string path = ThreeRecords(dir);
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("DELETE FROM audits WHERE id = 2");
  }
  auto problems = AuditLog(path).CheckChain();
  CHECK(Names(problems, 3, "records 2 to 2 are missing"));
  CHECK(Names(problems, 3, "does not link"));
}

TEST_CASE("rebuilding a database keeps its audits", "[audit]") {
  test::TempDir dir;
  dir.Write("inv/a.toml", test::kSmallInventory);
  std::string path = (dir.path() / "x.db").string();
  inventory::BuildDatabase(path, {(dir.path() / "inv").string()}, "files");
  AuditLog(path).Append(Record("PO-1", "{}"));
  inventory::BuildDatabase(path, {(dir.path() / "inv").string()}, "files");
  AuditLog log(path);
  REQUIRE(log.All().size() == 1);
  CHECK(log.All()[0].order_id == "PO-1");
  CHECK(log.CheckChain().empty());
  // Appending goes on from the carried-over record.
  CHECK(log.Append(Record("PO-2", "{}")).id == 2);
  CHECK(log.CheckChain().empty());
}

TEST_CASE("times in the log never go backwards", "[audit]") {
  test::TempDir dir;
  std::string path = ThreeRecords(dir);  // all at 2026-01-01T00:00:00Z
  {
    AuditLog log(path);
    // A clock set back: the record takes the previous record's time.
    inventory::AuditRecord early = Record("PO-4", "{\"total\":4}");
    early.created_at = "2025-06-30T12:00:00Z";
    CHECK(log.Append(early).created_at == "2026-01-01T00:00:00Z");
    inventory::AuditRecord later = Record("PO-5", "{\"total\":5}");
    later.created_at = "2026-02-01T08:00:00Z";
    CHECK(log.Append(later).created_at == "2026-02-01T08:00:00Z");
    CHECK(log.CheckChain().empty());
  }
  // Backdating a record in the file, even with its hash and every later
  // link recomputed, is named by its time.
  {
    auto all = AuditLog(path).All();
    all[4].created_at = "2025-12-31T23:59:59Z";
    RewriteTail(path, all, 3);
  }
  auto problems = AuditLog(path).CheckChain();
  REQUIRE(problems.size() == 1);
  CHECK(Names(problems, 5, "record 5 is dated 2025-12-31T23:59:59Z, before the record before it "
                           "(2026-01-01T00:00:00Z): records were reordered or backdated"));
}

TEST_CASE("a signed head catches what the chain cannot", "[audit][merkle]") {
  test::TempDir dir;
  const std::string path = ThreeRecords(dir);
  const auto key = inventory::SigningKey::Load(KeyFile(dir));
  const inventory::TreeHead head = AuditLog(path).SignHead(key, "2026-01-02T00:00:00Z");
  CHECK(head.tree_size == 3);
  CHECK(inventory::CheckAgainstHead(AuditLog(path).LeafHashes(), head, 2, "H").empty());

  SECTION("a middle record rewritten with every later hash recomputed") {
    auto all = AuditLog(path).All();
    all[1].results = "{\"total\":0.2}";
    RewriteTail(path, all, 1);
    AuditLog log(path);
    CHECK(log.CheckChain().empty());  // the chain alone sees nothing
    auto problems = inventory::CheckAgainstHead(log.LeafHashes(), head, 2, "H");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].find("a record among 1 to 3 was changed") != std::string::npos);
    CHECK(problems[1].find("record 2 is not proven to be in H") == 0);
  }
  SECTION("the last record deleted") {
    { SQLite::Database(path, SQLite::OPEN_READWRITE).exec("DELETE FROM audits WHERE id = 3"); }
    AuditLog log(path);
    CHECK(log.CheckChain().empty());
    auto problems = inventory::CheckAgainstHead(log.LeafHashes(), head, 0, "H");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "H covers 3 records, but the log has 2: record 3 was removed");
  }
  SECTION("two records swapped, with hashes recomputed") {
    auto all = AuditLog(path).All();
    std::swap(all[0].order_id, all[1].order_id);
    std::swap(all[0].results, all[1].results);
    RewriteTail(path, all, 0);
    AuditLog log(path);
    CHECK(log.CheckChain().empty());
    CHECK(inventory::CheckAgainstHead(log.LeafHashes(), head, 0, "H").size() == 1);
  }
  SECTION("records appended after the head extend it") {
    AuditLog log(path);
    log.Append(Record("PO-4", "{\"total\":4}"));
    CHECK(inventory::CheckAgainstHead(log.LeafHashes(), head, 4, "H").empty());
    const auto later = log.SignHead(key, "2026-01-03T00:00:00Z");
    CHECK(later.tree_size == 4);
    REQUIRE(log.Heads().size() == 2);
    CHECK(log.Heads()[0].root_hash == head.root_hash);
    CHECK(log.Heads()[1].root_hash == later.root_hash);
    CHECK(inventory::HasValidSignature(log.Heads()[1]));
  }
}

TEST_CASE("a log from before the tree gains heads without a rewrite", "[audit][merkle]") {
  test::TempDir dir;
  const std::string path = ThreeRecords(dir);
  // The file as an older gpulca left it: no table of heads.
  { SQLite::Database(path, SQLite::OPEN_READWRITE).exec("DROP TABLE audit_heads"); }
  const auto hashes_before = [&] {
    std::vector<std::string> out;
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT hash FROM audits ORDER BY id");
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
  }();
  AuditLog log(path);
  const auto head = log.SignHead(inventory::SigningKey::Load(KeyFile(dir)), "2026-01-02T00:00:00Z");
  CHECK(head.tree_size == 3);
  // The leaves are the records as they were written: nothing was rewritten.
  std::vector<std::string> hashes_after;
  for (const auto& r : log.All()) hashes_after.push_back(r.hash);
  CHECK(hashes_after == hashes_before);
  CHECK(head.root_hash ==
        inventory::HexOf(inventory::merkle::RootHash(
            {inventory::merkle::LeafHash(inventory::RecordHashInput(log.All()[0])),
             inventory::merkle::LeafHash(inventory::RecordHashInput(log.All()[1])),
             inventory::merkle::LeafHash(inventory::RecordHashInput(log.All()[2]))})));
  CHECK(log.CheckChain().empty());
}

TEST_CASE("a rebuild keeps the signed heads", "[audit][merkle]") {
  test::TempDir dir;
  dir.Write("inv/a.toml", test::kSmallInventory);
  const std::string path = (dir.path() / "x.db").string();
  inventory::BuildDatabase(path, {(dir.path() / "inv").string()}, "files");
  AuditLog(path).Append(Record("PO-1", "{}"));
  const auto head =
      AuditLog(path).SignHead(inventory::SigningKey::Load(KeyFile(dir)), "2026-01-02T00:00:00Z");
  inventory::BuildDatabase(path, {(dir.path() / "inv").string()}, "files");
  AuditLog log(path);
  REQUIRE(log.Heads().size() == 1);
  CHECK(log.Heads()[0].signature == head.signature);
  CHECK(inventory::CheckAgainstHead(log.LeafHashes(), head, 1, "H").empty());
}
