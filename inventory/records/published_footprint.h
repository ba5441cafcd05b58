// Published footprints: figures that others have declared for a product
// gpulca also computes (a vendor's PCF, a peer-reviewed LCA), kept in
// data/validation/*.toml and held against the model by `gpulca validate`
// (docs/validation.md states the format).
//
// They are not inventory: `db build` skips data/validation (toml_loader.h)
// and they are read from their files each time, so that a footprint can be
// added or corrected without a rebuild, and the database hash does not move
// with them. They refer to the inventory by id (device process, impact
// method, source), and CheckPublishedFootprints resolves those ids against
// the database the comparison runs on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "inventory/model/diagnostic.h"
#include "inventory/model/model.h"

namespace gpulca::inventory {

// A category of the source's own split of its total ("memory 42 %"), with the
// gpulca processes that make it. The category's gpulca value is the upstream
// total of its anchor processes: the processes named, and every provider in
// the product system of the products named. REQUIRES (checked when computed):
// no anchor is upstream of another, so that categories do not overlap.
struct PublishedCategory {
  std::string name;
  double percent = 0;  // of the published total
  std::vector<std::string> processes;
  std::vector<std::string> products;
  Origin origin;
};

struct PublishedFootprint {
  std::string id;
  std::string name;
  std::string device;    // the process gpulca computes (one unit of its product)
  std::string boundary;  // "cradle-to-gate" or "cradle-to-grave"
  std::string impact = "gwp100";
  double value = 0;      // per unit of the device, in `unit`
  std::string unit;      // the impact method's unit
  // The figure's own range, where the source states one (else none).
  std::optional<double> low, high;
  double divisor = 1;              // units of `per` in one device (8 GPUs a board)
  std::string per = "device";      // what the divided figure is per ("GPU")
  std::vector<std::string> includes, excludes;  // as the source states them
  std::string source;    // a source id (the inventory's or the validation files')
  std::string standard;  // "ISO 14067", where the source names one
  std::string note;
  std::vector<PublishedCategory> categories;  // empty: the source gives no split
  Origin origin;

  // The process to assess: the device at the gate, or its "-lifecycle"
  // process for cradle-to-grave.
  std::string DemandProcess() const;
};

struct PublishedSet {
  std::vector<PublishedFootprint> footprints;
  std::vector<Source> sources;  // [[source]] tables of the validation files
};

// Parses one validation TOML document held in `text` (`name` is its file
// name in origins). Problems (syntax, shape, unknown keys, a boundary or
// value out of range) are appended to `problems`.
PublishedSet ParsePublishedToml(const std::string& text, const std::string& name,
                                std::vector<Diagnostic>& problems);

// Every *.toml file under `paths` (files or directories), parsed.
PublishedSet LoadPublishedToml(const std::vector<std::string>& paths,
                               std::vector<Diagnostic>& problems);

// The references of `set` against `inventory`: device and demand processes,
// impact method and its unit, source ids (in the inventory or the set, and
// defined once), category processes and products, duplicate ids.
std::vector<Diagnostic> CheckPublishedFootprints(const PublishedSet& set,
                                                 const Inventory& inventory);

// LoadPublishedToml then CheckPublishedFootprints; throws InputError listing
// every problem (file:line: why) when there is any.
PublishedSet LoadPublishedFootprints(const std::vector<std::string>& paths,
                                     const Inventory& inventory);

}  // namespace gpulca::inventory
