// The temporary files a build or rebuild of a database writes beside it, and
// their cleanup after a build that was killed.
//
// A build of PATH writes PATH.tmp-PID and a rebuild PATH.rebuild-PID (PID:
// the writing process), then renames the finished file over PATH. A process
// killed before the rename leaves its file (and SQLite's -journal or -wal
// beside it) behind. The next build or rebuild of PATH removes every such
// file whose process no longer runs; the file of a process that still runs is
// that process's own and stays.
#pragma once

#include <string>
#include <vector>

namespace gpulca::inventory {

// PATH.tmp-PID or PATH.rebuild-PID for this process; `kind` is "tmp" or
// "rebuild".
std::string TemporaryPath(const std::string& path, const std::string& kind);

// Removes the temporaries of PATH (of either kind, and their SQLite
// companions) left by processes that no longer run; returns the paths
// removed. Files of running processes, and every other file, are untouched.
std::vector<std::string> RemoveOrphanTemporaries(const std::string& path);

}  // namespace gpulca::inventory
