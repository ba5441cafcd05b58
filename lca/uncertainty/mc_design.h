// McDesign: a Monte Carlo run whose inputs are not drawn at random but set
// at quantiles a design chooses, iteration by iteration (Saltelli's design
// for Sobol' indices, global_sensitivity.h). An input the design has no
// column for is drawn from its stream as usual. Plain interface; the run
// calls it from several threads, so an implementation must be safe to read
// concurrently.
#pragma once

#include <string>

namespace gpulca::lca {

class McDesign {
 public:
  virtual ~McDesign() = default;
  // The design's column of the uncertain input named `input` (an McInput
  // name, mc_plan.h: "param:ID", "exchange:PROCESS:FLOW", ...), or -1.
  virtual int Column(const std::string& input) const = 0;
  // The quantile in (0, 1) of column `column` at iteration `iteration`.
  virtual double Quantile(int column, int iteration) const = 0;
};

}  // namespace gpulca::lca
