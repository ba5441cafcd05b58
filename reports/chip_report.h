// Renderers of a chip assessment (`gpulca chip`): pure functions from a
// ChipAssessment to text. Both formats carry the inputs as used, the yield,
// the basis, the split of the carbon per good die (and per good package),
// and with Monte Carlo the parts' statistics.
#pragma once

#include <string>

#include "lca/gpu/chip_assessment.h"

namespace gpulca::reports {

// The inputs and yield, the carbon per good die by part (energy, gases,
// materials, packaging, total; kg CO2e), the chiplet package's when there is
// one, then the Monte Carlo table.
std::string RenderChipText(const lca::ChipAssessment& a);
// DESIGN.md's shape (demand, impacts, stages) for the headline carbon, then
// "inputs", "yield", "basis", "die", "chiplet" and "carbon"; with Monte Carlo,
// "uncertainty.monte_carlo" holds every part's statistics and the total's are
// also in impacts.gwp100.
std::string RenderChipJson(const lca::ChipAssessment& a);

}  // namespace gpulca::reports
