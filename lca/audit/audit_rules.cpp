#include "lca/audit/internal/audit_rules.h"

#include <fmt/format.h>

namespace gpulca::lca {
namespace {

Verdict Make(Verdict::Level level, const char* code, std::string message) {
  return {level, code, std::move(message)};
}

std::string Kg(double kg) { return fmt::format("{:.4g} kg CO2e", kg); }

void CompareDeclared(const inventory::DeclaredFootprint& d, const LineEstimate& e,
                     std::vector<Verdict>& out) {
  const bool gate = d.boundary == "cradle-to-gate";
  const double central = gate ? e.gate : e.grave;
  const auto& interval = gate ? e.gate_interval : e.grave_interval;
  const char* basis = gate ? "cradle-to-gate" : "cradle-to-grave";
  if (!gate) {
    out.push_back(Make(Verdict::Level::kFlag, "boundary-differs",
                       fmt::format("the declaration is {}, not cradle to gate: it is compared with "
                                   "gpulca's cradle-to-grave estimate for this order's deployment "
                                   "({}), whose use phase is the buyer's, not the supplier's",
                                   d.boundary, Kg(e.grave))));
  }
  const double declared = d.kg_co2e_per_unit;
  const double ratio = central > 0 ? declared / central : 0;
  if (!interval) {
    out.push_back(Make(Verdict::Level::kNote, "no-interval",
                       fmt::format("declared {} per unit against gpulca's central {} estimate of "
                                   "{} ({:.2f}x); without Monte Carlo there is no interval to "
                                   "judge it by",
                                   Kg(declared), basis, Kg(central), ratio)));
    return;
  }
  const std::string range = fmt::format("{} estimate {} (90% interval {} to {})", basis,
                                        Kg(central), Kg(interval->p05), Kg(interval->p95));
  if (declared < interval->p05) {
    out.push_back(Make(Verdict::Level::kFlag, "declared-below-interval",
                       fmt::format("declared {} per unit is below gpulca's {}: ask for the "
                                   "declaration's boundary, cut-offs and primary data",
                                   Kg(declared), range)));
  } else if (declared > interval->p95) {
    out.push_back(Make(Verdict::Level::kFlag, "declared-above-interval",
                       fmt::format("declared {} per unit is above gpulca's {}: the declaration "
                                   "may include more than the module, or conservative data",
                                   Kg(declared), range)));
  } else {
    out.push_back(Make(Verdict::Level::kOk, "declared-within-interval",
                       fmt::format("declared {} per unit lies within gpulca's {}", Kg(declared),
                                   range)));
  }
}

void CompareRegion(const char* code, const char* what, const std::string& ordered,
                   const std::string& model, std::vector<Verdict>& out) {
  if (ordered.empty() || model.empty() || ordered == model) return;
  out.push_back(Make(Verdict::Level::kNote, code,
                     fmt::format("the order gives {} {}; gpulca's model of this product has {}: "
                                 "the estimate keeps {}",
                                 what, ordered, model, model)));
}

}  // namespace

const char* ToString(Verdict::Level level) {
  switch (level) {
    case Verdict::Level::kOk:
      return "ok";
    case Verdict::Level::kNote:
      return "note";
    case Verdict::Level::kFlag:
      return "flag";
  }
  return "note";
}

std::vector<Verdict> JudgeLine(const inventory::OrderLine& line, const LineEstimate& e) {
  std::vector<Verdict> out;
  if (!line.declared) {
    out.push_back(Make(Verdict::Level::kNote, "no-declaration",
                       "the supplier declares no footprint for this line: gpulca's estimate stands "
                       "alone"));
  } else {
    CompareDeclared(*line.declared, e, out);
    if (line.declared->standard.empty()) {
      out.push_back(Make(Verdict::Level::kNote, "no-standard",
                         "the declaration names no standard (ISO 14067, the GHG Protocol Product "
                         "Standard, PACT): its boundary and rules cannot be checked"));
    }
  }
  CompareRegion("fab-region-differs", "fab region", line.fab_region, e.model_fab_region, out);
  CompareRegion("assembly-region-differs", "assembly region", line.assembly_region,
                e.model_assembly_region, out);
  if (!line.transport.empty() && !e.model_transport.empty() && line.transport != e.model_transport) {
    out.push_back(Make(Verdict::Level::kNote, "transport-differs",
                       fmt::format("the order ships by {}, which this database cannot model: the "
                                   "estimate uses {}",
                                   line.transport, e.model_transport)));
  }
  return out;
}

}  // namespace gpulca::lca
