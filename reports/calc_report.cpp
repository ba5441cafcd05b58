#include "reports/calc_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numeric>

#include "lca/system/upstream_tree.h"
#include "reports/internal/ranking.h"
#include "reports/internal/tidy_csv.h"
#include "reports/internal/uncertainty_csv.h"

namespace gpulca::reports {
namespace {

using lca::LcaResult;
using nlohmann::ordered_json;

// Indices of `values` by decreasing absolute value, at most `top`, non-zero.

ordered_json TreeJson(const LcaResult& r, const lca::UpstreamNode& node) {
  ordered_json j;
  j["process"] = r.data.process_ids[node.process];
  j["amount"] = node.amount;
  j["unit"] = r.data.product_units[node.process];
  j["total"] = node.total;
  j["direct"] = node.direct;
  if (!node.children.empty()) {
    j["children"] = ordered_json::array();
    for (const auto& child : node.children) j["children"].push_back(TreeJson(r, child));
  }
  return j;
}

ordered_json SankeyJson(const LcaResult& r, const lca::Sankey& sankey) {
  ordered_json j = {{"nodes", ordered_json::array()}, {"links", ordered_json::array()}};
  for (const auto& node : sankey.nodes) {
    j["nodes"].push_back({{"process", r.data.process_ids[node.process]},
                          {"total", node.total},
                          {"direct", node.direct}});
  }
  for (const auto& link : sankey.links) {
    j["links"].push_back({{"provider", link.provider}, {"consumer", link.consumer},
                          {"value", link.value}});
  }
  return j;
}

}  // namespace

std::string BoundaryOf(const LcaResult& result) {
  const auto& slots = result.data.stage_slots;
  bool use = std::find(slots.begin(), slots.end(),
                       static_cast<int>(inventory::Stage::kDeployment)) != slots.end();
  return use ? "cradle-to-grave" : "cradle-to-gate";
}

std::string RenderCalcText(const LcaResult& r, const CalcReportOptions& o) {
  const auto& d = r.data;
  std::string out = fmt::format("demand     {} {} of {} ({}), {}\n", d.demand[0],
                                d.product_units[0], d.product_ids[0], d.process_ids[0],
                                o.boundary);
  out += fmt::format("system     {} processes, {} elementary flows, solver {}\n",
                     d.process_ids.size(), d.flow_ids.size(), r.solver);
  if (!o.data_hash.empty()) out += fmt::format("data hash  {}\n", o.data_hash.substr(0, 16));
  out += "\nImpacts\n";
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    out += fmt::format("  {:<8} {:>14.6g} {}\n", d.impact_ids[k], r.impacts[k], d.impact_units[k]);
  }
  out += "\nBy stage (share of each impact)\n  " + fmt::format("{:<12}", "stage");
  for (const auto& id : d.impact_ids) out += fmt::format(" {:>10}", id);
  out += "\n";
  for (int slot = 0; slot < lca::kStageSlots; ++slot) {
    bool any = false;
    for (size_t k = 0; k < d.impact_ids.size(); ++k) any = any || r.by_stage[k][slot] != 0.0;
    if (!any) continue;
    out += fmt::format("  {:<12}", lca::StageSlotName(slot));
    for (size_t k = 0; k < d.impact_ids.size(); ++k) {
      // A share of a total of 0 is undefined: n/a, never 0.0%.
      out += r.impacts[k] == 0.0
                 ? fmt::format(" {:>10}", "n/a")
                 : fmt::format(" {:>9.1f}%", 100 * Share(r.by_stage[k][slot], r.impacts[k]));
    }
    out += "\n";
  }
  for (size_t k = 0; k < d.impact_ids.size() && k < 1; ++k) {
    out += fmt::format("\nTop processes, {} ({}, direct)\n", d.impact_ids[k], d.impact_units[k]);
    for (int j : TopIndices(r.by_process[k], o.top)) {
      out += fmt::format("  {:<40} {:>12.4g} {:>6.1f}%\n", d.process_ids[j], r.by_process[k][j],
                         100 * Share(r.by_process[k][j], r.impacts[k]));
    }
    out += fmt::format("\nTop elementary flows, {}\n", d.impact_ids[k]);
    for (int f : TopIndices(r.by_flow[k], o.top)) {
      out += fmt::format("  {:<40} {:>12.4g} {:>6.1f}%\n", d.flow_ids[f], r.by_flow[k][f],
                         100 * Share(r.by_flow[k][f], r.impacts[k]));
    }
  }
  return out;
}

std::string RenderCalcJson(const LcaResult& r, const CalcReportOptions& o) {
  const auto& d = r.data;
  ordered_json j;
  j["demand"] = {{"product", d.product_ids[0]},
                 {"process", d.process_ids[0]},
                 {"amount", d.demand[0]},
                 {"unit", d.product_units[0]},
                 {"boundary", o.boundary}};
  if (!o.data_hash.empty()) j["data_hash"] = o.data_hash;
  j["solver"] = r.solver;
  j["impacts"] = ordered_json::object();
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    j["impacts"][d.impact_ids[k]] = {{"value", r.impacts[k]}, {"unit", d.impact_units[k]}};
  }
  j["stages"] = ordered_json::object();
  for (int slot = 0; slot < lca::kStageSlots; ++slot) {
    ordered_json s = ordered_json::object();
    bool any = false;
    for (size_t k = 0; k < d.impact_ids.size(); ++k) {
      s[d.impact_ids[k]] = r.by_stage[k][slot];
      any = any || r.by_stage[k][slot] != 0.0;
    }
    if (any || slot < inventory::kStageCount) j["stages"][lca::StageSlotName(slot)] = s;
  }
  j["processes"] = ordered_json::array();
  for (size_t p = 0; p < d.process_ids.size(); ++p) {
    ordered_json row = {{"id", d.process_ids[p]},
                        {"stage", inventory::ToString(d.stage(p))},
                        {"location", d.locations[p]},
                        {"scaling", r.scaling[p]}};
    for (size_t k = 0; k < d.impact_ids.size(); ++k) row[d.impact_ids[k]] = r.by_process[k][p];
    j["processes"].push_back(row);
  }
  j["flows"] = ordered_json::array();
  for (size_t f = 0; f < d.flow_ids.size(); ++f) {
    ordered_json row = {{"id", d.flow_ids[f]}, {"amount", r.inventory[f]}, {"unit", d.flow_units[f]}};
    for (size_t k = 0; k < d.impact_ids.size(); ++k) row[d.impact_ids[k]] = r.by_flow[k][f];
    j["flows"].push_back(row);
  }
  j["upstream"] = ordered_json::object();
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    j["upstream"][d.impact_ids[k]] = TreeJson(r, lca::UpstreamTree(r, static_cast<int>(k), o.cutoff));
  }
  j["sankey"] = ordered_json::object();
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    j["sankey"][d.impact_ids[k]] = SankeyJson(r, lca::SankeyData(r, static_cast<int>(k), o.cutoff));
  }
  return j.dump(2) + "\n";
}

std::string RenderCalcCsv(const LcaResult& r, const CalcReportOptions& o) {
  const auto& d = r.data;
  TidyCsv csv;
  const TidyKey demand("demand");
  csv.Text(demand.Measure("product"), d.product_ids[0]);
  csv.Text(demand.Measure("process"), d.process_ids[0]);
  csv.Number(demand.Measure("amount"), d.demand[0], d.product_units[0]);
  csv.Text(demand.Measure("boundary"), o.boundary);
  csv.Text(TidyKey("run").Measure("data_hash"), o.data_hash);
  csv.Text(TidyKey("run").Measure("solver"), r.solver);
  for (size_t k = 0; k < d.impact_ids.size(); ++k) {
    const std::string& unit = d.impact_units[k];
    csv.Number(TidyKey("impacts").Impact(d.impact_ids[k]).Measure("total"), r.impacts[k], unit);
    const TidyKey contribution = TidyKey().Impact(d.impact_ids[k]).Measure("contribution");
    for (int slot = 0; slot < lca::kStageSlots; ++slot) {
      csv.Number(contribution.Section("stages").Stage(lca::StageSlotName(slot)),
                 r.by_stage[k][slot], unit);
    }
    for (size_t p = 0; p < d.process_ids.size(); ++p) {
      csv.Number(contribution.Section("processes").Process(d.process_ids[p]), r.by_process[k][p],
                 unit);
    }
    for (size_t f = 0; f < d.flow_ids.size(); ++f) {
      if (r.by_flow[k][f] != 0.0) {
        csv.Number(contribution.Section("flows").Flow(d.flow_ids[f]), r.by_flow[k][f], unit);
      }
    }
  }
  if (o.uncertainty) AddUncertaintyCsv(*o.uncertainty, TidyKey(), csv);
  return csv.str();
}

}  // namespace gpulca::reports
