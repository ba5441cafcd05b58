// JsonldArchive: the files of an openLCA JSON-LD export, read from a zip
// (libzip inside) or from the directory it was unpacked into. Paths are
// relative to the export's root ("processes/<uuid>.json"); an export nested
// in one top folder of the zip is found too.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace gpulca::inventory {

class JsonldArchive {
 public:
  virtual ~JsonldArchive() = default;
  // Every file path of the export, sorted.
  virtual const std::vector<std::string>& Paths() const = 0;
  // The bytes of one file. Throws InputError naming the archive and the path.
  virtual std::string Read(const std::string& path) const = 0;
  // The archive or directory as the user named it.
  virtual const std::string& Name() const = 0;
};

// Opens `path`, a .zip file or a directory. Throws InputError when it is
// neither or cannot be read.
std::unique_ptr<JsonldArchive> OpenJsonldArchive(const std::string& path);

}  // namespace gpulca::inventory
