#include "inventory/records/workload_spec.h"

#include <fmt/format.h>

#include <cmath>
#include <set>

#include "inventory/model/bounded_read.h"
#include "inventory/model/units.h"
#include "inventory/toml/toml_precheck.h"
#include "inventory/toml/toml_table.h"
#include "lca/error.h"

namespace gpulca::inventory {
namespace {

// The bounds of WorkloadNumberRules (docs/workloads.md, "Bad input").
bool Count(double v) { return v >= 1 && v <= 1e7 && std::floor(v) == v; }
bool Hours(double v) { return v > 0 && v <= 1e6; }
bool GpuHours(double v) { return v > 0 && v <= 1e12; }
bool Watts(double v) { return v > 0 && v <= 5000; }
bool HostWatts(double v) { return v >= 0 && v <= 5000; }
bool Share(double v) { return v > 0 && v <= 1; }
bool Pue(double v) { return v >= 1 && v <= 3; }
bool Wue(double v) { return v >= 0 && v <= 10; }
bool GridCo2(double v) { return v >= 0 && v <= 2; }
bool GridWater(double v) { return v >= 0 && v <= 50; }
bool Years(double v) { return v > 0 && v <= 30; }
bool Rate(double v) { return v > 0 && v <= 1e7; }
bool Tokens(double v) { return v >= 1 && v <= 1e7; }

const std::vector<WorkloadNumberRule> kRules = {
    {"count", "a whole number of GPUs from 1 to 10,000,000", Count},
    {"hours", "a number of hours above 0 and at most 1,000,000", Hours},
    {"days", "a number of days above 0 and at most 41,666", [](double v) { return Hours(v * 24); }},
    {"gpu_hours", "a number of GPU-hours above 0 and at most 1e12", GpuHours},
    {"energy_kwh", "an IT electricity above 0 and at most 1e12 kWh", GpuHours},
    {"power_w", "an average power per GPU above 0 and at most 5,000 W", Watts},
    {"host_power_w", "an average host power per GPU from 0 to 5,000 W", HostWatts},
    {"utilization", "a share above 0 and at most 1", Share},
    {"pue", "a PUE from 1 to 3", Pue},
    {"wue_l_per_kwh", "an on-site water use from 0 to 10 L per IT kWh", Wue},
    {"grid_kg_co2e_per_kwh", "a grid factor from 0 to 2 kg CO2e/kWh", GridCo2},
    {"grid_water_l_per_kwh", "a water intensity of electricity from 0 to 50 L/kWh", GridWater},
    {"lifetime_years", "a service life above 0 and at most 30 years", Years},
    {"requests_per_second", "a throughput above 0 and at most 1e7 per second", Rate},
    {"tokens_per_second", "a throughput above 0 and at most 1e7 per second", Rate},
    {"tokens_per_request", "a number of tokens from 1 to 1e7", Tokens},
};

// "t CO2e" -> {"t", " CO2e"}; "kWh" -> {"kWh", ""}.
std::pair<std::string, std::string> SplitLabel(const std::string& unit) {
  const size_t space = unit.find(' ');
  if (space == std::string::npos) return {unit, ""};
  return {unit.substr(0, space), unit.substr(space)};
}

// The factor from `written` into `figure_unit`, or nullopt when they do not
// measure the same thing ("t CO2e" into "kg CO2e": 1000).
std::optional<double> FactorInto(const std::string& written, const std::string& figure_unit) {
  auto [w, w_label] = SplitLabel(written);
  auto [f, f_label] = SplitLabel(figure_unit);
  if (w_label != f_label) return std::nullopt;
  if (w == f) return 1.0;
  const Unit* a = FindUnit(w);
  const Unit* b = FindUnit(f);
  if (!a || !b || a->dimension != b->dimension) return std::nullopt;
  return a->to_base / b->to_base;
}

std::optional<double> RuledNumber(TableReader& r, const std::string& key) {
  std::optional<double> v = r.Number(key, false);
  if (!v) return v;
  const WorkloadNumberRule* rule = FindWorkloadRule(key);
  if (rule && !rule->ok(*v)) {
    r.ProblemAt(key, fmt::format("'{}' is {}: it must be {}", key, *v, rule->rule));
    return std::nullopt;
  }
  return v;
}

PublishedFigure ReadPublished(const toml::value& v, const std::string& file,
                              const std::vector<WorkloadFigureId>& figures,
                              std::vector<Diagnostic>& problems) {
  TableReader r(v, file, "published", problems);
  PublishedFigure p;
  p.origin = r.Has("figure") ? r.OriginOf("figure") : r.origin();
  p.figure = r.String("figure", true);
  p.value = r.Number("value", true).value_or(0.0);
  p.unit = r.String("unit", true);
  p.tolerance = r.Number("tolerance", true).value_or(0.0);
  p.compare_only = r.Bool("compare_only");
  p.source = r.String("source", true);
  p.where = r.String("where", false);
  p.note = r.String("note", false);
  r.Finish();
  if (!(p.tolerance > 0) && r.Has("tolerance")) {
    r.ProblemAt("tolerance", fmt::format("tolerance {} must be above 0: how far, in {}, the rounding of the "
                          "source's figures lets a reproduction lie", p.tolerance, p.unit));
  }
  const WorkloadFigureId* known = nullptr;
  for (const WorkloadFigureId& f : figures) {
    if (f.id == p.figure) known = &f;
  }
  if (!p.figure.empty() && !known) {
    std::vector<std::string> ids;
    for (const WorkloadFigureId& f : figures) ids.push_back(f.id);
    r.ProblemAt("figure", fmt::format("unknown figure '{}'; known: {}", p.figure, fmt::join(ids, ", ")));
  } else if (known && !p.unit.empty()) {
    if (auto factor = FactorInto(p.unit, known->unit)) {
      p.base_value = p.value * *factor;
    } else {
      r.ProblemAt("unit", fmt::format("unit '{}' does not measure {} (in {})", p.unit, p.figure,
                                      known->unit));
    }
  }
  return p;
}

WorkloadSpec ReadWorkload(const toml::value& doc, const std::string& file,
                          const std::vector<WorkloadFigureId>& figures,
                          std::vector<Diagnostic>& problems) {
  TableReader top(doc, file, "workload file", problems);
  WorkloadSpec s;
  s.file = file;
  for (const toml::value* v : top.Tables("source")) s.sources.push_back(ReadSource(*v, file, problems));
  for (const toml::value* v : top.Tables("published")) {
    s.published.push_back(ReadPublished(*v, file, figures, problems));
  }
  if (!top.Has("workload") || !top.At("workload").is_table()) {
    top.Problem("missing the [workload] table");
    top.Finish();
    return s;
  }
  TableReader r(top.At("workload"), file, "workload", problems);
  s.origin = top.OriginOf("workload");
  top.Finish();
  s.id = r.String("id", true);
  s.name = r.String("name", false);
  s.description = r.String("description", false);
  const std::string kind = r.String("kind", true);
  if (kind == "training") {
    s.kind = WorkloadKind::kTraining;
  } else if (kind == "inference") {
    s.kind = WorkloadKind::kInference;
  } else if (!kind.empty()) {
    r.ProblemAt("kind", fmt::format("kind '{}' is not 'training' or 'inference'", kind));
  }
  s.gpu = r.String("gpu", true);
  s.count = RuledNumber(r, "count").value_or(0.0);
  s.hours = RuledNumber(r, "hours");
  if (auto days = RuledNumber(r, "days")) {
    if (s.hours) {
      r.ProblemAt("days", "give the duration once: 'hours' or 'days', not both");
    } else {
      s.hours = *days * 24;
    }
  }
  s.gpu_hours = RuledNumber(r, "gpu_hours");
  s.region = r.String("region", false);
  s.energy_kwh = RuledNumber(r, "energy_kwh");
  s.power_w = RuledNumber(r, "power_w");
  s.power_includes_host = r.Bool("power_includes_host");
  s.host_power_w = RuledNumber(r, "host_power_w");
  s.utilization = RuledNumber(r, "utilization");
  s.pue = RuledNumber(r, "pue");
  s.wue_l_per_kwh = RuledNumber(r, "wue_l_per_kwh");
  s.grid_kg_co2e_per_kwh = RuledNumber(r, "grid_kg_co2e_per_kwh");
  s.grid_water_l_per_kwh = RuledNumber(r, "grid_water_l_per_kwh");
  s.lifetime_years = RuledNumber(r, "lifetime_years");
  s.requests_per_second = RuledNumber(r, "requests_per_second");
  s.tokens_per_second = RuledNumber(r, "tokens_per_second");
  s.tokens_per_request = RuledNumber(r, "tokens_per_request");
  r.Finish();
  for (const std::string& problem : WorkloadProblems(s)) r.Problem(problem);
  std::set<std::string> source_ids;
  for (const Source& source : s.sources) source_ids.insert(source.id);
  for (const PublishedFigure& p : s.published) {
    if (!p.source.empty() && !source_ids.count(p.source)) {
      problems.push_back({p.origin, fmt::format("published: source '{}' is not a [[source]] of "
                                                "this file", p.source)});
    }
  }
  return s;
}

}  // namespace

const char* ToString(WorkloadKind kind) {
  return kind == WorkloadKind::kTraining ? "training" : "inference";
}

bool WorkloadSpec::HasAssumptions() const {
  return energy_kwh || power_w || power_includes_host || host_power_w || utilization || pue || wue_l_per_kwh ||
         grid_kg_co2e_per_kwh || grid_water_l_per_kwh || lifetime_years;
}

const std::vector<WorkloadNumberRule>& WorkloadNumberRules() { return kRules; }

const WorkloadNumberRule* FindWorkloadRule(const std::string& key) {
  for (const WorkloadNumberRule& rule : kRules) {
    if (key == rule.key) return &rule;
  }
  return nullptr;
}

std::vector<std::string> WorkloadProblems(const WorkloadSpec& s) {
  std::vector<std::string> out;
  if (s.hours && s.gpu_hours) {
    out.push_back("give the duration once: wall-clock 'hours' (or 'days') for every GPU, or the "
                  "total 'gpu_hours', not both");
  } else if (!s.hours && !s.gpu_hours) {
    out.push_back("missing the duration: 'hours' or 'days' (wall clock, every GPU) or "
                  "'gpu_hours' (total)");
  }
  if (!(s.count > 0) && !s.gpu_hours) {
    out.push_back("missing 'count', the number of GPUs (it may be left out when the total "
                  "'gpu_hours' is given)");
  }
  const bool throughput = s.requests_per_second || s.tokens_per_second || s.tokens_per_request;
  if (s.kind == WorkloadKind::kTraining && throughput) {
    out.push_back("a training run has no requests or tokens per second: set kind = "
                  "\"inference\" for a service");
  }
  if (s.kind == WorkloadKind::kInference) {
    if (!s.requests_per_second && !s.tokens_per_second) {
      out.push_back("an inference service needs its throughput per GPU: 'requests_per_second' "
                    "or 'tokens_per_second'");
    }
    if (s.tokens_per_second && !s.tokens_per_request) {
      out.push_back("'tokens_per_second' needs 'tokens_per_request' (the size of one request), "
                    "so that a request's share can be told");
    }
    if (s.requests_per_second && s.tokens_per_second) {
      out.push_back("give the throughput once: 'requests_per_second' or 'tokens_per_second' "
                    "with 'tokens_per_request'");
    }
  }
  if (s.host_power_w && s.power_includes_host) {
    out.push_back("'host_power_w' with power_includes_host = true counts the host twice: drop "
                  "one of them");
  }
  if (s.energy_kwh && (s.power_w || s.host_power_w || s.power_includes_host)) {
    out.push_back("'energy_kwh' is the measured IT electricity of the whole run, host included: "
                  "give it without 'power_w', 'host_power_w' or power_includes_host");
  }
  if (s.power_includes_host && !s.power_w) {
    out.push_back("power_includes_host = true needs 'power_w', the measured power per GPU that "
                  "includes the host");
  }
  return out;
}

WorkloadSpec WithoutAssumptions(const WorkloadSpec& spec) {
  WorkloadSpec s = spec;
  s.energy_kwh.reset();
  s.power_w.reset();
  s.power_includes_host = false;
  s.host_power_w.reset();
  s.utilization.reset();
  s.pue.reset();
  s.wue_l_per_kwh.reset();
  s.grid_kg_co2e_per_kwh.reset();
  s.grid_water_l_per_kwh.reset();
  s.lifetime_years.reset();
  return s;
}

WorkloadSpec ParseWorkload(const std::string& text, const std::string& name,
                           const std::vector<WorkloadFigureId>& figures) {
  std::vector<Diagnostic> problems;
  WorkloadSpec spec;
  ParseTomlText(text, name, problems,
                [&](const toml::value& doc) { spec = ReadWorkload(doc, name, figures, problems); });
  if (!problems.empty()) {
    throw InputError(fmt::format("{} problem{} in the workload:\n{}", problems.size(),
                                 problems.size() == 1 ? "" : "s", JoinDiagnostics(problems)));
  }
  return spec;
}

WorkloadSpec LoadWorkload(const std::string& path, const std::vector<WorkloadFigureId>& figures) {
  return ParseWorkload(ReadFileBounded(path, kMaxWorkloadBytes, "a workload file"), path, figures);
}

}  // namespace gpulca::inventory
