// The sections of the report on one GPU, as plain rows that every renderer
// (terminal, md, html, json, csv) reads, so that the formats cannot disagree
// on what a section holds. Each section has an id (kGpuSectionIds) that every
// format uses: the JSON key, the CSV `section` column, the HTML <section id>
// (with '_' written '-'), and the heading SectionTitle(id) in the terminal
// and Markdown reports.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lca/gpu/gpu_assessment.h"
#include "lca/system/upstream_tree.h"
#include "reports/gpu_report_options.h"

namespace gpulca::reports {

inline constexpr const char* kGpuSectionIds[] = {
    "assumptions",   "impacts",   "stages",        "use_phase",   "intensities", "per_query",
    "top_processes", "top_flows", "upstream_tree", "eol_credits", "data_quality"};

// The heading of section `id`: "Impacts", "Use phase", ...
std::string SectionTitle(const std::string& id);

// "cradle-to-grave" or "cradle-to-gate".
const char* Boundary(const lca::GpuAssessment& a);

// The impact the contribution sections (top processes and flows, tree,
// data quality) follow: gwp100, or the first impact when the result has none.
int HeadlineImpact(const lca::GpuAssessment& a);

// What was solved: the product whose demand gives the headline result.
struct DemandRow {
  std::string product;   // the demanded product: the module, or its life cycle
  std::string process;   // its provider
  double amount = 1;
  std::string unit;
  std::string boundary;
  std::string gpu;       // the catalogue GPU
  std::string functional_unit;  // in words
};

// An assumption: a number with its unit, or a text.
struct AssumptionRow {
  std::string key, label;
  std::optional<double> value;
  std::string text;
  std::string unit;
};

struct ImpactRow {
  std::string id, name, unit;
  double total = 0, embodied = 0, embodied_share = 0;
};

// One row per non-empty stage slot of the headline result: the slot's name
// and its value for every impact.
struct StageRow {
  std::string key;
  std::vector<double> values;
};
std::vector<StageRow> StageRows(const lca::LcaResult& r);

// use_phase = operational + host_share_in_use: the row adds up. host_share is
// the host's whole share (embodied, use and end of life), for reference.
struct UsePhaseRow {
  std::string id, unit;
  double use_phase = 0, host_share_in_use = 0, operational = 0, operational_per_year = 0,
         embodied_share = 0, host_share = 0;
};

struct IntensityRow {
  std::string id, unit;
  double per_gpu_hour = 0;
  std::optional<double> per_pflop_hour;  // none: undefined (GpuSections::per_pflop_hour_undefined)
};

// Per-query figures in small units (g CO2e, kJ, mL, mg Sb-eq).
struct PerQueryRow {
  std::string id;
  double value = 0;  // in `unit`
  std::string unit;
};
struct PerQuery {
  bool on = false;
  double queries_per_hour = 0, gpu_wh = 0;
  std::optional<double> facility_wh;  // cradle to grave only
  std::string basis;                  // how Q was given, in words; or how to ask for it
  std::vector<PerQueryRow> rows;
};

// A value in a small unit, for one query: kg CO2e -> g CO2e, MJ -> kJ,
// L -> mL, kg Sb-eq -> mg Sb-eq; other units unchanged.
PerQueryRow SmallUnit(const std::string& id, double value, const std::string& unit);

struct ProcessRow {
  std::string id, name, stage, location;
  double value = 0, share = 0;  // direct, headline impact
};

struct FlowRow {
  std::string id, unit;
  double amount = 0, value = 0, share = 0;  // value: headline impact
};

// The upstream tree flattened depth first (parents before children).
struct TreeLine {
  int depth = 0;
  std::string id, name, stage, unit, path;  // path: ids from the demand, '/'-joined
  double amount = 0, total = 0, direct = 0, share = 0;
};

struct CreditRow {
  std::string id, unit;
  double credit = 0;  // upstream of the credit processes (negative: a credit)
  double net = 0;     // the total as reported (credits in, when applied)
  double gross = 0;   // the total without the credits
};
struct EolCredits {
  bool modelled = false;  // the headline system has a credit process
  bool applied = false;   // eol_credits is not 0: the totals are net of the credits
  std::string status;     // the above in words, as every format says it
  std::vector<CreditRow> rows;
};

struct QualityRow {
  lca::ProcessQuality process;
  double value = 0;  // direct, headline impact
  double estimated_share = 0, uncertain_share = 0;
};

struct GpuSections {
  std::string title;
  DemandRow demand;
  std::string data_hash;
  std::vector<std::string> impact_ids, impact_units;
  std::string headline_id, headline_unit;
  std::vector<AssumptionRow> assumptions;
  std::vector<ImpactRow> impacts;
  std::vector<StageRow> stages;
  bool use_phase_on = false;           // cradle to grave
  std::vector<UsePhaseRow> use_phase;  // empty at the gate
  std::string use_phase_note;          // what the columns are, and the host's whole share
  std::string intensity_basis;         // what per GPU-hour divides, over which life
  std::vector<IntensityRow> intensities;
  std::string per_pflop_hour_undefined;  // why per PFLOP-hour is undefined; empty when defined
  PerQuery per_query;
  std::vector<ProcessRow> top_processes;
  std::vector<FlowRow> top_flows;
  double tree_cutoff = 0;
  lca::UpstreamNode tree;           // the headline impact's tree, for nested output
  std::vector<TreeLine> tree_lines; // the same, flattened (every node above the cut-off)
  EolCredits credits;
  std::vector<QualityRow> quality;
  std::vector<lca::SourceRef> sources;  // of the quality rows, in order of first citation
};

GpuSections BuildGpuSections(const lca::GpuAssessment& a, const GpuReportOptions& o);

// count / of as a share, 0 when `of` is 0.
double CountShare(int count, int of);

}  // namespace gpulca::reports
