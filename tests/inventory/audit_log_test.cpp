// The audit log's hash chain: appended records link up, and a record edited
// in the file, replaced with a recomputed hash, or removed is named.
#include "inventory/store/audit_log.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "inventory/database/database.h"
#include "inventory/store/sha256.h"
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
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    auto all = AuditLog(path).All();
    std::string previous = all[2].hash;
    for (size_t i = 3; i < all.size(); ++i) {
      if (i == 4) all[i].created_at = "2025-12-31T23:59:59Z";
      all[i].previous_hash = previous;
      all[i].hash = inventory::RecordHash(all[i]);
      previous = all[i].hash;
      SQLite::Statement q(db, "UPDATE audits SET created_at = ?, previous_hash = ?, hash = ? "
                              "WHERE id = ?");
      q.bind(1, all[i].created_at);
      q.bind(2, all[i].previous_hash);
      q.bind(3, all[i].hash);
      q.bind(4, static_cast<int64_t>(all[i].id));
      q.exec();
    }
  }
  auto problems = AuditLog(path).CheckChain();
  REQUIRE(problems.size() == 1);
  CHECK(Names(problems, 5, "record 5 is dated 2025-12-31T23:59:59Z, before the record before it "
                           "(2026-01-01T00:00:00Z): records were reordered or backdated"));
}
