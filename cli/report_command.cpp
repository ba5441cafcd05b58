// gpulca report GPU [--boundary ...] [--region R] [--fab-region F] [--pue X] [--utilization U]
//   [--lifetime-years Y] [--query-wh W | --queries-per-hour Q] [--eol-credits]
//   [--company C --company-id URN... --product-id URN... --reference-year Y --supersedes FILE]
//   [--set name=value] [--params FILE]
//   [--mc N [--seed S] [--threads T]] [--oat NAME ...]
//   [--format terminal|md|html|json|csv|pact|xlsx] [--out FILE]
#include <fmt/format.h>

#include <algorithm>

#include "cli/context.h"
#include "cli/declarations.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "cli/usage_error.h"
#include "inventory/records/pact_footprint.h"
#include "inventory/records/pact_formats.h"
#include "lca/gpu/gpu_assessment.h"
#include "lca/gpu/gpu_uncertainty.h"
#include "lca/uncertainty/one_at_a_time.h"
#include "reports/gpu_report.h"
#include "reports/gpu_report_html.h"
#include "reports/gpu_tables.h"
#include "reports/pact.h"
#include "reports/uncertainty_report.h"
#include "reports/calibration_report.h"
#include "reports/xlsx_writer.h"

namespace gpulca::cli {
namespace {

struct ReportOptions {
  std::string gpu;
  std::string boundary = "cradle-to-grave";
  std::string region, fab_region;
  std::optional<double> pue, utilization, lifetime_years, query_wh, queries_per_hour;
  bool eol_credits = false;
  // PACT: who declares the footprint, and the period it refers to.
  std::string company = "gpulca estimate";
  std::vector<std::string> company_ids = {"urn:gpulca:estimate"};
  std::vector<std::string> product_ids;  // empty: reports::DefaultPactProductId
  std::optional<int> reference_year;      // empty: the last complete year
  std::string supersedes;                 // a footprint written before, or empty
  ParameterOptions parameters;
  UncertaintyOptions uncertainty;
  CalibratedRun calibration;
  OutputOptions output;
};

// The options' own checks; the values are checked where parsed (CLI11), and
// again by AssessGpu after every override (--set, --params).
void CheckOptions(const ReportOptions& o) {
  if (o.output.format == "pact" && o.uncertainty.one_at_a_time()) {
    throw UsageError("--mc and --oat: a PACT footprint has no place for a distribution; choose "
                     "--format json, csv, xlsx, html, md or terminal for the uncertainty");
  }
  if (!o.supersedes.empty() && o.output.format != "pact") {
    throw UsageError("--supersedes: only a PACT footprint (--format pact) supersedes one");
  }
}

// The values of a repeatable id option: URNs (RFC 8141), each once. A
// repeated id is refused rather than dropped: PACT's id lists are sets, and
// a repeat is more often a typo for another id than meant.
void CheckUrns(const char* option, const std::vector<std::string>& ids) {
  for (auto it = ids.begin(); it != ids.end(); ++it) {
    const std::string problem = inventory::UrnProblem(*it);
    if (!problem.empty()) {
      throw UsageError(fmt::format("{} '{}': not a URN (RFC 8141): {}", option, *it, problem));
    }
    if (std::find(ids.begin(), it, *it) != it) {
      throw UsageError(fmt::format(
          "{} {} is given twice: a PACT footprint's ids are a set, so give each once", option, *it));
    }
  }
}

// What report --mc / --oat add: the Monte Carlo of the headline system with
// the intensities sample by sample, and the one-at-a-time table.
struct Uncertainty {
  std::optional<lca::GpuUncertainty> mc;
  std::optional<lca::OatResult> oat;
  reports::UncertaintyView view;
};

void AssessUncertainty(const inventory::Inventory& inv, const inventory::ParameterSet& parameters,
                       const lca::GpuAssessment& a, const UncertaintyOptions& o,
                       std::shared_ptr<const lca::McWeights> weights, Uncertainty& u) {
  if (o.monte_carlo()) {
    auto bar = std::make_shared<ProgressBar>("monte carlo");
    lca::McOptions mc = o.Library(bar);
    mc.weights = std::move(weights);
    u.mc = std::move(lca::RunGpuMonteCarlo(inv, parameters, {&a}, mc).front());
  }
  if (o.one_at_a_time()) u.oat = lca::OneAtATime(inv, parameters, a.headline().data, o.oat);
  u.view.mc = u.mc ? &u.mc->run : nullptr;
  u.view.oat = u.oat ? &*u.oat : nullptr;
  u.view.nominal = a.total;
  if (u.mc) {
    u.view.intensities.push_back(
        {"per_gpu_hour", "GPU-hour", a.per_gpu_hour, u.mc->per_gpu_hour, ""});
    u.view.intensities.push_back({"per_pflop_hour", "PFLOP-hour", a.per_pflop_hour,
                                  u.mc->per_pflop_hour, u.mc->per_pflop_hour_undefined});
    if (!u.mc->per_query.empty()) {
      u.view.intensities.push_back({"per_query", "query", a.per_query, u.mc->per_query, ""});
    }
  }
}

reports::PactContext Pact(const inventory::Inventory& inv,
                          const inventory::ParameterSet& parameters, const ReportOptions& o,
                          const std::string& content_hash) {
  reports::PactContext c;
  c.created = inventory::UtcTimestamp();
  // The reference period is a calendar year that has ended: by default the
  // last complete one before now.
  const int latest = std::stoi(c.created.substr(0, 4)) - 1;
  const int year = o.reference_year ? *o.reference_year : latest;
  c.reference_period_start = fmt::format("{}-01-01T00:00:00Z", year);
  c.reference_period_end = fmt::format("{}-01-01T00:00:00Z", year + 1);
  if (c.reference_period_end > c.created) {
    throw UsageError(fmt::format(
        "--reference-year {}: the year has not ended (its reference period ends {}, after now, "
        "{}); a PACT reference period bounds the activity data a footprint uses, so it must be "
        "over when the footprint is made: the latest is {}",
        year, c.reference_period_end, c.created, latest));
  }
  CheckUrns("--company-id", o.company_ids);
  CheckUrns("--product-id", o.product_ids);
  c.company_name = o.company;
  c.company_ids = o.company_ids;
  c.product_ids = o.product_ids;
  if (!o.supersedes.empty()) {
    try {
      c.supersedes = inventory::ReadPactFootprint(o.supersedes);
    } catch (const InputError& e) {
      throw UsageError(fmt::format("--supersedes {}", e.what()));
    }
  }
  c.product_mass_kg = parameters.Value(o.gpu, "module_mass_kg");
  c.biogenic = reports::BiogenicFlowsOf(inv);
  c.gpulca_version = GPULCA_VERSION;
  c.content_hash = content_hash;
  return c;
}

void Run(const Context& context, const ReportOptions& o) {
  CheckOptions(o);
  auto store = context.Open();
  inventory::Inventory inv = store->Read();
  inventory::ParameterSet parameters(inv);
  if (o.pue) parameters.Override("pue", *o.pue);
  if (o.utilization) parameters.Override("utilization", *o.utilization);
  if (o.lifetime_years) parameters.Override("lifetime_years", *o.lifetime_years);
  if (o.eol_credits) {
    if (!inv.FindGlobal("eol_credits")) {
      throw UsageError("--eol-credits: this database has no global parameter eol_credits, so its "
                       "life cycles carry no end-of-life credit to apply");
    }
    parameters.Override("eol_credits", 1.0);
  }
  o.parameters.Apply(parameters);

  lca::GpuAssessmentOptions options;
  options.gpu = o.gpu;
  options.cradle_to_grave = o.boundary == "cradle-to-grave";
  options.region = o.region;
  options.fab_region = o.fab_region;
  options.query_wh = o.query_wh;
  options.queries_per_hour = o.queries_per_hour;
  lca::GpuAssessment a = lca::AssessGpu(inv, parameters, options);
  if (!a.unrelocated.empty()) {
    throw UsageError(fmt::format("--fab-region {}: the data have no such fab for {}: {}",
                                 o.fab_region, o.gpu, fmt::join(a.unrelocated, ", ")));
  }

  reports::GpuReportOptions report;
  report.data_hash = store->ContentHash();
  Uncertainty u;
  if (o.uncertainty.one_at_a_time() || o.calibration.on()) {
    const auto weights = o.calibration.Weights(context, report.data_hash, inv, parameters,
                                               o.uncertainty.Library(nullptr));
    AssessUncertainty(inv, parameters, a, o.uncertainty, weights, u);
  }

  if (o.uncertainty.one_at_a_time()) report.uncertainty = &u.view;
  const std::string& f = o.output.format;
  if (f == "pact") {
    o.output.Write(reports::RenderGpuPact(a, Pact(inv, parameters, o, report.data_hash)));
  } else if (f == "xlsx") {
    std::vector<reports::Table> tables = reports::GpuAssessmentTables(a);
    if (report.uncertainty) {
      for (reports::Table& t : reports::UncertaintyTables(u.view)) tables.push_back(std::move(t));
      if (u.mc && u.mc->run.weights) tables.push_back(reports::CalibrationTable(*u.mc->run.weights));
    }
    reports::WriteXlsx(tables, o.output.FilePath());
  } else if (f == "json") {
    o.output.Write(reports::RenderGpuJson(a, report));
  } else if (f == "csv") {
    o.output.Write(reports::RenderGpuCsv(a, report));
  } else if (f == "html") {
    o.output.Write(reports::RenderGpuHtml(a, report));
  } else if (f == "md") {
    o.output.Write(reports::RenderGpuMarkdown(a, report));
  } else {
    o.output.Write(reports::RenderGpuTerminal(a, report));
  }
}

}  // namespace

void AddReportCommand(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand("report", "The footprint of one GPU: stages, use phase, intensities");
  auto o = std::make_shared<ReportOptions>();
  cmd->add_option("gpu", o->gpu, "GPU id (see 'gpulca list gpus')")->required();
  cmd->add_option("--boundary", o->boundary, "cradle-to-gate or cradle-to-grave")
      ->check(CLI::IsMember({"cradle-to-gate", "cradle-to-grave"}));
  cmd->add_option("--region", o->region, "Region of deployment (a grid location: US, TW, EU, ...)");
  cmd->add_option("--fab-region", o->fab_region,
                  "Where the logic dies are made (TW, KR, US where the data have that fab)");
  const CLI::Validator positive = NumberCheck("a positive number", [](double v) { return v > 0; });
  cmd->add_option("--pue", o->pue, "Power usage effectiveness of the data centre")
      ->check(NumberCheck("a number of at least 1", [](double v) { return v >= 1; }));
  cmd->add_option("--utilization", o->utilization, "Average utilisation, 0 to 1")
      ->check(NumberCheck("a number between 0 and 1", [](double v) { return v >= 0 && v <= 1; }));
  cmd->add_option("--lifetime-years", o->lifetime_years, "Service life in years")->check(positive);
  auto* wh = cmd->add_option("--query-wh", o->query_wh,
                             "GPU energy of one query, Wh: adds per-query figures")
                 ->check(positive);
  auto* qph = cmd->add_option("--queries-per-hour", o->queries_per_hour,
                              "Queries one GPU serves per hour of service (e.g. tokens/s x 3600 / "
                              "tokens per query): adds per-query figures")
                  ->check(positive);
  wh->excludes(qph);
  cmd->add_flag("--eol-credits", o->eol_credits,
                "Credit the metals recovered at end of life (sets eol_credits = 1); the report "
                "shows the credit apart");
  cmd->add_option("--company", o->company, "PACT: the company that declares the footprint");
  cmd->add_option("--company-id", o->company_ids, "PACT: the company's ids, URNs (repeatable)");
  cmd->add_option("--product-id", o->product_ids,
                  "PACT: the product's ids, URNs (repeatable; default "
                  "urn:pact:gpulca:product-id:<gpu>)");
  cmd->add_option("--reference-year", o->reference_year,
                  "PACT: the calendar year the footprint refers to, one that has ended "
                  "(default: the last complete year)")
      ->check(CLI::Range(1990, 2100));
  cmd->add_option("--supersedes", o->supersedes,
                  "PACT: a footprint of the same product written before; the new one keeps its "
                  "version when nothing changed, else lists it in precedingPfIds as version + 1");
  o->parameters.Add(*cmd);
  o->uncertainty.Add(*cmd);
  o->calibration.Add(*cmd);
  o->output.Add(*cmd, "terminal", {"terminal", "md", "html", "json", "csv", "pact", "xlsx"});
  cmd->callback([&context, o] { Run(context, *o); });
}

}  // namespace gpulca::cli
