// The uncertainty rows of a command's CSV (tidy_csv.h), for the commands that
// run a Monte Carlo or one-at-a-time analysis (report, calc):
//   mc             impact, measure total | an intensity key (per_gpu_hour...),
//                  or stage with measure contribution; statistic mean, sd,
//                  p05, p50, p95
//   sensitivity    impact, input, measure spearman | first_order (unit 1)
//   one_at_a_time  impact, input, measure at_low | at_high: the impact with
//                  the input moved down or up
#pragma once

#include "reports/internal/tidy_csv.h"
#include "reports/uncertainty_report.h"

namespace gpulca::reports {

// Adds the rows of `view` to `csv`, each with the dimensions of `base` (the
// report's gpu) besides its own.
void AddUncertaintyCsv(const UncertaintyView& view, const TidyKey& base, TidyCsv& csv);

}  // namespace gpulca::reports
