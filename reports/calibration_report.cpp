#include "reports/calibration_report.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "reports/internal/tidy_csv.h"

namespace gpulca::reports {
namespace {

using lca::Summary;
using nlohmann::ordered_json;

const char* const kCalibrationTitle = "gpulca calibrate: the model updated by declarations";
const char* const kLooTitle = "gpulca validate --loo: does calibration predict a declaration?";
const char* const kObservationModel =
    "ln(declared) = ln(model) + e, e ~ N(0, ln^2 gsd); weights are the likelihood of every "
    "declaration (importance weighting of the prior's draws)";

ordered_json SummaryJson(const Summary& s, double divisor = 1) {
  ordered_json j;
  for (auto [key, v] : lca::Fields(s)) j[key] = v / divisor;
  return j;
}

std::string Range(const Summary& s, double divisor = 1) {
  return fmt::format("{} ({} to {})", FormatNumber(s.p50 / divisor), FormatNumber(s.p05 / divisor),
                     FormatNumber(s.p95 / divisor));
}

std::string Signed(double v) { return fmt::format("{:+.2f}", v); }

std::string Change(const Summary& prior, const Summary& posterior) {
  return prior.p50 != 0 ? fmt::format("{:+.1f}%", 100 * (posterior.p50 / prior.p50 - 1)) : "n/a";
}

std::vector<std::string> Notes(int iterations, uint64_t seed) {
  return {fmt::format("Monte Carlo: {} iterations, seed {}; every system on the same draws.",
                      iterations, seed),
          std::string("Observation model: ") + kObservationModel + " (docs/calibration.md).",
          "Prior and posterior: p50 (p05 to p95), by the same weighted estimator."};
}

void SummaryRows(TidyCsv& csv, const TidyKey& key, const Summary& s, const std::string& unit,
                 double divisor = 1) {
  for (const auto& [statistic, value] : lca::Fields(s)) {
    csv.Number(key.Statistic(statistic), value / divisor, unit);
  }
}

}  // namespace

std::vector<TextSection> CalibrationSections(const lca::Calibration& c,
                                             const CalibrationReportOptions& o) {
  std::vector<TextSection> out;
  TextSection how{"method", "How the calibration is made", Notes(c.iterations, c.seed), {}};
  how.notes.push_back(fmt::format(
      "Effective sample size {:.1f} of {} iterations. An input counts as moved when its median "
      "shifts by more than {:.3f} of its prior 90 % half-width (Monte Carlo noise is about a "
      "third of that).",
      c.ess, c.iterations, c.moved_threshold));
  out.push_back(std::move(how));

  TextSection declarations{"declarations", "Declarations", {}, {}};
  TextTable t{{"declaration", "device", "per", "declared", "gsd", "prior", "posterior",
               "residual", "unit", "uncertainty of the declaration"},
              {false, false, false, true, true, true, true, true, false, false},
              {}};
  for (const lca::DeclarationFit& d : c.declarations) {
    const double div = d.declaration.divisor;
    t.rows.push_back({d.declaration.id, d.declaration.device, d.declaration.per,
                      FormatNumber(d.declaration.value / div), FormatNumber(d.declaration.gsd),
                      Range(d.prior, div), Range(d.posterior, div), Signed(d.residual), d.unit,
                      d.declaration.gsd_basis});
  }
  declarations.notes.push_back(fmt::format(
      "residual: the declaration's distance from the posterior, in SD of declaration and model "
      "together (beyond ±{:g} the declarations would contradict one another).",
      lca::kMaxResidual));
  declarations.tables.push_back(std::move(t));
  out.push_back(std::move(declarations));

  TextSection inputs{"inputs", "Inputs that moved", {}, {}};
  TextTable in{{"input", "nominal", "prior", "posterior", "shift"}, {false}, {}};
  for (const lca::DeclarationFit& d : c.declarations) in.header.push_back("pull " + d.declaration.id);
  size_t moved = 0;
  for (const lca::InputShift& s : c.inputs) {
    if (std::abs(s.shift) <= c.moved_threshold) continue;
    if (++moved > o.input_rows) continue;
    std::vector<std::string> row{s.input, FormatNumber(s.nominal), Range(s.prior),
                                 Range(s.posterior), Signed(s.shift)};
    for (double p : s.pull) row.push_back(Signed(p));
    in.rows.push_back(std::move(row));
  }
  inputs.notes.push_back(fmt::format(
      "{} of the {} inputs that the declarations' systems share moved; shift and pull in units "
      "of the prior's 90 % half-width (pull: the shift with that declaration alone){}.",
      moved, c.inputs.size(),
      moved > o.input_rows ? fmt::format("; the first {} shown, every one in --format json",
                                         o.input_rows)
                           : ""));
  if (!in.rows.empty()) inputs.tables.push_back(std::move(in));
  out.push_back(std::move(inputs));

  if (!c.gpus.empty()) {
    TextSection gpus{"gpus", "GPUs, cradle to gate (per module)", {}, {}};
    gpus.notes.push_back(
        "A GPU without a declaration of its own moves only through the inputs it shares with "
        "the declared systems.");
    TextTable g{{"gpu", "prior", "posterior", "change", "unit", "declared by",
                 "shared inputs", "moved through"},
                {false, true, true, true, false, false, true, false},
                {}};
    for (const lca::GpuShift& s : c.gpus) {
      g.rows.push_back({s.gpu, Range(s.prior), Range(s.posterior), Change(s.prior, s.posterior),
                        s.unit, s.declared_by.empty() ? "-" : fmt::format("{}", fmt::join(s.declared_by, ", ")),
                        std::to_string(s.shared_inputs),
                        s.moved_shared.empty() ? "-" : fmt::format("{}", fmt::join(s.moved_shared, ", "))});
    }
    gpus.tables.push_back(std::move(g));
    out.push_back(std::move(gpus));
  }
  return out;
}

std::string RenderCalibrationText(const lca::Calibration& c, const CalibrationReportOptions& o) {
  return RenderTextDocument(kCalibrationTitle, {"database " + o.data_hash},
                            CalibrationSections(c, o), false);
}

std::string RenderCalibrationMarkdown(const lca::Calibration& c,
                                      const CalibrationReportOptions& o) {
  return RenderTextDocument(kCalibrationTitle, {"database `" + o.data_hash + "`"},
                            CalibrationSections(c, o), true);
}

std::string RenderCalibrationJson(const lca::Calibration& c, const CalibrationReportOptions& o) {
  ordered_json j;
  j["command"] = "calibrate";
  j["data_hash"] = o.data_hash;
  j["monte_carlo"] = {{"iterations", c.iterations}, {"seed", c.seed}};
  j["effective_sample_size"] = c.ess;
  j["moved_threshold"] = c.moved_threshold;
  j["observation_model"] = kObservationModel;
  ordered_json declarations = ordered_json::array();
  for (const lca::DeclarationFit& d : c.declarations) {
    declarations.push_back({{"id", d.declaration.id},
                            {"device", d.declaration.device},
                            {"impact", d.declaration.impact},
                            {"unit", d.unit},
                            {"value", d.declaration.value},
                            {"gsd", d.declaration.gsd},
                            {"gsd_basis", d.declaration.gsd_basis},
                            {"per", d.declaration.per},
                            {"divisor", d.declaration.divisor},
                            {"nominal", d.nominal},
                            {"prior", SummaryJson(d.prior)},
                            {"posterior", SummaryJson(d.posterior)},
                            {"residual", d.residual}});
  }
  j["declarations"] = declarations;
  ordered_json inputs = ordered_json::array();
  for (const lca::InputShift& s : c.inputs) {
    ordered_json pull;
    for (size_t d = 0; d < s.pull.size(); ++d) pull[c.declarations[d].declaration.id] = s.pull[d];
    inputs.push_back({{"input", s.input},
                      {"nominal", s.nominal},
                      {"prior", SummaryJson(s.prior)},
                      {"posterior", SummaryJson(s.posterior)},
                      {"shift", s.shift},
                      {"moved", std::abs(s.shift) > c.moved_threshold},
                      {"pull", pull}});
  }
  j["inputs"] = inputs;
  ordered_json gpus = ordered_json::array();
  for (const lca::GpuShift& s : c.gpus) {
    gpus.push_back({{"gpu", s.gpu},
                    {"unit", s.unit},
                    {"prior", SummaryJson(s.prior)},
                    {"posterior", SummaryJson(s.posterior)},
                    {"declared_by", s.declared_by},
                    {"shared_inputs", s.shared_inputs},
                    {"moved_shared", s.moved_shared}});
  }
  j["gpus"] = gpus;
  return j.dump(2) + "\n";
}

std::string RenderCalibrationCsv(const lca::Calibration& c, const CalibrationReportOptions& o) {
  TidyCsv csv;
  const TidyKey run("run");
  csv.Text(run.Measure("data_hash"), o.data_hash);
  csv.Number(run.Measure("iterations"), c.iterations, "1");
  csv.Number(run.Measure("seed"), static_cast<double>(c.seed), "1");
  csv.Number(run.Measure("effective_sample_size"), c.ess, "1");
  csv.Number(run.Measure("moved_threshold"), c.moved_threshold, "1");
  for (const lca::DeclarationFit& d : c.declarations) {
    const TidyKey key = TidyKey("declarations").Source(d.declaration.id).Process(d.declaration.device)
                            .Impact(d.declaration.impact);
    csv.Number(key.Measure("declared"), d.declaration.value, d.unit);
    csv.Number(key.Measure("gsd"), d.declaration.gsd, "1");
    csv.Text(key.Measure("gsd_basis"), d.declaration.gsd_basis);
    csv.Number(key.Measure("nominal"), d.nominal, d.unit);
    SummaryRows(csv, key.Measure("prior"), d.prior, d.unit);
    SummaryRows(csv, key.Measure("posterior"), d.posterior, d.unit);
    csv.Number(key.Measure("residual"), d.residual, "1");
  }
  for (const lca::InputShift& s : c.inputs) {
    const TidyKey key = TidyKey("inputs").Input(s.input);
    csv.Number(key.Measure("nominal"), s.nominal, "1");
    SummaryRows(csv, key.Measure("prior"), s.prior, "1");
    SummaryRows(csv, key.Measure("posterior"), s.posterior, "1");
    csv.Number(key.Measure("shift"), s.shift, "1");
    for (size_t d = 0; d < s.pull.size(); ++d) {
      csv.Number(key.Source(c.declarations[d].declaration.id).Measure("pull"), s.pull[d], "1");
    }
  }
  for (const lca::GpuShift& s : c.gpus) {
    const TidyKey key = TidyKey("gpus").Gpu(s.gpu).Impact("gwp100");
    SummaryRows(csv, key.Measure("prior"), s.prior, s.unit);
    SummaryRows(csv, key.Measure("posterior"), s.posterior, s.unit);
    csv.Number(key.Measure("shared_inputs"), s.shared_inputs, "1");
    for (const std::string& input : s.moved_shared) csv.Text(key.Input(input).Measure("moved_through"), "true");
  }
  return csv.str();
}

Table CalibrationTable(const lca::McWeights& w) {
  Table t{"Calibration", {"what", "value", "note"}, {}};
  for (const std::string& d : w.declarations) {
    t.rows.push_back({std::string("declaration"), d,
                      std::string("the Monte Carlo summaries are the posterior of a calibration "
                                  "on the declarations (docs/calibration.md)")});
  }
  t.rows.push_back({std::string("effective sample size"), w.ess, std::monostate{}});
  t.rows.push_back({std::string("iterations"), static_cast<double>(w.weights.size()),
                    std::monostate{}});
  t.rows.push_back({std::string("seed"), static_cast<double>(w.seed), std::monostate{}});
  return t;
}

std::vector<TextSection> LooSections(const lca::LooRun& run) {
  std::vector<TextSection> out;
  TextSection how{"method", "How the check is made", Notes(run.iterations, run.seed), {}};
  how.notes.push_back(
      "Each declaration in turn is left out: the model is calibrated on the others and predicts "
      "it. 'without' is the prior, 'with' the posterior of the other declarations. ratio = "
      "declared / p50 (above 1: the declaration is higher).");
  how.notes.push_back(fmt::format(
      "A fold whose other declarations leave fewer than {:g} effective draws is not calibrated.",
      run.min_ess));
  out.push_back(std::move(how));

  TextSection summary{"summary", "Summary", {}, {}};
  summary.notes.push_back(fmt::format(
      "Without calibration: {} of {} declarations inside the 90 % interval, median ratio {}.",
      run.inside_prior, run.folds.size(), FormatNumber(run.median_ratio_prior)));
  summary.notes.push_back(
      run.calibrated > 0
          ? fmt::format("With calibration on the others: {} of {} calibrated folds inside, "
                        "median ratio {}.",
                        run.inside_posterior, run.calibrated,
                        FormatNumber(run.median_ratio_posterior))
          : std::string("No fold could be calibrated."));
  out.push_back(std::move(summary));

  TextSection folds{"folds", "Each declaration, left out", {}, {}};
  TextTable t{{"left out", "per", "declared", "without", "inside", "ratio", "with", "inside",
               "ratio", "ESS", "unit"},
              {false, false, true, true, false, true, true, false, true, true, false},
              {}};
  for (const lca::LooFold& f : run.folds) {
    const double div = f.left_out.divisor;
    const bool with = !f.refused;
    t.rows.push_back({f.left_out.id, f.left_out.per, FormatNumber(f.left_out.value / div),
                      Range(f.prior, div), f.inside_prior ? "yes" : "no",
                      FormatNumber(f.ratio_prior), with ? Range(f.posterior, div) : "refused",
                      with ? (f.inside_posterior ? "yes" : "no") : "-",
                      with ? FormatNumber(f.ratio_posterior) : "-", FormatNumber(f.ess), f.unit});
    if (f.refused) folds.notes.push_back(f.left_out.id + ": " + *f.refused);
  }
  folds.tables.push_back(std::move(t));
  out.push_back(std::move(folds));
  return out;
}

std::string RenderLooText(const lca::LooRun& run, const CalibrationReportOptions& o) {
  return RenderTextDocument(kLooTitle, {"database " + o.data_hash}, LooSections(run), false);
}

std::string RenderLooMarkdown(const lca::LooRun& run, const CalibrationReportOptions& o) {
  return RenderTextDocument(kLooTitle, {"database `" + o.data_hash + "`"}, LooSections(run), true);
}

std::string RenderLooJson(const lca::LooRun& run, const CalibrationReportOptions& o) {
  ordered_json j;
  j["command"] = "validate --loo";
  j["data_hash"] = o.data_hash;
  j["monte_carlo"] = {{"iterations", run.iterations}, {"seed", run.seed}};
  j["min_effective_sample_size"] = run.min_ess;
  j["ratio_definition"] = "declared / p50";
  ordered_json folds = ordered_json::array();
  for (const lca::LooFold& f : run.folds) {
    ordered_json prior = SummaryJson(f.prior);
    prior["inside"] = f.inside_prior;
    prior["ratio"] = f.ratio_prior;
    ordered_json posterior = nullptr;
    if (!f.refused) {
      posterior = SummaryJson(f.posterior);
      posterior["inside"] = f.inside_posterior;
      posterior["ratio"] = f.ratio_posterior;
    }
    folds.push_back({{"id", f.left_out.id},
                     {"device", f.left_out.device},
                     {"unit", f.unit},
                     {"declared", f.left_out.value},
                     {"per", f.left_out.per},
                     {"divisor", f.left_out.divisor},
                     {"effective_sample_size", f.ess},
                     {"refused", f.refused ? ordered_json(*f.refused) : ordered_json(nullptr)},
                     {"prior", prior},
                     {"posterior", posterior}});
  }
  j["folds"] = folds;
  j["summary"] = {{"folds", run.folds.size()},
                  {"calibrated", run.calibrated},
                  {"inside_prior", run.inside_prior},
                  {"inside_posterior", run.inside_posterior},
                  {"median_ratio_prior", run.median_ratio_prior},
                  {"median_ratio_posterior", run.calibrated > 0
                                                 ? ordered_json(run.median_ratio_posterior)
                                                 : ordered_json(nullptr)}};
  return j.dump(2) + "\n";
}

std::string RenderLooCsv(const lca::LooRun& run, const CalibrationReportOptions& o) {
  TidyCsv csv;
  const TidyKey key("run");
  csv.Text(key.Measure("data_hash"), o.data_hash);
  csv.Number(key.Measure("iterations"), run.iterations, "1");
  csv.Number(key.Measure("seed"), static_cast<double>(run.seed), "1");
  for (const lca::LooFold& f : run.folds) {
    const TidyKey fold = TidyKey("folds").Source(f.left_out.id).Process(f.left_out.device);
    csv.Number(fold.Measure("declared"), f.left_out.value, f.unit);
    csv.Number(fold.Measure("effective_sample_size"), f.ess, "1");
    SummaryRows(csv, fold.Scenario("without").Measure("model"), f.prior, f.unit);
    csv.Flag(fold.Scenario("without").Measure("inside"), f.inside_prior);
    csv.Number(fold.Scenario("without").Measure("ratio"), f.ratio_prior, "1");
    if (f.refused) {
      csv.Text(fold.Scenario("with").Measure("refused"), *f.refused);
      continue;
    }
    SummaryRows(csv, fold.Scenario("with").Measure("model"), f.posterior, f.unit);
    csv.Flag(fold.Scenario("with").Measure("inside"), f.inside_posterior);
    csv.Number(fold.Scenario("with").Measure("ratio"), f.ratio_posterior, "1");
  }
  const TidyKey summary("summary");
  csv.Number(summary.Scenario("without").Measure("inside"), run.inside_prior, "1");
  csv.Number(summary.Scenario("with").Measure("inside"), run.inside_posterior, "1");
  csv.Number(summary.Measure("calibrated"), run.calibrated, "1");
  csv.Number(summary.Scenario("without").Measure("median_ratio"), run.median_ratio_prior, "1");
  if (run.calibrated > 0) {
    csv.Number(summary.Scenario("with").Measure("median_ratio"), run.median_ratio_posterior, "1");
  }
  return csv.str();
}

}  // namespace gpulca::reports
