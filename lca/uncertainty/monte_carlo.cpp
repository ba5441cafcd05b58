#include "lca/uncertainty/monte_carlo.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include <unistd.h>

#include "lca/error.h"
#include "lca/engine/calculator.h"
#include "lca/system/matrix_refill.h"
#include "lca/uncertainty/internal/mc_plan.h"
#include "lca/uncertainty/internal/sampler.h"
#include "lca/uncertainty/internal/sensitivity.h"

namespace gpulca::lca {
namespace {

using inventory::ParameterSet;

// Iterations handed to a thread at a time: up to 32 consecutive samples
// written by one thread share cache lines with no other; fewer when there
// are few iterations, so that every thread gets work.
int ChunkSize(int iterations, int threads) {
  return std::clamp(iterations / (threads * 16), 1, 32);
}

// One system as a thread sees it: its own matrices and factorisation.
struct SystemWork {
  MatrixData data;
  std::vector<double> a, b, c;  // entry values, triplet order
  std::unique_ptr<Calculator> calculator;
  StageTotals totals;
};

// What one thread keeps between iterations.
struct Worker {
  ParameterSet parameters;
  std::vector<SystemWork> systems;
  std::vector<double> draws;  // per input
  Worker(const inventory::Inventory& inv, const ParameterSet& nominal,
         const std::vector<const MatrixData*>& data, const std::vector<MatrixRefill>& refills)
      : parameters(inv) {
    parameters.CopyValuesFrom(nominal);
    systems.resize(data.size());
    for (size_t d = 0; d < data.size(); ++d) {
      SystemWork& w = systems[d];
      w.data = *data[d];
      w.a = refills[d].nominal_technosphere();
      w.b = refills[d].nominal_biosphere();
      w.c = refills[d].nominal_characterisation();
      // Ordered for many refactorisations whatever the run's length, so that
      // a shard factorises exactly as the whole run does.
      w.calculator =
          std::make_unique<Calculator>(w.data, SolverChoice::kAuto, FactorUse::kRepeated);
    }
  }
};

// The results of a run, written by all threads at distinct iterations.
struct Samples {
  std::vector<std::vector<std::vector<double>>> impacts;  // [system][k][i]
  std::vector<std::vector<std::vector<std::vector<double>>>> stages;  // [system][k][slot][i]
  std::vector<std::vector<double>> draws;  // [input][i], when kept
  std::vector<std::vector<double>> tracked;  // [t][i]
};

// Sets the values of system `w` for the draws of this iteration.
void FillSystem(const SystemPlan& sp, const MatrixRefill& refill, const ParameterSet& p,
                const std::vector<double>& draws, SystemWork& w) {
  const MatrixData& d = w.data;
  for (int t : sp.formula_a) {
    const auto& s = d.technosphere_sources[t];
    w.a[t] = s.sign * p.ExchangeAmount(s.process, static_cast<size_t>(s.exchange));
  }
  for (int t : sp.formula_b) {
    const auto& s = d.biosphere_sources[t];
    w.b[t] = s.sign * p.ExchangeAmount(s.process, static_cast<size_t>(s.exchange));
  }
  for (const SystemPlan::Entry& e : sp.amounts_a) w.a[e.triplet] = draws[e.input] * e.scale;
  for (const SystemPlan::Entry& e : sp.amounts_b) w.b[e.triplet] = draws[e.input] * e.scale;
  for (const SystemPlan::Entry& f : sp.factors) w.c[f.triplet] = draws[f.input] * f.scale;
  for (const SystemPlan::Multiplier& e : sp.multipliers) {
    std::vector<double>& values = e.technosphere ? w.a : w.b;
    const double base = e.formula_affected
                            ? values[e.triplet]
                            : (e.technosphere ? refill.nominal_technosphere()
                                              : refill.nominal_biosphere())[e.triplet];
    values[e.triplet] = base * draws[e.input];
  }
  MatrixData& m = w.data;
  if (sp.technosphere_changes) m.technosphere.SetTripletValues(m.technosphere_slots, w.a);
  if (sp.biosphere_changes) m.biosphere.SetTripletValues(m.biosphere_slots, w.b);
  if (sp.factors_change) m.characterisation.SetTripletValues(m.characterisation_slots, w.c);
}

// Sample `i` of every system of the run from the replayed samples.
void CopyReplayed(const McRunSamples& replay, int i, Samples& samples) {
  for (size_t d = 0; d < samples.impacts.size(); ++d) {
    for (size_t k = 0; k < samples.impacts[d].size(); ++k) {
      samples.impacts[d][k][i] = replay.impacts[d][k][i];
      for (int slot = 0; slot < kStageSlots; ++slot) {
        samples.stages[d][k][slot][i] = replay.stages[d][k][slot][i];
      }
    }
  }
}

// What a recording tape keeps of the run: its iterations [first, stop).
McRunSamples Recorded(const McOptions& options, int first, int stop,
                      const std::vector<const MatrixData*>& systems, const Samples& samples) {
  McRunSamples r;
  r.seed = options.seed;
  r.total = options.iterations;
  r.begin = first;
  r.end = stop;
  for (const MatrixData* d : systems) {
    r.impact_ids.push_back(d->impact_ids);
    r.impact_units.push_back(d->impact_units);
  }
  r.impacts = samples.impacts;
  r.stages = samples.stages;
  for (const auto& [process, id] : options.tracked) {
    r.tracked_names.push_back(process.empty() ? id : process + "/" + id);
  }
  r.tracked = samples.tracked;
  return r;
}

// The error `e` of iteration `i`, saying where (an error of another kind
// is kept as it is).
std::exception_ptr AtIteration(const Error& e, int i, uint64_t seed) {
  const std::string what = fmt::format("Monte Carlo iteration {} (seed {}): {}", i, seed, e.what());
  if (dynamic_cast<const SolveError*>(&e)) return std::make_exception_ptr(SolveError(what));
  if (dynamic_cast<const FormulaError*>(&e)) return std::make_exception_ptr(FormulaError(what));
  return std::current_exception();
}

std::vector<std::vector<SensitivityRow>> RankInputs(const McPlan& plan, const SystemPlan& sp,
                                                    const Samples& samples, size_t system) {
  const auto& impacts = samples.impacts[system];
  std::vector<std::vector<double>> impact_ranks;
  for (const auto& y : impacts) impact_ranks.push_back(Ranks(y));
  std::vector<std::vector<SensitivityRow>> out(impacts.size());
  for (int u : sp.inputs) {
    const std::vector<double>& x = samples.draws[u];
    const std::vector<double> x_ranks = Ranks(x);
    const std::vector<size_t> order = SortOrder(x);
    for (size_t k = 0; k < impacts.size(); ++k) {
      out[k].push_back({plan.inputs[u].name, plan.inputs[u].nominal,
                        Pearson(x_ranks, impact_ranks[k]), FirstOrderShare(order, impacts[k])});
    }
  }
  for (auto& rows : out) {
    std::stable_sort(rows.begin(), rows.end(), [](const SensitivityRow& x, const SensitivityRow& y) {
      return std::abs(x.spearman) > std::abs(y.spearman);
    });
  }
  return out;
}

}  // namespace

namespace {

// The machine's physical memory in bytes (0 when unknown).
double PhysicalMemory() {
  const long pages = ::sysconf(_SC_PHYS_PAGES), size = ::sysconf(_SC_PAGE_SIZE);
  return pages > 0 && size > 0 ? static_cast<double>(pages) * static_cast<double>(size) : 0.0;
}

// Refuses, before anything is allocated, a run whose samples would not fit
// in half the machine's memory: every iteration keeps a double per impact
// and stage of each system, per tracked parameter and, for the
// sensitivity, per uncertain input; the results copy them once more.
void CheckMemory(const std::vector<const MatrixData*>& systems, size_t inputs, size_t tracked,
                 const McOptions& options) {
  double doubles = static_cast<double>(tracked) +
                   (options.sensitivity || options.keep_draws ? inputs : 0);
  for (const MatrixData* d : systems) doubles += d->characterisation.rows() * (1.0 + kStageSlots);
  const double per_iteration = 2 * 8 * doubles;
  const double memory = PhysicalMemory();
  if (memory <= 0 || per_iteration * options.iterations <= memory / 2) return;
  throw InvalidArgument(
      "iterations",
      fmt::format("iterations {}: the run would keep about {:.1f} GB of samples in memory "
                  "({:.0f} bytes an iteration), more than half of this machine's {:.1f} GB; at "
                  "most {} iterations fit",
                  options.iterations, per_iteration * options.iterations / 1e9, per_iteration,
                  memory / 1e9, static_cast<long>(memory / 2 / per_iteration)));
}

// More threads than this only add memory and contention.
int MaxThreads() { return 4 * static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

}  // namespace

std::vector<McResult> RunMonteCarloPaired(const inventory::Inventory& inventory,
                                          const ParameterSet& nominal,
                                          const std::vector<const MatrixData*>& systems,
                                          const McOptions& options) {
  if (options.iterations < 1) {
    throw InvalidArgument("iterations", fmt::format("iterations {}: a Monte Carlo run needs at "
                                                    "least 1", options.iterations));
  }
  if (options.threads < 1) {
    throw InvalidArgument("threads", fmt::format("threads {}: must be at least 1", options.threads));
  }
  if (options.threads > MaxThreads()) {
    throw InvalidArgument("threads", fmt::format("threads {}: at most {} on this machine (4 per "
                                                 "hardware thread); more only add memory",
                                                 options.threads, MaxThreads()));
  }
  if (options.weights && (options.weights->weights.size() != static_cast<size_t>(options.iterations) ||
                          options.weights->seed != options.seed)) {
    throw InvalidArgument(
        "weights", fmt::format("the calibration's weights are of {} iterations with seed {}; this "
                               "run has {} with seed {}: run with the calibration's iterations "
                               "and seed",
                               options.weights->weights.size(), options.weights->seed,
                               options.iterations, options.seed));
  }
  std::vector<int> tracked_slots;
  for (const auto& [process, id] : options.tracked) {
    tracked_slots.push_back(nominal.Slot(process, id));
  }
  const McPlan plan = PlanMonteCarlo(inventory, nominal, systems, tracked_slots);
  std::vector<MatrixRefill> refills;
  refills.reserve(systems.size());
  for (const MatrixData* d : systems) refills.emplace_back(inventory, *d, nominal);
  const std::pair<int, int> range = options.slice.Resolve(options.iterations);
  const int first = range.first, after = range.second;
  const int n = after - first;  // the samples this run holds
  const size_t inputs = plan.inputs.size();
  CheckMemory(systems, inputs, tracked_slots.size(), options);
  const McRunSamples* replay = nullptr;
  if (options.tape && options.tape->replaying()) {
    std::vector<std::vector<std::string>> ids;
    for (const MatrixData* d : systems) ids.push_back(d->impact_ids);
    replay = &options.tape->Next(options.seed, options.iterations, first, after, ids);
  }
  // A replayed run draws only what its results read besides the impacts.
  const bool keep_draws = options.sensitivity || options.keep_draws;
  const bool draw = !replay || keep_draws || !tracked_slots.empty();
  std::vector<Distribution> distributions;
  std::vector<uint64_t> streams;
  distributions.reserve(inputs);
  streams.reserve(inputs);
  std::vector<int> columns(inputs, -1);
  for (size_t u = 0; u < inputs; ++u) {
    const McInput& in = plan.inputs[u];
    distributions.emplace_back(in.uncertainty, in.nominal);
    streams.push_back(StreamBase(options.seed, in.key));
    if (options.design) columns[u] = options.design->Column(in.name);
  }
  InputDraws input_draws;  // without a design: every input from its stream
  if (!options.design) {
    for (size_t u = 0; u < inputs; ++u) input_draws.Add(distributions[u], streams[u]);
  }

  Samples samples;
  for (const MatrixData* d : systems) {
    const int impacts = d->characterisation.rows();
    samples.impacts.emplace_back(impacts, std::vector<double>(n, 0.0));
    samples.stages.emplace_back(
        impacts, std::vector<std::vector<double>>(kStageSlots, std::vector<double>(n, 0.0)));
  }
  if (keep_draws) samples.draws.assign(inputs, std::vector<double>(n, 0.0));
  samples.tracked.assign(tracked_slots.size(), std::vector<double>(n, 0.0));

  const int chunk = ChunkSize(n, options.threads);
  std::atomic<int> next{0}, done{0};
  using Clock = std::chrono::steady_clock;
  std::mutex clock_mutex;
  Clock::time_point first_start = Clock::time_point::max(), last_stop = Clock::time_point::min();
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&]() {
    int i = -1;
    try {
      Worker w(inventory, nominal, systems, refills);
      w.draws.resize(inputs);
      const Clock::time_point began = Clock::now();
      for (int start; (start = next.fetch_add(chunk)) < n;) {
        if (Clock::now() > options.deadline) {
          throw InvalidArgument(
              "iterations", fmt::format("iterations {}: the run reached its time limit with {} "
                                        "done; ask for fewer", options.iterations, done.load()));
        }
        const int stop = std::min(n, start + chunk);
        for (i = start; i < stop; ++i) {
          const int iteration = first + i;  // in the whole run
          if (!draw) {
            CopyReplayed(*replay, i, samples);
            continue;
          }
          if (options.design) {
            for (size_t u = 0; u < inputs; ++u) {
              if (columns[u] >= 0) {
                w.draws[u] = distributions[u].Quantile(options.design->Quantile(columns[u], iteration));
              } else {
                RandomEngine engine = StreamEngine(streams[u], static_cast<uint64_t>(iteration));
                w.draws[u] = distributions[u](engine);
              }
            }
          } else {
            input_draws.Draw(static_cast<uint64_t>(iteration), w.draws.data());
          }
          for (int u : plan.parameter_inputs) {
            w.parameters.SetSlotValue(plan.inputs[u].slot, w.draws[u]);
          }
          if (keep_draws) {
            for (size_t u = 0; u < inputs; ++u) samples.draws[u][i] = w.draws[u];
          }
          for (int s : plan.formula_slots) w.parameters.EvaluateSlot(s);
          for (size_t t = 0; t < tracked_slots.size(); ++t) {
            samples.tracked[t][i] = w.parameters.SlotValue(tracked_slots[t]);
          }
          if (replay) {
            CopyReplayed(*replay, i, samples);
            continue;
          }
          for (size_t d = 0; d < systems.size(); ++d) {
            SystemWork& sw = w.systems[d];
            const SystemPlan& sp = plan.systems[d];
            FillSystem(sp, refills[d], w.parameters, w.draws, sw);
            if (sp.technosphere_changes) sw.calculator->Refactor(sw.data);
            sw.calculator->Evaluate(sw.data, &sw.totals);
            for (size_t k = 0; k < sw.totals.impacts.size(); ++k) {
              samples.impacts[d][k][i] = sw.totals.impacts[k];
              for (int slot = 0; slot < kStageSlots; ++slot) {
                samples.stages[d][k][slot][i] = sw.totals.by_stage[k][slot];
              }
            }
          }
        }
        done.fetch_add(stop - start);
      }
      std::lock_guard<std::mutex> lock(clock_mutex);
      first_start = std::min(first_start, began);
      last_stop = std::max(last_stop, Clock::now());
    } catch (const Error& e) {
      std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) {
        failure = i >= 0 ? AtIteration(e, first + i, options.seed) : std::current_exception();
      }
      next.store(n);
    } catch (...) {
      std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next.store(n);
    }
  };
  std::vector<std::thread> threads;
  const int thread_count = std::min(options.threads, (n + chunk - 1) / chunk);
  for (int t = 1; t < thread_count; ++t) threads.emplace_back(work);
  if (options.progress) {
    // Every worker on a thread of its own; the calling thread reports.
    std::thread last(work);
    while (done.load() < n) {
      {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (failure) break;
      }
      options.progress(done.load(), n);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    last.join();
  } else {
    work();
  }
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
  if (options.progress) options.progress(n, n);

  if (options.tape && !options.tape->replaying()) {
    options.tape->Record(Recorded(options, first, after, systems, samples));
  }
  std::shared_ptr<const std::vector<std::vector<double>>> shared_draws;
  if (options.keep_draws) {
    shared_draws = std::make_shared<const std::vector<std::vector<double>>>(
        options.sensitivity ? samples.draws : std::move(samples.draws));
  }
  std::vector<McResult> results;
  for (size_t d = 0; d < systems.size(); ++d) {
    McResult r;
    r.iteration_seconds = std::chrono::duration<double>(last_stop - first_start).count();
    r.iterations = n;
    r.first_iteration = first;
    r.seed = options.seed;
    r.weights = options.weights;
    r.uncertain_inputs = static_cast<int>(plan.systems[d].inputs.size());
    r.impact_ids = systems[d]->impact_ids;
    r.impact_units = systems[d]->impact_units;
    for (size_t k = 0; k < samples.impacts[d].size(); ++k) {
      r.impacts.push_back(r.SummaryOf(samples.impacts[d][k]));
      std::array<Summary, kStageSlots> stages;
      for (int slot = 0; slot < kStageSlots; ++slot) {
        stages[slot] = r.SummaryOf(samples.stages[d][k][slot]);
      }
      r.stages.push_back(stages);
    }
    if (options.sensitivity) r.sensitivity = RankInputs(plan, plan.systems[d], samples, d);
    if (options.keep_draws) {
      for (int u : plan.systems[d].inputs) {
        r.inputs.push_back(plan.inputs[u].name);
        r.input_nominals.push_back(plan.inputs[u].nominal);
        r.input_index.push_back(static_cast<size_t>(u));
      }
      r.draws = shared_draws;
    }
    r.samples = std::move(samples.impacts[d]);
    r.tracked = samples.tracked;
    if (options.stage_samples) r.stage_samples = std::move(samples.stages[d]);
    results.push_back(std::move(r));
  }
  return results;
}

Summary McResult::SummaryOf(std::vector<double> samples) const {
  if (!weights) return Summarise(std::move(samples));
  if (first_iteration == 0 && samples.size() == weights->weights.size()) {
    return SummariseWeighted(samples, weights->weights);
  }
  const auto from = weights->weights.begin() + first_iteration;
  return SummariseWeighted(samples, std::vector<double>(from, from + static_cast<long>(samples.size())));
}

McResult RunMonteCarlo(const inventory::Inventory& inventory, const ParameterSet& nominal,
                       const MatrixData& data, const McOptions& options) {
  return std::move(RunMonteCarloPaired(inventory, nominal, {&data}, options).front());
}

std::vector<McResult> MonteCarloOfDemands(const inventory::Inventory& inventory,
                                          const ParameterSet& nominal,
                                          const std::vector<McDemand>& demands,
                                          const std::vector<std::string>& methods,
                                          const McOptions& options) {
  std::vector<MatrixData> systems;
  for (const McDemand& d : demands) {
    systems.push_back(BuildMatrices(inventory, nominal, d.process, d.amount, methods, d.links));
  }
  std::vector<const MatrixData*> pointers;
  for (const MatrixData& m : systems) pointers.push_back(&m);
  return RunMonteCarloPaired(inventory, nominal, pointers, options);
}

double ProbabilityLess(const McResult& a, const McResult& b, int impact) {
  if (a.iterations != b.iterations || a.seed != b.seed || impact < 0 ||
      impact >= static_cast<int>(a.samples.size()) ||
      impact >= static_cast<int>(b.samples.size())) {
    throw InvalidArgument("P(A < B) needs two results of one paired run and an impact both have");
  }
  double less = 0.0;
  const auto& x = a.samples[impact];
  const auto& y = b.samples[impact];
  for (size_t i = 0; i < x.size(); ++i) less += x[i] < y[i] ? 1.0 : x[i] == y[i] ? 0.5 : 0.0;
  return x.empty() ? 0.0 : less / x.size();
}

}  // namespace gpulca::lca
