// SHA-256 (OpenSSL's EVP inside), as lower-case hex: the content hash of a
// store, the data hash of the files a database was built from, the links of
// the audit log's hash chain, and ids derived from a seed.
#pragma once

#include <memory>
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

 private:
  struct FreeContext {
    void operator()(evp_md_ctx_st* ctx) const;
  };
  std::unique_ptr<evp_md_ctx_st, FreeContext> ctx_;
};

// The SHA-256 of `data`, as 64 hex digits.
std::string Sha256Hex(std::string_view data);

}  // namespace gpulca::inventory
