#include "lca/gpu/gpu_assessment.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "lca/error.h"
#include "lca/system/calculation.h"

namespace gpulca::lca {

bool IsCatalogueGpu(const inventory::Process& process) {
  return std::any_of(process.parameters.begin(), process.parameters.end(),
                     [](const inventory::Parameter& p) { return p.id == "tdp_w"; });
}

std::vector<std::string> CatalogueGpus(const inventory::Inventory& inventory) {
  std::vector<std::string> ids;
  for (const inventory::Process& p : inventory.processes) {
    if (IsCatalogueGpu(p)) ids.push_back(p.id);
  }
  return ids;
}

std::vector<std::string> ElectricityRegions(const inventory::Inventory& inventory) {
  std::set<std::string> regions;
  for (const inventory::Process* p : inventory.ProvidersOf("electricity")) regions.insert(p->location);
  return {regions.begin(), regions.end()};
}

UseFactors NominalUse(const GpuAssessment& a) {
  return {a.lifetime_hours, a.utilization, a.power_fraction};
}

double QueriesPerHour(const GpuAssessment& a, const UseFactors& use,
                      std::optional<double> query_wh, std::optional<double> queries_per_hour) {
  if (queries_per_hour) return *queries_per_hour;
  if (query_wh && *query_wh > 0) return a.tdp_w * use.power_fraction / *query_wh;
  return 0.0;
}

namespace {

// Upstream total of process `id` in `r` for impact k (0 when absent).
double UpstreamOf(const LcaResult& r, const std::string& id, int k) {
  for (size_t j = 0; j < r.data.process_ids.size(); ++j) {
    if (r.data.process_ids[j] == id) {
      return r.UpstreamTotal(j, k);
    }
  }
  return 0.0;
}

struct Evidence {
  bool estimate = false, uncertain = false;
};

// Follows the parameters of `slots` and those their formulas read (as
// ParameterSet resolves a formula's names), noting their sources and whether
// any is an estimate or uncertain.
void Trace(const inventory::ParameterSet& parameters, const std::vector<int>& slots, std::set<int>& seen,
           std::vector<std::string>& sources, Evidence& e) {
  for (int s : slots) {
    if (!seen.insert(s).second) continue;
    const inventory::Parameter& q = parameters.SlotParameter(s);
    if (!q.source.empty()) sources.push_back(q.source);
    e.estimate = e.estimate || q.estimate;
    e.uncertain = e.uncertain || q.uncertainty.IsSet();
    if (parameters.SlotIsFormula(s)) Trace(parameters, parameters.SlotDependencies(s), seen, sources, e);
  }
}

}  // namespace

std::vector<ProcessQuality> DataQuality(const inventory::Inventory& inventory, const inventory::ParameterSet& parameters,
                                        const MatrixData& data) {
  std::vector<ProcessQuality> out;
  for (size_t j = 0; j < data.process_ids.size(); ++j) {
    ProcessQuality q;
    q.id = data.process_ids[j];
    q.name = data.process_names[j];
    q.location = data.locations[j];
    q.stage = data.stage(j);
    std::vector<std::string> cited;
    if (const inventory::Process* p = inventory.FindProcess(q.id)) {
      const auto process = static_cast<size_t>(p - inventory.processes.data());
      if (!p->source.empty()) cited.push_back(p->source);
      for (size_t i = 0; i < p->exchanges.size(); ++i) {
        const inventory::Exchange& x = p->exchanges[i];
        ++q.exchanges;
        Evidence e;
        e.uncertain = x.uncertainty.IsSet();
        std::vector<std::string> own;
        if (!x.source.empty()) own.push_back(x.source);
        std::set<int> seen;
        Trace(parameters, parameters.ExchangeDependencies(process, i), seen, own, e);
        cited.insert(cited.end(), own.begin(), own.end());
        q.estimated += e.estimate ? 1 : 0;
        q.uncertain += e.uncertain ? 1 : 0;
        const inventory::Flow* flow = inventory.FindFlow(x.flow);
        if (flow && flow->kind == inventory::FlowKind::kElementary) {
          if (own.empty() && !p->source.empty()) own.push_back(p->source);
          q.elementary.push_back(
              {x.flow, parameters.ExchangeAmount(process, i), x.pedigree, std::move(own)});
        }
      }
    }
    std::set<std::string> listed;
    for (const std::string& id : cited) {
      if (!listed.insert(id).second) continue;
      const inventory::Source* s = inventory.FindSource(id);
      q.sources.push_back({id, s ? s->citation : "", s ? s->url : ""});
    }
    out.push_back(std::move(q));
  }
  return out;
}

namespace {

// Column of process `id` in `r`, or -1.
int ColumnOf(const LcaResult& r, const std::string& id) {
  const auto& ids = r.data.process_ids;
  auto it = std::find(ids.begin(), ids.end(), id);
  return it == ids.end() ? -1 : static_cast<int>(it - ids.begin());
}

// Sum of the upstream of the credit processes of `r` for impact k, each
// counted once: a credit process that another credit process consumes is
// inside that one's upstream already.
double CreditsOf(const LcaResult& r, int k) {
  const auto& ids = r.data.process_ids;
  const SparseMatrix& a = r.data.technosphere;
  auto is_credit = [&](int j) { return ids[j].rfind(kEolCreditPrefix, 0) == 0; };
  double sum = 0;
  for (int j = 0; j < static_cast<int>(ids.size()); ++j) {
    if (!is_credit(j)) continue;
    bool nested = false;
    for (int c = 0; c < a.cols() && !nested; ++c) {
      nested = c != j && is_credit(c) && a.At(j, c) != 0.0;
    }
    if (!nested) sum += UpstreamOf(r, ids[j], k);
  }
  return sum;
}

// A global use parameter's rule.
void Require(bool ok, const char* id, double value, const char* rule) {
  if (!ok) {
    throw InvalidArgument(fmt::format("parameter {}", id),
                          fmt::format("parameter {} = {}: {}", id, value, rule));
  }
}

// A positive, finite value of the options.
void RequirePositive(const std::optional<double>& v, const char* name) {
  if (v && !(std::isfinite(*v) && *v > 0)) {
    throw InvalidArgument(name, fmt::format("{} {}: must be a positive number", name, *v));
  }
}

// Why an impact per PFLOP-hour means nothing for `a`.
std::string NoWorkReason(const GpuAssessment& a) {
  return fmt::format("at utilization {:g} of {:g} peak dense BF16 TFLOPS the GPU does no work "
                     "over its life (0 PFLOP-hours), so there is nothing to divide by",
                     a.utilization, a.peak_tflops);
}

}  // namespace

void CheckUseParameters(const inventory::ParameterSet& parameters) {
  auto value = [&](const char* id) { return parameters.Value("", id); };
  const double pue = value("pue"), u = value("utilization"), years = value("lifetime_years"),
               hours = value("lifetime_hours"), fraction = value("gpu_power_fraction");
  Require(std::isfinite(pue) && pue >= 1.0, "pue", pue,
          "the power usage effectiveness must be a number of at least 1");
  Require(std::isfinite(u) && u >= 0.0 && u <= 1.0, "utilization", u,
          "the utilisation must be a number between 0 and 1");
  Require(std::isfinite(years) && years > 0.0, "lifetime_years", years,
          "the service life must be a positive number of years");
  Require(std::isfinite(hours) && hours > 0.0, "lifetime_hours", hours,
          "the service life must be a positive number of hours");
  Require(std::isfinite(fraction) && fraction >= 0.0 && fraction <= 1.0, "gpu_power_fraction",
          fraction, "the average power must lie between 0 and 1 of the TDP");
}

GpuAssessment AssessGpu(const inventory::Inventory& inventory, const inventory::ParameterSet& parameters,
                        const GpuAssessmentOptions& o) {
  const inventory::Process* gpu = inventory.FindProcess(o.gpu);
  if (!gpu || !IsCatalogueGpu(*gpu)) {
    throw NotFound(fmt::format("'{}' is not a GPU in the catalogue; known: {}", o.gpu,
                               fmt::join(CatalogueGpus(inventory), ", ")));
  }
  RequirePositive(o.query_wh, "query_wh");
  RequirePositive(o.queries_per_hour, "queries_per_hour");
  if (o.query_wh && o.queries_per_hour) {
    throw InvalidArgument("query_wh and queries_per_hour both set how many queries a GPU-hour "
                          "serves: give one of them");
  }
  CheckUseParameters(parameters);
  GpuAssessment a;
  a.gpu = o.gpu;
  a.name = gpu->name;
  const inventory::Flow* product = inventory.FindFlow(gpu->product);
  a.product_name = product && !product->name.empty() ? product->name : gpu->name;
  a.cradle_to_grave = o.cradle_to_grave;
  a.query_wh = o.query_wh;
  const std::string lifecycle = o.gpu + "-lifecycle";
  const inventory::Process* life = inventory.FindProcess(lifecycle);
  if (o.cradle_to_grave && !life) {
    throw NotFound(fmt::format("GPU '{}' has no life-cycle process '{}'", o.gpu, lifecycle));
  }
  if (o.cradle_to_grave) a.lifecycle = lifecycle;
  a.region = o.region.empty() ? (life ? life->location : gpu->location) : o.region;
  if (!o.region.empty()) {
    auto regions = ElectricityRegions(inventory);
    if (std::find(regions.begin(), regions.end(), o.region) == regions.end()) {
      throw InvalidArgument("region",
                            fmt::format("region {}: no electricity grid for that region; known: {}",
                                        o.region, fmt::join(regions, ", ")));
    }
  }
  a.tdp_w = parameters.Value(o.gpu, "tdp_w");
  if (!(std::isfinite(a.tdp_w) && a.tdp_w > 0)) {
    throw InvalidArgument("parameter tdp_w",
                          fmt::format("parameter tdp_w of {} = {}: the TDP must be a positive "
                                      "number of watts", o.gpu, a.tdp_w));
  }
  a.peak_tflops = parameters.Value(o.gpu, "peak_bf16_dense_tflops");
  a.memory_gb = parameters.Value(o.gpu, "memory_capacity_gb");
  a.lifetime_years = parameters.Value("", "lifetime_years");
  a.lifetime_hours = parameters.Value("", "lifetime_hours");
  a.utilization = parameters.Value("", "utilization");
  a.pue = parameters.Value("", "pue");
  a.power_fraction = parameters.Value("", "gpu_power_fraction");
  if (inventory.FindGlobal("eol_credits")) {
    a.eol_credits_on = parameters.Value("", "eol_credits") != 0.0;
  }

  LinkOptions gate_links;
  if (!o.fab_region.empty()) {
    gate_links.relocations.push_back({o.gpu, "logic_wafer_", o.fab_region});
  }
  a.gate = Calculate(BuildMatrices(inventory, parameters, o.gpu, 1.0, {}, gate_links));
  a.unrelocated = a.gate.data.system.unrelocated;
  // The fab of the module's own logic wafers: a direct provider of the module.
  for (const Link& link : a.gate.data.system.links) {
    const std::string& id = a.gate.data.process_ids[link.provider];
    if (link.consumer == 0 && id.rfind("logic_wafer_", 0) == 0) {
      a.fab_region = a.gate.data.locations[link.provider];
      break;
    }
  }
  const size_t impacts = a.gate.impacts.size();
  a.embodied = a.gate.impacts;
  a.use_phase.assign(impacts, 0.0);
  a.operational.assign(impacts, 0.0);
  a.host_share_in_use.assign(impacts, 0.0);
  a.host_share.assign(impacts, 0.0);
  a.eol_credits.assign(impacts, 0.0);
  a.total = a.embodied;
  if (o.cradle_to_grave) {
    LinkOptions links = gate_links;
    links.locations[lifecycle] = a.region;
    a.grave = Calculate(BuildMatrices(inventory, parameters, lifecycle, 1.0, {}, links));
    a.use_kwh = parameters.Value(lifecycle, "use_kwh");
    // The host share's own system, for the part of its upstream that is in
    // the deployment stage: its end of life is not.
    std::vector<double> host_deployment(impacts, 0.0);
    const int host = ColumnOf(*a.grave, "host_share");
    if (host >= 0 && a.grave->scaling[host] != 0.0) {
      const double amount = a.grave->scaling[host] * a.grave->data.technosphere.At(host, host);
      a.host_share_amount = amount;
      LcaResult share = Calculate(BuildMatrices(inventory, parameters, "host_share", amount, {}));
      for (size_t k = 0; k < impacts; ++k) {
        host_deployment[k] = share.by_stage[k][static_cast<int>(inventory::Stage::kDeployment)];
      }
    }
    for (size_t k = 0; k < impacts; ++k) {
      a.total[k] = a.grave->impacts[k];
      a.use_phase[k] = a.grave->by_stage[k][static_cast<int>(inventory::Stage::kDeployment)];
      a.host_share[k] = UpstreamOf(*a.grave, "host_share", static_cast<int>(k));
      a.operational[k] = a.use_phase[k] - host_deployment[k];
      a.host_share_in_use[k] = a.use_phase[k] - a.operational[k];
      a.eol_credits[k] = CreditsOf(*a.grave, static_cast<int>(k));
    }
  }
  const double pflops = a.peak_tflops / 1000.0 * a.utilization;
  const double gpu_w = a.tdp_w * a.power_fraction;
  a.queries_per_hour = QueriesPerHour(a, NominalUse(a), o.query_wh, o.queries_per_hour);
  if (a.queries_per_hour > 0) {
    a.gpu_wh_per_query = gpu_w / a.queries_per_hour;
    if (o.cradle_to_grave) {
      a.facility_wh_per_query = a.use_kwh * 1000.0 / a.lifetime_hours / a.queries_per_hour;
    }
  }
  if (!(pflops > 0)) a.per_pflop_hour_undefined = NoWorkReason(a);
  for (size_t k = 0; k < impacts; ++k) {
    double per_hour = a.total[k] / a.lifetime_hours;
    a.per_gpu_hour.push_back(per_hour);
    if (pflops > 0) a.per_pflop_hour.push_back(per_hour / pflops);
    if (a.queries_per_hour > 0) a.per_query.push_back(per_hour / a.queries_per_hour);
  }
  a.quality = DataQuality(inventory, parameters, a.headline().data);
  return a;
}

}  // namespace gpulca::lca
