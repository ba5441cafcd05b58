// What a PACT footprint says about its data (reports/pact.h): the data
// quality indicators (dqi) and the secondary sources of its emission
// factors, from the assessment's cradle-to-gate result and the quality
// records of its processes (GpuAssessment::quality). Pure functions.
//
// Data quality (PACT Methodology v2.0, the Pathfinder Framework 2.0, §4.2.3
// and Appendix B; its Table 9 rates five indicators 1 good, 2 fair, 3 poor).
// The inputs are the processes of the gate result, each with its direct
// emission d_j of the impact (gwp100); those above 5 % of the footprint P
// are assessed:
//   coveragePercent = 100 Σ d_j / P over the assessed processes (at most 100)
//   DQR_i           = Σ d_j s_ji / Σ d_j over the assessed processes
//   s_ji            = Σ_e w_e r_ei / Σ_e w_e over the process's elementary
//                     exchanges e that emit (w_e = amount_e × factor_e > 0)
//   r_ei            = DqrOfPedigree(the exchange's pedigree score i); an
//                     exchange without pedigree scores rates 3 on every
//                     indicator, as the pedigree matrix scores 5 what is unknown
// (a process whose exchanges carry no weight rates 3). With nothing above
// 5 % — or a footprint that is not positive — coverage is 0 and every DQR 3.
// The pedigree matrix is the ecoinvent v3 one gpulca reads
// (inventory/model/pedigree.h, Weidema et al. 2013); docs/interop.md
// explains the mapping of its 1-5 scores to PACT's 1-3.
#pragma once

#include <string>
#include <vector>

#include "lca/gpu/gpu_assessment.h"

namespace gpulca::reports {

// PACT's DataQualityIndicators, unrounded.
struct PactDqi {
  double coverage_percent = 0;
  double technological = 3, temporal = 3, geographical = 3, completeness = 3, reliability = 3;
};

// The PACT DQR of a pedigree score: 1 and 2 are 1 (good), 3 is 2 (fair), 4
// and 5 are 3 (poor). REQUIRES: 1 <= score <= 5 (else InvalidArgument).
int DqrOfPedigree(int score);

// The dqi of impact `k` of the assessment's gate result (above).
PactDqi PactDataQuality(const lca::GpuAssessment& a, int k);

// A secondary source of emission factors, PACT's EmissionFactorDatabases.
struct EmissionFactorSource {
  std::string name;     // the source's citation (its id when it has none)
  std::string version;  // the first year the citation names, else "n.d."
};

// The sources cited by the elementary exchanges that carry impact `k` in
// the gate result (factor × amount not 0, in a process whose direct
// contribution is not 0), each once: the processes by their contribution,
// largest first, then as cited. Empty when those exchanges cite nothing.
std::vector<EmissionFactorSource> PactEmissionFactorSources(const lca::GpuAssessment& a, int k);

}  // namespace gpulca::reports
