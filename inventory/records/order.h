// PurchaseOrder: a procurement decision to audit (`gpulca audit ORDER.toml`,
// docs/audit.md): who buys what from whom, what the supplier declares, and
// where and how the GPUs will run. Plain data with the file:line of each
// part, so that every later message can point into the order.
//
// The canonical form (CanonicalOrderJson) is what an audit record stores and
// hashes: the order's meaning without its layout, comments or key order, with
// a supplier's PACT declaration already read into `declared`, so that a
// record can be recomputed without the files it came from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "inventory/model/model.h"
#include "inventory/records/pact_footprint.h"

namespace gpulca::inventory {

// A supplier's declared carbon footprint of one product.
struct DeclaredFootprint {
  double kg_co2e_per_unit = 0;  // converted from what was written
  double value = 0;             // as written
  std::string unit;             // as written: "kg CO2e", "t CO2e", "g CO2e"
  std::string per;              // "unit" (one GPU) or "line" (the whole quantity)
  std::string boundary;         // "cradle-to-gate" or "cradle-to-grave"
  std::string standard;         // "ISO 14067", "PACT 2.1", ... ; empty: none named
  std::string source;           // where it came from: the order's `source` text ("order"
                                // when it gives none), or the PACT file's name
  std::string reference_period; // "2023-01-01/2023-12-31", or empty
  Origin origin;
};

struct OrderLine {
  std::string product;  // a catalogue GPU id
  long quantity = 0;
  std::string fab_region;       // where the supplier says the logic die is made; "" unknown
  std::string assembly_region;  // where the module is assembled; "" unknown
  std::string transport;        // the long leg to the integrator: "air" or "sea"; "" the model's
  std::optional<DeclaredFootprint> declared;
  Origin origin;
};

struct Deployment {
  std::string region;  // grid region of the data centre; "" the model's default
  std::optional<double> pue, utilization, lifetime_years;
  Origin origin;
};

struct PurchaseOrder {
  std::string id, buyer, supplier, date;
  Deployment deployment;
  std::vector<OrderLine> lines;
  int iterations = 1000;  // Monte Carlo iterations of the estimate's interval
  std::uint64_t seed = 1;
  // [audit] calibrated: each line's interval is the posterior of a
  // calibration on the database's published footprints, less those of the
  // line's own product (docs/calibration.md).
  bool calibrated = false;
  std::vector<double> lifetime_what_ifs;  // alternative service lives, years
  std::string file;                       // the order file, for messages
};

// Reads an order file. Every problem (malformed TOML, a missing or mistyped
// key, an unknown key, a quantity that is not a positive whole number, an
// unknown transport, boundary or unit, a PACT file that cannot be read) is
// collected and thrown together as one InputError, each as file:line: why.
// A `declared = { pact = "FILE" }` is a supplier's PACT ProductFootprint
// (inventory/pact_footprint.h), relative to the order file's directory: its
// PCF per product, cradle to gate, with the standards it names; a file that
// does not conform to PACT v2.3 is a problem that lists its violations.
PurchaseOrder LoadOrder(const std::string& path);

// The same from text (tests); `name` stands for the file in messages, and
// its directory is where PACT files are looked for.
PurchaseOrder ParseOrder(const std::string& text, const std::string& name);

// A PACT footprint as a declaration: per product (pcf excluding biogenic
// times the declared units in one product), cradle to gate as PACT defines a
// PCF, its standards joined, its reference period start/end.
DeclaredFootprint FromPact(const PactFootprint& pact);

// The canonical JSON of an order: sorted keys, no whitespace, numbers as
// written by nlohmann::json (round-trip exact). Origins are not part of it.
std::string CanonicalOrderJson(const PurchaseOrder& order);

// The order back from its canonical JSON (for verify). Throws InputError on
// anything that is not such a JSON.
PurchaseOrder OrderFromCanonicalJson(const std::string& json);

}  // namespace gpulca::inventory
