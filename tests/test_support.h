// Helpers shared by the tests: inventories from inline TOML, temporary files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "inventory/model/diagnostic.h"
#include "inventory/model/model.h"

namespace gpulca::test {

// Parses and validates `text`; returns the inventory and fills `problems`.
inventory::Inventory Parse(const std::string& text,
                           std::vector<inventory::Diagnostic>* problems = nullptr);

// Parses `text`, validates it and requires no problem (fails the test otherwise).
inventory::Inventory ParseValid(const std::string& text);

// True when any problem's text contains every one of `parts`.
bool AnyProblem(const std::vector<inventory::Diagnostic>& problems,
                const std::vector<std::string>& parts);

// A fresh empty directory under the system's temporary directory, removed
// when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path Write(const std::string& name, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

std::string ReadAll(const std::filesystem::path& path);

// The 1-based line of `text` on which `needle` first begins (fails the test
// when it does not occur).
int LineOf(const std::string& text, const std::string& needle);

// A two-process inventory: a wafer that needs electricity from a grid.
extern const char* const kSmallInventory;

// A bad input: TOML appended to kSmallInventory (as "test.toml") and the
// words that one problem's message must hold.
struct BadInputCase {
  const char* name;
  std::string extra;
  std::vector<std::string> expect;
};
// Every kind of bad input the loader and validation must report.
const std::vector<BadInputCase>& BadInputCases();

}  // namespace gpulca::test
