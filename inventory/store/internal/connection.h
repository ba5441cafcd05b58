// One policy for every connection to a gpulca database file (SQLiteCpp
// inside the store module):
//   - a busy timeout (kBusyTimeoutMs) on every connection, readers and
//     writers, so that one waits for another process's transaction instead
//     of failing at once with "database is locked";
//   - write transactions are IMMEDIATE: a writer takes the write lock
//     before it reads, so it never has to upgrade a read lock, which SQLite
//     refuses without waiting (it would be a deadlock);
//   - a writer checks, once it holds the lock, that the file it has open is
//     still the one at its path. A rebuild writes a new file and renames it
//     over the old one while holding the old one's write lock (swap.h), so
//     a writer that waited for that lock finds the file replaced, writes
//     nothing, and reopens the path: nothing is ever written into a file that
//     has been replaced.
//   - the rollback journal, not WAL: WAL's -wal and -shm files are found by
//     the database's name, which a renamed file no longer has.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>

namespace gpulca::inventory {

inline constexpr int kBusyTimeoutMs = 30000;

// The file at a path: device and inode.
struct FileIdentity {
  dev_t device = 0;
  ino_t inode = 0;
  bool operator==(const FileIdentity& o) const { return device == o.device && inode == o.inode; }
  bool operator!=(const FileIdentity& o) const { return !(*this == o); }
};

// The identity of the file at `path`; none when there is none.
std::optional<FileIdentity> IdentityOf(const std::string& path);

// A connection with the policy above, and the identity of the file it has
// open (the file at `path` when it was opened; a rename during the open is
// retried). Throws SQLite::Exception.
struct Connection {
  std::unique_ptr<SQLite::Database> db;
  std::optional<FileIdentity> identity;
  std::string path;
};
Connection OpenConnection(const std::string& path, int flags);

// An IMMEDIATE transaction on `c`, taken only on the file still at c.path:
// `replaced()` is true (and nothing may be written; the destructor rolls
// back) when another process renamed a new file over it.
class WriteTransaction {
 public:
  explicit WriteTransaction(Connection& c);
  bool replaced() const { return replaced_; }
  void commit() { tx_.commit(); }

 private:
  SQLite::Transaction tx_;
  bool replaced_ = false;
};

}  // namespace gpulca::inventory
