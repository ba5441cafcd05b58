#include "inventory/store/merkle_tree.h"

#include "inventory/store/sha256.h"

namespace gpulca::inventory::merkle {
namespace {

using Leaves = std::vector<Hash>;

// The largest power of two smaller than n. REQUIRES: n > 1.
uint64_t Split(uint64_t n) {
  uint64_t k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

Hash Hashed(char prefix, std::string_view a, std::string_view b = {}) {
  Sha256 h;
  h.Update(std::string_view(&prefix, 1));
  h.Update(a);
  h.Update(b);
  return h.Digest();
}

// MTH of leaves [begin, end).
Hash Root(const Leaves& leaves, uint64_t begin, uint64_t end) {
  if (end - begin == 1) return leaves[begin];
  const uint64_t k = Split(end - begin);
  return NodeHash(Root(leaves, begin, begin + k), Root(leaves, begin + k, end));
}

// PATH(m, D[begin:end]).
void Path(uint64_t m, const Leaves& leaves, uint64_t begin, uint64_t end, std::vector<Hash>& out) {
  const uint64_t n = end - begin;
  if (n <= 1) return;
  const uint64_t k = Split(n);
  if (m < k) {
    Path(m, leaves, begin, begin + k, out);
    out.push_back(Root(leaves, begin + k, end));
  } else {
    Path(m - k, leaves, begin + k, end, out);
    out.push_back(Root(leaves, begin, begin + k));
  }
}

// SUBPROOF(m, D[begin:end], b).
void Subproof(uint64_t m, const Leaves& leaves, uint64_t begin, uint64_t end, bool whole,
              std::vector<Hash>& out) {
  const uint64_t n = end - begin;
  if (m == n) {
    if (!whole) out.push_back(Root(leaves, begin, end));
    return;
  }
  const uint64_t k = Split(n);
  if (m <= k) {
    Subproof(m, leaves, begin, begin + k, whole, out);
    out.push_back(Root(leaves, begin + k, end));
  } else {
    Subproof(m - k, leaves, begin + k, end, false, out);
    out.push_back(Root(leaves, begin, begin + k));
  }
}

// Right-shifts fn and sn together until fn's lowest bit is set or fn is 0.
void ShiftToSetBit(uint64_t& fn, uint64_t& sn) {
  while ((fn & 1) == 0 && fn != 0) {
    fn >>= 1;
    sn >>= 1;
  }
}

}  // namespace

Hash LeafHash(std::string_view data) { return Hashed('\x00', data); }

Hash NodeHash(const Hash& left, const Hash& right) { return Hashed('\x01', left, right); }

Hash RootHash(const Leaves& leaf_hashes) {
  if (leaf_hashes.empty()) {
    Sha256 h;
    return h.Digest();
  }
  return Root(leaf_hashes, 0, leaf_hashes.size());
}

std::vector<Hash> InclusionProof(uint64_t index, const Leaves& leaf_hashes) {
  std::vector<Hash> out;
  Path(index, leaf_hashes, 0, leaf_hashes.size(), out);
  return out;
}

std::vector<Hash> ConsistencyProof(uint64_t old_size, const Leaves& leaf_hashes) {
  std::vector<Hash> out;
  Subproof(old_size, leaf_hashes, 0, leaf_hashes.size(), true, out);
  return out;
}

bool VerifyInclusion(uint64_t index, uint64_t size, const Hash& leaf_hash,
                     const std::vector<Hash>& proof, const Hash& root) {
  if (index >= size) return false;
  uint64_t fn = index, sn = size - 1;
  Hash r = leaf_hash;
  for (const Hash& p : proof) {
    if (sn == 0) return false;
    if ((fn & 1) == 1 || fn == sn) {
      r = NodeHash(p, r);
      ShiftToSetBit(fn, sn);
    } else {
      r = NodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && r == root;
}

bool VerifyConsistency(uint64_t old_size, uint64_t new_size, const Hash& old_root,
                       const Hash& new_root, const std::vector<Hash>& proof) {
  if (old_size > new_size || old_size == 0) return false;
  if (old_size == new_size) return proof.empty() && old_root == new_root;
  if (proof.empty()) return false;
  std::vector<Hash> path;
  // An old tree that is a complete subtree is not in the proof: it starts it.
  if ((old_size & (old_size - 1)) == 0) path.push_back(old_root);
  path.insert(path.end(), proof.begin(), proof.end());
  uint64_t fn = old_size - 1, sn = new_size - 1;
  while ((fn & 1) == 1) {
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = path.front(), sr = path.front();
  for (size_t i = 1; i < path.size(); ++i) {
    const Hash& c = path[i];
    if (sn == 0) return false;
    if ((fn & 1) == 1 || fn == sn) {
      fr = NodeHash(c, fr);
      sr = NodeHash(c, sr);
      ShiftToSetBit(fn, sn);
    } else {
      sr = NodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr == old_root && sr == new_root && sn == 0;
}

}  // namespace gpulca::inventory::merkle
