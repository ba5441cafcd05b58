// A signed tree head of the audit log, after Certificate Transparency's
// (RFC 9162, section 4.10): the number of records, the Merkle root over them
// (merkle_tree.h), the time it was signed, the Ed25519 public key and the
// signature (signing_key.h). A user keeps the head outside the database
// (`gpulca audit head`); `gpulca verify --since HEAD` later proves that the
// records it covers are still there, unchanged and in order.
//
// The file is JSON:
//   {"format": "gpulca audit tree head", "version": 1, "tree_size": 3,
//    "root_hash": 64 hex, "signed_at": "2026-12-07T10:00:00Z",
//    "key_id": 16 hex, "public_key": 64 hex, "signature": 128 hex}
// The signature covers TreeHeadMessage: format, version, size, root and time.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "inventory/store/merkle_tree.h"

namespace gpulca::inventory {

class SigningKey;

struct TreeHead {
  uint64_t tree_size = 0;
  std::string root_hash;   // 64 hex digits
  std::string signed_at;   // UTC, ISO 8601
  std::string public_key;  // 64 hex digits
  std::string signature;   // 128 hex digits
};

// The exact bytes that are signed.
std::string TreeHeadMessage(const TreeHead& head);

// The head of the tree over `leaf_hashes`, signed by `key` at `signed_at`.
TreeHead SignTreeHead(const std::vector<merkle::Hash>& leaf_hashes, const std::string& signed_at,
                      const SigningKey& key);

// True when the head's signature is its public key's over its fields.
bool HasValidSignature(const TreeHead& head);

std::string TreeHeadJson(const TreeHead& head);

// Reads a head file strictly: every field present with its type and length,
// nothing else, key_id matching public_key. Throws InputError naming `name`
// (the file) and the field. ReadTreeHead reads at most 64 kB.
TreeHead ParseTreeHead(const std::string& text, const std::string& name);
TreeHead ReadTreeHead(const std::string& path);

// What is wrong with the log whose leaf hashes are `leaf_hashes` measured
// against `head` (whose signature the caller has checked): records that the
// head covers and the log no longer has, and a log whose first
// head.tree_size records are not the ones the head was signed over (a
// record among them changed, reordered or removed, whatever hashes were
// recomputed); checked with RFC 9162's consistency proof. When
// 0 < `record` <= head.tree_size, also that record's inclusion proof in the
// head's tree. Empty: the log extends the head. `label` names the head in
// the messages ("the head of FILE").
std::vector<std::string> CheckAgainstHead(const std::vector<merkle::Hash>& leaf_hashes,
                                          const TreeHead& head, uint64_t record,
                                          const std::string& label);

}  // namespace gpulca::inventory
