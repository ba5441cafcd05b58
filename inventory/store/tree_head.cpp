#include "inventory/store/tree_head.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>

#include "inventory/model/bounded_read.h"
#include "inventory/store/sha256.h"
#include "inventory/store/signing_key.h"
#include "lca/error.h"

namespace gpulca::inventory {
namespace {

const char* kFormat = "gpulca audit tree head";
constexpr int kVersion = 1;
constexpr size_t kMaxHeadBytes = size_t{64} << 10;

std::string HexField(const nlohmann::json& j, const char* key, size_t digits,
                     const std::string& name) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_string()) {
    throw InputError(fmt::format("{}: '{}' must be a string of {} hex digits", name, key, digits));
  }
  const std::string value = it->get<std::string>();
  if (value.size() != digits || !BytesOfHex(value)) {
    throw InputError(fmt::format("{}: '{}' must be {} hex digits, not '{}'", name, key, digits,
                                 value.substr(0, 80)));
  }
  return value;
}

}  // namespace

std::string TreeHeadMessage(const TreeHead& h) {
  return fmt::format("{}\nversion {}\ntree_size {}\nroot_hash {}\nsigned_at {}\n", kFormat,
                     kVersion, h.tree_size, h.root_hash, h.signed_at);
}

TreeHead SignTreeHead(const std::vector<merkle::Hash>& leaf_hashes, const std::string& signed_at,
                      const SigningKey& key) {
  TreeHead head;
  head.tree_size = leaf_hashes.size();
  head.root_hash = HexOf(merkle::RootHash(leaf_hashes));
  head.signed_at = signed_at;
  head.public_key = key.PublicKeyHex();
  head.signature = key.Sign(TreeHeadMessage(head));
  return head;
}

bool HasValidSignature(const TreeHead& head) {
  return VerifySignature(head.public_key, TreeHeadMessage(head), head.signature);
}

std::string TreeHeadJson(const TreeHead& h) {
  nlohmann::ordered_json j;
  j["format"] = kFormat;
  j["version"] = kVersion;
  j["tree_size"] = h.tree_size;
  j["root_hash"] = h.root_hash;
  j["signed_at"] = h.signed_at;
  j["key_id"] = KeyId(h.public_key);
  j["public_key"] = h.public_key;
  j["signature"] = h.signature;
  return j.dump(2) + "\n";
}

TreeHead ParseTreeHead(const std::string& text, const std::string& name) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    throw InputError(fmt::format("{}: not a tree head (not a JSON object)", name));
  }
  for (const auto& [key, value] : j.items()) {
    static const char* known[] = {"format", "version", "tree_size", "root_hash",
                                  "signed_at", "key_id", "public_key", "signature"};
    if (std::find(std::begin(known), std::end(known), key) == std::end(known)) {
      throw InputError(fmt::format("{}: unknown key '{}' in a tree head", name, key.substr(0, 80)));
    }
  }
  if (j.value("format", std::string()) != kFormat) {
    throw InputError(fmt::format("{}: 'format' must be \"{}\"", name, kFormat));
  }
  const auto version = j.find("version");
  if (version == j.end() || !version->is_number_integer() || version->get<long>() != kVersion) {
    throw InputError(fmt::format("{}: 'version' must be {}; this gpulca reads no other", name,
                                 kVersion));
  }
  const auto size = j.find("tree_size");
  if (size == j.end() || !size->is_number_unsigned()) {
    throw InputError(fmt::format("{}: 'tree_size' must be a whole number from 0", name));
  }
  const auto signed_at = j.find("signed_at");
  if (signed_at == j.end() || !signed_at->is_string() || signed_at->get<std::string>().empty() ||
      signed_at->get<std::string>().size() > 64) {
    throw InputError(fmt::format("{}: 'signed_at' must be a UTC time", name));
  }
  TreeHead head;
  head.tree_size = size->get<uint64_t>();
  head.root_hash = HexField(j, "root_hash", 64, name);
  head.signed_at = signed_at->get<std::string>();
  head.public_key = HexField(j, "public_key", 64, name);
  head.signature = HexField(j, "signature", 128, name);
  if (HexField(j, "key_id", 16, name) != KeyId(head.public_key)) {
    throw InputError(fmt::format("{}: 'key_id' is not the id of 'public_key'", name));
  }
  return head;
}

TreeHead ReadTreeHead(const std::string& path) {
  return ParseTreeHead(ReadFileBounded(path, kMaxHeadBytes, "a tree head"), path);
}

std::vector<std::string> CheckAgainstHead(const std::vector<merkle::Hash>& leaves,
                                          const TreeHead& head, uint64_t record,
                                          const std::string& label) {
  const uint64_t n = leaves.size(), m = head.tree_size;
  if (m > n) {
    return {fmt::format("{} covers {} record{}, but the log has {}: record{} {} {} removed",
                        label, m, m == 1 ? "" : "s", n, m - n == 1 ? "" : "s",
                        m - n == 1 ? std::to_string(m) : fmt::format("{} to {}", n + 1, m),
                        m - n == 1 ? "was" : "were")};
  }
  if (m == 0) return {};
  const merkle::Hash head_root = *BytesOfHex(head.root_hash);
  std::vector<std::string> problems;
  const std::vector<merkle::Hash> proof = merkle::ConsistencyProof(m, leaves);
  if (!merkle::VerifyConsistency(m, n, head_root, merkle::RootHash(leaves), proof)) {
    problems.push_back(fmt::format(
        "the log's first {} record{} are not the ones {} was signed over: a record among 1 to {} "
        "was changed, reordered or removed (whatever hashes were recomputed after it)",
        m, m == 1 ? "" : "s", label, m));
  }
  if (record > 0 && record <= m) {
    const std::vector<merkle::Hash> prefix(leaves.begin(), leaves.begin() + static_cast<long>(m));
    if (!merkle::VerifyInclusion(record - 1, m, leaves[record - 1],
                                 merkle::InclusionProof(record - 1, prefix), head_root)) {
      problems.push_back(fmt::format("record {} is not proven to be in {}: it, or a record "
                                     "its inclusion proof passes through, changed",
                                     record, label));
    }
  }
  return problems;
}

}  // namespace gpulca::inventory
