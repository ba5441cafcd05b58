#include "reports/workload_report.h"

#include <fmt/format.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "reports/internal/html_page.h"
#include "reports/internal/svg_charts.h"
#include "reports/internal/tidy_csv.h"

namespace gpulca::reports {
namespace {

using lca::Summary;
using lca::WorkloadAssessment;
using lca::WorkloadFigures;
using lca::WorkloadUncertainty;
using nlohmann::json;

// One figure of a workload, read the same way from either run.
struct Figure {
  std::string section, measure, impact, label, unit;
  std::function<double(const WorkloadFigures&)> value;
  std::function<Summary(const WorkloadUncertainty&)> mc;
};

const char* const kSectionTitles[][2] = {{"electricity", "Electricity"},
                                         {"impacts", "Impacts of the run"},
                                         {"water", "Water"},
                                         {"per_request", "Per request"},
                                         {"per_1k_tokens", "Per 1,000 tokens"}};

std::vector<Figure> Figures(const WorkloadAssessment& a) {
  std::vector<Figure> out;
  out.push_back({"electricity", "it_kwh", "", "IT electricity (GPUs and host)", "kWh",
                 [](const WorkloadFigures& f) { return f.it_kwh; },
                 [](const WorkloadUncertainty& u) { return u.it_kwh; }});
  out.push_back({"electricity", "facility_kwh", "", "facility electricity (IT x PUE)", "kWh",
                 [](const WorkloadFigures& f) { return f.facility_kwh; },
                 [](const WorkloadUncertainty& u) { return u.facility_kwh; }});
  const size_t impacts = a.impact_ids.size();
  using Member = std::vector<double> WorkloadFigures::*;
  using McMember = std::vector<Summary> WorkloadUncertainty::*;
  auto per_impact = [&](const std::string& section, const std::string& measure,
                        const std::string& what, const std::string& unit_suffix, Member m,
                        McMember mm) {
    for (size_t k = 0; k < impacts; ++k) {
      out.push_back({section, measure, a.impact_ids[k], fmt::format("{} {}", a.impact_ids[k], what),
                     a.impact_units[k] + unit_suffix,
                     [m, k](const WorkloadFigures& f) { return (f.*m)[k]; },
                     [mm, k](const WorkloadUncertainty& u) { return (u.*mm)[k]; }});
    }
  };
  per_impact("impacts", "operational", "operational", "", &WorkloadFigures::operational,
             &WorkloadUncertainty::operational);
  per_impact("impacts", "embodied", "embodied (amortised)", "", &WorkloadFigures::embodied,
             &WorkloadUncertainty::embodied);
  per_impact("impacts", "total", "total", "", &WorkloadFigures::total, &WorkloadUncertainty::total);
  per_impact("impacts", "per_gpu_hour", "per GPU-hour", "/GPU-hour", &WorkloadFigures::per_gpu_hour,
             &WorkloadUncertainty::per_gpu_hour);
  if (a.constants.water_impact >= 0) {
    out.push_back({"water", "water_onsite", "", "on site (cooling: IT kWh x WUE)", "L",
                   [](const WorkloadFigures& f) { return f.water_onsite_l; },
                   [](const WorkloadUncertainty& u) { return u.water_onsite_l; }});
    out.push_back({"water", "water_offsite", "", "off site (generation: facility kWh x grid water)",
                   "L", [](const WorkloadFigures& f) { return f.water_offsite_l; },
                   [](const WorkloadUncertainty& u) { return u.water_offsite_l; }});
    out.push_back({"water", "water_embodied", "", "embodied in the hardware (amortised)", "L",
                   [](const WorkloadFigures& f) { return f.water_embodied_l; },
                   [](const WorkloadUncertainty& u) { return u.water_embodied_l; }});
  }
  if (!a.figures.per_request.empty()) {
    out.push_back({"per_request", "facility_wh", "", "facility electricity", "Wh",
                   [](const WorkloadFigures& f) { return f.facility_wh_per_request; },
                   [](const WorkloadUncertainty& u) { return u.facility_wh_per_request; }});
    per_impact("per_request", "total", "total", "", &WorkloadFigures::per_request,
               &WorkloadUncertainty::per_request);
  }
  if (!a.figures.per_1k_tokens.empty()) {
    out.push_back({"per_1k_tokens", "facility_wh", "", "facility electricity", "Wh",
                   [](const WorkloadFigures& f) { return f.facility_wh_per_1k_tokens; },
                   [](const WorkloadUncertainty& u) { return u.facility_wh_per_1k_tokens; }});
    per_impact("per_1k_tokens", "total", "total", "", &WorkloadFigures::per_1k_tokens,
               &WorkloadUncertainty::per_1k_tokens);
  }
  return out;
}

// The inputs as used: {id, label, unit, value}.
struct Input {
  std::string id, label, unit;
  double value;
};

std::vector<Input> Inputs(const WorkloadAssessment& a) {
  const WorkloadFigures& f = a.figures;
  double grid_co2 = 0, grid_water = 0;
  for (size_t k = 0; k < a.impact_ids.size(); ++k) {
    if (a.impact_ids[k] == "gwp100") grid_co2 = a.point.grid_per_kwh[k];
  }
  if (a.constants.water_impact >= 0) {
    grid_water = a.point.grid_per_kwh[a.constants.water_impact] /
                 a.constants.water_cf[a.constants.water_impact];
  }
  std::vector<Input> out = {{"gpu_power_w", "GPU power, average", "W", f.gpu_power_w},
          {"host_power_w", "host power per GPU, average", "W", f.host_power_w},
          {"utilization", "utilisation", "1", a.point.utilization},
          {"pue", "PUE", "1", a.point.pue},
          {"wue_l_per_kwh", "on-site water (WUE)", "L/kWh", a.point.wue_l_per_kwh},
          {"grid_kg_co2e_per_kwh", "grid, gwp100", "kg CO2e/kWh", grid_co2},
          {"grid_water_l_per_kwh", "grid, water consumed", "L/kWh", grid_water},
          {"lifetime_hours", "service life", "h", a.point.lifetime_hours}};
  if (f.life_share) out.push_back({"life_share", "share of each GPU's life used", "1", *f.life_share});
  return out;
}

std::string Basis(const WorkloadAssessment& a, const std::string& input) {
  static const std::map<std::string, std::string> kBasisOf = {
      {"gpu_power_w", "gpu power"},   {"host_power_w", "host power"},
      {"utilization", "utilization"}, {"pue", "pue"},
      {"wue_l_per_kwh", "wue"},       {"grid_kg_co2e_per_kwh", "grid climate factor"},
      {"grid_water_l_per_kwh", "grid water"}, {"lifetime_hours", "service life"}};
  auto it = kBasisOf.find(input);
  if (it == kBasisOf.end()) return "";
  for (const auto& [name, basis] : a.basis) {
    if (name == it->second) return basis;
  }
  return "";
}

std::string Interval(const std::optional<WorkloadUncertainty>& u, const Figure& f) {
  if (!u) return "";
  const Summary s = f.mc(*u);
  return fmt::format("{} - {}", FormatNumber(s.p05), FormatNumber(s.p95));
}

// A share of a life as a percentage with five significant digits: a run of
// an hour is 0.0022831 % of five years, not "0.0%".
std::string LifeShare(double share) { return FormatNumber(share * 100) + "%"; }

std::string Duration(const lca::WorkloadFigures& f) {
  if (!f.hours_per_gpu) {
    return fmt::format("{} GPU-hours (the number of GPUs is not stated: the hours per GPU and the "
                       "share of each GPU's life are unknown)", FormatNumber(f.gpu_hours));
  }
  return fmt::format("{} h per GPU ({} days), {} GPU-hours", FormatNumber(*f.hours_per_gpu),
                     FormatNumber(*f.hours_per_gpu / 24), FormatNumber(f.gpu_hours));
}

}  // namespace

std::vector<TextSection> WorkloadSections(const WorkloadReport& r) {
  const WorkloadAssessment& a = r.stated;
  const auto& s = a.spec;
  const bool two = r.gpulca_data.has_value();
  std::vector<TextSection> out;

  TextSection run{"run", "The run", {}, {}};
  run.notes.push_back(s.count > 0 ? fmt::format("{}: {} x {} ({})", inventory::ToString(s.kind),
                                                FormatNumber(s.count), a.gpu_name, s.gpu)
                                  : fmt::format("{}: {} ({})", inventory::ToString(s.kind),
                                                a.gpu_name, s.gpu));
  run.notes.push_back(Duration(a.figures));
  run.notes.push_back(fmt::format("region {} (grid {}); each GPU's service life {} h{}", a.region,
                                  a.grid_process, FormatNumber(a.point.lifetime_hours),
                                  a.figures.life_share
                                      ? ", of which the run uses " + LifeShare(*a.figures.life_share)
                                      : ""));
  if (s.kind == inventory::WorkloadKind::kInference) {
    run.notes.push_back(fmt::format("{} requests, {} tokens served (throughput while busy x "
                                    "utilisation {})",
                                    FormatNumber(a.figures.requests), FormatNumber(a.figures.tokens),
                                    FormatNumber(a.point.utilization)));
  }
  if (two) {
    run.notes.push_back("\"as stated\" uses the workload's own assumptions; \"with gpulca's data\" "
                        "is the same run (GPU, count, hours, region, throughput) with gpulca's "
                        "data for everything else");
  }
  if (a.mc) {
    run.notes.push_back(fmt::format("Monte Carlo: {} iterations, seed {}; intervals are p05 - p95",
                                    a.mc->iterations, a.mc->seed));
  }
  if (!r.data_hash.empty()) run.notes.push_back("database " + r.data_hash);
  out.push_back(run);

  TextSection inputs{"inputs", "Inputs as used", {}, {}};
  TextTable t;
  t.header = {"input", "unit", "as stated"};
  if (two) t.header.push_back("with gpulca's data");
  t.header.push_back("basis (as stated)");
  t.numeric = {false, false, true, true, false};
  if (!two) t.numeric = {false, false, true, false};
  const std::vector<Input> stated = Inputs(a);
  std::vector<Input> data;
  if (two) data = Inputs(*r.gpulca_data);
  for (size_t i = 0; i < stated.size(); ++i) {
    std::vector<std::string> row = {stated[i].label, stated[i].unit,
                                    stated[i].id == "life_share" ? LifeShare(stated[i].value)
                                                                 : FormatNumber(stated[i].value)};
    if (two) {
      row.push_back(data[i].id == "life_share" ? LifeShare(data[i].value)
                                               : FormatNumber(data[i].value));
    }
    row.push_back(Basis(a, stated[i].id));
    t.rows.push_back(row);
  }
  inputs.tables.push_back(t);
  out.push_back(inputs);

  const std::vector<Figure> figures = Figures(a);
  for (const auto& [id, title] : kSectionTitles) {
    TextSection section{id, title, {}, {}};
    TextTable table;
    table.header = {"figure", "unit", "as stated"};
    if (a.mc) table.header.push_back("90% interval");
    if (two) {
      table.header.push_back("with gpulca's data");
      if (a.mc) table.header.push_back("90% interval");
    }
    table.numeric.assign(table.header.size(), true);
    table.numeric[0] = table.numeric[1] = false;
    for (const Figure& f : figures) {
      if (f.section != id) continue;
      std::vector<std::string> row = {f.label, f.unit, FormatNumber(f.value(a.figures))};
      if (a.mc) row.push_back(Interval(a.mc, f));
      if (two) {
        row.push_back(FormatNumber(f.value(r.gpulca_data->figures)));
        if (a.mc) row.push_back(Interval(r.gpulca_data->mc, f));
      }
      table.rows.push_back(row);
    }
    if (table.rows.empty()) continue;
    if (std::string(id) == "water") {
      section.notes.push_back("on site: evaporated for cooling; off site: consumed by the power "
                              "plants that generate the facility's electricity; embodied: the "
                              "hardware's supply chain, amortised like its other impacts");
    }
    if (std::string(id) == "impacts") {
      section.notes.push_back(
          "embodied = the GPU-hours used / the service life in hours x one GPU's life cycle "
          "without its operation (module, delivery, host share, end of life)");
    }
    section.tables.push_back(table);
    out.push_back(section);
  }

  if (!a.reproductions.empty()) {
    TextSection pub{"published", "Published figures beside gpulca's (as stated)", {}, {}};
    TextTable p;
    p.header = {"figure", "source", "where", "published", "unit", "gpulca", "ratio",
                "agrees"};
    p.numeric = {false, false, false, true, false, true, true, false};
    for (const auto& rep : a.reproductions) {
      p.rows.push_back({rep.published.figure, rep.published.source, rep.published.where,
                        FormatNumber(rep.published.value), rep.published.unit,
                        FormatNumber(rep.value), fmt::format("{:.3f}", rep.ratio),
                        rep.within_tolerance
                            ? fmt::format("yes (+/- {})", FormatNumber(rep.published.tolerance))
                            : "no"});
    }
    pub.tables.push_back(p);
    for (const auto& rep : a.reproductions) {
      if (!rep.published.note.empty()) {
        pub.notes.push_back(rep.published.figure + ": " + rep.published.note);
      }
    }
    out.push_back(pub);
  }
  if (!s.sources.empty()) {
    TextSection src{"sources", "Sources", {}, {}};
    for (const inventory::Source& source : s.sources) {
      src.notes.push_back(fmt::format("[{}] {}{}", source.id, source.citation,
                                      source.url.empty() ? "" : " " + source.url));
    }
    out.push_back(src);
  }
  return out;
}

namespace {

std::string Title(const WorkloadReport& r) {
  const auto& s = r.stated.spec;
  return fmt::format("Workload {}{}", s.id, s.name.empty() ? "" : ": " + s.name);
}

}  // namespace

std::string RenderWorkloadText(const WorkloadReport& r) {
  return RenderTextDocument(Title(r), {}, WorkloadSections(r), false);
}

std::string RenderWorkloadMarkdown(const WorkloadReport& r) {
  return RenderTextDocument(Title(r), {}, WorkloadSections(r), true);
}

namespace {

// The runs to draw: as stated, and with gpulca's data when there is one.
std::vector<std::pair<std::string, const WorkloadAssessment*>> Runs(const WorkloadReport& r) {
  std::vector<std::pair<std::string, const WorkloadAssessment*>> runs = {{"as stated", &r.stated}};
  if (r.gpulca_data) runs.push_back({"gpulca data", &*r.gpulca_data});
  return runs;
}

// Three charts: each impact split into operational and embodied; water on
// site, off site and embodied (bars to one scale); IT and facility
// electricity of each run.
std::string WorkloadCharts(const WorkloadReport& r) {
  const WorkloadAssessment& a = r.stated;
  StackedBarChart split{"chart-impacts", "Operational and embodied share of each impact",
                        {"operational", "embodied (amortised)"}, {}, false};
  for (size_t k = 0; k < a.impact_ids.size(); ++k) {
    for (const auto& [name, run] : Runs(r)) {
      split.rows.push_back({fmt::format("{}, {}", a.impact_ids[k], name),
                            {run->figures.operational[k], run->figures.embodied[k]},
                            fmt::format("{} {}", FormatNumber(run->figures.total[k]),
                                        a.impact_units[k])});
    }
  }
  std::string html = fmt::format("<h3>{}</h3>\n", EscapeXml(split.title)) + RenderStackedBars(split);
  if (a.constants.water_impact >= 0) {
    StackedBarChart water{"chart-water", "Water, L: on site, off site, embodied",
                          {"on site", "off site", "embodied"}, {}, true};
    for (const auto& [name, run] : Runs(r)) {
      const WorkloadFigures& f = run->figures;
      water.rows.push_back({name, {f.water_onsite_l, f.water_offsite_l, f.water_embodied_l},
                            FormatNumber(f.water_onsite_l + f.water_offsite_l + f.water_embodied_l) +
                                " L"});
    }
    html += fmt::format("<h3>{}</h3>\n", EscapeXml(water.title)) + RenderStackedBars(water);
  }
  GroupedBarChart electricity{"chart-electricity", "Electricity, kWh", {}, {}};
  GroupedBarRow it{"IT", {}, {}}, facility{"facility (IT x PUE)", {}, {}};
  for (const auto& [name, run] : Runs(r)) {
    electricity.series.push_back(name);
    it.values.push_back(run->figures.it_kwh);
    it.labels.push_back(FormatNumber(run->figures.it_kwh) + " kWh, " + name);
    facility.values.push_back(run->figures.facility_kwh);
    facility.labels.push_back(FormatNumber(run->figures.facility_kwh) + " kWh, " + name);
  }
  electricity.rows = {it, facility};
  html += fmt::format("<h3>{}</h3>\n", EscapeXml(electricity.title)) + RenderGroupedBars(electricity);
  return html;
}

}  // namespace

std::string RenderWorkloadHtml(const WorkloadReport& r) {
  const auto& s = r.stated.spec;
  std::string html = HtmlPageStart(Title(r), s.description);
  for (const TextSection& section : WorkloadSections(r)) {
    html += HtmlSectionElement(section.id, section.title, HtmlSectionBody(section));
    if (section.id == "run") html += HtmlSectionElement("charts", "Charts", WorkloadCharts(r));
  }
  return html + HtmlPageEnd(r.data_hash.empty() ? "gpulca workload"
                                                : "gpulca workload; database " + r.data_hash);
}

namespace {

json SummaryJson(const Summary& s) {
  json j;
  for (const auto& [name, value] : lca::Fields(s)) j[name] = value;
  return j;
}

json RunJson(const WorkloadAssessment& a) {
  json run;
  json inputs = json::object();
  for (const Input& in : Inputs(a)) {
    inputs[in.id] = {{"value", in.value}, {"unit", in.unit}, {"basis", Basis(a, in.id)}};
  }
  run["inputs"] = inputs;
  run["region"] = a.region;
  run["grid_process"] = a.grid_process;
  run["gpu_hours"] = a.figures.gpu_hours;
  run["requests"] = a.figures.requests;
  run["tokens"] = a.figures.tokens;
  run["figures"] = json::array();
  for (const Figure& f : Figures(a)) {
    json j = {{"section", f.section}, {"measure", f.measure}, {"impact", f.impact},
              {"unit", f.unit},       {"value", f.value(a.figures)}};
    if (a.mc) j.update(SummaryJson(f.mc(*a.mc)));
    run["figures"].push_back(j);
  }
  if (a.mc) run["monte_carlo"] = {{"iterations", a.mc->iterations}, {"seed", a.mc->seed}};
  return run;
}

json SpecJson(const inventory::WorkloadSpec& s) {
  json j = {{"id", s.id}, {"name", s.name}, {"kind", inventory::ToString(s.kind)},
            {"gpu", s.gpu}, {"count", s.count > 0 ? json(s.count) : json(nullptr)}, {"region", s.region},
            {"power_includes_host", s.power_includes_host}};
  auto opt = [&](const char* key, const std::optional<double>& v) {
    j[key] = v ? json(*v) : json(nullptr);
  };
  opt("hours", s.hours);
  opt("gpu_hours", s.gpu_hours);
  opt("power_w", s.power_w);
  opt("host_power_w", s.host_power_w);
  opt("utilization", s.utilization);
  opt("pue", s.pue);
  opt("wue_l_per_kwh", s.wue_l_per_kwh);
  opt("grid_kg_co2e_per_kwh", s.grid_kg_co2e_per_kwh);
  opt("grid_water_l_per_kwh", s.grid_water_l_per_kwh);
  opt("lifetime_years", s.lifetime_years);
  opt("requests_per_second", s.requests_per_second);
  opt("tokens_per_second", s.tokens_per_second);
  opt("tokens_per_request", s.tokens_per_request);
  return j;
}

}  // namespace

std::string RenderWorkloadJson(const WorkloadReport& r) {
  const WorkloadAssessment& a = r.stated;
  json j;
  j["command"] = "workload";
  j["data_hash"] = r.data_hash;
  j["demand"] = {{"product", a.spec.gpu},
                 {"amount", a.spec.count > 0 ? json(a.spec.count) : json(nullptr)},
                 {"boundary", "workload"},
                 {"kind", inventory::ToString(a.spec.kind)}, {"gpu_hours", a.figures.gpu_hours}};
  json impacts = json::object(), operational = json::object(), embodied = json::object();
  for (size_t k = 0; k < a.impact_ids.size(); ++k) {
    json v = {{"value", a.figures.total[k]}, {"unit", a.impact_units[k]}};
    if (a.mc) {
      const Summary& s = a.mc->total[k];
      v["p05"] = s.p05;
      v["p50"] = s.p50;
      v["p95"] = s.p95;
    }
    impacts[a.impact_ids[k]] = v;
    operational[a.impact_ids[k]] = a.figures.operational[k];
    embodied[a.impact_ids[k]] = a.figures.embodied[k];
  }
  j["impacts"] = impacts;
  j["stages"] = {{"operational", operational}, {"embodied", embodied}};
  j["workload"] = SpecJson(a.spec);
  j["runs"] = {{"stated", RunJson(a)},
               {"gpulca_data", r.gpulca_data ? RunJson(*r.gpulca_data) : json(nullptr)}};
  j["published"] = json::array();
  for (const auto& rep : a.reproductions) {
    j["published"].push_back({{"figure", rep.published.figure},
                              {"value", rep.published.value},
                              {"unit", rep.published.unit},
                              {"tolerance", rep.published.tolerance}, {"compare_only", rep.published.compare_only},
                              {"source", rep.published.source},
                              {"where", rep.published.where},
                              {"gpulca", rep.value},
                              {"ratio", rep.ratio},
                              {"within_tolerance", rep.within_tolerance}});
  }
  return j.dump(2) + "\n";
}

std::string RenderWorkloadCsv(const WorkloadReport& r) {
  TidyCsv csv;
  const TidyKey base = TidyKey("workload").Gpu(r.stated.spec.gpu).Region(r.stated.region);
  auto run = [&](const WorkloadAssessment& a, const std::string& scenario) {
    const TidyKey s = base.Scenario(scenario);
    for (const Input& in : Inputs(a)) {
      csv.Number(s.Section("inputs").Measure(in.id), in.value, in.unit);
    }
    for (const Figure& f : Figures(a)) {
      const TidyKey k = s.Category(f.section).Measure(f.measure).Impact(f.impact);
      csv.Number(k, f.value(a.figures), f.unit);
      if (a.mc) {
        for (const auto& [stat, value] : lca::Fields(f.mc(*a.mc))) {
          csv.Number(k.Statistic(stat), value, f.unit);
        }
      }
    }
  };
  run(r.stated, "stated");
  if (r.gpulca_data) run(*r.gpulca_data, "gpulca_data");
  for (const auto& rep : r.stated.reproductions) {
    const TidyKey k = base.Section("published").Measure(rep.published.figure)
                          .Source(rep.published.source);
    csv.Number(k.Statistic("published"), rep.published.value, rep.published.unit);
    csv.Number(k.Statistic("gpulca"), rep.value, rep.published.unit);
    csv.Number(k.Statistic("ratio"), rep.ratio, "");
  }
  return csv.str();
}

std::vector<Table> WorkloadTables(const WorkloadReport& r) {
  const WorkloadAssessment& a = r.stated;
  const bool two = r.gpulca_data.has_value();
  Table figures{"Workload", {"section", "figure", "impact", "unit", "as stated"}, {}};
  if (a.mc) figures.headers.insert(figures.headers.end(), {"as stated p05", "as stated p95"});
  if (two) {
    figures.headers.push_back("with gpulca's data");
    if (a.mc) figures.headers.insert(figures.headers.end(), {"gpulca data p05", "gpulca data p95"});
  }
  for (const Figure& f : Figures(a)) {
    std::vector<Cell> row = {f.section, f.measure, f.impact, f.unit, f.value(a.figures)};
    if (a.mc) {
      const Summary s = f.mc(*a.mc);
      row.insert(row.end(), {s.p05, s.p95});
    }
    if (two) {
      row.push_back(f.value(r.gpulca_data->figures));
      if (a.mc) {
        const Summary s = f.mc(*r.gpulca_data->mc);
        row.insert(row.end(), {s.p05, s.p95});
      }
    }
    figures.rows.push_back(row);
  }
  Table inputs{"Inputs", {"input", "unit", "as stated", "basis"}, {}};
  if (two) inputs.headers.insert(inputs.headers.begin() + 3, "with gpulca's data");
  const std::vector<Input> stated = Inputs(a);
  std::vector<Input> data;
  if (two) data = Inputs(*r.gpulca_data);
  for (size_t i = 0; i < stated.size(); ++i) {
    std::vector<Cell> row = {stated[i].id, stated[i].unit, stated[i].value};
    if (two) row.push_back(data[i].value);
    row.push_back(Basis(a, stated[i].id));
    inputs.rows.push_back(row);
  }
  std::vector<Table> out = {figures, inputs};
  if (!a.reproductions.empty()) {
    Table pub{"Published",
              {"figure", "source", "where", "published", "unit", "gpulca", "ratio", "agrees"},
              {}};
    for (const auto& rep : a.reproductions) {
      pub.rows.push_back({rep.published.figure, rep.published.source, rep.published.where,
                          rep.published.value, rep.published.unit, rep.value, rep.ratio,
                          std::string(rep.within_tolerance ? "yes" : "no")});
    }
    out.push_back(pub);
  }
  return out;
}

}  // namespace gpulca::reports
