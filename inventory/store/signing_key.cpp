#include "inventory/store/signing_key.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "inventory/model/bounded_read.h"
#include "inventory/store/sha256.h"
#include "lca/error.h"

namespace gpulca::inventory {
namespace {

constexpr size_t kEd25519KeyBytes = 32, kEd25519SignatureBytes = 64;
constexpr size_t kMaxKeyFileBytes = size_t{1} << 20;  // a PEM key is ~120 bytes

struct FreeBio {
  void operator()(BIO* b) const { BIO_free(b); }
};
using Bio = std::unique_ptr<BIO, FreeBio>;
struct FreeMdContext {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using MdContext = std::unique_ptr<EVP_MD_CTX, FreeMdContext>;
struct FreePkey {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using Pkey = std::unique_ptr<EVP_PKEY, FreePkey>;

// OpenSSL's reason for the last failure, or `fallback`; clears its queue.
std::string OpenSslReason(const char* fallback) {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return fallback;
  char text[256];
  ERR_error_string_n(code, text, sizeof text);
  return text;
}

// The private key file's bytes, after checking that only its owner can use it.
std::string ReadPrivateKeyFile(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    throw InputError(fmt::format("{}: the signing key cannot be read: {}", path,
                                 std::strerror(errno)));
  }
  if (!S_ISREG(st.st_mode)) {
    throw InputError(fmt::format("{}: the signing key must be a regular file", path));
  }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    throw InputError(fmt::format(
        "{}: the signing key is open to other users (mode {:04o}); anyone who reads it can sign "
        "a forged tree head. Make it private with 'chmod 600 {}'",
        path, st.st_mode & 07777, path));
  }
  return ReadFileBounded(path, kMaxKeyFileBytes, "a key file");
}

EVP_PKEY* ParsePem(const std::string& pem, bool want_private) {
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) throw std::bad_alloc();
  return want_private ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)
                      : PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
}

void RequireEd25519(EVP_PKEY* key, const std::string& path) {
  if (EVP_PKEY_id(key) != EVP_PKEY_ED25519) {
    throw InputError(fmt::format("{}: not an Ed25519 key (make one with 'gpulca audit keygen' or "
                                 "'openssl genpkey -algorithm ed25519')", path));
  }
}

std::string RawPublicKey(EVP_PKEY* key) {
  unsigned char raw[kEd25519KeyBytes];
  size_t length = sizeof raw;
  if (EVP_PKEY_get_raw_public_key(key, raw, &length) != 1 || length != kEd25519KeyBytes) {
    throw StoreError("an Ed25519 public key cannot be read: " + OpenSslReason("unknown"));
  }
  return std::string(reinterpret_cast<const char*>(raw), length);
}

// Writes `text` to a new file at `path` with `mode`; never over an existing one.
void WriteNewFile(const std::string& path, const std::string& text, mode_t mode) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) {
    throw InputError(fmt::format("{}: cannot be created{}: {}", path,
                                 errno == EEXIST ? " (a file is there; it is not replaced)" : "",
                                 std::strerror(errno)));
  }
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  const bool closed = ::close(fd) == 0;
  if (!ok || !closed) {
    ::unlink(path.c_str());
    throw InputError(fmt::format("{}: cannot be written", path));
  }
}

std::string PemOf(EVP_PKEY* key, bool private_half) {
  Bio bio(BIO_new(BIO_s_mem()));
  if (!bio) throw std::bad_alloc();
  const int ok = private_half ? PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0,
                                                         nullptr, nullptr)
                              : PEM_write_bio_PUBKEY(bio.get(), key);
  if (ok != 1) throw StoreError("a key cannot be written: " + OpenSslReason("unknown"));
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(length));
}

}  // namespace

void SigningKey::FreeKey::operator()(evp_pkey_st* key) const { EVP_PKEY_free(key); }

SigningKey::SigningKey(evp_pkey_st* key) : key_(key) {}
SigningKey::SigningKey(SigningKey&&) noexcept = default;
SigningKey& SigningKey::operator=(SigningKey&&) noexcept = default;
SigningKey::~SigningKey() = default;

SigningKey SigningKey::Load(const std::string& path) {
  const std::string pem = ReadPrivateKeyFile(path);
  EVP_PKEY* key = ParsePem(pem, true);
  if (!key) {
    throw InputError(fmt::format("{}: not a PEM private key ({})", path,
                                 OpenSslReason("no key found")));
  }
  SigningKey out(key);
  RequireEd25519(key, path);
  return out;
}

SigningKey SigningKey::Generate(const std::string& path) {
  EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  if (!key) throw StoreError("an Ed25519 key cannot be made: " + OpenSslReason("unknown"));
  SigningKey out(key);
  WriteNewFile(path, PemOf(key, true), 0600);
  WriteNewFile(path + ".pub", PemOf(key, false), 0644);
  return out;
}

std::string SigningKey::PublicKeyHex() const { return HexOf(RawPublicKey(key_.get())); }

std::string SigningKey::Sign(const std::string& message) const {
  MdContext ctx(EVP_MD_CTX_new());
  if (!ctx) throw std::bad_alloc();
  unsigned char signature[kEd25519SignatureBytes];
  size_t length = sizeof signature;
  if (EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key_.get()) != 1 ||
      EVP_DigestSign(ctx.get(), signature, &length,
                     reinterpret_cast<const unsigned char*>(message.data()),
                     message.size()) != 1) {
    throw StoreError("the tree head cannot be signed: " + OpenSslReason("unknown"));
  }
  return HexOf(std::string_view(reinterpret_cast<const char*>(signature), length));
}

bool VerifySignature(const std::string& public_key_hex, const std::string& message,
                     const std::string& signature_hex) {
  const auto raw_key = BytesOfHex(public_key_hex);
  const auto signature = BytesOfHex(signature_hex);
  if (!raw_key || raw_key->size() != kEd25519KeyBytes || !signature ||
      signature->size() != kEd25519SignatureBytes) {
    return false;
  }
  Pkey key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                       reinterpret_cast<const unsigned char*>(raw_key->data()),
                                       raw_key->size()));
  MdContext ctx(EVP_MD_CTX_new());
  const bool ok =
      key && ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
      EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature->data()),
                       signature->size(), reinterpret_cast<const unsigned char*>(message.data()),
                       message.size()) == 1;
  ERR_clear_error();
  return ok;
}

std::string ReadPublicKeyHex(const std::string& path) {
  const std::string pem = ReadFileBounded(path, kMaxKeyFileBytes, "a key file");
  Pkey key(ParsePem(pem, false));
  if (!key) {
    ERR_clear_error();
    // A private key file names its public half too; it must still be private.
    if (pem.find("PRIVATE KEY") != std::string::npos) {
      ReadPrivateKeyFile(path);
      key.reset(ParsePem(pem, true));
    }
  }
  if (!key) {
    throw InputError(fmt::format("{}: not a PEM public key ({})", path,
                                 OpenSslReason("no key found")));
  }
  RequireEd25519(key.get(), path);
  return HexOf(RawPublicKey(key.get()));
}

std::string KeyId(const std::string& public_key_hex) {
  return Sha256Hex(BytesOfHex(public_key_hex).value_or(public_key_hex)).substr(0, 16);
}

}  // namespace gpulca::inventory
