#include "lca/audit/audit.h"

#include "lca/calibration/calibration.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <memory>

#include "lca/error.h"
#include "lca/gpu/gpu_assessment.h"
#include "lca/uncertainty/monte_carlo.h"

namespace gpulca::lca {
namespace {

using Overrides = std::vector<std::pair<std::string, double>>;
using inventory::ParameterSet;
using inventory::PurchaseOrder;

// The parameters of one scenario: the order's deployment, then `extra`.
std::unique_ptr<ParameterSet> Scenario(const inventory::Inventory& inventory,
                                       const PurchaseOrder& order, const Overrides& extra) {
  auto p = std::make_unique<ParameterSet>(inventory);
  const inventory::Deployment& d = order.deployment;
  if (d.pue) p->Override("pue", *d.pue);
  if (d.utilization) p->Override("utilization", *d.utilization);
  if (d.lifetime_years) p->Override("lifetime_years", *d.lifetime_years);
  for (const auto& [name, value] : extra) p->Override(name, value);
  p->Evaluate();
  return p;
}

int ImpactOf(const GpuAssessment& a, const std::string& id) {
  int k = a.gate.ImpactIndex(id);
  if (k < 0) throw NotFound(fmt::format("the database has no impact method '{}'", id));
  return k;
}

// Assessments of (product, transport scenario), computed once per audit.
class Assessor {
 public:
  Assessor(const inventory::Inventory& inventory, const PurchaseOrder& order)
      : inventory_(inventory), order_(order) {
    has_air_share_ = inventory.FindGlobal(kAirShareParameter) != nullptr;
  }

  bool has_air_share() const { return has_air_share_; }

  // Overrides that put the long leg on `transport` ("" keeps the model's).
  Overrides Transport(const std::string& transport) const {
    if (transport.empty() || !has_air_share_) return {};
    return {{kAirShareParameter, transport == "air" ? 1.0 : 0.0}};
  }

  const ParameterSet& Parameters(const Overrides& extra) {
    auto& p = scenarios_[extra];
    if (!p) p = Scenario(inventory_, order_, extra);
    return *p;
  }

  // `fab_region` moves the logic die's fab where the data allow ("" keeps it).
  const GpuAssessment& Assess(const std::string& gpu, const Overrides& extra,
                              const std::string& fab_region = "") {
    auto key = std::make_tuple(gpu, fab_region, extra);
    auto it = cache_.find(key);
    if (it == cache_.end()) {
      GpuAssessmentOptions o;
      o.gpu = gpu;
      o.cradle_to_grave = true;
      o.region = order_.deployment.region;
      o.fab_region = fab_region;
      it = cache_.emplace(key, AssessGpu(inventory_, Parameters(extra), o)).first;
    }
    return it->second;
  }

 private:
  const inventory::Inventory& inventory_;
  const PurchaseOrder& order_;
  bool has_air_share_ = false;
  std::map<Overrides, std::unique_ptr<ParameterSet>> scenarios_;
  std::map<std::tuple<std::string, std::string, Overrides>, GpuAssessment> cache_;
};

WhatIf Alternative(const std::string& kind, std::string description, double units,
                   const GpuAssessment& a, int k, double line_grave) {
  WhatIf w;
  w.kind = kind;
  w.description = std::move(description);
  w.units = units;
  w.gate_kg = units * a.embodied[k];
  w.grave_kg = units * a.total[k];
  w.per_gpu_hour_kg = a.total[k] / a.lifetime_hours;
  w.embodied_per_gpu_hour_kg = a.embodied[k] / a.lifetime_hours;
  w.change_kg = w.grave_kg - line_grave;
  return w;
}

std::vector<WhatIf> WhatIfs(Assessor& assessor, const PurchaseOrder& order, const LineAudit& line,
                            const Overrides& transport, const std::vector<std::string>& gpus,
                            int k) {
  std::vector<WhatIf> out;
  const double q = static_cast<double>(line.line.quantity);
  const double line_grave = q * line.grave[k];
  const std::string& mode = line.estimate.model_transport;
  if (assessor.has_air_share() && !mode.empty()) {
    const std::string other = mode == "air" ? "sea" : "air";
    out.push_back(Alternative("transport", fmt::format("{} instead of {}", other, mode), q,
                              assessor.Assess(line.line.product, assessor.Transport(other),
                                              line.line.fab_region),
                              k, line_grave));
  }
  std::vector<double> lifetimes = order.lifetime_what_ifs;
  const double years = assessor.Parameters({}).Value("", "lifetime_years");
  if (lifetimes.empty()) lifetimes.push_back(years + 1);
  for (double y : lifetimes) {
    Overrides extra = transport;
    extra.emplace_back("lifetime_years", y);
    out.push_back(Alternative("lifetime", fmt::format("{:g} years of service", y), q,
                              assessor.Assess(line.line.product, extra, line.line.fab_region), k,
                              line_grave));
  }
  // The same peak dense BF16 compute from another catalogue product.
  const GpuAssessment& own = assessor.Assess(line.line.product, transport, line.line.fab_region);
  std::vector<WhatIf> products;
  for (const std::string& gpu : gpus) {
    if (gpu == line.line.product) continue;
    const GpuAssessment& a = assessor.Assess(gpu, transport);
    if (!(a.peak_tflops > 0) || !(own.peak_tflops > 0)) continue;
    double units = std::ceil(q * own.peak_tflops / a.peak_tflops - 1e-9);
    products.push_back(Alternative("product",
                                   fmt::format("{:g} x {} for the same peak BF16 compute", units,
                                               gpu),
                                   units, a, k, line_grave));
  }
  std::sort(products.begin(), products.end(),
            [](const WhatIf& a, const WhatIf& b) { return a.grave_kg < b.grave_kg; });
  if (products.size() > 3) products.resize(3);
  out.insert(out.end(), products.begin(), products.end());
  return out;
}

}  // namespace

namespace {

// Sets `mc`'s weights to a calibration on options.declarations less those
// whose system holds `product`, and says so as a note; a note without
// weights when every declaration is of the product.
Verdict Calibrated(const inventory::Inventory& inventory, const ParameterSet& params,
                   const std::string& product, const AuditOptions& options, McOptions& mc) {
  std::vector<Declaration> kept;
  std::vector<std::string> left_out;
  for (const Declaration& d : options.declarations) {
    if (DeclarationHolds(inventory, params, d, product)) {
      left_out.push_back(d.id);
    } else {
      kept.push_back(d);
    }
  }
  const std::string without =
      left_out.empty() ? std::string()
                       : fmt::format("; left out, as declarations of this product: {}",
                                     fmt::join(left_out, ", "));
  if (kept.empty()) {
    return {Verdict::Level::kNote, "not-calibrated",
            fmt::format("the order asks for a calibrated interval, but no declaration is left to "
                        "calibrate on{}: the interval is the prior's",
                        without)};
  }
  CalibrationOptions c;
  c.mc = mc;
  c.mc.progress = nullptr;
  c.min_ess = options.min_ess;
  auto weights = std::make_shared<const McWeights>(CalibrationWeights(inventory, params, kept, c));
  mc.weights = weights;
  return {Verdict::Level::kNote, "calibrated",
          fmt::format("the interval is the posterior of a calibration on {} (effective sample "
                      "{:.1f} of {} iterations; docs/calibration.md){}",
                      fmt::join(weights->declarations, ", "), weights->ess, mc.iterations,
                      without)};
}

}  // namespace

AuditResult RunAudit(const inventory::Inventory& inventory, const PurchaseOrder& order,
                     const AuditOptions& options) {
  Assessor assessor(inventory, order);
  const std::vector<std::string> gpus = CatalogueGpus(inventory);
  AuditResult r;
  const ParameterSet& base = assessor.Parameters({});
  r.pue = base.Value("", "pue");
  r.utilization = base.Value("", "utilization");
  r.lifetime_years = base.Value("", "lifetime_years");
  for (const inventory::ParameterValue& v : base.All()) {
    r.parameters.emplace_back(fmt::format("{}/{}", v.scope, v.id), v.value);
  }
  for (const inventory::OrderLine& line : order.lines) {
    const inventory::Process* p = inventory.FindProcess(line.product);
    if (!p || !IsCatalogueGpu(*p)) {
      throw NotFound(fmt::format("{}: '{}' is not a GPU in the catalogue; known: {}",
                                 line.origin.ToString(), line.product, fmt::join(gpus, ", ")));
    }
    Overrides transport = assessor.Transport(line.transport);
    const GpuAssessment& a = assessor.Assess(line.product, transport, line.fab_region);
    const int k = ImpactOf(a, "gwp100");
    if (r.impact_ids.empty()) {
      r.impact_ids = a.gate.data.impact_ids;
      r.impact_units = a.gate.data.impact_units;
      r.region = a.region;
      r.total_gate.assign(r.impact_ids.size(), 0.0);
      r.total_grave.assign(r.impact_ids.size(), 0.0);
      r.total_gate_by_stage.assign(r.impact_ids.size(), {});
    }
    LineAudit l;
    l.line = line;
    l.name = p->name;
    l.gate = a.embodied;
    l.grave = a.total;
    l.gate_by_stage = a.gate.by_stage;
    l.lifetime_hours = a.lifetime_hours;
    l.embodied_per_gpu_hour_kg = a.embodied[k] / a.lifetime_hours;
    l.grave_per_gpu_hour_kg = a.total[k] / a.lifetime_hours;
    LineEstimate& e = l.estimate;
    e.gate = a.embodied[k];
    e.grave = a.total[k];
    e.model_fab_region = a.fab_region;  // the order's, where the data have that fab
    e.model_assembly_region = p->location;
    if (assessor.has_air_share()) {
      double share = assessor.Parameters(transport).Value("", kAirShareParameter);
      e.model_transport = share >= 0.5 ? "air" : "sea";
    }
    Verdict calibration;
    if (order.iterations > 0) {
      McOptions mc;
      mc.iterations = order.iterations;
      mc.seed = order.seed;
      mc.threads = options.threads;
      mc.progress = options.progress;
      mc.sensitivity = false;  // the audit reports intervals, not the inputs' ranks
      const ParameterSet& params = assessor.Parameters(transport);
      if (order.calibrated) {
        calibration = Calibrated(inventory, params, line.product, options, mc);
      }
      e.gate_interval = RunMonteCarlo(inventory, params, a.gate.data, mc).impacts[k];
      e.grave_interval = RunMonteCarlo(inventory, params, a.grave->data, mc).impacts[k];
    }
    l.verdicts = JudgeLine(line, e);
    if (!calibration.code.empty()) l.verdicts.push_back(calibration);
    if (!line.transport.empty() && !assessor.has_air_share()) {
      l.verdicts.push_back({Verdict::Level::kNote, "transport-not-modelled",
                            fmt::format("the order ships by {}, but this database has no "
                                        "parameter '{}' to model the mode: the estimate uses the "
                                        "database's own freight legs",
                                        line.transport, kAirShareParameter)});
    }
    l.what_ifs = WhatIfs(assessor, order, l, transport, gpus, k);
    for (size_t i = 0; i < r.impact_ids.size(); ++i) {
      r.total_gate[i] += static_cast<double>(line.quantity) * l.gate[i];
      r.total_grave[i] += static_cast<double>(line.quantity) * l.grave[i];
      for (int slot = 0; slot < kStageSlots; ++slot) {
        r.total_gate_by_stage[i][slot] += static_cast<double>(line.quantity) * l.gate_by_stage[i][slot];
      }
    }
    r.lines.push_back(std::move(l));
  }
  return r;
}

}  // namespace gpulca::lca
