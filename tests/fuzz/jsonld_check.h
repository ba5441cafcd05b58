// What both JSON-LD fuzz targets (jsonld_fuzz.cpp, jsonld_zip_fuzz.cpp) do
// with an export: `import jsonld` up to the store (inventory/jsonld/
// jsonld_import.h: parse, convert against a stored inventory, validate the
// two together, summarise); only the write is left out. An import that
// validates must hold only finite numbers (fuzz_support.h).
#pragma once

#include "inventory/jsonld/jsonld_archive.h"

namespace gpulca::fuzz {

// Throws gpulca::Error where ImportJsonld would refuse the export.
void ImportChecked(const inventory::JsonldArchive& archive);

}  // namespace gpulca::fuzz
