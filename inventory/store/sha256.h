// SHA-256 (OpenSSL's EVP inside), as lower-case hex: the content hash of a
// store, the data hash of the files a database was built from, the links of
// the audit log's hash chain, and ids derived from a seed; and as 32 raw
// bytes, for the audit log's Merkle tree (merkle_tree.h).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX

namespace gpulca::inventory {

// A digest fed in pieces. Movable, not copyable: it owns an OpenSSL context.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;

  void Update(std::string_view data);
  // The digest of everything given to Update, as 64 hex digits.
  // REQUIRES: called once; the digest takes no more data after it.
  std::string HexDigest();
  // The same digest as 32 raw bytes. REQUIRES: as HexDigest, once.
  std::string Digest();

 private:
  struct FreeContext {
    void operator()(evp_md_ctx_st* ctx) const;
  };
  std::unique_ptr<evp_md_ctx_st, FreeContext> ctx_;
};

// The SHA-256 of `data`, as 64 hex digits.
std::string Sha256Hex(std::string_view data);

// Lower-case hex of raw bytes, and back: the bytes of `hex`, or nothing when
// it is not an even number of hex digits.
std::string HexOf(std::string_view bytes);
std::optional<std::string> BytesOfHex(std::string_view hex);

}  // namespace gpulca::inventory
