// Reads the TOML inventory format (docs/inventory-format.md) into an
// Inventory. Only syntax and shape are checked here (types, required keys,
// unknown keys); references between objects, units and formulas are checked
// by Validate(). Every object carries the file:line it was read from.
#pragma once

#include <string>
#include <vector>

#include "inventory/model/diagnostic.h"
#include "inventory/model/model.h"

namespace gpulca::inventory {

// Parses one TOML document held in `text`; `name` is used as its file name
// in origins. Problems are appended to `problems`; what parsed is returned.
Inventory ParseToml(const std::string& text, const std::string& name,
                    std::vector<Diagnostic>& problems);

// Parses every file of ListTomlFiles(paths) (toml_files.h) into one inventory.
Inventory LoadToml(const std::vector<std::string>& paths, std::vector<Diagnostic>& problems);

// Loads every TOML file under `paths` and validates it, appending every
// problem of the loader and of validation to `problems` (one pass, so that a
// user sees them all at once).
Inventory LoadAndCheck(const std::vector<std::string>& paths, std::vector<Diagnostic>& problems);

// LoadAndCheck, throwing InputError listing every problem (file:line: why)
// when there is any.
Inventory LoadAndValidate(const std::vector<std::string>& paths);

}  // namespace gpulca::inventory

namespace gpulca::inventory {

// Reads a parameter-override file: `name = number` lines at the top level
// (`--params FILE.toml`). Throws InputError with file:line on a bad entry
// (not a number, or nan/inf).
std::vector<std::pair<std::string, double>> LoadOverrides(const std::string& path);

}  // namespace gpulca::inventory
