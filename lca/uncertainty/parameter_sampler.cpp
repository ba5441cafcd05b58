#include "lca/uncertainty/parameter_sampler.h"

#include "lca/uncertainty/internal/mc_plan.h"

namespace gpulca::lca {

ParameterSampler::ParameterSampler(const inventory::ParameterSet& nominal, uint64_t seed) {
  for (int s = 0; s < nominal.SlotCount(); ++s) {
    if (!IsDrawnParameter(nominal, s)) continue;
    slots_.push_back(s);
    distributions_.emplace_back(nominal.SlotParameter(s).uncertainty, nominal.SlotValue(s));
    streams_.push_back(StreamBase(seed, StreamKey(ParameterInputName(nominal, s))));
  }
}

void ParameterSampler::Draw(uint64_t iteration, inventory::ParameterSet& out) const {
  for (size_t u = 0; u < slots_.size(); ++u) {
    RandomEngine engine = StreamEngine(streams_[u], iteration);
    out.SetSlotValue(slots_[u], distributions_[u](engine));
  }
  out.Evaluate();
}

}  // namespace gpulca::lca
