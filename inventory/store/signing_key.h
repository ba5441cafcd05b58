// Ed25519 keys that sign the audit log's tree heads (tree_head.h); OpenSSL
// inside. A private key lives in a PEM file (PKCS #8, as `openssl genpkey
// -algorithm ed25519` writes it) that only its owner may read: a key file
// that the group or others can read, write or run is refused, as ssh refuses
// such a key, because anyone who can read it can sign a forged head.
//
// Public keys travel as 64 hex digits (the 32 raw bytes of RFC 8032) inside
// a head, or as a PEM public key file (`openssl pkey -pubout`).
#pragma once

#include <memory>
#include <string>

struct evp_pkey_st;  // OpenSSL's EVP_PKEY

namespace gpulca::inventory {

class SigningKey {
 public:
  // Reads the private key at `path`. Throws InputError naming the file and
  // why: missing, not a regular file, readable by others, not PEM, not
  // Ed25519, larger than a key file can be.
  static SigningKey Load(const std::string& path);

  // Makes a new key and writes it to `path` (mode 0600, created: an existing
  // file is refused), and its public key beside it at `path`.pub. Throws
  // InputError.
  static SigningKey Generate(const std::string& path);

  SigningKey(SigningKey&&) noexcept;
  SigningKey& operator=(SigningKey&&) noexcept;
  ~SigningKey();

  std::string PublicKeyHex() const;  // 64 hex digits
  // The Ed25519 signature of `message`, as 128 hex digits.
  std::string Sign(const std::string& message) const;

 private:
  struct FreeKey {
    void operator()(evp_pkey_st* key) const;
  };
  explicit SigningKey(evp_pkey_st* key);
  std::unique_ptr<evp_pkey_st, FreeKey> key_;
};

// True when `signature_hex` is a valid Ed25519 signature of `message` by the
// key `public_key_hex`; false for any malformed key or signature.
bool VerifySignature(const std::string& public_key_hex, const std::string& message,
                     const std::string& signature_hex);

// The public key in a PEM file (a public key, or a private key whose public
// half is wanted), as 64 hex digits. Throws InputError naming the file.
std::string ReadPublicKeyHex(const std::string& path);

// A short name for a public key: the first 16 hex digits of its SHA-256.
std::string KeyId(const std::string& public_key_hex);

}  // namespace gpulca::inventory
