// Renderers of a validation run (`gpulca validate`, lca/gpu/validation.h): pure
// functions from the run to text. One section model (ValidationSections)
// gives the terminal and Markdown documents and the HTML page's tables; JSON
// and CSV carry every number. No database access, no I/O.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "inventory/model/model.h"
#include "lca/gpu/validation.h"
#include "reports/internal/text_table.h"

namespace gpulca::reports {

struct ValidationReportOptions {
  std::string data_hash;                 // of the database the model ran on
  std::map<std::string, inventory::Source> sources;  // by id: the citations the footprints name
};

// How the comparison was made, the summary, the table of footprints (per
// unit of each footprint's `per`), what each includes, and each source's
// category split beside gpulca's.
std::vector<TextSection> ValidationSections(const lca::ValidationRun& run,
                                            const ValidationReportOptions& options);

std::string RenderValidationText(const lca::ValidationRun& run, const ValidationReportOptions& o);
std::string RenderValidationMarkdown(const lca::ValidationRun& run,
                                     const ValidationReportOptions& o);
// {"command": "validate", "data_hash", "monte_carlo": {iterations, seed},
//  "ratio_definition", "footprints": [{id, name, device, demand, boundary,
//  impact, unit, divisor, per, includes, excludes, standard, note, source:
//  {id, citation, url}, published: {value, low, high, per_unit}, gpulca:
//  {nominal, per_unit, mean, sd, p05, p50, p95}, ratio, inside, overlaps,
//  categories: [{name, published_percent, published_value, gpulca,
//  gpulca_percent}]}], "summary": {footprints, with_interval, inside,
//  median_ratio, worst_ratio, worst_id}}; absent numbers are null.
std::string RenderValidationJson(const lca::ValidationRun& run, const ValidationReportOptions& o);
// The tidy CSV (internal/tidy_csv.h): run, then by published footprint
// (the `source` column) its footprints rows and the categories of its split.
std::string RenderValidationCsv(const lca::ValidationRun& run, const ValidationReportOptions& o);
// A self-contained page (html_page.h): the dot-and-whisker chart
// (id "chart-validation": gpulca's intervals as whiskers, its nominal as a
// tick, the published figures as dots, per unit of each footprint's `per`)
// and the sections' tables.
std::string RenderValidationHtml(const lca::ValidationRun& run, const ValidationReportOptions& o);

}  // namespace gpulca::reports
