// Every section of the GPU report in every format, from the same rows: each
// format holds each section, and each number of a section appears in that
// section of every format (text formats as FormatNumber prints it, JSON and
// CSV as the double itself). On the hand-solvable GPU of gpu_fixture.h.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "inventory/model/parameters.h"
#include "lca/gpu/gpu_assessment.h"
#include "reports/gpu_report.h"
#include "reports/gpu_report_html.h"
#include "reports/internal/gpu_report_sections.h"
#include "reports/internal/svg_charts.h"
#include "reports/internal/text_table.h"
#include "reports/internal/tidy_csv.h"
#include "tests/lca/gpu_fixture.h"
#include "tests/reports/report_support.h"
#include "tests/test_support.h"

using namespace gpulca;
using reports::FormatNumber;

namespace {

struct Rendered {
  lca::GpuAssessment a;
  reports::GpuSections s;
  std::string terminal, md, html, json, csv;
};

Rendered Render(bool grave, bool credits, bool query) {
  static const inventory::Inventory inv = test::ParseValid(test::kGpuFixture);
  inventory::ParameterSet p(inv);
  if (credits) {
    p.Override("eol_credits", 1);
    p.Evaluate();
  }
  lca::GpuAssessmentOptions o;
  o.gpu = "g1";
  o.cradle_to_grave = grave;
  if (query) o.query_wh = 2.0;
  Rendered r{lca::AssessGpu(inv, p, o), {}, "", "", "", "", ""};
  reports::GpuReportOptions ro;
  ro.data_hash = "0123456789abcdef0123456789abcdef";
  ro.cutoff = 0.0001;  // every branch, so the tree reaches the copper credit
  r.s = reports::BuildGpuSections(r.a, ro);
  r.terminal = reports::RenderGpuTerminal(r.a, ro);
  r.md = reports::RenderGpuMarkdown(r.a, ro);
  r.html = reports::RenderGpuHtml(r.a, ro);
  r.json = reports::RenderGpuJson(r.a, ro);
  r.csv = reports::RenderGpuCsv(r.a, ro);
  return r;
}

// A number of a section, and where to find it in JSON and CSV.
struct Expect {
  double value;
  std::string json;    // a JSON pointer
  test::CsvWhere csv;  // the CSV row's columns, besides the section's
};

// The numbers each section must show, from the shared rows.
std::map<std::string, std::vector<Expect>> Expected(const reports::GpuSections& s) {
  std::map<std::string, std::vector<Expect>> e;
  for (const auto& row : s.assumptions) {
    if (row.value)
      e["assumptions"].push_back({*row.value, "/assumptions/" + row.key, {{"measure", row.key}}});
  }
  for (const auto& row : s.impacts) {
    e["impacts"].push_back(
        {row.total, "/impacts/" + row.id + "/value", {{"impact", row.id}, {"measure", "total"}}});
    e["impacts"].push_back({row.embodied,
                            "/impacts/" + row.id + "/embodied",
                            {{"impact", row.id}, {"measure", "embodied"}}});
  }
  for (const auto& row : s.stages) {
    for (size_t k = 0; k < s.impact_ids.size(); ++k) {
      e["stages"].push_back({row.values[k],
                             "/stages/" + row.key + "/" + s.impact_ids[k],
                             {{"impact", s.impact_ids[k]}, {"stage", row.key}}});
    }
  }
  for (const auto& row : s.use_phase) {
    const std::string at = "/use_phase/" + row.id + "/";
    auto add = [&](double value, const std::string& json, const std::string& measure) {
      e["use_phase"].push_back({value, at + json, {{"impact", row.id}, {"measure", measure}}});
    };
    add(row.use_phase, "total", "use_phase");
    add(row.host_share, "host_share", "host_share");
    add(row.host_share_in_use, "host_share_in_use", "host_share_in_use");
    add(row.operational, "operational", "operational");
    add(row.operational_per_year, "operational_per_year", "operational_per_year");
  }
  for (const auto& row : s.intensities) {
    e["intensities"].push_back({row.per_gpu_hour,
                                "/intensities/per_gpu_hour/" + row.id,
                                {{"impact", row.id}, {"measure", "per_gpu_hour"}}});
    REQUIRE(row.per_pflop_hour);
    e["intensities"].push_back({*row.per_pflop_hour,
                                "/intensities/per_pflop_hour/" + row.id,
                                {{"impact", row.id}, {"measure", "per_pflop_hour"}}});
  }
  if (s.per_query.on) {
    e["per_query"].push_back({s.per_query.queries_per_hour,
                              "/per_query/queries_per_hour",
                              {{"measure", "queries_per_hour"}}});
    e["per_query"].push_back(
        {s.per_query.gpu_wh, "/per_query/gpu_wh", {{"measure", "gpu_energy"}}});
    if (s.per_query.facility_wh) {
      e["per_query"].push_back({*s.per_query.facility_wh,
                                "/per_query/facility_wh",
                                {{"measure", "facility_electricity"}}});
    }
    for (const auto& row : s.per_query.rows) {
      e["per_query"].push_back({row.value,
                                "/per_query/impacts/" + row.id + "/value",
                                {{"impact", row.id}, {"measure", "per_query"}}});
    }
  }
  for (size_t i = 0; i < s.top_processes.size(); ++i) {
    e["top_processes"].push_back({s.top_processes[i].value,
                                  fmt::format("/top_processes/{}/{}", i, s.headline_id),
                                  {{"impact", s.headline_id},
                                   {"process", s.top_processes[i].id},
                                   {"measure", "contribution"}}});
  }
  for (size_t i = 0; i < s.top_flows.size(); ++i) {
    e["top_flows"].push_back(
        {s.top_flows[i].value,
         fmt::format("/top_flows/{}/{}", i, s.headline_id),
         {{"impact", s.headline_id}, {"flow", s.top_flows[i].id}, {"measure", "contribution"}}});
  }
  for (const auto& line : s.tree_lines) {
    e["upstream_tree"].push_back(
        {line.total, "", {{"impact", s.headline_id}, {"process", line.path}}});
  }
  if (s.credits.applied) {
    for (const auto& row : s.credits.rows) {
      const std::string at = "/eol_credits/impacts/" + row.id + "/";
      auto add = [&](double value, const std::string& key) {
        e["eol_credits"].push_back({value, at + key, {{"impact", row.id}, {"measure", key}}});
      };
      add(row.credit, "credit");
      add(row.net, "net");
      add(row.gross, "gross");
    }
  }
  for (size_t i = 0; i < s.quality.size(); ++i) {
    e["data_quality"].push_back({s.quality[i].value,
                                 fmt::format("/data_quality/{}/{}", i, s.headline_id),
                                 {{"impact", s.headline_id},
                                  {"process", s.quality[i].process.id},
                                  {"measure", "contribution"}}});
  }
  return e;
}

// The words each section must show, in every format.
std::map<std::string, std::vector<std::string>> Words(const reports::GpuSections& s) {
  std::map<std::string, std::vector<std::string>> w;
  w["assumptions"] = {s.demand.functional_unit, s.data_hash};
  for (const auto& row : s.top_processes) w["top_processes"].push_back(row.id);
  for (const auto& row : s.top_flows) w["top_flows"].push_back(row.id);
  for (const auto& row : s.quality) {
    w["data_quality"].push_back(row.process.id);
    for (const auto& src : row.process.sources) w["data_quality"].push_back(src.id);
  }
  for (const auto& src : s.sources) w["data_quality"].push_back(src.citation);
  w["per_query"].push_back(s.per_query.basis);
  w["eol_credits"].push_back(s.credits.status);
  w["intensities"].push_back(s.intensity_basis);
  return w;
}

// Words of the text formats only.
std::map<std::string, std::vector<std::string>> Prose(const reports::GpuSections& s) {
  std::map<std::string, std::vector<std::string>> w;
  w["use_phase"].push_back(s.use_phase_on ? "operational" : "no use phase");
  if (s.per_query.on) w["per_query"].push_back("queries per GPU-hour");
  return w;
}

void CheckEverySection(const Rendered& r) {
  const auto expected = Expected(r.s);
  const auto words = Words(r.s);
  const auto prose = Prose(r.s);
  const nlohmann::json j = nlohmann::json::parse(r.json);
  const auto csv = test::ParseCsv(r.csv);
  REQUIRE(csv.size() > 1);
  CHECK(csv[0] == reports::TidyCsvHeader());
  for (const char* id : reports::kGpuSectionIds) {
    INFO("section " << id);
    const std::string title = reports::SectionTitle(id);
    const std::string term = test::TerminalSection(r.terminal, title);
    const std::string md = test::MarkdownSection(r.md, title);
    const std::string html = test::HtmlSection(r.html, id);
    CHECK_FALSE(term.empty());
    CHECK_FALSE(md.empty());
    CHECK_FALSE(html.empty());
    CHECK(j.contains(id));
    auto eit = expected.find(id);
    if (eit != expected.end()) {
      for (const Expect& x : eit->second) {
        INFO(x.json << " = " << x.value);
        const std::string shown = FormatNumber(x.value);
        // The upstream tree shows its first tree_rows in text; all in csv.
        CHECK(term.find(shown) != std::string::npos);
        CHECK(md.find(shown) != std::string::npos);
        CHECK(html.find(shown) != std::string::npos);
        if (!x.json.empty()) CHECK(j.at(nlohmann::json::json_pointer(x.json)).get<double>() == Approx(x.value));
        // The CSV's number is the double itself, on the one row of its columns.
        CHECK(test::CsvValue(csv, {{"section", id}, {"gpu", r.a.gpu}}, x.csv) == x.value);
      }
    }
    auto wit = words.find(id);
    if (wit != words.end()) {
      for (const std::string& word : wit->second) {
        INFO("word " << word);
        CHECK(term.find(word) != std::string::npos);
        CHECK(md.find(word) != std::string::npos);
        CHECK(html.find(reports::EscapeXml(word)) != std::string::npos);
        // JSON and CSV hold every word of their section somewhere.
        CHECK(r.json.find(nlohmann::json(word).dump().substr(1, word.size())) != std::string::npos);
        CHECK(r.csv.find(word) != std::string::npos);
      }
    }
    auto pit = prose.find(id);
    if (pit != prose.end()) {
      for (const std::string& word : pit->second) {
        INFO("prose " << word);
        CHECK(term.find(word) != std::string::npos);
        CHECK(md.find(word) != std::string::npos);
        CHECK(html.find(reports::EscapeXml(word)) != std::string::npos);
      }
    }
  }
}

}  // namespace

TEST_CASE("GPU report: every section in every format, cradle to grave with credits and queries",
          "[report]") {
  Rendered r = Render(true, true, true);
  CHECK(r.a.total[0] == Approx(6467.2));
  CHECK(r.s.credits.applied);
  CHECK(r.s.per_query.on);
  REQUIRE(r.s.use_phase.size() == 3);
  // The tree reaches the credit: lifecycle / ewaste_recycling_credits / copper_primary.
  bool credit_branch = false;
  for (const auto& line : r.s.tree_lines) {
    credit_branch = credit_branch || line.path == "g1-lifecycle/ewaste_recycling_credits/copper_primary";
  }
  CHECK(credit_branch);
  CheckEverySection(r);
}

TEST_CASE("GPU report: every section in every format, cradle to gate", "[report]") {
  Rendered r = Render(false, false, false);
  CHECK(r.a.total[0] == Approx(120));
  CHECK(r.s.use_phase.empty());
  CheckEverySection(r);
  CHECK(r.s.intensity_basis.find("spread over a 4-year service life (35,040 GPU-hours)") !=
        std::string::npos);
}

TEST_CASE("GPU report: the demand and titles name what was solved", "[report]") {
  Rendered grave = Render(true, false, false);
  auto j = nlohmann::json::parse(grave.json);
  CHECK(j["demand"]["product"] == "g1-lifecycle");
  CHECK(j["demand"]["process"] == "g1-lifecycle");
  CHECK(j["demand"]["boundary"] == "cradle-to-grave");
  CHECK(j["demand"]["gpu"] == "g1");
  CHECK(j["demand"]["amount"] == 1);
  CHECK(grave.terminal.rfind("Test GPU module (g1): cradle to grave, 4 years in US\n", 0) == 0);
  CHECK(grave.md.rfind("# Test GPU module (g1): cradle to grave, 4 years in US\n", 0) == 0);
  CHECK(grave.html.find("<h1>Test GPU module (g1): cradle to grave, 4 years in US</h1>") !=
        std::string::npos);
  CHECK(grave.terminal.find("cradle to gate") == std::string::npos);
  Rendered gate = Render(false, false, false);
  j = nlohmann::json::parse(gate.json);
  CHECK(j["demand"]["product"] == "g1");
  CHECK(j["demand"]["boundary"] == "cradle-to-gate");
  CHECK(gate.terminal.rfind("Test GPU module (g1): cradle to gate\n", 0) == 0);
  CHECK(gate.terminal.find("spread over a 4-year service life") != std::string::npos);
}

TEST_CASE("GPU report: credits are never netted silently", "[report]") {
  Rendered off = Render(true, false, false);
  CHECK(off.terminal.find("End-of-life credits\n  not applied") != std::string::npos);
  auto j = nlohmann::json::parse(off.json);
  CHECK(j["eol_credits"]["applied"] == false);
  CHECK(j["eol_credits"]["modelled"] == true);
  Rendered on = Render(true, true, false);
  CHECK(on.terminal.find("totals are net of the end-of-life credits shown apart below") !=
        std::string::npos);
  j = nlohmann::json::parse(on.json);
  CHECK(j["eol_credits"]["impacts"]["gwp100"]["credit"].get<double>() == Approx(-6));
  CHECK(j["eol_credits"]["impacts"]["gwp100"]["gross"].get<double>() == Approx(6473.2));
  CHECK(j["impacts"]["gwp100"]["value"].get<double>() == Approx(6467.2));
}

TEST_CASE("GPU report: per query in small units", "[report]") {
  Rendered r = Render(true, false, true);
  auto j = nlohmann::json::parse(r.json);
  CHECK(j["per_query"]["queries_per_hour"].get<double>() == Approx(125));
  CHECK(j["per_query"]["facility_wh"].get<double>() == Approx(3.6));
  CHECK(j["per_query"]["impacts"]["gwp100"]["unit"] == "g CO2e");
  CHECK(j["per_query"]["impacts"]["gwp100"]["value"].get<double>() == Approx(6473.2 / 35040 / 125 * 1e3));
  CHECK(j["per_query"]["impacts"]["water"]["unit"] == "mL");
  CHECK(j["per_query"]["impacts"]["water"]["value"].get<double>() == Approx(10712.0 / 35040 / 125 * 1e3));
  CHECK(j["per_query"]["impacts"]["energy"]["unit"] == "kJ");
  CHECK(r.terminal.find("facility electricity (GPU and host, PUE in)") != std::string::npos);
  CHECK(r.terminal.find(" 3.6 Wh") != std::string::npos);
  CHECK(reports::SmallUnit("adp", 2e-6, "kg Sb-eq").value == Approx(2));
}
