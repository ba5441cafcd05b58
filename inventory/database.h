// Building and opening gpulca databases from TOML directories.
//
// A database built from the bundled data/ carries meta origin = "bundled"
// and the content hash of its files; OpenDatabase rebuilds such a database
// when the data changed. A build writes a temporary file beside the target
// and renames it into place, so a failed build leaves the target file
// byte-for-byte as it was.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "inventory/diagnostic.h"
#include "inventory/model.h"
#include "inventory/store.h"

namespace gpulca {

// SHA-256 (hex) over the given files' paths (relative to `root`) and contents.
std::string HashFiles(const std::vector<std::string>& files, const std::string& root);
// The time now, UTC, as ISO 8601 to the second: "2026-12-01T18:18:34Z".
std::string UtcTimestamp();

// SHA-256 (hex) of a string.
std::string Sha256Hex(const std::string& data);

// Loads every TOML file under `paths` and validates it, appending every
// problem of the loader and of validation to `problems` (one pass, so that a
// user sees them all at once).
Inventory LoadAndCheck(const std::vector<std::string>& paths, std::vector<Diagnostic>& problems);

// LoadAndCheck, throwing InputError listing every problem (file:line: why)
// when there is any.
Inventory LoadAndValidate(const std::vector<std::string>& paths);

// Builds the database at `path` from `paths`, atomically. `origin` is stored
// in meta ("bundled" for the bundled data). Returns the data hash.
std::string BuildDatabase(const std::string& path, const std::vector<std::string>& paths,
                          const std::string& origin);

// The default database file: $GPULCA_DB, else $XDG_CACHE_HOME/gpulca/gpulca.db,
// else ~/.cache/gpulca/gpulca.db.
std::string DefaultDatabasePath();

// Opens the database at `path`. When it does not exist, or was built from
// the bundled data whose content hash has since changed, it is (re)built
// from `bundled_dir` first. A database built from other files is opened as
// it is.
std::unique_ptr<Store> OpenDatabase(const std::string& path, const std::string& bundled_dir);

}  // namespace gpulca
