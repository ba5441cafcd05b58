// Signed tree heads: Ed25519 signing against RFC 8032's first test vector,
// key files that others can read refused, heads whose fields were altered
// refused, and the head file read strictly.
#include "inventory/store/tree_head.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "inventory/store/sha256.h"
#include "inventory/store/signing_key.h"
#include "lca/error.h"
#include "tests/test_support.h"

using namespace gpulca;
using namespace gpulca::inventory;

namespace {

// RFC 8032, section 7.1, TEST 1: the secret key
// 9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60 as PKCS #8.
const char* kRfc8032Test1Pem =
    "-----BEGIN PRIVATE KEY-----\n"
    "MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n"
    "-----END PRIVATE KEY-----\n";
const char* kRfc8032Test1Public =
    "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

std::string PrivateFile(const test::TempDir& dir, const std::string& name, const char* pem,
                        mode_t mode = 0600) {
  const std::string path = dir.Write(name, pem).string();
  ::chmod(path.c_str(), mode);
  return path;
}

std::vector<merkle::Hash> ThreeLeaves() {
  return {merkle::LeafHash("a"), merkle::LeafHash("b"), merkle::LeafHash("c")};
}

}  // namespace

TEST_CASE("Ed25519 signatures are RFC 8032's", "[merkle][head]") {
  test::TempDir dir;
  const SigningKey key = SigningKey::Load(PrivateFile(dir, "k.pem", kRfc8032Test1Pem));
  CHECK(key.PublicKeyHex() == kRfc8032Test1Public);
  // The signature of the empty message (RFC 8032, 7.1, TEST 1).
  CHECK(key.Sign("") ==
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39"
        "701cf9b46bd25bf5f0595bbe24655141438e7a100b");
  CHECK(VerifySignature(kRfc8032Test1Public, "", key.Sign("")));
  CHECK_FALSE(VerifySignature(kRfc8032Test1Public, "x", key.Sign("")));
  CHECK_FALSE(VerifySignature(kRfc8032Test1Public, "", "00"));
  CHECK_FALSE(VerifySignature("zz", "", key.Sign("")));
  CHECK(KeyId(kRfc8032Test1Public) ==
        Sha256Hex(*BytesOfHex(kRfc8032Test1Public)).substr(0, 16));
}

TEST_CASE("a signing key that others can read is refused", "[merkle][head]") {
  test::TempDir dir;
  for (mode_t mode : {0644, 0640, 0604, 0660}) {
    INFO(std::oct << mode);
    const std::string path = PrivateFile(dir, "open.pem", kRfc8032Test1Pem, mode);
    REQUIRE_THROWS_AS(SigningKey::Load(path), InputError);
    REQUIRE_THROWS_WITH(SigningKey::Load(path),
                        Catch::Contains("open to other users") && Catch::Contains("chmod 600"));
  }
  CHECK_NOTHROW(SigningKey::Load(PrivateFile(dir, "closed.pem", kRfc8032Test1Pem, 0400)));
  CHECK_THROWS_WITH(SigningKey::Load((dir.path() / "none.pem").string()),
                    Catch::Contains("cannot be read"));
  CHECK_THROWS_WITH(SigningKey::Load(PrivateFile(dir, "junk.pem", "not a key\n")),
                    Catch::Contains("not a PEM private key"));
  CHECK_THROWS_WITH(SigningKey::Load(dir.path().string()), Catch::Contains("regular file"));
}

TEST_CASE("a new key is private, and its public half readable", "[merkle][head]") {
  test::TempDir dir;
  const std::string path = (dir.path() / "new.pem").string();
  const SigningKey key = SigningKey::Generate(path);
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(SigningKey::Load(path).PublicKeyHex() == key.PublicKeyHex());
  CHECK(ReadPublicKeyHex(path + ".pub") == key.PublicKeyHex());
  CHECK(ReadPublicKeyHex(path) == key.PublicKeyHex());
  // An existing file is never replaced.
  CHECK_THROWS_WITH(SigningKey::Generate(path), Catch::Contains("is not replaced"));
}

TEST_CASE("a head's signature covers every field", "[merkle][head]") {
  test::TempDir dir;
  const SigningKey key = SigningKey::Load(PrivateFile(dir, "k.pem", kRfc8032Test1Pem));
  const TreeHead head = SignTreeHead(ThreeLeaves(), "2026-12-07T10:00:00Z", key);
  CHECK(head.tree_size == 3);
  CHECK(head.root_hash == HexOf(merkle::RootHash(ThreeLeaves())));
  CHECK(TreeHeadMessage(head) ==
        "gpulca audit tree head\nversion 1\ntree_size 3\nroot_hash " + head.root_hash +
            "\nsigned_at 2026-12-07T10:00:00Z\n");
  CHECK(HasValidSignature(head));
  TreeHead h = head;
  h.tree_size = 2;
  CHECK_FALSE(HasValidSignature(h));
  h = head;
  h.root_hash[0] = h.root_hash[0] == '0' ? '1' : '0';
  CHECK_FALSE(HasValidSignature(h));
  h = head;
  h.signed_at = "2026-12-08T10:00:00Z";
  CHECK_FALSE(HasValidSignature(h));
  h = head;
  h.public_key = SigningKey::Generate((dir.path() / "other.pem").string()).PublicKeyHex();
  CHECK_FALSE(HasValidSignature(h));
}

TEST_CASE("a head file is read back exactly, and strictly", "[merkle][head]") {
  test::TempDir dir;
  const SigningKey key = SigningKey::Load(PrivateFile(dir, "k.pem", kRfc8032Test1Pem));
  const TreeHead head = SignTreeHead(ThreeLeaves(), "2026-12-07T10:00:00Z", key);
  const std::string json = TreeHeadJson(head);
  const TreeHead back = ParseTreeHead(json, "h.json");
  CHECK(back.tree_size == 3);
  CHECK(back.root_hash == head.root_hash);
  CHECK(back.signed_at == head.signed_at);
  CHECK(back.public_key == head.public_key);
  CHECK(back.signature == head.signature);
  CHECK(HasValidSignature(back));

  auto refused = [&](const std::string& from, const std::string& to, const std::string& words) {
    std::string text = json;
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    INFO(text);
    CHECK_THROWS_WITH(ParseTreeHead(text, "h.json"),
                      Catch::Contains("h.json") && Catch::Contains(words));
  };
  refused("\"tree_size\": 3", "\"tree_size\": -3", "'tree_size' must be a whole number");
  refused("\"tree_size\": 3", "\"tree_size\": 3.5", "'tree_size' must be a whole number");
  refused("\"version\": 1", "\"version\": 2", "'version' must be 1");
  refused("\"format\": \"gpulca audit tree head\"", "\"format\": \"x\"", "'format' must be");
  refused("\"root_hash\": \"", "\"root_hash\": \"zz", "'root_hash' must be 64 hex digits");
  refused("\"key_id\": \"", "\"key_id\": \"0", "'key_id' must be 16 hex digits");
  refused("\"key_id\": \"" + KeyId(head.public_key),
          "\"key_id\": \"" + std::string(16, '0'), "'key_id' is not the id of 'public_key'");
  refused("\"signed_at\"", "\"extra\": 1, \"signed_at\"", "unknown key 'extra'");
  CHECK_THROWS_WITH(ParseTreeHead("[", "h.json"), Catch::Contains("not a JSON object"));
  CHECK_THROWS_WITH(ParseTreeHead("", "h.json"), Catch::Contains("not a JSON object"));
}

TEST_CASE("a log is measured against a head", "[merkle][head]") {
  test::TempDir dir;
  const SigningKey key = SigningKey::Load(PrivateFile(dir, "k.pem", kRfc8032Test1Pem));
  auto leaves = ThreeLeaves();
  const TreeHead head = SignTreeHead(leaves, "2026-12-07T10:00:00Z", key);
  CHECK(CheckAgainstHead(leaves, head, 2, "H").empty());
  leaves.push_back(merkle::LeafHash("d"));  // appended after the head: fine
  CHECK(CheckAgainstHead(leaves, head, 4, "H").empty());

  auto removed = ThreeLeaves();
  removed.pop_back();
  auto problems = CheckAgainstHead(removed, head, 0, "H");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] == "H covers 3 records, but the log has 2: record 3 was removed");

  auto changed = ThreeLeaves();
  changed[1] = merkle::LeafHash("B");
  problems = CheckAgainstHead(changed, head, 2, "H");
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].find("first 3 records are not the ones H was signed over") !=
        std::string::npos);
  CHECK(problems[1] ==
        "record 2 is not proven to be in H: it, or a record its inclusion proof passes through, "
        "changed");
  // Record 1 is unchanged, but its proof passes through record 2.
  CHECK(CheckAgainstHead(changed, head, 1, "H").size() == 2);
  // A record after the head is not in it: only the log as a whole is checked.
  CHECK(CheckAgainstHead(changed, head, 4, "H").size() == 1);

  auto reordered = ThreeLeaves();
  std::swap(reordered[0], reordered[2]);
  CHECK(CheckAgainstHead(reordered, head, 0, "H").size() == 1);
}
