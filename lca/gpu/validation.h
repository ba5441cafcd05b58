// Validation: gpulca held against published footprints (published_footprint.h).
//
// For each footprint, gpulca assesses one unit of the same product on the
// same boundary (PublishedFootprint::DemandProcess) with the footprint's
// impact method: the nominal value, and the 90 % interval (p05-p95) of a
// Monte Carlo run of every footprint's system on shared draws (monte_carlo.h:
// one seed gives the same interval whatever the thread count).
//
//   ratio  = published / gpulca nominal   (> 1: the source is higher)
//   inside = p05 <= published <= p95
//
// Where the source splits its total into categories, each category's gpulca
// value is the upstream total of its anchor processes (the processes named,
// and the providers in the system of the products named):
//   upstream(j) = s_j · A_jj · λ_kj
// the impact of making everything process j makes in this system, its supply
// chain included. Anchors must not lie upstream of one another (else a
// category would count another's share); "other" is the remainder, so the
// categories and "other" add up to the nominal total. The split is nominal
// only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "inventory/model/model.h"
#include "inventory/model/parameters.h"
#include "inventory/records/published_footprint.h"
#include "lca/uncertainty/monte_carlo.h"
#include "lca/system/result.h"
#include "lca/uncertainty/statistics.h"

namespace gpulca::lca {

struct CategoryComparison {
  std::string name;                 // "other" for the remainder
  std::optional<double> published;  // the source's share of its total, in %; none for "other"
                                    // when the source's shares add up to 100
  double gpulca = 0;                // gpulca's value, in the impact's unit, per device
  double gpulca_percent = 0;        // of gpulca's nominal total
};

struct FootprintComparison {
  inventory::PublishedFootprint published;
  std::string demand;  // the process assessed
  std::string unit;    // the impact's unit
  double nominal = 0;  // gpulca, per device
  std::optional<Summary> interval;  // Monte Carlo, per device; none without a run
  double ratio = 0;                 // published / nominal
  std::optional<bool> inside;       // published within [p05, p95]; none without a run
  // The source's own range [low, high] overlaps gpulca's interval; none when
  // the source gives no range or there is no run.
  std::optional<bool> overlaps;
  std::vector<CategoryComparison> categories;  // the source's, then "other"; empty without a split
  // Per unit of `published.per` (the value over published.divisor).
  double PublishedPer() const { return published.value / published.divisor; }
  double NominalPer() const { return nominal / published.divisor; }
};

struct ValidationSummary {
  int footprints = 0;
  int with_interval = 0;  // footprints with a Monte Carlo interval
  int inside = 0;         // of those, published inside gpulca's 90 % interval
  double median_ratio = 0;
  double worst_ratio = 0;  // the ratio farthest from 1 (by |log ratio|)
  std::string worst_id;
};

struct ValidationRun {
  int iterations = 0;  // 0: nominal only
  uint64_t seed = 0;
  std::vector<FootprintComparison> comparisons;
  ValidationSummary summary;
};

// Compares every footprint of `published` (REQUIRES: checked against
// `inventory` by CheckPublishedFootprints) with gpulca's assessment at
// `parameters`' values; Monte Carlo when options.iterations > 0 (its
// sensitivity and stage samples are not kept). Throws InputError naming the
// category's file:line when two anchors overlap, and what BuildMatrices,
// Calculate and RunMonteCarloPaired throw.
ValidationRun RunValidation(const inventory::Inventory& inventory,
                            const inventory::ParameterSet& parameters,
                            const std::vector<inventory::PublishedFootprint>& published,
                            McOptions options);

// The source's categories mapped onto `result` (impact k), then "other".
// Throws InputError when one anchor is upstream of another.
std::vector<CategoryComparison> MapCategories(const inventory::PublishedFootprint& footprint,
                                              const LcaResult& result, int k);

// Counts, median and worst ratio of `comparisons`.
ValidationSummary SummariseValidation(const std::vector<FootprintComparison>& comparisons);

}  // namespace gpulca::lca
