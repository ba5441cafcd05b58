// `gpulca calibrate` and `validate --loo` on the bundled declarations, and
// their refusals. The numbers are checked against the library on the same
// data (lca/calibration/calibration.h, whose arithmetic
// tests/lca/calibration_test.cpp checks against closed forms).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.h"
#include "tests/test_support.h"

using namespace gpulca;

TEST_CASE("calibrate on the bundled declarations: a posterior nearer each declaration",
          "[cli][calibration]") {
  test::BundledDb db;
  const nlohmann::json j = db.Json("calibrate --mc 4000 --seed 1 --threads 2 --format json");
  CHECK(j["command"] == "calibrate");
  CHECK(j["monte_carlo"]["iterations"] == 4000);
  const double ess = j["effective_sample_size"];
  CHECK(ess >= 100);
  CHECK(ess <= 4000);
  CHECK(j["moved_threshold"].get<double>() == Approx(2.5 / std::sqrt(ess)));
  REQUIRE(j["declarations"].size() == 2);
  for (const auto& d : j["declarations"]) {
    INFO(d["id"]);
    const double declared = d["value"];
    const double prior = d["prior"]["p50"], posterior = d["posterior"]["p50"];
    // The posterior is nearer the declaration, and narrower.
    CHECK(std::abs(std::log(declared / posterior)) < std::abs(std::log(declared / prior)));
    CHECK(d["posterior"]["p95"].get<double>() - d["posterior"]["p05"].get<double>() <
          d["prior"]["p95"].get<double>() - d["prior"]["p05"].get<double>());
    CHECK(std::abs(d["residual"].get<double>()) <= 3);
  }
  // B200's stated range 2200-2380 as a 90 % interval: gsd exp(ln(2380/2200) / 3.289707).
  CHECK(j["declarations"][1]["gsd"].get<double>() ==
        Approx(std::exp(std::log(2380.0 / 2200.0) / 3.289707)).epsilon(1e-6));
  // Every catalogue GPU shown; a part without a declaration of its own moves
  // through shared inputs only.
  bool amd = false;
  for (const auto& g : j["gpus"]) {
    if (g["gpu"] != "amd-mi300x") continue;
    amd = true;
    CHECK(g["declared_by"].empty());
    CHECK(g["shared_inputs"].get<int>() > 0);
    CHECK(g["moved_shared"].size() <= 5);
  }
  CHECK(amd);
  // Inputs sorted by |shift|; "moved" is |shift| above the threshold.
  const auto& inputs = j["inputs"];
  REQUIRE(inputs.size() >= 2);
  CHECK(std::abs(inputs[0]["shift"].get<double>()) >= std::abs(inputs[1]["shift"].get<double>()));
  for (const auto& in : inputs) {
    CHECK(in["moved"] == (std::abs(in["shift"].get<double>()) > j["moved_threshold"].get<double>()));
  }
  // The same run repeats, and every other format carries the same run.
  CHECK(db.Json("calibrate --mc 4000 --seed 1 --threads 1 --format json") == j);
  const auto text = db.Run("calibrate --mc 4000 --seed 1");
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("Inputs that moved") != std::string::npos);
  const auto csv = db.Run("calibrate --mc 4000 --seed 1 --format csv");
  CHECK(csv.exit_code == 0);
  CHECK(csv.out.find("run,,,,,,,,,,,,,,effective_sample_size,,") != std::string::npos);
}

TEST_CASE("validate --loo: each bundled declaration predicted from the other",
          "[cli][calibration]") {
  test::BundledDb db;
  const nlohmann::json j = db.Json("validate --loo --mc 4000 --seed 1 --format json");
  CHECK(j["command"] == "validate --loo");
  REQUIRE(j["folds"].size() == 2);
  int inside_prior = 0;
  for (const auto& f : j["folds"]) {
    const double declared = f["declared"];
    CHECK(f["prior"]["ratio"].get<double>() == Approx(declared / f["prior"]["p50"].get<double>()));
    inside_prior += f["prior"]["inside"].get<bool>();
    if (!f["posterior"].is_null()) {
      CHECK(f["posterior"]["ratio"].get<double>() ==
            Approx(declared / f["posterior"]["p50"].get<double>()));
    }
  }
  CHECK(j["summary"]["inside_prior"] == inside_prior);
  const auto md = db.Run("validate --loo --mc 4000 --format md");
  CHECK(md.exit_code == 0);
  CHECK(md.out.find("## Each declaration, left out") != std::string::npos);
}

TEST_CASE("calibrate refuses what it cannot learn from", "[cli][calibration]") {
  test::BundledDb db;
  // Too few iterations for the declarations: exit 2, with the number that would do.
  auto few = db.Run("calibrate --mc 200");
  CHECK(few.exit_code == 2);
  CHECK(few.out.find("iterations would reach it (--mc)") != std::string::npos);
  auto none = db.Run("calibrate --no-published");
  CHECK(none.exit_code == 2);
  CHECK(none.out.find("no declaration to learn from") != std::string::npos);
  auto gpu = db.Run("calibrate --gpu nvidia-h999");
  CHECK(gpu.exit_code == 2);
  CHECK(gpu.out.find("--gpu nvidia-h999: not a catalogue GPU") != std::string::npos);
  // A PACT declaration of an unknown GPU, or one that names no gpulca product.
  const std::string pact = (db.dir.path() / "h100.json").string();
  REQUIRE(db.Run("report nvidia-h100-sxm5 --format pact --out " + pact).exit_code == 0);
  auto unknown = db.Run("calibrate --no-published --declaration nvidia-h999=" + pact);
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.out.find("'nvidia-h999' is not a catalogue GPU") != std::string::npos);
  auto own = db.Json("calibrate --no-published --declaration " + pact +
                     " --gpu nvidia-h100-sxm5 --format json");
  REQUIRE(own["declarations"].size() == 1);
  CHECK(own["declarations"][0]["device"] == "nvidia-h100-sxm5");
  CHECK(own["gpus"][0]["declared_by"][0] == pact);
  auto loo = db.Run("validate --loo --format html");
  CHECK(loo.exit_code == 2);
  CHECK(db.Run("validate --loo --mc 0").exit_code == 2);
  CHECK(db.Run("calibrate --declaration-gsd 1").exit_code == 2);
  auto stray = db.Run("validate --declaration " + pact);
  CHECK(stray.exit_code == 2);
  CHECK(stray.out.find("--declaration applies to --loo only") != std::string::npos);
}

TEST_CASE("report --calibrated is calibrate's posterior, recomputed or reused",
          "[cli][calibration]") {
  test::BundledDb db;
  const std::string posterior = (db.dir.path() / "posterior.json").string();
  const nlohmann::json c = db.Json("calibrate --mc 4000 --seed 2 --gpu nvidia-h100-sxm5 "
                                   "--save-posterior " + posterior + " --format json");
  const double expected = c["gpus"][0]["posterior"]["p50"];
  const std::string report =
      "report nvidia-h100-sxm5 --boundary cradle-to-gate --mc 4000 --seed 2 --format json ";
  // The same seed and iterations draw the same inputs: the report's samples,
  // weighted by the declarations, are the calibration's GPU posterior.
  const nlohmann::json calibrated = db.Json(report + "--calibrated");
  CHECK(calibrated["impacts"]["gwp100"]["p50"].get<double>() == Approx(expected).epsilon(1e-12));
  const auto& record = calibrated["uncertainty"]["monte_carlo"]["calibration"];
  CHECK(record["declarations"] ==
        nlohmann::json::array({"nvidia-hgx-h100-pcf", "nvidia-hgx-b200-pcf"}));
  CHECK(record["effective_sample_size"].get<double>() ==
        Approx(c["effective_sample_size"].get<double>()));
  // The workbook says so too: a Calibration sheet.
  const std::string xlsx = (db.dir.path() / "r.xlsx").string();
  REQUIRE(db.Run("report nvidia-h100-sxm5 --mc 4000 --seed 2 --calibrated --format xlsx --out " +
                 xlsx).exit_code == 0);
  CHECK(test::RunShell("python3 -c \"import zipfile,sys; w = zipfile.ZipFile(sys.argv[1])"
                       ".read('xl/workbook.xml').decode(); print('Calibration' in w)\" " + xlsx)
            .out == "True\n");
  const nlohmann::json reused = db.Json(report + "--posterior " + posterior);
  CHECK(reused["impacts"]["gwp100"]["p50"].get<double>() == Approx(expected).epsilon(1e-12));
  // Uncalibrated, the same run is the prior, and says nothing of a calibration.
  const nlohmann::json prior = db.Json(report);
  CHECK(prior["impacts"]["gwp100"]["p50"].get<double>() ==
        Approx(c["gpus"][0]["prior"]["p50"].get<double>()).epsilon(0.01));
  CHECK_FALSE(prior["uncertainty"]["monte_carlo"].contains("calibration"));

  SECTION("a posterior of other iterations, another seed or other data is refused") {
    auto iterations = db.Run("report nvidia-h100-sxm5 --mc 1000 --seed 2 --posterior " + posterior);
    CHECK(iterations.exit_code == 2);
    CHECK(iterations.out.find("computed for --mc 4000 --seed 2") != std::string::npos);
    CHECK(db.Run("report nvidia-h100-sxm5 --mc 4000 --seed 3 --posterior " + posterior).exit_code ==
          2);
    nlohmann::json other = nlohmann::json::parse(test::ReadAll(posterior));
    other["data_hash"] = std::string(64, 'a');
    const std::string moved = db.dir.Write("other.json", other.dump()).string();
    auto data = db.Run(report + "--posterior " + moved);
    CHECK(data.exit_code == 1);
    CHECK(data.out.find("its weights were computed on database aaaaaaaaaaaaaaaa") !=
          std::string::npos);
    auto no_mc = db.Run("report nvidia-h100-sxm5 --calibrated");
    CHECK(no_mc.exit_code == 2);
    CHECK(no_mc.out.find("give --mc N") != std::string::npos);
  }
}

TEST_CASE("compare --calibrated weighs the paired run by the posterior", "[cli][calibration]") {
  test::BundledDb db;
  const nlohmann::json c = db.Json("calibrate --mc 4000 --seed 2 --gpu nvidia-h100-sxm5 "
                                   "--gpu amd-mi300x --format json");
  const nlohmann::json j = db.Json("compare nvidia-h100-sxm5 amd-mi300x --boundary cradle-to-gate "
                                   "--mc 4000 --seed 2 --calibrated --format json");
  CHECK(j["monte_carlo"]["calibration"]["effective_sample_size"].get<double>() ==
        Approx(c["effective_sample_size"].get<double>()));
  for (size_t g = 0; g < 2; ++g) {
    INFO(g);
    CHECK(j["gpus"][g]["impacts"]["gwp100"]["p50"].get<double>() ==
          Approx(c["gpus"][g]["posterior"]["p50"].get<double>()).epsilon(1e-12));
  }
  // Probabilities are weighted shares: they still add up to 1.
  const auto& first = j["gpus"][0]["impacts"]["gwp100"];
  const auto& second = j["gpus"][1]["impacts"]["gwp100"];
  CHECK(first["p_below_first"].get<double>() == Approx(0.5));
  CHECK(first["p_lowest"].get<double>() + second["p_lowest"].get<double>() == Approx(1.0));
  const auto text = db.Run("compare nvidia-h100-sxm5 amd-mi300x --mc 4000 --seed 2 --calibrated");
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("calibrated on nvidia-hgx-h100-pcf, nvidia-hgx-b200-pcf") !=
        std::string::npos);
}

TEST_CASE("fleet --calibrated records the calibration it was weighted by", "[cli][calibration]") {
  test::BundledDb db;
  const nlohmann::json c = db.Json("calibrate --mc 4000 --seed 2 --format json");
  const nlohmann::json prior = db.Json("fleet --year 2023 --mc 4000 --seed 2 --format json");
  const nlohmann::json j =
      db.Json("fleet --year 2023 --mc 4000 --seed 2 --calibrated --format json");
  const auto& mc = j["uncertainty"]["monte_carlo"];
  CHECK(mc["calibration"]["effective_sample_size"].get<double>() ==
        Approx(c["effective_sample_size"].get<double>()));
  CHECK_FALSE(prior["uncertainty"]["monte_carlo"].contains("calibration"));
  // The nominal fleet does not move; its interval is the posterior's. Every
  // GPU of the mix moves down in calibrate's table, so the fleet does too.
  CHECK(j["impacts"]["gwp100"]["value"] == prior["impacts"]["gwp100"]["value"]);
  bool all_down = true;
  for (const auto& g : c["gpus"]) {
    all_down = all_down && g["posterior"]["p50"].get<double>() < g["prior"]["p50"].get<double>();
  }
  REQUIRE(all_down);
  CHECK(j["impacts"]["gwp100"]["p50"].get<double>() <
        prior["impacts"]["gwp100"]["p50"].get<double>());
  const std::string assets = db.dir.Write("a.csv", "gpu,count,region,installed\n").string();
  auto refused = db.Run("fleet --assets " + assets + " --calibrated");
  CHECK(refused.exit_code == 2);
  CHECK(refused.out.find("--calibrated and --posterior apply to --year only") != std::string::npos);
}

TEST_CASE("a calibrated audit never judges a declaration by a posterior fitted to it",
          "[cli][calibration][audit]") {
  test::BundledDb db;
  const std::string order = R"T([order]
id = "PO-C1"
buyer = "Test buyer"
supplier = "Test supplier"
[deployment]
region = "US"
[[line]]
product = "nvidia-h100-sxm5"
quantity = 8
declared = { value = 164, unit = "kg CO2e", boundary = "cradle-to-gate", standard = "ISO 14067" }
[[line]]
product = "amd-mi300x"
quantity = 8
[audit]
iterations = 4000
seed = 2
)T";
  const std::string plain = db.dir.Write("plain.toml", order).string();
  const std::string calibrated =
      db.dir.Write("calibrated.toml", order + "calibrated = true\n").string();
  const nlohmann::json j = db.Json("audit " + calibrated + " --format json");
  auto verdict = [](const nlohmann::json& line, const std::string& code) {
    for (const auto& v : line["verdicts"]) {
      if (v["code"] == code) return v["message"].get<std::string>();
    }
    return std::string();
  };
  // The H100 line is calibrated on the B200 board alone: the HGX H100 PCF is
  // a declaration of this product, and is left out.
  const std::string h100 = verdict(j["lines"][0], "calibrated");
  CHECK(h100.find("calibration on nvidia-hgx-b200-pcf (") != std::string::npos);
  CHECK(h100.find("left out, as declarations of this product: nvidia-hgx-h100-pcf") !=
        std::string::npos);
  // The MI300X, declared by no one, is calibrated on both.
  CHECK(verdict(j["lines"][1], "calibrated")
            .find("calibration on nvidia-hgx-h100-pcf, nvidia-hgx-b200-pcf (") !=
        std::string::npos);
  const auto& interval = j["lines"][0]["interval_gwp100"]["cradle_to_gate"];
  // The flag does what the key does; without either, the audit says nothing of a calibration.
  const nlohmann::json flag = db.Json("audit " + plain + " --calibrated --no-record --format json");
  CHECK(flag["lines"][0]["interval_gwp100"] == j["lines"][0]["interval_gwp100"]);
  const nlohmann::json prior = db.Json("audit " + plain + " --no-record --format json");
  CHECK(verdict(prior["lines"][0], "calibrated").empty());
  CHECK(interval["p95"].get<double>() - interval["p05"].get<double>() <
        prior["lines"][0]["interval_gwp100"]["cradle_to_gate"]["p95"].get<double>() -
            prior["lines"][0]["interval_gwp100"]["cradle_to_gate"]["p05"].get<double>());
  // The record holds the calibrated order: verify recomputes the same posterior.
  auto verify = db.Run("verify 1");
  INFO(verify.out);
  CHECK(verify.exit_code == 0);
  CHECK(db.Run("audit show 1 --format json").out.find("calibration on nvidia-hgx-b200-pcf") !=
        std::string::npos);
}
