// The PACT ProductFootprint reader (inventory/records/pact_footprint.h):
// a footprint it accepts has a product amount above 0 and finite figures,
// the per-product footprint being the PCF times the declared units.
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "inventory/records/pact_footprint.h"
#include "lca/error.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gpulca;
  try {
    inventory::PactFootprint f = inventory::ParsePactFootprint(fuzz::Text(data, size), "fuzz.json");
    if (!(f.unitary_amount > 0) || !std::isfinite(f.unitary_amount) ||
        !std::isfinite(f.pcf_excluding_biogenic) || !std::isfinite(f.per_product) ||
        f.per_product != f.pcf_excluding_biogenic * f.unitary_amount) {
      fuzz::Finding("an accepted footprint has figures that are not finite or do not agree");
    }
    for (const auto& v : {f.pcf_including_biogenic, f.fossil_ghg, f.exempted_percent}) {
      if (v && !std::isfinite(*v)) fuzz::Finding("an accepted footprint has a figure that is not finite");
    }
  } catch (const Error&) {
  }
  return 0;
}
