// gpulca report end to end on the bundled data: for several GPUs the numbers
// of every format agree with each other and with `gpulca calc`; bad options
// and bad overrides give a clear error and exit 2.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "reports/internal/gpu_report_sections.h"
#include "reports/internal/text_table.h"
#include "tests/cli/cli_support.h"
#include "tests/reports/report_support.h"
#include "tests/test_support.h"

using namespace gpulca;
using reports::FormatNumber;

namespace {

const char* const kImpacts[] = {"gwp100", "gwp20", "energy", "water", "adp"};

}  // namespace

TEST_CASE("report: every format agrees with the others and with calc, for several GPUs",
          "[report][cli][data]") {
  test::BundledDb db;
  for (const char* gpu : {"nvidia-h100-sxm5", "amd-mi300x", "intel-gaudi3", "nvidia-l40s"}) {
    INFO(gpu);
    const std::string base = fmt::format("report {} --boundary cradle-to-grave --region US "
                                         "--lifetime-years 5 --query-wh 0.5", gpu);
    auto j = db.Json(base + " --format json");
    CHECK(j["demand"]["product"] == std::string(gpu) + "-lifecycle");
    CHECK(j["demand"]["boundary"] == "cradle-to-grave");
    auto grave = db.Json(fmt::format("calc --demand {}-lifecycle --region US --set lifetime_years=5 "
                                     "--format json", gpu));
    auto gate = db.Json(fmt::format("calc --demand {} --format json", gpu));
    const auto csv = test::ParseCsv(db.Run(base + " --format csv").out);
    const std::string md = db.Run(base + " --format md").out;
    const std::string html = db.Run(base + " --format html").out;
    const std::string term = db.Run(base).out;
    const std::string md_impacts = test::MarkdownSection(md, "Impacts");
    const std::string html_impacts = test::HtmlSection(html, "impacts");
    const std::string term_impacts = test::TerminalSection(term, "Impacts");
    for (const char* k : kImpacts) {
      INFO(k);
      const double total = j["impacts"][k]["value"];
      const double embodied = j["embodied"][k];
      CHECK(grave["impacts"][k]["value"].get<double>() == Approx(total).epsilon(1e-12));
      CHECK(gate["impacts"][k]["value"].get<double>() == Approx(embodied).epsilon(1e-12));
      CHECK(test::CsvValue(csv, {{"section", "impacts"}, {"impact", k}, {"measure", "total"}}) ==
            Approx(total).epsilon(1e-12));
      CHECK(test::CsvValue(csv, {{"section", "impacts"}, {"impact", k}, {"measure", "embodied"}}) ==
            Approx(embodied).epsilon(1e-12));
      CHECK(md_impacts.find(fmt::format("| {} | {} |", k, FormatNumber(total))) != std::string::npos);
      CHECK(html_impacts.find(fmt::format("<th scope=\"row\">{}</th><td class=\"num\">{}</td>", k,
                                          FormatNumber(total))) != std::string::npos);
      CHECK(term_impacts.find(FormatNumber(total)) != std::string::npos);
      // Stages: the report's and calc's, in JSON and CSV.
      for (auto& [stage, values] : j["stages"].items()) {
        INFO(stage);
        CHECK(grave["stages"][stage][k].get<double>() == Approx(values[k].get<double>()).margin(1e-12));
        CHECK(test::CsvValue(csv, {{"section", "stages"}, {"impact", k}, {"stage", stage}}) ==
              Approx(values[k].get<double>()).margin(1e-12));
        CHECK(test::MarkdownSection(md, "By stage").find(FormatNumber(values[k].get<double>())) !=
              std::string::npos);
      }
      // Per query: in every format.
      const double per_query = j["per_query"]["impacts"][k]["value"];
      CHECK(test::CsvValue(csv,
                           {{"section", "per_query"}, {"impact", k}, {"measure", "per_query"}}) ==
            Approx(per_query).epsilon(1e-12));
      CHECK(test::MarkdownSection(md, "Per query").find(FormatNumber(per_query)) != std::string::npos);
      CHECK(test::HtmlSection(html, "per_query").find(FormatNumber(per_query)) != std::string::npos);
    }
    // Per GPU-hour is the total over the lifetime hours: 5 years of 8,760 h.
    CHECK(j["intensities"]["per_gpu_hour"]["gwp100"].get<double>() ==
          Approx(j["impacts"]["gwp100"]["value"].get<double>() / 43800));
    CHECK(term.find("Use phase\n") != std::string::npos);
    CHECK(j["use_phase"]["gwp100"]["operational"].get<double>() > 0);
    CHECK(html.find("<svg") != std::string::npos);
  }
}

TEST_CASE("report --boundary cradle-to-gate is the module, as calc gives it", "[report][cli][data]") {
  test::BundledDb db;
  auto j = db.Json("report nvidia-h100-sxm5 --boundary cradle-to-gate --format json");
  auto calc = db.Json("calc --demand nvidia-h100-sxm5 --format json");
  CHECK(j["demand"]["product"] == "nvidia-h100-sxm5");
  CHECK(j["demand"]["boundary"] == "cradle-to-gate");
  CHECK(j["impacts"]["gwp100"]["value"].get<double>() == Approx(calc["impacts"]["gwp100"]["value"].get<double>()));
  CHECK(j["use_phase"].empty());
  auto text = db.Run("report nvidia-h100-sxm5 --boundary cradle-to-gate");
  CHECK(text.out.find("NVIDIA H100 SXM5 80GB module (nvidia-h100-sxm5): cradle to gate\n") == 0);
  CHECK(text.out.find("spread over a 5-year service life (43,800 GPU-hours)") != std::string::npos);
}

TEST_CASE("report: the operational part is the use phase less the host's deployment part",
          "[report][cli][data]") {
  test::BundledDb db;
  auto j = db.Json("report nvidia-h100-sxm5 --format json");
  const double use = j["use_phase"]["gwp100"]["total"];
  const double operational = j["use_phase"]["gwp100"]["operational"];
  // The host share's deployment part is its own (direct) emission; its
  // e-waste treatment is in the end-of-life stage and stays in the host share.
  double host_direct = 0;
  for (const auto& p : j["top_processes"]) {
    if (p["id"] == "host_share") host_direct = p["gwp100"];
  }
  REQUIRE(host_direct > 0);
  CHECK(use - operational == Approx(host_direct));
  CHECK(j["use_phase"]["gwp100"]["host_share"].get<double>() > host_direct);
}

TEST_CASE("report rejects bad options and bad overrides with a clear message", "[report][cli][data]") {
  test::BundledDb db;
  auto expect = [&](const std::string& args, int code, const std::string& message) {
    auto r = db.Run("report nvidia-h100-sxm5 " + args);
    INFO(args << "\n" << r.out);
    CHECK(r.exit_code == code);
    CHECK(r.out.find(message) != std::string::npos);
  };
  auto gpu = db.Run("report nvidia-h900");
  CHECK(gpu.exit_code == 1);
  CHECK(gpu.out.find("'nvidia-h900' is not a GPU in the catalogue") != std::string::npos);
  expect("--region XX", 2, "--region XX: no electricity grid for that region");
  expect("--lifetime-years -1", 2, "--lifetime-years: must be a positive number, not '-1'");
  expect("--utilization 1.5", 2, "--utilization: must be a number between 0 and 1, not '1.5'");
  expect("--pue nan", 2, "--pue: must be a number of at least 1, not 'nan'");
  expect("--query-wh 0", 2, "--query-wh: must be a positive number, not '0'");
  expect("--queries-per-hour -3", 2, "--queries-per-hour: must be a positive number, not '-3'");
  expect("--query-wh 1 --queries-per-hour 10", 2, "excludes");
  // Overrides go through the same checks as the options.
  expect("--set pue=0.5", 2, "parameter pue = 0.5: the power usage effectiveness must be a number "
                            "of at least 1 (check --pue, --set and --params)");
  expect("--set utilization=3", 2, "parameter utilization = 3: the utilisation must be a number between 0 and 1");
  expect("--set lifetime_years=-2", 2, "parameter lifetime_years = -2: the service life must be a positive");
  expect("--set lifetime_years=0", 2, "parameter lifetime_years = 0:");
  expect("--set tdp_w=0", 2, "parameter tdp_w of nvidia-h100-sxm5 = 0: the TDP must be a positive "
                            "number of watts (check --set and --params)");
  test::TempDir dir;
  auto params = dir.Write("p.toml", "utilization = 3\n");
  expect("--params " + params.string(), 2, "parameter utilization = 3:");
  auto fleet = db.Run("fleet --year 2023 --set lifetime_years=0 --format json");
  CHECK(fleet.exit_code == 2);
  CHECK(fleet.out.find("parameter lifetime_years = 0:") != std::string::npos);
}

TEST_CASE("report --eol-credits applies the credit and shows it apart", "[report][cli][data]") {
  test::BundledDb db;
  auto off = db.Json("report nvidia-h100-sxm5 --format json");
  CHECK(off["eol_credits"]["applied"] == false);
  auto on = db.Run("report nvidia-h100-sxm5 --eol-credits --format json");
  if (!off["eol_credits"]["modelled"].get<bool>() && on.exit_code != 0) {
    // The bundled data has no credit parameter yet: a clear refusal.
    CHECK(on.exit_code == 2);
    CHECK(on.out.find("--eol-credits: this database has no global parameter eol_credits") !=
          std::string::npos);
    return;
  }
  REQUIRE(on.exit_code == 0);
  auto j = nlohmann::json::parse(on.out);
  CHECK(j["eol_credits"]["applied"] == true);
  const double credit = j["eol_credits"]["impacts"]["gwp100"]["credit"];
  CHECK(credit < 0);
  CHECK(j["impacts"]["gwp100"]["value"].get<double>() ==
        Approx(off["impacts"]["gwp100"]["value"].get<double>() + credit));
}
