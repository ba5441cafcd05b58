// Store: the inventory in an embedded SQLite database (SQLiteCpp inside).
//
// The schema is versioned with PRAGMA user_version (kSchemaVersion); a file
// of another version is rejected with a message that says to rebuild it.
// Every batch of writes is one transaction: on any failure the database is
// as it was. Tables are indexed by id and by product flow for provider
// lookups. `meta` holds key/value facts: data_hash (of the TOML files a
// build read), content_hash (of the stored rows, see ContentHash), origin,
// built_at, and what was added after the build (additions.h).
//
// Numbers: SQLite keeps nan as NULL, which would read back as 0. A number
// that is not finite is never written (StoreError naming its file:line, and
// the transaction writes nothing); a NULL read where a number belongs (a
// factor, a reference amount, an uncertainty column, a value or amount
// without a formula), or an infinity read back, is a StoreError, never 0.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "inventory/model/model.h"

namespace gpulca::inventory {

inline constexpr int kSchemaVersion = 2;

struct StoreCounts {
  long sources = 0, parameters = 0, flows = 0, processes = 0, exchanges = 0, methods = 0,
       factors = 0;
};

class Store {
 public:
  // Opens (creating when `create`) the database at `path`; ":memory:" works.
  // Throws StoreError when the file cannot be opened or has another schema.
  Store(const std::string& path, bool create);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Replaces the whole inventory and the given meta entries, in one
  // transaction, and stores the new content hash as meta content_hash.
  // REQUIRES: `inventory` passed Validate().
  void Replace(const Inventory& inventory, const std::map<std::string, std::string>& meta);
  // Adds objects to the stored inventory, in one transaction; an id that is
  // already stored is a StoreError naming it, and nothing is written.
  // Updates meta content_hash.
  void Add(const Inventory& inventory, const std::map<std::string, std::string>& meta);

  // A meta entry of the database at `path`, read whatever its schema
  // version; "" when it cannot be read.
  static std::string PeekMeta(const std::string& path, const std::string& key);

  // The whole stored inventory, indexed and normalised.
  Inventory Read() const;
  std::string Meta(const std::string& key) const;  // "" when absent
  // SHA-256 (hex) of the stored inventory rows, recomputed now, canonical
  // (store_hash.h): the same data gives the same hash whatever the order of
  // its files and objects; any change of a stored value gives another. It
  // equals Meta("content_hash") unless the file was changed outside gpulca.
  std::string ContentHash() const;
  StoreCounts Counts() const;
  int SchemaVersion() const;
  const std::string& path() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gpulca::inventory
