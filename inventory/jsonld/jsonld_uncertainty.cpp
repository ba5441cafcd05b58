#include "inventory/jsonld/jsonld_uncertainty.h"

#include <charconv>
#include <cmath>
#include <regex>
#include <utility>

#include "inventory/model/validate.h"

namespace gpulca::inventory {
namespace {

// "(2;4;2;3;1)" -> the five scores, or nullopt when it is not five integers.
std::optional<std::array<int, 5>> ParsePedigree(const std::string& text) {
  static const std::regex kEntry(R"(\(\s*(\d+)\s*;\s*(\d+)\s*;\s*(\d+)\s*;\s*(\d+)\s*;\s*(\d+)\s*\))");
  std::smatch m;
  if (!std::regex_match(text, m, kEntry)) return std::nullopt;
  std::array<int, 5> scores{};
  for (int i = 0; i < 5; ++i) {
    // A score past the range of int is not one of 1-5 either (std::stoi threw
    // std::out_of_range at it, which nothing caught; found by tests/fuzz/).
    const std::string digits = m[i + 1];
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), scores[i]);
    if (ec != std::errc()) return std::nullopt;
  }
  return scores;
}

bool NearlyEqual(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

// The distribution of `u` scaled by `factor`; kNone for "no uncertainty".
// Counts swaps and differing modes.
Uncertainty Distribution(const olca::Uncertainty& u, double factor, double amount,
                         UncertaintyTally* t, std::string* invalid) {
  Uncertainty out;
  if (u.type == "LOG_NORMAL_DISTRIBUTION") {
    double gsd = u.geom_sd.value_or(0.0);
    if (gsd == 0.0 || gsd == 1.0) return out;
    out.kind = Uncertainty::Kind::kLognormal;
    out.gsd = gsd;
  } else if (u.type == "NORMAL_DISTRIBUTION") {
    double sd = u.sd.value_or(0.0);
    if (sd == 0.0) return out;
    out.kind = Uncertainty::Kind::kNormal;
    out.sd = std::fabs(sd * factor);
    if (sd < 0) *invalid = "normal sd below 0";
  } else if (u.type == "TRIANGLE_DISTRIBUTION" || u.type == "UNIFORM_DISTRIBUTION") {
    if (!u.min || !u.max) {
      *invalid = "minimum or maximum missing";
      return out;
    }
    double lo = *u.min, hi = *u.max;
    if (lo == hi) return out;
    if (lo > hi) {
      std::swap(lo, hi);
      ++t->swapped;
    }
    bool triangle = u.type == "TRIANGLE_DISTRIBUTION";
    out.kind = triangle ? Uncertainty::Kind::kTriangular : Uncertainty::Kind::kUniform;
    out.min = lo * factor;
    out.max = hi * factor;
    if (out.min > out.max) std::swap(out.min, out.max);  // a negative factor (CO2 uptake)
    if (triangle && u.mode && !NearlyEqual(*u.mode * factor, amount)) ++t->mode_differs;
  } else if (!u.type.empty()) {
    *invalid = "unknown distribution " + u.type;
  }
  return out;
}

void Count(const Uncertainty& u, UncertaintyTally* t) {
  switch (u.kind) {
    case Uncertainty::Kind::kLognormal: ++t->lognormal; break;
    case Uncertainty::Kind::kNormal: ++t->normal; break;
    case Uncertainty::Kind::kTriangular: ++t->triangular; break;
    case Uncertainty::Kind::kUniform: ++t->uniform; break;
    case Uncertainty::Kind::kNone: break;
  }
}

}  // namespace

size_t UncertaintyTally::Dropped() const {
  size_t n = 0;
  for (const auto& [why, count] : dropped) n += count;
  return n;
}

void ConvertUncertainty(const olca::Exchange& e, double factor, double amount, Exchange* x,
                        UncertaintyTally* t) {
  x->uncertainty = Uncertainty{};
  x->pedigree.reset();
  Uncertainty own;
  if (e.uncertainty) {
    std::string invalid;
    own = Distribution(*e.uncertainty, factor, amount, t, &invalid);
    if (invalid.empty() && own.IsSet()) invalid = CheckUncertainty(own, amount);
    if (!invalid.empty()) {
      // "amount 3 lies outside [1, 2]" -> "amount outside [min, max]": one reason per kind.
      std::string why = invalid.find("outside") != std::string::npos ? "amount outside [min, max]"
                        : invalid.find("non-zero amount") != std::string::npos
                            ? "lognormal on a zero amount"
                            : invalid;
      ++t->dropped[why];
      own = Uncertainty{};
    } else if (!own.IsSet()) {
      ++t->none;
    } else if (own.kind == Uncertainty::Kind::kLognormal && e.uncertainty->geom_mean &&
               !NearlyEqual(*e.uncertainty->geom_mean * factor, amount)) {
      ++t->geom_mean_differs;  // the amount stays the median
    }
  }
  if (!e.dq_entry.empty()) {
    auto scores = ParsePedigree(e.dq_entry);
    bool valid = scores.has_value();
    for (int s : scores.value_or(std::array<int, 5>{1, 1, 1, 1, 1})) valid = valid && s >= 1 && s <= 5;
    if (!valid) {
      ++t->dropped["pedigree entry not five scores 1-5"];
    } else if (own.IsSet()) {
      ++t->pedigree_beside;
    } else if (amount == 0) {
      // A lognormal has no spread around zero; a negative amount is the
      // mirror image of a positive one (docs/uncertainty.md, sign rule).
      ++t->dropped["lognormal on a zero amount"];
    } else {
      x->pedigree = scores;
      ++t->pedigree;
      if (e.base_uncertainty) {
        if (*e.base_uncertainty >= 1.0) {
          // b is a GSD, basic variance (ln b)²: openLCA's pedigree dialog
          // returns exp(sqrt(ln² b + Σ ln² U)), b itself for a pedigree of 1s.
          own.kind = Uncertainty::Kind::kLognormal;
          own.gsd = *e.base_uncertainty;
          ++t->pedigree_with_base;
        } else {
          ++t->dropped["basic uncertainty below 1"];
        }
      }
      x->uncertainty = own;
      return;
    }
  }
  Count(own, t);
  x->uncertainty = own;
}

}  // namespace gpulca::inventory
