// Putting a newly built database in place of an existing one without
// replacing its file: what `db build` over an existing database, `db
// rebuild` and the automatic rebuild of a stale bundled database end with.
//
// A file renamed over a database that other processes have open is unsafe
// (an audit appended to the old file is lost; a reader of the old file can
// take the new file's journal for its own). So the new database's tables
// are copied into the existing file in one IMMEDIATE transaction: the
// inventory tables and meta are dropped and recreated from the built file
// (whatever the old schema version), the audit records are left as they
// are, and readers and writers of the file see the old content or the new,
// never a mix, waiting for each other with the connection policy's busy
// timeout (internal/connection.h).
#pragma once

#include <functional>
#include <string>

namespace gpulca::inventory {

// Installs the database file `built` at `target`: when `target` does not
// exist, `built` is linked there (never over a file that appears
// meanwhile); else its tables replace `target`'s, all but the audit log's, in one
// transaction. `under_lock`, when given, runs once the write lock is held
// and before anything changes (a rebuild checks there that no import landed
// since it started); what it throws is let through. Throws StoreError. On
// any failure `target` is as it was. `built` is left for the caller to
// remove.
void InstallDatabase(const std::string& built, const std::string& target,
                     const std::function<void()>& under_lock = {});

}  // namespace gpulca::inventory
