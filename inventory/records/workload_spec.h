// WorkloadSpec: an AI workload to assess (`gpulca workload FILE.toml`,
// docs/workloads.md) — a training run or an inference service on catalogue
// GPUs — as plain data with the file:line of each key, so that later
// messages can point into the file.
//
// What a workload states falls in two kinds. The facts of the run (GPU,
// count, hours or GPU-hours, region, throughput) define it. The assumptions
// (measured power, host power, utilisation, PUE, WUE, a grid factor, the
// grid's water intensity, the service life) replace gpulca's data where
// given; WithoutAssumptions() drops them, for "the same run with gpulca's
// data". A reproduction of a paper also lists the paper's own results
// (`[[published]]`), each with the rounding the paper uses.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "inventory/model/model.h"

namespace gpulca::inventory {

enum class WorkloadKind { kTraining, kInference };
const char* ToString(WorkloadKind kind);  // "training", "inference"

// A result the workload's source publishes, to set beside gpulca's.
struct PublishedFigure {
  std::string figure;   // a WorkloadFigureIds() id: "facility_kwh", "operational.gwp100"...
  double value = 0;     // as written, in `unit`
  std::string unit;     // as written: "MWh", "t CO2e", "L", ...
  double base_value = 0;  // in the figure's own unit (kWh, kg CO2e, L)
  // How far gpulca's value may lie from `value`, in `unit`, from the
  // rounding of the source's result and of the inputs it states (`note`
  // says how): agreement is |gpulca - value| <= tolerance.
  double tolerance = 0;
  // Set beside gpulca's for comparison, from another method: not expected
  // to agree (the report says by how much it differs, docs/workloads.md why).
  bool compare_only = false;
  std::string source;   // a [[source]] id of the file
  std::string where;    // "Table 4", "section 5.1"
  std::string note;
  Origin origin;
};

// A workload source: as a gpulca [[source]] (id, citation, url, note).
struct WorkloadSpec {
  std::string id, name, description;
  WorkloadKind kind = WorkloadKind::kTraining;
  std::string gpu;      // a catalogue GPU id
  double count = 0;     // GPUs; 0: not stated (only with gpu_hours)
  // Duration: wall-clock hours (or days in the file) for every GPU, or the
  // total GPU-hours; one of the two.
  std::optional<double> hours, gpu_hours;
  std::string region;   // grid region; "" the GPU life cycle's own

  // Assumptions (absent: gpulca's data).
  std::optional<double> energy_kwh;     // measured IT electricity of the whole run (GPUs and host)
  std::optional<double> power_w;        // measured average power per GPU, W
  bool power_includes_host = false;     // power_w is the system's power per GPU
  std::optional<double> host_power_w;   // average host power per GPU, W
  std::optional<double> utilization;    // 0-1
  std::optional<double> pue;
  std::optional<double> wue_l_per_kwh;  // on-site water per IT kWh
  std::optional<double> grid_kg_co2e_per_kwh;  // replaces the grid's climate factors
  std::optional<double> grid_water_l_per_kwh;  // replaces the grid's water per kWh
  std::optional<double> lifetime_years;  // for amortising embodied impacts

  // Inference: throughput of one GPU while it serves (at utilisation u it
  // serves u of the hours). tokens_per_second needs tokens_per_request.
  std::optional<double> requests_per_second, tokens_per_second, tokens_per_request;

  std::vector<PublishedFigure> published;
  std::vector<Source> sources;
  std::string file;  // for messages; "" for a workload from flags
  Origin origin;     // of [workload]

  bool HasAssumptions() const;
};

// The figures a workload computes that a [[published]] entry may name, with
// the unit gpulca holds them in, given the impacts of the database:
// it_kwh, facility_kwh (kWh); water_onsite, water_offsite, water_operational
// (on + off site) (L); facility_wh_per_request (Wh);
// operational.IMPACT, embodied.IMPACT, total.IMPACT (the impact's unit).
struct WorkloadFigureId {
  std::string id, unit;
};

// A rule on one number of a workload: the key, what it must be, and the
// test. The file reader and the CLI's options apply the same rules.
struct WorkloadNumberRule {
  const char* key;
  const char* rule;  // "a number from 1 to 3"
  bool (*ok)(double);
};
const std::vector<WorkloadNumberRule>& WorkloadNumberRules();
// The rule of `key`; null when the key has none.
const WorkloadNumberRule* FindWorkloadRule(const std::string& key);

// Checks what no single number says: a duration (hours, days or gpu_hours,
// exactly one), measured energy with neither power nor host power, inference throughput (requests or tokens per second, tokens
// per request with tokens per second), none of it for training, and host
// power not given twice. Returns each problem as a sentence.
std::vector<std::string> WorkloadProblems(const WorkloadSpec& spec);

// The same run, facts only: every assumption dropped (its published figures
// and sources kept).
WorkloadSpec WithoutAssumptions(const WorkloadSpec& spec);

// Reads a workload file: [workload] with the keys of WorkloadSpec (days =
// hours / 24), [[source]] and [[published]] tables. Every problem (malformed
// TOML, a missing, mistyped or unknown key, a number outside its rule, a
// published unit that does not fit its figure, a source id not given) is
// collected and thrown together as one InputError, each as file:line: why.
// `figures` are the ids a [[published]] figure may name.
WorkloadSpec ParseWorkload(const std::string& text, const std::string& name,
                           const std::vector<WorkloadFigureId>& figures);
WorkloadSpec LoadWorkload(const std::string& path, const std::vector<WorkloadFigureId>& figures);

}  // namespace gpulca::inventory
