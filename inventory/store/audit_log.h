// AuditLog: the tamper-evident record of procurement audits, kept in the
// same SQLite file as the inventory (table `audits`; SQLiteCpp inside).
//
// Each record holds what is needed to recompute and judge the audit later:
// the canonical order, every parameter value used, the content hash of the
// database's inventory, the gpulca version, the results and the time. The
// records form a hash chain: `hash` is the SHA-256 of the record's other
// fields (RecordHashInput), which include the previous record's hash, so a
// record changed in the file by hand no longer matches its hash, and one
// replaced with a recomputed hash breaks the link to the next record.
// (Only the last record can be replaced together with its hash without a
// broken link; `verify` then still recomputes its results from its order.)
//
// Invariants of a sound log: ids run 1, 2, 3, ...; record 1's previous_hash
// is kGenesisHash; record k's previous_hash is record k-1's hash; each hash
// is RecordHash of its record. Append keeps them, in one IMMEDIATE
// transaction, so two processes appending at once still chain correctly;
// and it appends to the file at the log's path even when that file was
// replaced while the append waited for the lock (internal/connection.h). A
// rebuild does not replace the file: it rewrites the inventory tables in
// place and leaves this table alone (install.h).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "inventory/store/merkle_tree.h"
#include "inventory/store/tree_head.h"

namespace gpulca::inventory {

class SigningKey;

inline const std::string kGenesisHash(64, '0');

// The tables of the audit log: a rebuild of the inventory leaves them alone.
inline constexpr const char* kAuditTables[] = {"audits", "audit_heads"};

// One row of table `audits`: the members are its columns, in order (a row
// is read into it with SQLiteCpp's getColumns).
struct AuditRecord {
  long id = 0;
  std::string created_at;      // UTC, ISO 8601
  std::string gpulca_version;
  std::string content_hash;    // the inventory's content hash when the audit ran
  std::string order_id;        // the order's own id, for listings
  std::string order;           // canonical JSON (CanonicalOrderJson)
  std::string parameters;      // canonical JSON: every parameter value used
  std::string results;         // canonical JSON of the results
  std::string previous_hash;
  std::string hash;
};

// The text whose SHA-256 is a record's hash: every field but `hash`, each
// length-prefixed so that no two records share it.
std::string RecordHashInput(const AuditRecord& record);
std::string RecordHash(const AuditRecord& record);
// The record's leaf in the log's Merkle tree: merkle::LeafHash of its
// RecordHashInput.
merkle::Hash RecordLeafHash(const AuditRecord& record);

// One break of the chain, naming the record.
struct ChainProblem {
  long id;
  std::string what;
};

class AuditLog {
 public:
  // Opens the database file at `path` (which must exist) and creates the
  // audits table when it has none. Throws StoreError.
  explicit AuditLog(const std::string& path);
  ~AuditLog();
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  // Appends `record` after the last one: sets its id, previous_hash and
  // hash, and returns it as stored. Throws StoreError (nothing written).
  AuditRecord Append(AuditRecord record);

  std::vector<AuditRecord> All() const;  // by id
  std::optional<AuditRecord> Find(long id) const;

  // Checks the chain from record 1 through `up_to` (every record when 0):
  // each hash recomputed, each link, ids without gaps, and times that never
  // go backwards (Append keeps them so). Empty: sound.
  std::vector<ChainProblem> CheckChain(long up_to = 0) const;

  // The Merkle tree's leaves: RecordLeafHash of every record, by id.
  std::vector<merkle::Hash> LeafHashes() const;

  // Signs the head of the tree over every record now in the log with `key`,
  // keeps it in table audit_heads and returns it. No record is appended
  // while it reads and signs (one write transaction). Throws StoreError.
  TreeHead SignHead(const SigningKey& key, const std::string& signed_at);

  // The heads kept in table audit_heads, oldest first.
  std::vector<TreeHead> Heads() const;

 private:
  // Sets `record`'s id and hashes and inserts it; REQUIRES: a write
  // transaction on the live file.
  void AppendLocked(AuditRecord& record);
  // Runs `body` in a write transaction on the live file (reopened when a
  // rebuild replaced it meanwhile) and commits. `what` names the write in
  // errors ("the audit cannot be recorded").
  template <typename Body>
  void Write(const char* what, Body body);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gpulca::inventory
