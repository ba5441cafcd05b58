// The TOML inventory reader and validation (inventory/toml/toml_loader.h,
// inventory/model/validate.h): one file's text, as `db check` reads each
// file. Every problem must point into the text, and an inventory without
// problems must hold only finite numbers.
#include <cstddef>
#include <cstdint>

#include "inventory/model/validate.h"
#include "inventory/toml/toml_loader.h"
#include "lca/error.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gpulca;
  const std::string text = fuzz::Text(data, size);
  try {
    std::vector<inventory::Diagnostic> problems;
    inventory::Inventory inv = inventory::ParseToml(text, "fuzz.toml", problems);
    std::vector<inventory::Diagnostic> more = inventory::Validate(inv);
    problems.insert(problems.end(), more.begin(), more.end());
    int lines = 1;
    for (char c : text) lines += c == '\n';
    for (const auto& p : problems) {
      if (p.origin.file != "fuzz.toml" || p.origin.line < 0 || p.origin.line > lines) {
        fuzz::Finding("a problem points outside the file (" + std::to_string(lines) +
                      " lines): " + p.ToString());
      }
    }
    if (problems.empty()) fuzz::RequireFinite(inv);
  } catch (const Error&) {
  }
  return 0;
}
