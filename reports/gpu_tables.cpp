#include "reports/gpu_tables.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gpulca::reports {
namespace {

// "gwp100 (kg CO2e)" for each impact of `r`, after the leading `first` headers.
std::vector<std::string> ImpactHeaders(const lca::LcaResult& r, std::vector<std::string> first,
                                       const std::string& per = "") {
  for (size_t k = 0; k < r.data.impact_ids.size(); ++k) {
    first.push_back(fmt::format("{} ({}{})", r.data.impact_ids[k], r.data.impact_units[k], per));
  }
  return first;
}

std::vector<Cell> Row(std::vector<Cell> first, const std::vector<double>& values) {
  for (double v : values) first.emplace_back(v);
  return first;
}

Table Impacts(const lca::GpuAssessment& a) {
  const lca::LcaResult& r = a.headline();
  Table t{"Impacts", ImpactHeaders(r, {"quantity"}), {}};
  t.rows.push_back(Row({std::string(a.cradle_to_grave ? "total, cradle to grave"
                                                      : "total, cradle to gate")},
                       a.total));
  t.rows.push_back(Row({std::string("embodied, cradle to gate")}, a.embodied));
  if (a.cradle_to_grave) {
    t.rows.push_back(Row({std::string("use phase")}, a.use_phase));
    t.rows.push_back(Row({std::string("use phase, operational")}, a.operational));
    t.rows.push_back(Row({std::string("use phase, host share in use")}, a.host_share_in_use));
    t.rows.push_back(Row({std::string("host share, whole life (embodied, use, end of life)")},
                         a.host_share));
  }
  return t;
}

// One row per impact, its unit in a column: an intensity's unit is the
// impact's unit per functional unit, so no column header can carry it.
Table Intensities(const lca::GpuAssessment& a) {
  const auto& d = a.headline().data;
  Table t{"Intensities", {"impact", "unit", "per GPU-hour (unit/GPU-hour)",
                          "per PFLOP-hour (unit/PFLOP-hour)"}, {}};
  if (!a.per_query.empty()) t.headers.push_back("per query (unit/query)");
  t.headers.push_back("note");
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    std::vector<Cell> row{d.impact_ids[k], d.impact_units[k], a.per_gpu_hour[k]};
    if (a.per_pflop_hour.empty()) {
      row.emplace_back(std::monostate{});
    } else {
      row.emplace_back(a.per_pflop_hour[k]);
    }
    if (!a.per_query.empty()) row.emplace_back(a.per_query[k]);
    row.emplace_back(a.per_pflop_hour.empty() ? "per PFLOP-hour undefined: " + a.per_pflop_hour_undefined
                                              : std::string());
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table ByStage(const lca::GpuAssessment& a) {
  const lca::LcaResult& r = a.headline();
  Table t{"By stage", ImpactHeaders(r, {"stage"}), {}};
  for (int slot = 0; slot < lca::kStageSlots; ++slot) {
    std::vector<double> values;
    for (size_t k = 0; k < r.impacts.size(); ++k) values.push_back(r.by_stage[k][slot]);
    t.rows.push_back(Row({std::string(lca::StageSlotName(slot))}, values));
  }
  return t;
}

Table Processes(const lca::GpuAssessment& a) {
  const lca::LcaResult& r = a.headline();
  const auto& d = r.data;
  Table t{"Processes",
          ImpactHeaders(r, {"process", "name", "stage", "location", "scaling (runs)"}, ", direct"),
          {}};
  std::vector<size_t> order(d.process_ids.size());
  std::iota(order.begin(), order.end(), 0);
  int k = r.ImpactIndex("gwp100");
  if (k >= 0) {
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
      return std::fabs(r.by_process[k][x]) > std::fabs(r.by_process[k][y]);
    });
  }
  for (size_t j : order) {
    std::vector<double> values;
    for (size_t i = 0; i < r.impacts.size(); ++i) values.push_back(r.by_process[i][j]);
    t.rows.push_back(Row(
        {d.process_ids[j], d.process_names[j],
         std::string(d.stage(j) == inventory::Stage::kNone ? "" : inventory::ToString(d.stage(j))),
         d.locations[j], r.scaling[j]},
        values));
  }
  return t;
}

Table Flows(const lca::GpuAssessment& a) {
  const lca::LcaResult& r = a.headline();
  const auto& d = r.data;
  Table t{"Flows", ImpactHeaders(r, {"flow", "amount", "unit"}), {}};
  for (size_t f = 0; f < d.flow_ids.size(); ++f) {
    std::vector<double> values;
    for (size_t k = 0; k < r.impacts.size(); ++k) values.push_back(r.by_flow[k][f]);
    t.rows.push_back(Row({d.flow_ids[f], r.inventory[f], d.flow_units[f]}, values));
  }
  return t;
}

Table Assumptions(const lca::GpuAssessment& a) {
  Table t{"Assumptions", {"parameter", "value", "unit"}, {}};
  auto add = [&](const char* name, Cell value, const char* unit) {
    t.rows.push_back({std::string(name), std::move(value), std::string(unit)});
  };
  add("gpu", a.gpu, "");
  add("name", a.name, "");
  add("boundary", std::string(a.cradle_to_grave ? "cradle to grave" : "cradle to gate"), "");
  add("region", a.region, "");
  add("tdp_w", a.tdp_w, "W");
  add("peak_bf16_dense_tflops", a.peak_tflops, "TFLOPS");
  add("memory_gb", a.memory_gb, "GB");
  add("lifetime_years", a.lifetime_years, "yr");
  add("lifetime_hours", a.lifetime_hours, "h");
  add("utilization", a.utilization, "1");
  add("pue", a.pue, "1");
  add("gpu_power_fraction", a.power_fraction, "1");
  add("use_kwh", a.use_kwh, "kWh");
  if (a.query_wh) add("query_wh", *a.query_wh, "Wh");
  return t;
}

Table Quality(const lca::GpuAssessment& a) {
  Table t{"Data quality",
          {"process", "name", "stage", "location", "exchanges", "estimated", "uncertain", "sources"},
          {}};
  for (const lca::ProcessQuality& q : a.quality) {
    std::vector<std::string> sources;
    for (const lca::SourceRef& s : q.sources) sources.push_back(s.id);
    t.rows.push_back(
        {q.id, q.name,
         std::string(q.stage == inventory::Stage::kNone ? "" : inventory::ToString(q.stage)),
         q.location, static_cast<double>(q.exchanges), static_cast<double>(q.estimated),
         static_cast<double>(q.uncertain), fmt::format("{}", fmt::join(sources, "; "))});
  }
  return t;
}

}  // namespace

std::vector<Table> GpuAssessmentTables(const lca::GpuAssessment& a) {
  return {Impacts(a), Intensities(a), ByStage(a), Processes(a), Flows(a), Assumptions(a),
          Quality(a)};
}

}  // namespace gpulca::reports
