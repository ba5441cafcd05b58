// The content hash of a stored inventory (internal to inventory/store/; SQLiteCpp
// stays inside this module).
//
// SHA-256 over a canonical serialisation of every inventory row (sources,
// parameters, flows, processes, exchanges, methods, factors). Canonical:
//   - rows are sorted by their ids (exchanges of a process, which have no id,
//     by their serialised content), so the order of files, of objects in a
//     file and of exchanges in a process does not matter;
//   - where an object was defined (file, line) and load positions are left
//     out: moving a process to another file changes nothing;
//   - each value is typed and length-prefixed (NULL, integer, real as
//     %.17g, text), so no two different tables serialise alike;
//   - meta (build time, paths) is not content.
// Any change of a stored amount, unit, id, name, formula or uncertainty
// changes the hash.
#pragma once

#include <string>

namespace SQLite {
class Database;
}

namespace gpulca::inventory {

std::string HashInventoryTables(SQLite::Database& db);

}  // namespace gpulca::inventory
