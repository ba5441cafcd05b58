// Reads the TOML inventory format (docs/inventory-format.md) into an
// Inventory. Only syntax and shape are checked here (types, required keys,
// unknown keys); references between objects, units and formulas are checked
// by Validate(). Every object carries the file:line it was read from.
#pragma once

#include <string>
#include <vector>

#include "inventory/diagnostic.h"
#include "inventory/model.h"

namespace gpulca {

// Parses one TOML document held in `text`; `name` is used as its file name
// in origins. Problems are appended to `problems`; what parsed is returned.
Inventory ParseToml(const std::string& text, const std::string& name,
                    std::vector<Diagnostic>& problems);

// Every `*.toml` file under each path (a file, or a directory searched
// recursively, except directories named `examples`, which hold example
// inputs such as orders, and `validation`, which holds published footprints
// (published_footprint.h)), in sorted path order.
std::vector<std::string> ListTomlFiles(const std::vector<std::string>& paths,
                                       std::vector<Diagnostic>& problems);

// Parses every file of ListTomlFiles(paths) into one inventory.
Inventory LoadToml(const std::vector<std::string>& paths, std::vector<Diagnostic>& problems);

}  // namespace gpulca

namespace gpulca {

// Reads a parameter-override file: `name = number` lines at the top level
// (`--params FILE.toml`). Throws InputError with file:line on a bad entry.
std::vector<std::pair<std::string, double>> LoadOverrides(const std::string& path);

}  // namespace gpulca
