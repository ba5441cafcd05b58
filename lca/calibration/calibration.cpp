#include "lca/calibration/calibration.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <set>

#include "lca/error.h"
#include "lca/system/calculation.h"
#include "lca/system/matrix_data.h"

namespace gpulca::lca {
namespace {

// Every system of a calibration: the declarations' devices first, then the
// GPUs shown, each with impact k of its declaration's method (gwp100 for a
// GPU), run paired with the draws kept.
struct PairedRun {
  std::vector<std::unique_ptr<MatrixData>> systems;
  std::vector<int> impact;       // [system]
  std::vector<double> nominal;   // [system]
  std::vector<McResult> mc;      // [system]
};

PairedRun RunPaired(const inventory::Inventory& inventory, const inventory::ParameterSet& p,
                    const std::vector<Declaration>& declarations,
                    const std::vector<std::string>& gpus, McOptions mc) {
  PairedRun run;
  auto add = [&](const std::string& process, const std::string& impact) {
    run.systems.push_back(
        std::make_unique<MatrixData>(BuildMatrices(inventory, p, process, 1.0, {impact})));
    const LcaResult nominal = Calculate(*run.systems.back());
    const int k = nominal.ImpactIndex(impact);
    run.impact.push_back(k);
    run.nominal.push_back(nominal.impacts[k]);
  };
  for (const Declaration& d : declarations) add(d.device, d.impact);
  for (const std::string& gpu : gpus) add(gpu, "gwp100");
  mc.sensitivity = false;
  mc.stage_samples = false;
  mc.keep_draws = true;
  std::vector<const MatrixData*> pointers;
  for (const auto& s : run.systems) pointers.push_back(s.get());
  run.mc = RunMonteCarloPaired(inventory, p, pointers, mc);
  return run;
}

const std::vector<double>& Samples(const PairedRun& run, size_t system) {
  return run.mc[system].samples.at(static_cast<size_t>(run.impact[system]));
}

std::vector<double> Ones(size_t n) { return std::vector<double>(n, 1.0); }

std::vector<size_t> AllBut(size_t n, std::optional<size_t> left_out) {
  std::vector<size_t> out;
  for (size_t d = 0; d < n; ++d) {
    if (d != left_out) out.push_back(d);
  }
  return out;
}

double Shift(const Summary& prior, const Summary& posterior) {
  const double half_width = (prior.p95 - prior.p05) / 2;
  return half_width > 0 ? (posterior.p50 - prior.p50) / half_width : 0.0;
}

std::string TooFewDraws(double ess, int iterations, double min_ess) {
  const double needed = ess > 0 ? std::ceil(iterations * min_ess / ess) : 0;
  return fmt::format(
      "the declarations leave an effective sample of {:.1f} of {} iterations, below the minimum "
      "of {:g}: the posterior would rest on a few draws{}",
      ess, iterations, min_ess,
      needed > 0 ? fmt::format("; about {:.0f} iterations would reach it (--mc), or the "
                               "declarations contradict the model or one another",
                               needed)
                 : "; no draw comes near the declarations: they contradict the model or one "
                   "another");
}

std::vector<std::vector<double>> LogLikelihoods(const PairedRun& run,
                                                const std::vector<Declaration>& declarations) {
  std::vector<std::vector<double>> out;
  for (size_t d = 0; d < declarations.size(); ++d) {
    out.push_back(LogLikelihood(declarations[d], Samples(run, d)));
  }
  return out;
}

void CheckOptions(const std::vector<Declaration>& declarations, const CalibrationOptions& o,
                  size_t at_least) {
  if (declarations.size() < at_least) {
    throw InvalidArgument("declarations",
                          at_least == 1 ? std::string("calibration needs at least one declaration")
                                        : "leave-one-out needs at least two declarations");
  }
  if (!(o.min_ess >= 1)) {
    throw InvalidArgument("min_ess", fmt::format("min_ess {}: must be at least 1", o.min_ess));
  }
  for (const Declaration& d : declarations) {
    if (!(d.value > 0) || !std::isfinite(d.value)) {
      throw InvalidArgument("declaration", fmt::format("declaration {}: its value {} must be "
                                                       "positive", d.id, d.value));
    }
    if (!(d.gsd > 1) || !std::isfinite(d.gsd)) {
      throw InvalidArgument("declaration", fmt::format("declaration {}: its gsd {} must be "
                                                       "above 1", d.id, d.gsd));
    }
  }
}

// z_d of declaration `d` with model values `x` under weights `w`.
double Residual(const Declaration& d, const std::vector<double>& x, const std::vector<double>& w) {
  double sum = 0, mean = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    if (w[i] > 0 && x[i] > 0) {
      sum += w[i];
      mean += w[i] * std::log(x[i]);
    }
  }
  if (sum <= 0) return INFINITY;
  mean /= sum;
  double variance = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    if (w[i] > 0 && x[i] > 0) variance += w[i] * (std::log(x[i]) - mean) * (std::log(x[i]) - mean);
  }
  variance /= sum;
  const double s = std::log(d.gsd);
  return (std::log(d.value) - mean) / std::sqrt(variance + s * s);
}

// The weights of every declaration on `run`, with their effective sample
// size and each declaration's residual; throws InvalidArgument below
// options.min_ess or beyond kMaxResidual.
std::vector<double> WeighChecked(const PairedRun& run, const std::vector<Declaration>& declarations,
                                 const std::vector<std::vector<double>>& log_likelihood,
                                 const CalibrationOptions& options, double& ess,
                                 std::vector<double>& residuals) {
  const size_t nd = declarations.size();
  std::vector<double> weights = ImportanceWeights(log_likelihood, AllBut(nd, std::nullopt));
  ess = EffectiveSampleSize(weights);
  if (ess < options.min_ess) {
    // The samples held: a shard (--iterations) holds a slice of the run.
    throw InvalidArgument("iterations",
                          TooFewDraws(ess, static_cast<int>(weights.size()), options.min_ess));
  }
  std::vector<std::string> contradicted;
  for (size_t d = 0; d < nd; ++d) {
    const std::vector<double>& x = Samples(run, d);
    residuals.push_back(Residual(declarations[d], x, weights));
    if (!(std::abs(residuals[d]) <= kMaxResidual)) {
      contradicted.push_back(fmt::format("{} (declared {:g}, posterior p50 {:g}: {:+.1f} SD)",
                                         declarations[d].id, declarations[d].value,
                                         SummariseWeighted(x, weights).p50, residuals[d]));
    }
  }
  if (!contradicted.empty()) {
    throw InvalidArgument(
        "declarations",
        fmt::format("the declarations contradict one another or the model: under the posterior "
                    "they make together, {} lie{} more than {:g} SD from it (declaration and "
                    "model uncertainty combined); calibrating on them would average figures "
                    "that do not agree. Check their boundaries and units, or calibrate on each "
                    "apart",
                    fmt::join(contradicted, "; "), contradicted.size() == 1 ? "s" : "",
                    kMaxResidual));
  }
  return weights;
}

}  // namespace

double MovedThreshold(double ess) { return ess > 0 ? 2.5 / std::sqrt(ess) : INFINITY; }

bool DeclarationHolds(const inventory::Inventory& inventory,
                      const inventory::ParameterSet& parameters, const Declaration& d,
                      const std::string& process) {
  const MatrixData data = BuildMatrices(inventory, parameters, d.device, 1.0, {d.impact});
  return std::find(data.process_ids.begin(), data.process_ids.end(), process) !=
         data.process_ids.end();
}

McWeights WeightsOf(const Calibration& c) {
  McWeights w;
  w.seed = c.seed;
  w.weights = c.weights;
  w.ess = c.ess;
  for (const DeclarationFit& d : c.declarations) w.declarations.push_back(d.declaration.id);
  return w;
}

std::vector<double> LogLikelihood(const Declaration& d, const std::vector<double>& model) {
  const double s = std::log(d.gsd), y = std::log(d.value);
  std::vector<double> out(model.size());
  for (size_t i = 0; i < model.size(); ++i) {
    const double e = model[i] > 0 ? y - std::log(model[i]) : 0;
    out[i] = model[i] > 0 ? -(e * e) / (2 * s * s) : -std::numeric_limits<double>::infinity();
  }
  return out;
}

std::vector<double> ImportanceWeights(const std::vector<std::vector<double>>& log_likelihood,
                                      const std::vector<size_t>& use) {
  const size_t n = log_likelihood.empty() ? 0 : log_likelihood.front().size();
  std::vector<double> sum(n, 0.0);
  for (size_t d : use) {
    for (size_t i = 0; i < n; ++i) sum[i] += log_likelihood[d][i];
  }
  double top = -std::numeric_limits<double>::infinity();
  for (double v : sum) top = std::max(top, v);
  std::vector<double> w(n, 0.0);
  if (!std::isfinite(top)) return w;
  double total = 0;
  for (size_t i = 0; i < n; ++i) total += (w[i] = std::exp(sum[i] - top));
  for (double& v : w) v /= total;
  return w;
}

Calibration Calibrate(const inventory::Inventory& inventory,
                      const inventory::ParameterSet& parameters,
                      const std::vector<Declaration>& declarations,
                      const CalibrationOptions& options) {
  CheckOptions(declarations, options, 1);
  const PairedRun run = RunPaired(inventory, parameters, declarations, options.gpus, options.mc);
  // The samples held: the run's, or its slice's (McOptions::slice).
  const size_t nd = declarations.size(), n = Samples(run, 0).size();
  const auto log_likelihood = LogLikelihoods(run, declarations);
  Calibration c;
  c.iterations = static_cast<int>(n);
  c.seed = options.mc.seed;
  std::vector<double> residuals;
  c.weights = WeighChecked(run, declarations, log_likelihood, options, c.ess, residuals);
  c.moved_threshold = MovedThreshold(c.ess);
  for (size_t d = 0; d < nd; ++d) {
    const std::vector<double>& x = Samples(run, d);
    c.declarations.push_back({declarations[d], run.systems[d]->impact_units.at(0), run.nominal[d],
                              SummariseWeighted(x, Ones(n)), SummariseWeighted(x, c.weights),
                              residuals[d]});
  }
  std::vector<std::vector<double>> alone;  // [declaration]: its weights alone
  for (size_t d = 0; d < nd; ++d) alone.push_back(ImportanceWeights(log_likelihood, {d}));

  // Every input a declaration's system has, once (the draws are shared).
  std::map<std::string, std::pair<size_t, size_t>> where;  // name -> (system, index)
  for (size_t d = 0; d < nd; ++d) {
    for (size_t u = 0; u < run.mc[d].inputs.size(); ++u) where.emplace(run.mc[d].inputs[u], std::pair{d, u});
  }
  for (const auto& [name, at] : where) {
    const std::vector<double>& draws = run.mc[at.first].InputDraws(at.second);
    InputShift s;
    s.input = name;
    s.nominal = run.mc[at.first].input_nominals[at.second];
    s.prior = SummariseWeighted(draws, Ones(n));
    s.posterior = SummariseWeighted(draws, c.weights);
    s.shift = Shift(s.prior, s.posterior);
    for (size_t d = 0; d < nd; ++d) s.pull.push_back(Shift(s.prior, SummariseWeighted(draws, alone[d])));
    c.inputs.push_back(std::move(s));
  }
  std::stable_sort(c.inputs.begin(), c.inputs.end(), [](const InputShift& a, const InputShift& b) {
    return std::abs(a.shift) > std::abs(b.shift);
  });
  std::map<std::string, double> shift_of;
  for (const InputShift& s : c.inputs) shift_of[s.input] = s.shift;

  for (size_t g = 0; g < options.gpus.size(); ++g) {
    const size_t system = nd + g;
    const std::vector<double>& x = Samples(run, system);
    GpuShift s;
    s.gpu = options.gpus[g];
    s.unit = run.systems[system]->impact_units.at(0);
    s.prior = SummariseWeighted(x, Ones(n));
    s.posterior = SummariseWeighted(x, c.weights);
    for (size_t d = 0; d < nd; ++d) {
      const auto& ids = run.systems[d]->process_ids;
      if (std::find(ids.begin(), ids.end(), s.gpu) != ids.end()) {
        s.declared_by.push_back(declarations[d].id);
      }
    }
    std::vector<std::pair<double, std::string>> moved;
    for (const std::string& input : run.mc[system].inputs) {
      const auto it = shift_of.find(input);
      if (it == shift_of.end()) continue;
      ++s.shared_inputs;
      if (std::abs(it->second) > c.moved_threshold) moved.emplace_back(-std::abs(it->second), input);
    }
    std::sort(moved.begin(), moved.end());
    for (size_t m = 0; m < moved.size() && m < 5; ++m) s.moved_shared.push_back(moved[m].second);
    c.gpus.push_back(std::move(s));
  }
  return c;
}

McWeights CalibrationWeights(const inventory::Inventory& inventory,
                             const inventory::ParameterSet& parameters,
                             const std::vector<Declaration>& declarations,
                             const CalibrationOptions& options) {
  CheckOptions(declarations, options, 1);
  const PairedRun run = RunPaired(inventory, parameters, declarations, {}, options.mc);
  McWeights w;
  w.seed = options.mc.seed;
  std::vector<double> residuals;
  w.weights = WeighChecked(run, declarations, LogLikelihoods(run, declarations), options, w.ess,
                           residuals);
  for (const Declaration& d : declarations) w.declarations.push_back(d.id);
  return w;
}

LooRun LeaveOneOut(const inventory::Inventory& inventory, const inventory::ParameterSet& parameters,
                   const std::vector<Declaration>& declarations,
                   const CalibrationOptions& options) {
  CheckOptions(declarations, options, 2);
  const PairedRun run = RunPaired(inventory, parameters, declarations, {}, options.mc);
  const size_t nd = declarations.size(), n = Samples(run, 0).size();
  const auto log_likelihood = LogLikelihoods(run, declarations);
  LooRun out;
  out.iterations = static_cast<int>(n);
  out.seed = options.mc.seed;
  out.min_ess = options.min_ess;
  std::vector<double> prior_ratios, posterior_ratios;
  for (size_t d = 0; d < nd; ++d) {
    LooFold f;
    f.left_out = declarations[d];
    f.unit = run.systems[d]->impact_units.at(0);
    const std::vector<double>& x = Samples(run, d);
    const double y = declarations[d].value;
    f.prior = SummariseWeighted(x, Ones(n));
    f.inside_prior = f.prior.p05 <= y && y <= f.prior.p95;
    f.ratio_prior = f.prior.p50 != 0 ? y / f.prior.p50 : 0;
    out.inside_prior += f.inside_prior;
    const std::vector<double> w = ImportanceWeights(log_likelihood, AllBut(nd, d));
    f.ess = EffectiveSampleSize(w);
    if (f.ess < options.min_ess) {
      f.refused = TooFewDraws(f.ess, out.iterations, options.min_ess);
    } else {
      f.posterior = SummariseWeighted(x, w);
      f.inside_posterior = f.posterior.p05 <= y && y <= f.posterior.p95;
      f.ratio_posterior = f.posterior.p50 != 0 ? y / f.posterior.p50 : 0;
      out.inside_posterior += f.inside_posterior;
      ++out.calibrated;
      prior_ratios.push_back(f.ratio_prior);
      posterior_ratios.push_back(f.ratio_posterior);
    }
    out.folds.push_back(std::move(f));
  }
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return Quantile(v, 0.5);
  };
  out.median_ratio_prior = median(prior_ratios);
  out.median_ratio_posterior = median(posterior_ratios);
  return out;
}

}  // namespace gpulca::lca
