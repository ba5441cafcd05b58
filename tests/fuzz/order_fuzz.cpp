// The purchase-order reader (inventory/records/order.h), as `gpulca audit`
// reads an order file. The order sits in a directory beside a conforming
// PACT footprint, supplier.json, that its lines may declare. An order it
// accepts has a canonical JSON that reads back to the same order, as an
// audit record is verified.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <fstream>

#include "inventory/records/order.h"
#include "lca/error.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/inventory/pact_fixture.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gpulca;
  static const std::string name = [] {
    std::ofstream(fuzz::ScratchDir() / "supplier.json") << test::kSupplierFootprint;
    return (fuzz::ScratchDir() / "order.toml").string();
  }();
  try {
    inventory::PurchaseOrder order = inventory::ParseOrder(fuzz::Text(data, size), name);
    for (const auto& line : order.lines) {
      if (line.quantity < 1) fuzz::Finding("an accepted order line has a quantity below 1");
      if (line.declared && !std::isfinite(line.declared->kg_co2e_per_unit)) {
        fuzz::Finding("an accepted declaration is not finite per unit");
      }
    }
    const std::string canonical = inventory::CanonicalOrderJson(order);
    if (inventory::CanonicalOrderJson(inventory::OrderFromCanonicalJson(canonical)) != canonical) {
      fuzz::Finding("the canonical JSON of an order does not read back to itself:\n" + canonical);
    }
  } catch (const Error&) {
  }
  return 0;
}
