// Store: the inventory in an embedded SQLite database (SQLiteCpp inside).
//
// The schema is versioned with PRAGMA user_version (kSchemaVersion); a file
// of another version is rejected with a message that says to rebuild it.
// Every batch of writes is one transaction: on any failure the database is
// as it was. Tables are indexed by id and by product flow for provider
// lookups. `meta` holds key/value facts: data_hash, origin, built_at,
// gpulca_version.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "inventory/model.h"

namespace gpulca {

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
  // transaction. REQUIRES: `inventory` passed Validate().
  void Replace(const Inventory& inventory, const std::map<std::string, std::string>& meta);
  // Adds objects to the stored inventory, in one transaction; an id that is
  // already stored is a StoreError naming it, and nothing is written.
  void Add(const Inventory& inventory, const std::map<std::string, std::string>& meta);

  // A meta entry of the database at `path`, read whatever its schema
  // version; "" when it cannot be read.
  static std::string PeekMeta(const std::string& path, const std::string& key);

  // The whole stored inventory, indexed and normalised.
  Inventory Read() const;
  std::string Meta(const std::string& key) const;  // "" when absent
  StoreCounts Counts() const;
  int SchemaVersion() const;
  const std::string& path() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gpulca
