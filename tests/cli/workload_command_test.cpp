// `gpulca workload` end to end: a file, flags, flags over a file, every
// format, and bad input with a message and a non-zero exit.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "tests/cli/cli_support.h"

namespace gpulca {
namespace {

using Catch::Matchers::Contains;
using test::BundledDb;

std::string Example(const std::string& name) {
  return test::BundledData() + "/examples/" + name;
}

double Figure(const nlohmann::json& run, const std::string& section, const std::string& measure,
              const std::string& impact = "") {
  for (const auto& f : run.at("figures")) {
    if (f.at("section") == section && f.at("measure") == measure && f.at("impact") == impact) {
      return f.at("value").get<double>();
    }
  }
  FAIL("no figure " << section << "/" << measure << "/" << impact);
  return 0;
}

TEST_CASE("workload: a file, its two runs and its published figures in JSON", "[workload][cli]") {
  BundledDb db;
  const nlohmann::json j =
      db.Json("workload " + Example("workload-gpt3-training.toml") + " --format json");
  CHECK(j.at("command") == "workload");
  CHECK(j.at("demand").at("product") == "nvidia-v100-sxm2");
  CHECK(j.at("demand").at("amount") == 10000);
  CHECK(j.at("demand").at("gpu_hours").get<double>() == Approx(3552000));
  const auto& stated = j.at("runs").at("stated");
  CHECK(Figure(stated, "electricity", "facility_kwh") == Approx(3552000 * 0.330 * 1.10));
  CHECK(Figure(stated, "impacts", "operational", "gwp100") ==
        Approx(3552000 * 0.330 * 1.10 * 0.429));
  CHECK(j.at("impacts").at("gwp100").at("value").get<double>() ==
        Approx(Figure(stated, "impacts", "total", "gwp100")));
  CHECK(stated.at("inputs").at("pue").at("basis") == "stated");
  // The same run with gpulca's data: the catalogue's power model and PUE.
  const auto& data = j.at("runs").at("gpulca_data");
  REQUIRE_FALSE(data.is_null());
  CHECK(data.at("inputs").at("pue").at("basis") == "gpulca data");
  CHECK(data.at("inputs").at("pue").at("value").get<double>() == Approx(1.58));
  CHECK(Figure(data, "impacts", "embodied", "gwp100") ==
        Approx(Figure(stated, "impacts", "embodied", "gwp100")));
  REQUIRE(j.at("published").size() == 2);
  CHECK(j.at("published")[0].at("figure") == "facility_kwh");
  CHECK(j.at("published")[0].at("within_tolerance") == true);
}

TEST_CASE("workload: flags alone, and flags over a file's keys", "[workload][cli]") {
  BundledDb db;
  // No assumption stated: one run.
  const nlohmann::json plain = db.Json(
      "workload --gpu nvidia-h100-sxm5 --count 8 --days 1 --region SE --format json");
  CHECK(plain.at("runs").at("gpulca_data").is_null());
  CHECK(plain.at("runs").at("stated").at("region") == "SE");
  CHECK(plain.at("demand").at("gpu_hours").get<double>() == Approx(192));
  // A flag replaces the file's key: PUE 1.2 instead of 1.10.
  const nlohmann::json j = db.Json("workload " + Example("workload-gpt3-training.toml") +
                                   " --pue 1.2 --format json");
  CHECK(Figure(j.at("runs").at("stated"), "electricity", "facility_kwh") ==
        Approx(3552000 * 0.330 * 1.2));
  // An inference service from flags: per request and per 1,000 tokens.
  const nlohmann::json s = db.Json(
      "workload --kind inference --gpu nvidia-h100-sxm5 --count 1 --hours 1 --utilization 0.5 "
      "--tokens-per-second 1000 --tokens-per-request 500 --format json");
  const auto& run = s.at("runs").at("stated");
  CHECK(run.at("tokens").get<double>() == Approx(1800000));  // 0.5 h busy x 1,000/s
  CHECK(run.at("requests").get<double>() == Approx(3600));
  CHECK(Figure(run, "per_request", "facility_wh") ==
        Approx(Figure(run, "electricity", "facility_kwh") * 1000 / 3600));
  // GPU-hours without a count (Meta states none for Llama 2): no figure per
  // GPU, and the rest as with one.
  const auto llama = db.Run("workload " + Example("workload-llama2-pretraining.toml"));
  REQUIRE(llama.exit_code == 0);
  CHECK_THAT(llama.out, Contains("3,311,616 GPU-hours (the number of GPUs is not stated"));
  CHECK(llama.out.find("of which the run uses") == std::string::npos);
  CHECK(llama.out.find("share of each GPU's life used") == std::string::npos);
  const nlohmann::json lj =
      db.Json("workload " + Example("workload-llama2-pretraining.toml") + " --format json");
  CHECK(lj.at("demand").at("amount").is_null());
  CHECK(db.Run("workload --gpu nvidia-h100-sxm5 --gpu-hours 5000 --format json").exit_code == 0);
  const auto hours = db.Run("workload --gpu nvidia-h100-sxm5 --hours 5");
  CHECK(hours.exit_code == 2);
  CHECK_THAT(hours.out, Contains("--gpu and --gpu-hours"));
}

TEST_CASE("workload: every format", "[workload][cli]") {
  BundledDb db;
  const std::string file = Example("workload-chatbot-answer.toml");
  const auto text = db.Run("workload " + file);
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Contains("Per request") && Contains("facility electricity Wh") &&
                           Contains("0.30081"));
  const auto md = db.Run("workload " + file + " --format md");
  CHECK_THAT(md.out, Contains("# Workload chatbot-answer") && Contains("| figure |"));
  const auto html = db.Run("workload " + file + " --format html");
  CHECK_THAT(html.out, Contains("<!DOCTYPE html>") && Contains("<section id=\"per-request\">"));
  const auto csv = db.Run("workload " + file + " --format csv");
  CHECK_THAT(csv.out, Contains("workload,nvidia-h100-sxm5,,,,US,,,,,,per_request,stated,,"
                               "facility_wh,,"));
  const std::string xlsx = (db.dir.path() / "w.xlsx").string();
  REQUIRE(db.Run("workload " + file + " --format xlsx --out " + xlsx).exit_code == 0);
  CHECK(std::filesystem::file_size(xlsx) > 1000);
}

TEST_CASE("workload: bad input gets a message that says where and why, and a non-zero exit",
          "[workload][cli]") {
  BundledDb db;
  auto fails = [&](const std::string& args, const std::string& says) {
    const auto r = db.Run("workload " + args);
    INFO(args << "\n" << r.out);
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.out, Contains(says));
  };
  const std::string h100 = "--gpu nvidia-h100-sxm5 ";
  fails("", "give a workload file, or at least --gpu and --count");
  fails(h100 + "--count 0 --hours 10", "--count: must be a whole number of GPUs from 1");
  fails(h100 + "--count 2.5 --hours 10", "--count: must be a whole number of GPUs");
  fails(h100 + "--count 2 --hours -10", "--hours: must be a number of hours above 0");
  fails(h100 + "--count 2 --hours nan", "not 'nan'");
  fails(h100 + "--count 2", "missing the duration");
  fails("--gpu nvidia-v99 --count 2 --hours 10", "'nvidia-v99' is not a GPU in the catalogue");
  fails(h100 + "--count 2 --hours 10 --region XX", "no electricity grid for that region");
  fails(h100 + "--count 2 --hours 10 --wue-l-per-kwh 50",
        "--wue-l-per-kwh: must be an on-site water use from 0 to 10 L per IT kWh");
  fails(h100 + "--count 2 --hours 10 --pue 0.9", "--pue: must be a PUE from 1 to 3");
  fails("--kind inference " + h100 + "--count 2 --hours 10 --tokens-per-second 100",
        "'tokens_per_second' needs 'tokens_per_request'");
  fails(h100 + "--count 2 --hours 100000", "longer than its service life of 43800 h");
  fails(Example("workload-gpt3-training.toml") + " --oat pue", "--oat: workload has no");
  fails("/no/such/file.toml", "file.toml");
  db.dir.Write("bad.toml", "[workload]\nid = \"w\"\nkind = \"training\"\ngpu = "
                           "\"nvidia-h100-sxm5\"\ncount = 2\nhours = 5\nwue_l_per_kwh = 50\n");
  fails((db.dir.path() / "bad.toml").string(),
        "bad.toml:7: workload: 'wue_l_per_kwh' is 50: it must be an on-site water use");
}

}  // namespace
}  // namespace gpulca
