// The verdict rules of a procurement audit (docs/audit.md): pure functions
// from one order line and gpulca's estimate for it to the verdicts an
// auditor reads. Kept apart from the calculation so that each rule is
// tested on numbers chosen by hand.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "inventory/records/order.h"
#include "lca/uncertainty/statistics.h"

namespace gpulca::lca {

struct Verdict {
  enum class Level { kOk, kNote, kFlag };
  Level level = Level::kNote;
  std::string code;     // stable id of the rule, e.g. "declared-below-interval"
  std::string message;  // one sentence for the auditor
};
const char* ToString(Verdict::Level level);  // "ok", "note", "flag"

// gpulca's estimate for one unit of a line's product, in kg CO2e (gwp100).
struct LineEstimate {
  double gate = 0;   // cradle to gate, central value
  double grave = 0;  // cradle to grave in the order's deployment
  std::optional<Summary> gate_interval, grave_interval;  // Monte Carlo, when run
  // Where the estimate makes it: the order's fab region where the data have
  // that fab, else the catalogue's; the catalogue's assembly region.
  std::string model_fab_region, model_assembly_region;
  std::string model_transport;  // the long leg's mode in the estimate: "air" or "sea"
};

// The rules, in order:
//   no-declaration            note  the line declares nothing
//   boundary-differs          flag  the declared boundary is not cradle to
//                                   gate, the boundary of what a purchase
//                                   embodies: the declaration is then compared
//                                   with gpulca's cradle-to-grave estimate for
//                                   the order's deployment, which rests on the
//                                   buyer's use phase, not the supplier's
//   declared-below-interval   flag  declared < p05 of the estimate
//   declared-above-interval   flag  declared > p95
//   declared-within-interval  ok    p05 <= declared <= p95
//   no-interval               note  no Monte Carlo: compared with the central value
//   no-standard               note  the declaration names no standard
//   fab-region-differs        note  the order's fab region is not one the data
//                                   have for this product's node
//   assembly-region-differs   note  likewise for assembly
//   transport-differs         note  the estimate could not use the order's transport
std::vector<Verdict> JudgeLine(const inventory::OrderLine& line, const LineEstimate& estimate);

}  // namespace gpulca::lca
