#include "inventory/store/install.h"

#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>
#include <vector>

#include "inventory/store/audit_log.h"
#include "inventory/store/internal/connection.h"
#include "lca/error.h"

namespace gpulca::inventory {
namespace {

// The schema objects of `schema` ("main" or an attached name) but the audit
// log's (kAuditTables) and SQLite's own: (type, name, sql), tables first.
std::vector<std::pair<std::string, std::string>> Objects(SQLite::Database& db,
                                                         const std::string& schema,
                                                         const char* type) {
  std::vector<std::pair<std::string, std::string>> out;
  SQLite::Statement q(db, fmt::format("SELECT name, sql FROM {}.sqlite_master WHERE type = ? AND "
                                      "name NOT IN ('{}') AND name NOT LIKE 'sqlite_%' AND "
                                      "sql IS NOT NULL ORDER BY rowid",
                                      schema, fmt::join(kAuditTables, "', '")));
  SQLite::bind(q, type);
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
  return out;
}

std::string Quoted(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void CopyIn(const std::string& built, const std::string& target,
            const std::function<void()>& under_lock) {
  Connection live = OpenConnection(target, SQLite::OPEN_READWRITE);
  SQLite::Database& db = *live.db;
  db.exec("PRAGMA foreign_keys = OFF");  // tables are dropped and refilled whole
  SQLite::Statement attach(db, "ATTACH DATABASE ? AS fresh");
  SQLite::bind(attach, built);
  attach.exec();
  {
    WriteTransaction tx(live);
    if (tx.replaced()) {
      throw StoreError(fmt::format("{} was replaced by another process while this waited to "
                                   "write", target));
    }
    if (under_lock) under_lock();
    for (const auto& [name, sql] : Objects(db, "main", "table")) {
      db.exec("DROP TABLE main." + Quoted(name));
    }
    for (const auto& [name, sql] : Objects(db, "fresh", "table")) {
      db.exec(sql);  // unqualified: created in main
      db.exec(fmt::format("INSERT INTO main.{0} SELECT * FROM fresh.{0}", Quoted(name)));
    }
    for (const char* type : {"index", "view", "trigger"}) {
      for (const auto& [name, sql] : Objects(db, "fresh", type)) db.exec(sql);
    }
    const int version = db.execAndGet("PRAGMA fresh.user_version").getInt();
    db.exec(fmt::format("PRAGMA main.user_version = {}", version));
    tx.commit();
  }
  db.exec("DETACH DATABASE fresh");
}

}  // namespace

void InstallDatabase(const std::string& built, const std::string& target,
                     const std::function<void()>& under_lock) {
  // A new file: linked into place, which fails rather than replace a file
  // another build put there meanwhile (that one is then written into).
  if (::link(built.c_str(), target.c_str()) == 0) return;
  if (errno != EEXIST) {
    throw StoreError(fmt::format("{}: the new database cannot be put in place: {}", target,
                                 std::strerror(errno)));
  }
  try {
    CopyIn(built, target, under_lock);
  } catch (const SQLite::Exception& e) {
    // A file in the way that is not a database: no process has it open as
    // one, and it holds no audits; the new database takes its place.
    if (e.getErrorCode() == SQLITE_NOTADB) {
      std::error_code ec;
      std::filesystem::rename(built, target, ec);
      if (!ec) return;
    }
    throw StoreError(fmt::format("{}: the new database cannot be put in place; nothing was "
                                 "changed: {}", target, e.what()));
  }
}

}  // namespace gpulca::inventory
