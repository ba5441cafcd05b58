#include "inventory/store/internal/connection.h"

#include <sys/stat.h>

namespace gpulca::inventory {

std::optional<FileIdentity> IdentityOf(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileIdentity{st.st_dev, st.st_ino};
}

Connection OpenConnection(const std::string& path, int flags) {
  Connection c;
  c.path = path;
  // The file opened is the one at `path` before and after the open; a
  // rename in between opens again.
  for (int attempt = 0;; ++attempt) {
    const std::optional<FileIdentity> before = IdentityOf(path);
    c.db = std::make_unique<SQLite::Database>(path, flags);
    c.identity = IdentityOf(path);
    if (!before || before == c.identity || attempt >= 100) break;
  }
  c.db->setBusyTimeout(kBusyTimeoutMs);
  return c;
}

WriteTransaction::WriteTransaction(Connection& c)
    : tx_(*c.db, SQLite::TransactionBehavior::IMMEDIATE) {
  replaced_ = IdentityOf(c.path) != c.identity;
}

}  // namespace gpulca::inventory
