// The Merkle tree of Certificate Transparency (RFC 9162, section 2.1) over
// an ordered list of leaves: the audit log's records (audit_log.h), so that
// a tree head kept elsewhere (tree_head.h) proves later that no record it
// covers was changed, reordered or removed.
//
// Hashes are 32 raw bytes (SHA-256). A leaf's hash is SHA-256(0x00 || data),
// an interior node's SHA-256(0x01 || left || right); the tree over n leaves
// splits at k, the largest power of two below n. These are the definitions
// of RFC 9162 (and RFC 6962 before it) exactly, so the known answers of
// Certificate Transparency's reference test vectors apply
// (tests/inventory/merkle_tree_test.cpp).
//
// Indices are 0-based leaf positions; sizes are numbers of leaves. The
// proof functions take the leaf hashes of the whole tree; the verification
// functions take only what a verifier without the log would hold.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gpulca::inventory::merkle {

using Hash = std::string;  // 32 raw bytes

Hash LeafHash(std::string_view data);
Hash NodeHash(const Hash& left, const Hash& right);

// MTH(D[n]) of the leaves whose hashes are given; SHA-256 of nothing for none.
Hash RootHash(const std::vector<Hash>& leaf_hashes);

// The audit path of leaf `index` in the tree of all `leaf_hashes` (PATH).
// REQUIRES: index < leaf_hashes.size().
std::vector<Hash> InclusionProof(uint64_t index, const std::vector<Hash>& leaf_hashes);

// The proof that the tree of the first `old_size` leaves is a prefix of the
// tree of all `leaf_hashes` (PROOF). REQUIRES: 0 < old_size <= size.
std::vector<Hash> ConsistencyProof(uint64_t old_size, const std::vector<Hash>& leaf_hashes);

// RFC 9162 section 2.1.3.2: true when `proof` shows that the leaf with hash
// `leaf_hash` is leaf `index` of the tree of `size` leaves whose root is
// `root`. Any malformed proof (wrong length, wrong sizes) is false.
bool VerifyInclusion(uint64_t index, uint64_t size, const Hash& leaf_hash,
                     const std::vector<Hash>& proof, const Hash& root);

// RFC 9162 section 2.1.4.2: true when `proof` shows that the tree of
// `old_size` leaves with root `old_root` is a prefix of the tree of
// `new_size` leaves with root `new_root`. Equal sizes need an empty proof and
// equal roots; an old size of 0 is false (nothing to be consistent with).
bool VerifyConsistency(uint64_t old_size, uint64_t new_size, const Hash& old_root,
                       const Hash& new_root, const std::vector<Hash>& proof);

}  // namespace gpulca::inventory::merkle
