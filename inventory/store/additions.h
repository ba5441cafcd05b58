// The additions of a database: data added to it after its build (an openLCA
// JSON-LD import, TOML files added), recorded in its meta so that a rebuild
// can replay them (database.h) and a listing can name them.
//
// Meta "history" holds one line per addition, "kind\tprefix\tpath", in the
// order made; meta "origin" gains "+import" ("bundled+import",
// "files+import") with the first addition.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "inventory/store/store.h"

namespace gpulca::inventory {

// One addition after the build: an openLCA JSON-LD import (kind "jsonld",
// with its id prefix) or TOML files (kind "toml"). Paths are absolute.
struct Addition {
  std::string kind, path, prefix;
};

// The additions recorded in the database at `path`, in the order made
// (read whatever the schema version; empty when none or unreadable).
std::vector<Addition> RecordedAdditions(const std::string& path);

// The meta entries that record `additions` in `store`: the history with
// them appended, and the origin with "+import". For Store::Add.
std::map<std::string, std::string> AdditionMeta(const Store& store,
                                                const std::vector<Addition>& additions);

// True when `origin` says the database holds additions ("...+import").
bool HasAdditions(const std::string& origin);

// The additions in words, for messages: "uslci import '/x.zip', TOML '/y.toml'".
std::string DescribeAdditions(const std::vector<Addition>& additions);

}  // namespace gpulca::inventory
