// Building and opening gpulca databases from TOML directories.
//
// A database built from the bundled data/ carries meta origin = "bundled"
// and the hash of its files (data_hash); OpenDatabase rebuilds such a
// database when the data changed. A build writes a temporary file beside
// the target and installs it (install.h): a new target is that file; an
// existing one has its inventory tables rewritten from it in one
// transaction, its audits kept, so that no audit or import is lost to a
// concurrent build. A failed build leaves the target file byte-for-byte as
// it was.
//
// Additions (additions.h): data added to a database after its build (an
// openLCA import, TOML files added) are recorded in its meta. Such a
// database is never rebuilt unasked: when the bundled data changed,
// OpenDatabase opens it as it is and says so, and RebuildDatabase rebuilds
// it from its sources and replays the additions.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "inventory/model/model.h"
#include "inventory/store/store.h"

namespace gpulca::inventory {

// SHA-256 (hex) over the given files' paths (relative to `root`) and contents.
std::string HashFiles(const std::vector<std::string>& files, const std::string& root);
// The time now, UTC, as ISO 8601 to the second: "2026-12-01T18:18:34Z".
std::string UtcTimestamp();

// Builds the database at `path` from `paths`, atomically. `origin` is stored
// in meta ("bundled" for the bundled data). Returns the data hash.
std::string BuildDatabase(const std::string& path, const std::vector<std::string>& paths,
                          const std::string& origin);

// Adds the objects of the TOML files under `paths` to `store`, validated
// together with what it holds, in one transaction; records the addition.
// Throws InputError listing every problem (file:line) and leaves the store
// as it was. Returns the objects added.
Inventory AddTomlToStore(Store& store, const std::vector<std::string>& paths);

// Rebuilds the database at `path` from the paths it was built from (the
// current `bundled_dir` for a bundled one) and replays its additions, into a
// temporary file renamed into place: on any failure the file is as it was.
void RebuildDatabase(const std::string& path, const std::string& bundled_dir);

// The default database file: $GPULCA_DB, else $XDG_CACHE_HOME/gpulca/gpulca.db,
// else ~/.cache/gpulca/gpulca.db.
std::string DefaultDatabasePath();

// Opens the database at `path`. When it does not exist, or was built from
// the bundled data whose files have since changed, it is (re)built from
// `bundled_dir` first. A database built from other files is opened as it
// is. A bundled database holding additions is opened as it is too: when the
// bundled data changed, `left_as_built` (when given) is set to a sentence
// saying so (RebuildDatabase would bring it up to date), else cleared. A
// database of another schema version holding additions is a
// SchemaMismatchWithAdditions naming them.
std::unique_ptr<Store> OpenDatabase(const std::string& path, const std::string& bundled_dir,
                                    std::string* left_as_built = nullptr);

}  // namespace gpulca::inventory
