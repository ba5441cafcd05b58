// Renderers of a calibration (`gpulca calibrate`) and of its leave-one-out
// check (`gpulca validate --loo`), lca/calibration/calibration.h: pure
// functions from the results to text, Markdown, JSON and the tidy CSV. No
// database access, no I/O.
#pragma once

#include <string>
#include <vector>

#include "lca/calibration/calibration.h"
#include "reports/internal/table.h"
#include "reports/internal/text_table.h"

namespace gpulca::reports {

struct CalibrationReportOptions {
  std::string data_hash;  // of the database the model ran on
  size_t input_rows = 25;  // at most this many moved inputs in the text tables
};

// How the calibration was made; the declarations against the prior and the
// posterior (per unit of each declaration's `per`); the inputs that moved
// (|shift| above the noise threshold), with each declaration's pull; each
// GPU's prior and posterior, and the shared inputs it moved through.
std::vector<TextSection> CalibrationSections(const lca::Calibration& c,
                                             const CalibrationReportOptions& o);
std::string RenderCalibrationText(const lca::Calibration& c, const CalibrationReportOptions& o);
std::string RenderCalibrationMarkdown(const lca::Calibration& c,
                                      const CalibrationReportOptions& o);
// {"command": "calibrate", "data_hash", "monte_carlo": {iterations, seed},
//  "effective_sample_size", "moved_threshold", "observation_model",
//  "declarations": [{id, device, impact, unit, value, gsd, gsd_basis, per,
//  divisor, nominal, prior: {mean, sd, p05, p50, p95}, posterior: {…},
//  residual}],
//  "inputs": [{input, nominal, prior, posterior, shift, moved, pull: {id:
//  shift}}] (every input a declaration's system has, by |shift|),
//  "gpus": [{gpu, unit, prior, posterior, declared_by, shared_inputs,
//  moved_shared}]}.
std::string RenderCalibrationJson(const lca::Calibration& c, const CalibrationReportOptions& o);
std::string RenderCalibrationCsv(const lca::Calibration& c, const CalibrationReportOptions& o);

// The sheet that says a Monte Carlo run was calibrated (its XLSX workbook):
// each declaration used, the effective sample size and the seed.
Table CalibrationTable(const lca::McWeights& weights);

std::vector<TextSection> LooSections(const lca::LooRun& run);
std::string RenderLooText(const lca::LooRun& run, const CalibrationReportOptions& o);
std::string RenderLooMarkdown(const lca::LooRun& run, const CalibrationReportOptions& o);
// {"command": "validate --loo", "data_hash", "monte_carlo": {iterations,
//  seed}, "min_effective_sample_size", "ratio_definition", "folds": [{id,
//  device, unit, declared, per, divisor, effective_sample_size, refused,
//  prior: {…, inside, ratio}, posterior: {…, inside, ratio} or null}],
//  "summary": {folds, calibrated, inside_prior, inside_posterior,
//  median_ratio_prior, median_ratio_posterior}}.
std::string RenderLooJson(const lca::LooRun& run, const CalibrationReportOptions& o);
std::string RenderLooCsv(const lca::LooRun& run, const CalibrationReportOptions& o);

}  // namespace gpulca::reports
