// Reading an input file whole, with a limit: a file gpulca reads into
// memory (a PACT footprint, a JSON-LD entry) has a size no real one comes
// near, so that a huge file, or a device such as /dev/zero that never ends,
// is refused with a message instead of filling the memory.
#pragma once

#include <cstddef>
#include <string>

namespace gpulca::inventory {

inline constexpr size_t kMaxPactBytes = size_t{16} << 20;          // 16 MB; a footprint is ~5 kB
inline constexpr size_t kMaxJsonldEntryBytes = size_t{256} << 20;  // 256 MB; USLCI's largest is ~1 MB
inline constexpr size_t kMaxWorkloadBytes = size_t{1} << 20;       // 1 MB; a workload is ~3 kB

// The bytes of the file at `path`. Throws InputError naming it when it
// cannot be read, or holds more than `limit` bytes (read up to limit + 1,
// never more); `what` says what the file should be ("a PACT footprint").
std::string ReadFileBounded(const std::string& path, size_t limit, const std::string& what);

}  // namespace gpulca::inventory
