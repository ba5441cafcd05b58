// A GPU assessment as tables for a spreadsheet (table.h), one concept per
// sheet; every impact is a column whose header carries its unit:
//   "Impacts"        rows: total (the boundary's), embodied (cradle to gate)
//                    and, cradle to grave, use phase = operational + host
//                    share in use, and the host's whole share;
//   "Intensities"    a row per impact with its unit: per GPU-hour, per
//                    PFLOP-hour (empty when undefined, with the reason in
//                    the note), per query (when a query energy was given);
//   "By stage"       the headline result by life-cycle stage;
//   "Processes"      every process of the headline result: id, name, stage,
//                    location, scaling, direct impacts, largest gwp100 first;
//   "Flows"          every elementary flow: id, amount and unit, impacts;
//   "Assumptions"    the parameters the assessment used, with units;
//   "Data quality"   sources and counts of estimated and uncertain exchanges.
// A pure function of the assessment.
#pragma once

#include <vector>

#include "lca/gpu/gpu_assessment.h"
#include "reports/internal/table.h"

namespace gpulca::reports {

std::vector<Table> GpuAssessmentTables(const lca::GpuAssessment& assessment);

}  // namespace gpulca::reports
