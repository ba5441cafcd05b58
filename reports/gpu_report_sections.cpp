#include "reports/internal/gpu_report_sections.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "reports/internal/ranking.h"
#include "reports/internal/text_table.h"

namespace gpulca::reports {
namespace {

using lca::GpuAssessment;
using lca::LcaResult;

void Flatten(const LcaResult& r, const lca::UpstreamNode& node, int depth, double total,
             std::vector<std::string>& path, std::vector<TreeLine>& lines) {
  const int j = node.process;
  path.push_back(r.data.process_ids[j]);
  TreeLine line;
  line.depth = depth;
  line.id = r.data.process_ids[j];
  line.name = r.data.process_names[j];
  line.stage = inventory::ToString(r.data.stage(j));
  line.unit = r.data.product_units[j];
  line.path = fmt::format("{}", fmt::join(path, "/"));
  line.amount = node.amount;
  line.total = node.total;
  line.direct = node.direct;
  line.share = Share(node.total, total);
  lines.push_back(std::move(line));
  for (const lca::UpstreamNode& child : node.children) Flatten(r, child, depth + 1, total, path, lines);
  path.pop_back();
}

AssumptionRow Number(const char* key, std::string label, double value, const char* unit) {
  return {key, std::move(label), value, "", unit};
}

AssumptionRow Text(const char* key, std::string label, std::string text) {
  return {key, std::move(label), std::nullopt, std::move(text), ""};
}

}  // namespace

std::string SectionTitle(const std::string& id) {
  static const std::pair<const char*, const char*> kTitles[] = {
      {"assumptions", "Functional unit and assumptions"},
      {"impacts", "Impacts"},
      {"stages", "By stage"},
      {"use_phase", "Use phase"},
      {"intensities", "Intensities"},
      {"per_query", "Per query"},
      {"top_processes", "Top processes"},
      {"top_flows", "Top elementary flows"},
      {"upstream_tree", "Upstream tree"},
      {"eol_credits", "End-of-life credits"},
      {"data_quality", "Data quality and sources"}};
  for (const auto& [key, title] : kTitles) {
    if (id == key) return title;
  }
  return id;
}

const char* Boundary(const GpuAssessment& a) {
  return a.cradle_to_grave ? "cradle-to-grave" : "cradle-to-gate";
}

int HeadlineImpact(const GpuAssessment& a) {
  int k = a.headline().ImpactIndex("gwp100");
  return k >= 0 ? k : 0;
}

std::vector<StageRow> StageRows(const LcaResult& r) {
  std::vector<StageRow> rows;
  for (int slot = 0; slot < lca::kStageSlots; ++slot) {
    StageRow row{lca::StageSlotName(slot), {}};
    bool any = false;
    for (size_t k = 0; k < r.impacts.size(); ++k) {
      row.values.push_back(r.by_stage[k][slot]);
      any = any || r.by_stage[k][slot] != 0.0;
    }
    if (any) rows.push_back(row);
  }
  return rows;
}

PerQueryRow SmallUnit(const std::string& id, double value, const std::string& unit) {
  if (unit == "kg CO2e") return {id, value * 1e3, "g CO2e"};
  if (unit == "MJ") return {id, value * 1e3, "kJ"};
  if (unit == "L") return {id, value * 1e3, "mL"};
  if (unit == "kg Sb-eq") return {id, value * 1e6, "mg Sb-eq"};
  return {id, value, unit};
}

double CountShare(int count, int of) {
  return of > 0 ? static_cast<double>(count) / of : 0.0;
}

GpuSections BuildGpuSections(const GpuAssessment& a, const GpuReportOptions& o) {
  const LcaResult& r = a.headline();
  const auto& d = r.data;
  const int h = HeadlineImpact(a);
  GpuSections s;
  s.data_hash = o.data_hash;
  s.impact_ids = d.impact_ids;
  s.impact_units = d.impact_units;
  s.headline_id = d.impact_ids.empty() ? "" : d.impact_ids[h];
  s.headline_unit = d.impact_units.empty() ? "" : d.impact_units[h];

  // The demand: the life cycle at the grave, the module at the gate.
  s.demand.product = d.product_ids.empty() ? a.gpu : d.product_ids[0];
  s.demand.process = d.process_ids.empty() ? a.gpu : d.process_ids[0];
  s.demand.amount = d.demand.empty() ? 1.0 : d.demand[0];
  s.demand.unit = d.product_units.empty() ? "item" : d.product_units[0];
  s.demand.boundary = Boundary(a);
  s.demand.gpu = a.gpu;
  const std::string years = FormatNumber(a.lifetime_years);
  if (a.cradle_to_grave) {
    s.title = fmt::format("{} ({}): cradle to grave, {} years in {}", a.product_name, a.gpu,
                          years, a.region);
    s.demand.functional_unit = fmt::format(
        "1 {} over a {}-year service life in {}, cradle to grave: made, delivered, used (GPU "
        "and host share, PUE included) and treated at end of life",
        a.product_name, years, a.region);
  } else {
    s.title = fmt::format("{} ({}): cradle to gate", a.product_name, a.gpu);
    s.demand.functional_unit =
        fmt::format("1 {}, cradle to gate: from the mine to the finished module", a.product_name);
  }

  if (a.cradle_to_grave) {
    s.assumptions.push_back(Text("region", "deployment region (use-phase grid)", a.region));
  }
  if (!a.fab_region.empty()) {
    s.assumptions.push_back(Text("fab_region", "logic die fab region (its grid)", a.fab_region));
  }
  s.assumptions.push_back(Number("lifetime_years", "service life, years", a.lifetime_years, "yr"));
  s.assumptions.push_back(Number("lifetime_hours", "service life, hours", a.lifetime_hours, "h"));
  s.assumptions.push_back(Number("utilization", "average utilisation", a.utilization, ""));
  s.assumptions.push_back(
      Number("power_fraction", "average GPU power, share of TDP", a.power_fraction, ""));
  s.assumptions.push_back(Number("pue", "power usage effectiveness", a.pue, ""));
  s.assumptions.push_back(Number("tdp_w", "TDP", a.tdp_w, "W"));
  s.assumptions.push_back(
      Number("peak_bf16_dense_tflops", "peak dense BF16", a.peak_tflops, "TFLOPS"));
  s.assumptions.push_back(Number("memory_gb", "memory", a.memory_gb, "GB"));
  if (a.cradle_to_grave) {
    s.assumptions.push_back(
        Number("use_kwh", "facility electricity over the life", a.use_kwh, "kWh"));
  }

  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    s.impacts.push_back({d.impact_ids[k], d.impact_names[k], d.impact_units[k], a.total[k],
                         a.embodied[k], Share(a.embodied[k], a.total[k])});
  }
  s.stages = StageRows(r);

  s.use_phase_on = a.cradle_to_grave;
  if (a.cradle_to_grave) {
    std::vector<std::string> whole;
    for (size_t k = 0; k < d.impact_ids.size(); ++k) {
      whole.push_back(fmt::format("{} {} {}", FormatNumber(a.host_share[k]), d.impact_units[k],
                                  d.impact_ids[k]));
    }
    s.use_phase_note = fmt::format(
        "Use phase = the deployment stage of the life cycle = operational + host share in use "
        "(the host's part of the deployment stage); per year = operational / service life. The "
        "host's whole share also carries its embodied and end-of-life parts, which are in the "
        "other stages: {}",
        fmt::join(whole, ", "));
    for (size_t k = 0; k < d.impact_ids.size(); ++k) {
      s.use_phase.push_back({d.impact_ids[k], d.impact_units[k], a.use_phase[k],
                             a.host_share_in_use[k], a.operational[k],
                             a.operational[k] / a.lifetime_years,
                             Share(a.embodied[k], a.total[k]), a.host_share[k]});
    }
  }

  const std::string hours = FormatNumber(a.lifetime_hours);
  s.intensity_basis =
      a.cradle_to_grave
          ? fmt::format("the cradle-to-grave total over {} years of service ({} GPU-hours); per "
                        "PFLOP-hour at {} of peak dense BF16",
                        years, hours, FormatNumber(a.utilization))
          : fmt::format("the cradle-to-gate (embodied) total spread over a {}-year service life "
                        "({} GPU-hours), with no use phase; per PFLOP-hour at {} of peak dense "
                        "BF16",
                        years, hours, FormatNumber(a.utilization));
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    std::optional<double> per_pflop_hour;
    if (!a.per_pflop_hour.empty()) per_pflop_hour = a.per_pflop_hour[k];
    s.intensities.push_back({d.impact_ids[k], d.impact_units[k], a.per_gpu_hour[k], per_pflop_hour});
  }
  s.per_pflop_hour_undefined = a.per_pflop_hour_undefined;

  PerQuery& q = s.per_query;
  q.on = !a.per_query.empty();
  q.basis = "add --query-wh W (GPU energy of one query) or --queries-per-hour Q for the figures of "
            "one query";
  if (q.on) {
    q.queries_per_hour = a.queries_per_hour;
    q.gpu_wh = a.gpu_wh_per_query;
    if (a.cradle_to_grave) q.facility_wh = a.facility_wh_per_query;
    const double gpu_w = a.tdp_w * a.power_fraction;
    q.basis = a.query_wh
                  ? fmt::format("{} Wh of GPU energy per query at an average GPU power of {} W: "
                                "{} queries per GPU-hour",
                                FormatNumber(*a.query_wh), FormatNumber(gpu_w),
                                FormatNumber(a.queries_per_hour))
                  : fmt::format("{} queries per GPU-hour of service (given): {} Wh of GPU energy "
                                "per query at an average GPU power of {} W",
                                FormatNumber(a.queries_per_hour), FormatNumber(a.gpu_wh_per_query),
                                FormatNumber(gpu_w));
    for (size_t k = 0; k < d.impact_ids.size(); ++k) {
      q.rows.push_back(SmallUnit(d.impact_ids[k], a.per_query[k], d.impact_units[k]));
    }
  }

  if (!d.impact_ids.empty()) {
    for (int j : TopIndices(r.by_process[h], o.top)) {
      s.top_processes.push_back({d.process_ids[j], d.process_names[j], inventory::ToString(d.stage(j)),
                                 d.locations[j], r.by_process[h][j],
                                 Share(r.by_process[h][j], a.total[h])});
    }
    for (int f : TopIndices(r.by_flow[h], o.top)) {
      s.top_flows.push_back({d.flow_ids[f], d.flow_units[f], r.inventory[f], r.by_flow[h][f],
                             Share(r.by_flow[h][f], a.total[h])});
    }
    s.tree_cutoff = o.cutoff;
    s.tree = lca::UpstreamTree(r, h, o.cutoff);
    std::vector<std::string> path;
    Flatten(r, s.tree, 0, a.total[h], path, s.tree_lines);
  }

  s.credits.applied = a.eol_credits_on;
  s.credits.modelled =
      a.eol_credits_on || std::any_of(d.process_ids.begin(), d.process_ids.end(), [](const auto& id) {
        return id.rfind(lca::kEolCreditPrefix, 0) == 0;
      });
  if (!a.cradle_to_grave) {
    s.credits.status = "cradle to gate: no end of life, so no end-of-life credit";
  } else if (!s.credits.modelled) {
    s.credits.status = "not modelled in this database: the totals carry no credit for recovered metals";
  } else if (!s.credits.applied) {
    s.credits.status = "not applied: the totals carry no credit for recovered metals (--eol-credits "
                       "applies them and shows them here)";
  } else {
    s.credits.status = "applied (--eol-credits): avoided primary metals, the upstream of the credit "
                       "processes; the totals are net of them";
  }
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    s.credits.rows.push_back({d.impact_ids[k], d.impact_units[k], a.eol_credits[k], a.total[k],
                              a.total[k] - a.eol_credits[k]});
  }

  if (!d.impact_ids.empty()) {
    for (int j : TopIndices(r.by_process[h], o.quality_top)) {
      if (j >= static_cast<int>(a.quality.size())) continue;
      const lca::ProcessQuality& p = a.quality[j];
      s.quality.push_back({p, r.by_process[h][j], CountShare(p.estimated, p.exchanges),
                           CountShare(p.uncertain, p.exchanges)});
      for (const lca::SourceRef& src : p.sources) {
        bool seen = std::any_of(s.sources.begin(), s.sources.end(),
                                [&](const lca::SourceRef& x) { return x.id == src.id; });
        if (!seen) s.sources.push_back(src);
      }
    }
  }
  return s;
}

}  // namespace gpulca::reports
