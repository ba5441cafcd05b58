#include "reports/pact_quality.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <regex>
#include <set>

#include "lca/error.h"

namespace gpulca::reports {
namespace {

// The PACT indicators in PactDqi's order, as indices of gpulca's pedigree
// scores [reliability, completeness, temporal, geographical, technological].
constexpr int kPedigreeIndex[5] = {4, 2, 3, 1, 0};
constexpr double kThreshold = 0.05;  // the methodology's "> 5 % of the PCF emissions"

// The characterisation factor of each flow of `r` for impact k.
std::map<std::string, double> Factors(const lca::LcaResult& r, int k) {
  std::map<std::string, double> out;
  for (size_t f = 0; f < r.data.flow_ids.size(); ++f) {
    out[r.data.flow_ids[f]] = r.data.characterisation.At(k, static_cast<int>(f));
  }
  return out;
}

std::map<std::string, const lca::ProcessQuality*> ByProcess(const lca::GpuAssessment& a) {
  std::map<std::string, const lca::ProcessQuality*> out;
  for (const lca::ProcessQuality& q : a.quality) out[q.id] = &q;
  return out;
}

double Weight(const lca::ElementaryQuality& e, const std::map<std::string, double>& factors) {
  auto f = factors.find(e.flow);
  return f == factors.end() ? 0.0 : e.amount * f->second;
}

// The process's rating on each PACT indicator: its emitting exchanges'
// DQRs weighted by their emission.
std::array<double, 5> ProcessRating(const lca::ProcessQuality* q,
                                    const std::map<std::string, double>& factors) {
  std::array<double, 5> sum{}, out{3, 3, 3, 3, 3};
  double total = 0;
  if (!q) return out;
  for (const lca::ElementaryQuality& e : q->elementary) {
    const double w = Weight(e, factors);
    if (!(w > 0)) continue;
    total += w;
    for (int i = 0; i < 5; ++i)
      sum[i] += w * (e.pedigree ? DqrOfPedigree((*e.pedigree)[kPedigreeIndex[i]]) : 3);
  }
  if (total > 0) {
    for (int i = 0; i < 5; ++i) out[i] = sum[i] / total;
  }
  return out;
}

}  // namespace

int DqrOfPedigree(int score) {
  if (score < 1 || score > 5)
    throw InvalidArgument(fmt::format("pedigree score {} is not in 1..5", score));
  return score <= 2 ? 1 : score == 3 ? 2 : 3;
}

PactDqi PactDataQuality(const lca::GpuAssessment& a, int k) {
  const lca::LcaResult& gate = a.gate;
  PactDqi dqi;
  const double total = gate.impacts[k];
  if (!(total > 0)) return dqi;
  const auto factors = Factors(gate, k);
  const auto quality = ByProcess(a);
  double assessed = 0;
  std::array<double, 5> sum{};
  for (size_t j = 0; j < gate.data.process_ids.size(); ++j) {
    const double d = gate.by_process[k][j];
    if (!(d > kThreshold * total)) continue;
    auto q = quality.find(gate.data.process_ids[j]);
    const std::array<double, 5> rating =
        ProcessRating(q == quality.end() ? nullptr : q->second, factors);
    assessed += d;
    for (int i = 0; i < 5; ++i) sum[i] += d * rating[i];
  }
  if (assessed == 0) return dqi;
  dqi.coverage_percent = std::min(100.0, 100.0 * assessed / total);
  double* out[5] = {&dqi.technological, &dqi.temporal, &dqi.geographical, &dqi.completeness,
                    &dqi.reliability};
  for (int i = 0; i < 5; ++i) *out[i] = sum[i] / assessed;
  return dqi;
}

std::vector<EmissionFactorSource> PactEmissionFactorSources(const lca::GpuAssessment& a, int k) {
  static const std::regex kYear(R"(\b(1[89][0-9]{2}|20[0-9]{2})\b)");
  const lca::LcaResult& gate = a.gate;
  const auto factors = Factors(gate, k);
  const auto quality = ByProcess(a);
  std::vector<size_t> order(gate.data.process_ids.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return std::fabs(gate.by_process[k][x]) > std::fabs(gate.by_process[k][y]);
  });
  std::vector<EmissionFactorSource> out;
  std::set<std::string> seen, listed;
  for (size_t j : order) {
    auto q = quality.find(gate.data.process_ids[j]);
    if (gate.by_process[k][j] == 0.0 || q == quality.end()) continue;
    for (const lca::ElementaryQuality& e : q->second->elementary) {
      if (Weight(e, factors) == 0.0) continue;
      for (const std::string& id : e.sources) {
        if (!seen.insert(id).second) continue;
        const auto& refs = q->second->sources;
        auto ref = std::find_if(refs.begin(), refs.end(),
                                [&](const lca::SourceRef& s) { return s.id == id; });
        const std::string citation = ref == refs.end() ? "" : ref->citation;
        std::smatch year;
        EmissionFactorSource source{
            citation.empty() ? id : citation,
            std::regex_search(citation, year, kYear) ? year[1].str() : "n.d."};
        if (listed.insert(source.name + '\n' + source.version).second)
          out.push_back(std::move(source));
      }
    }
  }
  return out;
}

}  // namespace gpulca::reports
