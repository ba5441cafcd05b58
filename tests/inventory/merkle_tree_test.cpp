// The audit log's Merkle tree against the known answers of Certificate
// Transparency's reference test vectors (RFC 6962 / RFC 9162 trees over the
// eight leaves "", 00, 10, 2021, 3031, 40414243, 5051525354555657,
// 606162636465666768696a6b6c6d6e6f; roots and proofs as published with
// google/certificate-transparency's merkle_tree_test and
// transparency-dev/merkle's proof test data), and every proof of every tree
// up to 9 leaves verified, and refused once altered.
#include "inventory/store/merkle_tree.h"

#include <catch2/catch.hpp>

#include "inventory/store/sha256.h"

using namespace gpulca::inventory;
using merkle::Hash;

namespace {

Hash H(const std::string& hex) { return *BytesOfHex(hex); }

std::vector<Hash> Leaves(size_t n) {
  static const char* data[] = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                               "606162636465666768696a6b6c6d6e6f", "70"};
  std::vector<Hash> out;
  for (size_t i = 0; i < n; ++i) out.push_back(merkle::LeafHash(H(data[i])));
  return out;
}

std::vector<Hash> Prefix(const std::vector<Hash>& leaves, size_t n) {
  return {leaves.begin(), leaves.begin() + static_cast<long>(n)};
}

std::vector<std::string> Hex(const std::vector<Hash>& hashes) {
  std::vector<std::string> out;
  for (const Hash& h : hashes) out.push_back(HexOf(h));
  return out;
}

}  // namespace

TEST_CASE("Merkle roots are the reference roots", "[merkle]") {
  const char* roots[] = {
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
  for (size_t n = 0; n <= 8; ++n) {
    INFO(n << " leaves");
    CHECK(HexOf(merkle::RootHash(Leaves(n))) == roots[n]);
  }
}

TEST_CASE("inclusion proofs are the reference proofs", "[merkle]") {
  const auto leaves = Leaves(8);
  CHECK(merkle::InclusionProof(0, Prefix(leaves, 1)).empty());
  CHECK(Hex(merkle::InclusionProof(0, leaves)) ==
        std::vector<std::string>{
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"});
  CHECK(Hex(merkle::InclusionProof(5, leaves)) ==
        std::vector<std::string>{
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"});
  CHECK(Hex(merkle::InclusionProof(2, Prefix(leaves, 3))) ==
        std::vector<std::string>{
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"});
  CHECK(Hex(merkle::InclusionProof(1, Prefix(leaves, 5))) ==
        std::vector<std::string>{
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"});
}

TEST_CASE("consistency proofs are the reference proofs", "[merkle]") {
  const auto leaves = Leaves(8);
  CHECK(merkle::ConsistencyProof(1, Prefix(leaves, 1)).empty());
  CHECK(Hex(merkle::ConsistencyProof(1, leaves)) ==
        std::vector<std::string>{
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"});
  CHECK(Hex(merkle::ConsistencyProof(6, leaves)) ==
        std::vector<std::string>{
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"});
  CHECK(Hex(merkle::ConsistencyProof(2, Prefix(leaves, 5))) ==
        std::vector<std::string>{
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"});
  CHECK(Hex(merkle::ConsistencyProof(6, Prefix(leaves, 7))) ==
        std::vector<std::string>{
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"});
}

TEST_CASE("every inclusion proof verifies, and none once altered", "[merkle]") {
  const auto all = Leaves(9);
  for (uint64_t n = 1; n <= all.size(); ++n) {
    const auto leaves = Prefix(all, n);
    const Hash root = merkle::RootHash(leaves);
    for (uint64_t i = 0; i < n; ++i) {
      INFO("leaf " << i << " of " << n);
      const auto proof = merkle::InclusionProof(i, leaves);
      CHECK(merkle::VerifyInclusion(i, n, leaves[i], proof, root));
      CHECK_FALSE(merkle::VerifyInclusion(i, n, leaves[(i + 1) % n] + "x", proof, root));
      CHECK_FALSE(merkle::VerifyInclusion(i + 1, n, leaves[i], proof, root));
      CHECK_FALSE(merkle::VerifyInclusion(i, n * 2, leaves[i], proof, root));
      auto longer = proof;
      longer.push_back(root);
      CHECK_FALSE(merkle::VerifyInclusion(i, n, leaves[i], longer, root));
      for (size_t k = 0; k < proof.size(); ++k) {
        auto flipped = proof;
        flipped[k][0] = static_cast<char>(flipped[k][0] ^ 8);
        CHECK_FALSE(merkle::VerifyInclusion(i, n, leaves[i], flipped, root));
      }
      if (!proof.empty()) {
        auto shorter = proof;
        shorter.pop_back();
        CHECK_FALSE(merkle::VerifyInclusion(i, n, leaves[i], shorter, root));
      }
    }
  }
}

TEST_CASE("every consistency proof verifies, and none once altered", "[merkle]") {
  const auto all = Leaves(9);
  for (uint64_t n = 1; n <= all.size(); ++n) {
    const auto leaves = Prefix(all, n);
    const Hash root = merkle::RootHash(leaves);
    for (uint64_t m = 1; m <= n; ++m) {
      INFO(m << " leaves, then " << n);
      const Hash old_root = merkle::RootHash(Prefix(all, m));
      const auto proof = merkle::ConsistencyProof(m, leaves);
      CHECK(merkle::VerifyConsistency(m, n, old_root, root, proof));
      CHECK_FALSE(merkle::VerifyConsistency(m, n, root + "x", root, proof));
      if (m == n) continue;
      // A tree whose old part was changed: leaf 0 replaced.
      auto changed = leaves;
      changed[0] = merkle::LeafHash("changed");
      CHECK_FALSE(merkle::VerifyConsistency(m, n, old_root, merkle::RootHash(changed),
                                            merkle::ConsistencyProof(m, changed)));
      CHECK_FALSE(merkle::VerifyConsistency(m, n, root, old_root, proof));  // swapped roots
      CHECK_FALSE(merkle::VerifyConsistency(m, n, old_root, root, {}));
      for (size_t k = 0; k < proof.size(); ++k) {
        auto flipped = proof;
        flipped[k][0] = static_cast<char>(flipped[k][0] ^ 16);
        CHECK_FALSE(merkle::VerifyConsistency(m, n, old_root, root, flipped));
      }
      auto longer = proof;
      longer.push_back(root);
      CHECK_FALSE(merkle::VerifyConsistency(m, n, old_root, root, longer));
    }
  }
  // Sizes that prove nothing, or go back in time.
  const Hash r = merkle::RootHash(all);
  CHECK_FALSE(merkle::VerifyConsistency(0, 3, r, r, {}));
  CHECK_FALSE(merkle::VerifyConsistency(2, 1, r, r, {}));
  CHECK_FALSE(merkle::VerifyConsistency(1, 1, r, r, {r}));
}
