#include "inventory/store/audit_log.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include "inventory/store/internal/connection.h"
#include "inventory/store/sha256.h"
#include "inventory/store/signing_key.h"
#include "lca/error.h"

namespace gpulca::inventory {
namespace {

const char* kAuditTable =
    "CREATE TABLE IF NOT EXISTS audits (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL,"
    " gpulca_version TEXT NOT NULL, content_hash TEXT NOT NULL, order_id TEXT NOT NULL,"
    " order_json TEXT NOT NULL, parameters TEXT NOT NULL, results TEXT NOT NULL,"
    " previous_hash TEXT NOT NULL, hash TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS audit_heads (id INTEGER PRIMARY KEY,"
    " tree_size INTEGER NOT NULL, root_hash TEXT NOT NULL, signed_at TEXT NOT NULL,"
    " public_key TEXT NOT NULL, signature TEXT NOT NULL)";
const char* kHeadColumns = "tree_size, root_hash, signed_at, public_key, signature";
const char* kColumns =
    "id, created_at, gpulca_version, content_hash, order_id, order_json, parameters, results,"
    " previous_hash, hash";

// A row of SELECT kColumns: the columns are AuditRecord's members, in order.
AuditRecord ReadRecord(SQLite::Statement& q) { return q.getColumns<AuditRecord, 10>(); }

// Both tables of the log; a log from before the Merkle tree has only `audits`.
bool HasAuditTable(SQLite::Database& db) {
  return db.tableExists("audits") && db.tableExists("audit_heads");
}

// How many times a writer reopens a file replaced under it before it gives
// up (each replacement is a whole rebuild by another process).
constexpr int kReopenLimit = 20;

std::string Replaced(const std::string& path) {
  return fmt::format("{} was replaced by a rebuild {} times while this was waiting to write; "
                     "nothing was written", path, kReopenLimit);
}

}  // namespace

std::string RecordHashInput(const AuditRecord& r) {
  std::string out;
  for (const std::string& field :
       {std::to_string(r.id), r.created_at, r.gpulca_version, r.content_hash, r.order_id, r.order,
        r.parameters, r.results, r.previous_hash}) {
    out += fmt::format("{}:{}\n", field.size(), field);
  }
  return out;
}

std::string RecordHash(const AuditRecord& record) { return Sha256Hex(RecordHashInput(record)); }

merkle::Hash RecordLeafHash(const AuditRecord& record) {
  return merkle::LeafHash(RecordHashInput(record));
}

struct AuditLog::Impl {
  Connection connection;
  std::string path;
  SQLite::Database& db() const { return *connection.db; }
};

AuditLog::AuditLog(const std::string& path) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  try {
    impl_->connection = OpenConnection(path, SQLite::OPEN_READWRITE);
    for (int attempt = 0; !HasAuditTable(impl_->db()); ++attempt) {
      if (attempt == kReopenLimit) throw StoreError(Replaced(path));
      WriteTransaction tx(impl_->connection);
      if (tx.replaced()) {
        impl_->connection = OpenConnection(path, SQLite::OPEN_READWRITE);
        continue;
      }
      impl_->db().exec(kAuditTable);
      tx.commit();
    }
  } catch (const SQLite::Exception& e) {
    throw StoreError(fmt::format("{}: the audit log cannot be opened: {}", path, e.what()));
  }
}

AuditLog::~AuditLog() = default;

template <typename Body>
void AuditLog::Write(const char* what, Body body) {
  try {
    for (int attempt = 0;; ++attempt) {
      if (attempt == kReopenLimit) throw StoreError(Replaced(impl_->path));
      WriteTransaction tx(impl_->connection);
      if (!tx.replaced()) {
        body();
        tx.commit();
        return;
      }
      // A rebuild put a new file in place while this waited for the lock:
      // write to that one (its audit tables were carried over).
      impl_->connection = OpenConnection(impl_->path, SQLite::OPEN_READWRITE);
      if (!HasAuditTable(impl_->db())) impl_->db().exec(kAuditTable);
    }
  } catch (const SQLite::Exception& e) {
    throw StoreError(fmt::format("{}: {}: {}", impl_->path, what, e.what()));
  }
}

AuditRecord AuditLog::Append(AuditRecord record) {
  Write("the audit cannot be recorded", [&] { AppendLocked(record); });
  return record;
}

void AuditLog::AppendLocked(AuditRecord& record) {
  {
    SQLite::Statement last(impl_->db(),
                           "SELECT id, hash, created_at FROM audits ORDER BY id DESC LIMIT 1");
    record.id = 1;
    record.previous_hash = kGenesisHash;
    if (last.executeStep()) {
      record.id = last.getColumn(0).getInt64() + 1;
      record.previous_hash = last.getColumn(1).getString();
      // Time never runs backwards in the log: a clock set back records the
      // previous record's time (UTC ISO 8601 texts order as their times).
      const std::string previous_time = last.getColumn(2).getString();
      if (record.created_at < previous_time) record.created_at = previous_time;
    }
    record.hash = RecordHash(record);
    SQLite::Statement insert(impl_->db(),
                             fmt::format("INSERT INTO audits ({}) VALUES (?,?,?,?,?,?,?,?,?,?)",
                                         kColumns));
    SQLite::bind(insert, static_cast<int64_t>(record.id), record.created_at,
                 record.gpulca_version, record.content_hash, record.order_id, record.order,
                 record.parameters, record.results, record.previous_hash, record.hash);
    insert.exec();
  }
}

std::vector<AuditRecord> AuditLog::All() const {
  std::vector<AuditRecord> out;
  try {
    SQLite::Statement q(impl_->db(), fmt::format("SELECT {} FROM audits ORDER BY id", kColumns));
    while (q.executeStep()) out.push_back(ReadRecord(q));
  } catch (const SQLite::Exception& e) {
    throw StoreError(fmt::format("{}: the audit log cannot be read: {}", impl_->path, e.what()));
  }
  return out;
}

std::optional<AuditRecord> AuditLog::Find(long id) const {
  try {
    SQLite::Statement q(impl_->db(), fmt::format("SELECT {} FROM audits WHERE id = ?", kColumns));
    SQLite::bind(q, static_cast<int64_t>(id));
    if (q.executeStep()) return ReadRecord(q);
  } catch (const SQLite::Exception& e) {
    throw StoreError(fmt::format("{}: the audit log cannot be read: {}", impl_->path, e.what()));
  }
  return std::nullopt;
}

std::vector<ChainProblem> AuditLog::CheckChain(long up_to) const {
  std::vector<ChainProblem> problems;
  std::string previous = kGenesisHash, previous_time;
  long expected = 1;
  for (const AuditRecord& r : All()) {
    if (up_to > 0 && r.id > up_to) break;
    if (r.id != expected) {
      problems.push_back({r.id, fmt::format("record {} follows record {}: records {} to {} are "
                                            "missing", r.id, expected - 1, expected, r.id - 1)});
    }
    if (r.previous_hash != previous) {
      problems.push_back({r.id, fmt::format("record {} does not link to the record before it "
                                            "(its previous hash is {}, that record's hash is {}): "
                                            "an earlier record was replaced or removed",
                                            r.id, r.previous_hash.substr(0, 16),
                                            previous.substr(0, 16))});
    }
    if (RecordHash(r) != r.hash) {
      problems.push_back({r.id, fmt::format("record {} was changed after it was written: its "
                                            "content no longer matches its hash", r.id)});
    }
    if (r.created_at < previous_time) {
      problems.push_back({r.id, fmt::format("record {} is dated {}, before the record before it "
                                            "({}): records were reordered or backdated",
                                            r.id, r.created_at, previous_time)});
    }
    previous = r.hash;
    previous_time = r.created_at;
    expected = r.id + 1;
  }
  return problems;
}

std::vector<merkle::Hash> AuditLog::LeafHashes() const {
  std::vector<merkle::Hash> out;
  for (const AuditRecord& r : All()) out.push_back(RecordLeafHash(r));
  return out;
}

TreeHead AuditLog::SignHead(const SigningKey& key, const std::string& signed_at) {
  TreeHead head;
  Write("the tree head cannot be kept", [&] {
    head = SignTreeHead(LeafHashes(), signed_at, key);
    SQLite::Statement insert(
        impl_->db(), fmt::format("INSERT INTO audit_heads ({}) VALUES (?,?,?,?,?)", kHeadColumns));
    SQLite::bind(insert, static_cast<int64_t>(head.tree_size), head.root_hash, head.signed_at,
                 head.public_key, head.signature);
    insert.exec();
  });
  return head;
}

std::vector<TreeHead> AuditLog::Heads() const {
  std::vector<TreeHead> out;
  try {
    SQLite::Statement q(impl_->db(),
                        fmt::format("SELECT {} FROM audit_heads ORDER BY id", kHeadColumns));
    while (q.executeStep()) {
      TreeHead h;
      const int64_t size = q.getColumn(0).getInt64();
      h.tree_size = size < 0 ? 0 : static_cast<uint64_t>(size);
      h.root_hash = q.getColumn(1).getString();
      h.signed_at = q.getColumn(2).getString();
      h.public_key = q.getColumn(3).getString();
      h.signature = q.getColumn(4).getString();
      out.push_back(std::move(h));
    }
  } catch (const SQLite::Exception& e) {
    throw StoreError(fmt::format("{}: the audit log cannot be read: {}", impl_->path, e.what()));
  }
  return out;
}

}  // namespace gpulca::inventory
