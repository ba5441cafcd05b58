#include "lca/monte_carlo.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <mutex>
#include <thread>

#include "inventory/error.h"
#include "inventory/pedigree.h"
#include "lca/calculator.h"
#include "lca/matrix_refill.h"
#include "lca/sampler.h"

namespace gpulca::lca {
namespace {

// One uncertain input, drawn every iteration.
struct Input {
  enum class Kind { kParameter, kTechnosphere, kBiosphere, kFactor } kind;
  int index;               // parameter slot, or entry of A, B or C
  Uncertainty uncertainty;
  double nominal;          // the value the distribution is around (as written)
  double scale;            // written value -> matrix entry (sign × unit factor)
  bool multiplier;         // a lognormal factor on a formula amount
  std::string name;
};

std::vector<Input> CollectInputs(const Inventory& inv, const ParameterSet& nominal,
                                 const MatrixData& data, const MatrixRefill& refill) {
  std::vector<Input> inputs;
  for (int s = 0; s < nominal.SlotCount(); ++s) {
    const Parameter& p = nominal.SlotParameter(s);
    if (!p.uncertainty.IsSet() || nominal.SlotIsFormula(s) || nominal.SlotIsOverridden(s)) continue;
    std::string name = p.scope.empty() ? "param:" + p.id : p.scope + "/param:" + p.id;
    inputs.push_back({Input::Kind::kParameter, s, p.uncertainty, nominal.SlotValue(s), 1.0, false, name});
  }
  for (bool technosphere : {true, false}) {
    const auto& sources = technosphere ? data.technosphere_sources : data.biosphere_sources;
    for (size_t t = 0; t < sources.size(); ++t) {
      const Exchange* e = refill.ExchangeOf(technosphere, t);
      if (!e) continue;
      Uncertainty u = EffectiveUncertainty(*e);
      if (!u.IsSet()) continue;
      const Process& process = inv.processes[sources[t].process];
      Input in{technosphere ? Input::Kind::kTechnosphere : Input::Kind::kBiosphere,
               static_cast<int>(t), u, e->amount.value_or(1.0), sources[t].sign * e->unit_factor,
               e->IsFormula(), "exchange:" + process.id + ":" + e->flow};
      inputs.push_back(in);
    }
  }
  for (size_t t = 0; t < data.characterisation_sources.size(); ++t) {
    const auto& s = data.characterisation_sources[t];
    const ImpactMethod& m = inv.methods[s.method];
    const ImpactFactor& f = m.factors[s.factor];
    if (!f.uncertainty.IsSet()) continue;
    inputs.push_back({Input::Kind::kFactor, static_cast<int>(t), f.uncertainty, f.value,
                      f.unit_factor, false, "factor:" + m.id + ":" + f.flow});
  }
  return inputs;
}

// What one thread keeps between iterations.
struct Worker {
  ParameterSet parameters;
  MatrixData data;
  std::unique_ptr<Calculator> calculator;
  std::vector<double> a, b, c;
  Worker(const Inventory& inv, const ParameterSet& nominal, const MatrixData& d)
      : parameters(inv), data(d) {
    parameters.CopyValuesFrom(nominal);
    calculator = std::make_unique<Calculator>(data);
  }
};

}  // namespace

McResult RunMonteCarlo(const Inventory& inventory, const ParameterSet& nominal,
                       const MatrixData& data, const McOptions& options) {
  if (options.iterations < 1) {
    throw UsageError(fmt::format("--mc {}: the number of iterations must be at least 1",
                                 options.iterations));
  }
  if (options.threads < 1) {
    throw UsageError(fmt::format("--threads {}: must be at least 1", options.threads));
  }
  const MatrixRefill refill(inventory, data, nominal);
  const std::vector<Input> inputs = CollectInputs(inventory, nominal, data, refill);
  const int n = options.iterations;
  const int impacts = data.characterisation.rows();

  McResult result;
  result.iterations = n;
  result.seed = options.seed;
  result.uncertain_inputs = static_cast<int>(inputs.size());
  result.impact_ids = data.impact_ids;
  result.impact_units = data.impact_units;
  result.samples.assign(impacts, std::vector<double>(n, 0.0));
  std::vector<std::vector<std::vector<double>>> stage_samples(
      impacts, std::vector<std::vector<double>>(kStageSlots, std::vector<double>(n, 0.0)));
  std::vector<std::vector<double>> drawn(inputs.size(), std::vector<double>(n, 0.0));

  std::atomic<int> next{0}, done{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&]() {
    try {
      Worker w(inventory, nominal, data);
      for (int i; (i = next.fetch_add(1)) < n;) {
        RandomEngine engine = IterationEngine(options.seed, static_cast<uint64_t>(i));
        w.a = refill.nominal_technosphere();
        w.b = refill.nominal_biosphere();
        w.c = refill.nominal_characterisation();
        std::vector<double> factors(inputs.size(), 1.0);
        for (size_t k = 0; k < inputs.size(); ++k) {
          const Input& in = inputs[k];
          double v = Sample(in.uncertainty, in.nominal, engine);
          drawn[k][i] = v;
          if (in.kind == Input::Kind::kParameter) w.parameters.SetSlotValue(in.index, v);
          factors[k] = v;
        }
        w.parameters.Evaluate();
        refill.EvaluateFormulas(w.parameters, w.a, w.b);
        for (size_t k = 0; k < inputs.size(); ++k) {
          const Input& in = inputs[k];
          std::vector<double>* target = in.kind == Input::Kind::kTechnosphere ? &w.a
                                        : in.kind == Input::Kind::kBiosphere  ? &w.b
                                        : in.kind == Input::Kind::kFactor     ? &w.c
                                                                              : nullptr;
          if (!target) continue;
          double& entry = (*target)[in.index];
          entry = in.multiplier ? entry * factors[k] : factors[k] * in.scale;
        }
        MatrixRefill::Apply(w.data, w.a, w.b, w.c);
        StageTotals totals;
        try {
          w.calculator->Refactor(w.data);
          w.calculator->Evaluate(w.data, &totals);
        } catch (const SolveError& e) {
          throw SolveError(fmt::format("Monte Carlo iteration {} (seed {}): {}", i, options.seed,
                                       e.what()));
        }
        for (int k = 0; k < impacts; ++k) {
          result.samples[k][i] = totals.impacts[k];
          for (int slot = 0; slot < kStageSlots; ++slot) stage_samples[k][slot][i] = totals.by_stage[k][slot];
        }
        done.fetch_add(1);
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next.store(n);
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < options.threads; ++t) threads.emplace_back(work);
  while (options.progress && done.load() < n && !failure) {
    options.progress(done.load(), n);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
  if (options.progress) options.progress(n, n);

  for (int k = 0; k < impacts; ++k) {
    result.impacts.push_back(Summarise(result.samples[k]));
    std::array<Summary, kStageSlots> stages;
    for (int slot = 0; slot < kStageSlots; ++slot) stages[slot] = Summarise(stage_samples[k][slot]);
    result.stages.push_back(stages);
    std::vector<SensitivityRow> rows;
    double total = 0;
    for (size_t j = 0; j < inputs.size(); ++j) {
      double rho = Spearman(drawn[j], result.samples[k]);
      rows.push_back({inputs[j].name, inputs[j].nominal, rho, rho * rho});
      total += rho * rho;
    }
    for (auto& row : rows) row.variance_share = total > 0 ? row.variance_share / total : 0.0;
    std::stable_sort(rows.begin(), rows.end(), [](const SensitivityRow& x, const SensitivityRow& y) {
      return std::abs(x.spearman) > std::abs(y.spearman);
    });
    result.sensitivity.push_back(std::move(rows));
  }
  return result;
}

}  // namespace gpulca::lca
