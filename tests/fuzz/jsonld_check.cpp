#include "tests/fuzz/jsonld_check.h"

#include "inventory/jsonld/jsonld_import.h"
#include "inventory/model/validate.h"
#include "inventory/toml/toml_loader.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/inventory/jsonld_fixture.h"

namespace gpulca::fuzz {

void ImportChecked(const inventory::JsonldArchive& archive) {
  // The stored inventory: the flows and methods the test export matches.
  static const inventory::Inventory stored = [] {
    std::vector<inventory::Diagnostic> problems;
    inventory::Inventory inv = inventory::ParseToml(test::kJsonldBase, "base.toml", problems);
    auto more = inventory::Validate(inv);
    if (!problems.empty() || !more.empty()) Finding("the stored inventory of the harness is invalid");
    return inv;
  }();
  inventory::olca::Dataset dataset = inventory::olca::ParseDataset(archive);
  inventory::JsonldImport imported =
      inventory::ConvertJsonld(dataset, stored, inventory::JsonldOptions(), archive.Name());
  inventory::FormatJsonldSummary(imported.summary);
  inventory::Inventory merged = stored;
  merged.Append(imported.inventory);
  if (inventory::Validate(merged).empty()) RequireFinite(merged);
}

}  // namespace gpulca::fuzz
