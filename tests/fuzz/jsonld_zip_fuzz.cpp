// The JSON-LD import (jsonld_check.h) of an export as a zip file, read by
// the archive reader (inventory/jsonld/jsonld_archive.h, libzip inside).
#include <cstddef>
#include <cstdint>
#include <fstream>

#include "lca/error.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/jsonld_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gpulca;
  static const std::string path = (fuzz::ScratchDir() / "export.zip").string();
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  try {
    fuzz::ImportChecked(*inventory::OpenJsonldArchive(path));
  } catch (const Error&) {
  }
  return 0;
}
