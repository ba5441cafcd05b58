// Finding and reading the TOML files of an inventory.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "inventory/model/diagnostic.h"

namespace gpulca::inventory {

// Every `*.toml` file under each path (a file, or a directory searched
// recursively, except directories named `examples`, which hold example
// inputs such as orders, and `validation`, which holds published footprints
// (published_footprint.h)), in sorted path order.
std::vector<std::string> ListTomlFiles(const std::vector<std::string>& paths,
                                       std::vector<Diagnostic>& problems);

// The text of every *.toml file under `paths` (ListTomlFiles), as {file,
// text}; a file that cannot be read is a problem.
std::vector<std::pair<std::string, std::string>> ReadTomlFiles(const std::vector<std::string>& paths,
                                                               std::vector<Diagnostic>& problems);

}  // namespace gpulca::inventory
