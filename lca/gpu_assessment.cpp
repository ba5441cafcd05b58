#include "lca/gpu_assessment.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "inventory/error.h"
#include "lca/calculation.h"

namespace gpulca::lca {

bool IsCatalogueGpu(const Process& process) {
  return std::any_of(process.parameters.begin(), process.parameters.end(),
                     [](const Parameter& p) { return p.id == "tdp_w"; });
}

std::vector<std::string> CatalogueGpus(const Inventory& inventory) {
  std::vector<std::string> ids;
  for (const Process& p : inventory.processes) {
    if (IsCatalogueGpu(p)) ids.push_back(p.id);
  }
  return ids;
}

std::vector<std::string> ElectricityRegions(const Inventory& inventory) {
  std::set<std::string> regions;
  for (const Process* p : inventory.ProvidersOf("electricity")) regions.insert(p->location);
  return {regions.begin(), regions.end()};
}

namespace {

// Upstream total of process `id` in `r` for impact k (0 when absent).
double UpstreamOf(const LcaResult& r, const std::string& id, int k) {
  for (size_t j = 0; j < r.data.process_ids.size(); ++j) {
    if (r.data.process_ids[j] == id) {
      return r.scaling[j] * r.data.technosphere.At(j, j) * r.intensity[k][j];
    }
  }
  return 0.0;
}

// The identifiers in a formula (candidate parameter names).
std::vector<std::string> Identifiers(const std::string& formula) {
  std::vector<std::string> ids;
  size_t i = 0;
  while (i < formula.size()) {
    unsigned char c = static_cast<unsigned char>(formula[i]);
    if (std::isalpha(c) || c == '_') {
      size_t start = i;
      while (i < formula.size() &&
             (std::isalnum(static_cast<unsigned char>(formula[i])) || formula[i] == '_')) {
        ++i;
      }
      ids.push_back(formula.substr(start, i - start));
    } else if (std::isdigit(c) || c == '.') {
      // Skip a number, exponent included, so that "1e3" names nothing.
      while (i < formula.size() && (std::isalnum(static_cast<unsigned char>(formula[i])) ||
                                    formula[i] == '.')) {
        ++i;
      }
    } else {
      ++i;
    }
  }
  return ids;
}

// The parameter `id` as a formula in `process` sees it: its own, those of
// the process it takes parameters from, then the globals. Null when none.
const Parameter* Resolve(const Inventory& inv, const Process& process, const std::string& id) {
  const Process* from =
      process.parameters_from.empty() ? nullptr : inv.FindProcess(process.parameters_from);
  for (const Process* p : {&process, from}) {
    if (!p) continue;
    for (const Parameter& q : p->parameters) {
      if (q.id == id) return &q;
    }
  }
  return inv.FindGlobal(id);
}

struct Evidence {
  bool estimate = false, uncertain = false;
};

// Follows the parameters a formula uses, and the formulas of those, noting
// their sources and whether any is an estimate or uncertain.
void Trace(const Inventory& inv, const Process& process, const std::string& formula,
           std::set<std::string>& seen, std::vector<std::string>& sources, Evidence& e) {
  for (const std::string& id : Identifiers(formula)) {
    const Parameter* q = Resolve(inv, process, id);
    if (!q || !seen.insert(q->scope + "/" + q->id).second) continue;
    if (!q->source.empty()) sources.push_back(q->source);
    e.estimate = e.estimate || q->estimate;
    e.uncertain = e.uncertain || q->uncertainty.IsSet();
    if (q->IsFormula()) Trace(inv, process, q->formula, seen, sources, e);
  }
}

}  // namespace

std::vector<ProcessQuality> DataQuality(const Inventory& inventory, const MatrixData& data) {
  std::vector<ProcessQuality> out;
  for (size_t j = 0; j < data.process_ids.size(); ++j) {
    ProcessQuality q;
    q.id = data.process_ids[j];
    q.name = data.process_names[j];
    q.location = data.locations[j];
    q.stage = data.stages[j];
    std::vector<std::string> cited;
    if (const Process* p = inventory.FindProcess(q.id)) {
      if (!p->source.empty()) cited.push_back(p->source);
      for (const Exchange& x : p->exchanges) {
        ++q.exchanges;
        Evidence e;
        e.uncertain = x.uncertainty.IsSet();
        if (!x.source.empty()) cited.push_back(x.source);
        std::set<std::string> seen;
        if (x.IsFormula()) Trace(inventory, *p, x.formula, seen, cited, e);
        q.estimated += e.estimate ? 1 : 0;
        q.uncertain += e.uncertain ? 1 : 0;
      }
    }
    std::set<std::string> listed;
    for (const std::string& id : cited) {
      if (!listed.insert(id).second) continue;
      const Source* s = inventory.FindSource(id);
      q.sources.push_back({id, s ? s->citation : "", s ? s->url : ""});
    }
    out.push_back(std::move(q));
  }
  return out;
}

GpuAssessment AssessGpu(const Inventory& inventory, const ParameterSet& parameters,
                        const GpuAssessmentOptions& o) {
  const Process* gpu = inventory.FindProcess(o.gpu);
  if (!gpu || !IsCatalogueGpu(*gpu)) {
    throw NotFound(fmt::format("'{}' is not a GPU in the catalogue; known: {}", o.gpu,
                               fmt::join(CatalogueGpus(inventory), ", ")));
  }
  GpuAssessment a;
  a.gpu = o.gpu;
  a.name = gpu->name;
  a.cradle_to_grave = o.cradle_to_grave;
  a.query_wh = o.query_wh;
  const std::string lifecycle = o.gpu + "-lifecycle";
  const Process* life = inventory.FindProcess(lifecycle);
  if (o.cradle_to_grave && !life) {
    throw NotFound(fmt::format("GPU '{}' has no life-cycle process '{}'", o.gpu, lifecycle));
  }
  a.region = o.region.empty() ? (life ? life->location : gpu->location) : o.region;
  if (!o.region.empty()) {
    auto regions = ElectricityRegions(inventory);
    if (std::find(regions.begin(), regions.end(), o.region) == regions.end()) {
      throw UsageError(fmt::format("--region {}: no electricity grid for that region; known: {}",
                                   o.region, fmt::join(regions, ", ")));
    }
  }
  a.tdp_w = parameters.Value(o.gpu, "tdp_w");
  a.peak_tflops = parameters.Value(o.gpu, "peak_bf16_dense_tflops");
  a.memory_gb = parameters.Value(o.gpu, "memory_capacity_gb");
  a.lifetime_years = parameters.Value("", "lifetime_years");
  a.lifetime_hours = parameters.Value("", "lifetime_hours");
  a.utilization = parameters.Value("", "utilization");
  a.pue = parameters.Value("", "pue");
  a.power_fraction = parameters.Value("", "gpu_power_fraction");

  a.gate = Calculate(BuildMatrices(inventory, parameters, o.gpu, 1.0, {}));
  const size_t impacts = a.gate.impacts.size();
  a.embodied = a.gate.impacts;
  a.use_phase.assign(impacts, 0.0);
  a.operational.assign(impacts, 0.0);
  a.host_share.assign(impacts, 0.0);
  a.total = a.embodied;
  if (o.cradle_to_grave) {
    LinkOptions links;
    links.locations[lifecycle] = a.region;
    a.grave = Calculate(BuildMatrices(inventory, parameters, lifecycle, 1.0, {}, links));
    a.use_kwh = parameters.Value(lifecycle, "use_kwh");
    for (size_t k = 0; k < impacts; ++k) {
      a.total[k] = a.grave->impacts[k];
      a.use_phase[k] = a.grave->by_stage[k][static_cast<int>(Stage::kDeployment)];
      a.host_share[k] = UpstreamOf(*a.grave, "host_share", static_cast<int>(k));
      a.operational[k] = a.use_phase[k] - a.host_share[k];
    }
  }
  const double pflops = a.peak_tflops / 1000.0 * a.utilization;
  const double gpu_w = a.tdp_w * a.power_fraction;
  for (size_t k = 0; k < impacts; ++k) {
    double per_hour = a.total[k] / a.lifetime_hours;
    a.per_gpu_hour.push_back(per_hour);
    a.per_pflop_hour.push_back(pflops > 0 ? per_hour / pflops : 0.0);
    if (a.query_wh && gpu_w > 0) a.per_query.push_back(per_hour * *a.query_wh / gpu_w);
  }
  a.quality = DataQuality(inventory, a.headline().data);
  return a;
}

}  // namespace gpulca::lca
