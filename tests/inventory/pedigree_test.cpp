// The pedigree matrix of the ecoinvent v3 data quality guideline (Weidema et
// al. 2013, ch. 10): its variances and the lognormal they give, on values
// worked by hand.
#include "inventory/model/pedigree.h"

#include <catch2/catch.hpp>

#include <cmath>

#include "lca/error.h"
#include "inventory/model/validate.h"
#include "tests/test_support.h"

namespace gpulca::inventory {
namespace {

TEST_CASE("the v3 variances of the pedigree matrix", "[pedigree]") {
  CHECK(PedigreeVariance(0, 1) == 0.0);
  CHECK(PedigreeVariance(0, 2) == 0.0006);
  CHECK(PedigreeVariance(0, 5) == 0.04);
  CHECK(PedigreeVariance(1, 4) == 0.002);
  CHECK(PedigreeVariance(2, 3) == 0.002);
  CHECK(PedigreeVariance(3, 2) == 0.000025);
  CHECK(PedigreeVariance(4, 5) == 0.12);
  CHECK_THROWS_AS(PedigreeVariance(0, 6), InputError);
  CHECK_THROWS_AS(PedigreeVariance(5, 1), InputError);
}

TEST_CASE("v3's variances are v2's uncertainty factors as (ln U / 2)², rounded", "[pedigree]") {
  // Frischknecht et al. (2007), ecoinvent report 1 (v2), table 10.5, without
  // the sample-size indicator that v3 dropped.
  const double v2[5][5] = {{1.00, 1.05, 1.10, 1.20, 1.50},
                           {1.00, 1.02, 1.05, 1.10, 1.20},
                           {1.00, 1.03, 1.10, 1.20, 1.50},
                           {1.00, 1.01, 1.02, 1.05, 1.10},
                           {1.00, 1.05, 1.20, 1.50, 2.00}};
  for (int i = 0; i < 5; ++i) {
    for (int s = 1; s <= 5; ++s) {
      INFO("indicator " << i + 1 << " score " << s);
      const double from_v2 = std::pow(std::log(v2[i][s - 1]) / 2, 2);
      CHECK(PedigreeVariance(i, s) == Approx(from_v2).epsilon(0.16).margin(1e-6));
    }
  }
}

TEST_CASE("worked values: GSD = exp(sqrt(σ_b² + Σ σ_i²))", "[pedigree]") {
  // All 1s and the default basic variance 0.0006: exp(0.0244949) = 1.024797.
  CHECK(PedigreeGsd({1, 1, 1, 1, 1}) == Approx(1.024797).epsilon(1e-6));
  // All 5s: 0.0006 + 0.04 + 0.008 + 0.04 + 0.002 + 0.12 = 0.2106,
  // exp(0.4589118) = 1.582351.
  CHECK(PedigreeGsd({5, 5, 5, 5, 5}) == Approx(1.582351).epsilon(1e-6));
  // A lognormal of gsd 1.2 scored (4, 3, 2, 3, 5): (ln 1.2)² = 0.0332412, plus
  // 0.008 + 0.0006 + 0.0002 + 0.0001 + 0.12 = 0.1289: σ² = 0.1621412,
  // exp(0.4026676) = 1.495810.
  Exchange e;
  e.flow = "electricity";
  e.amount = 3.0;
  e.uncertainty.kind = Uncertainty::Kind::kLognormal;
  e.uncertainty.gsd = 1.2;
  e.pedigree = std::array<int, 5>{4, 3, 2, 3, 5};
  const Uncertainty u = EffectiveUncertainty(e);
  CHECK(u.kind == Uncertainty::Kind::kLognormal);
  CHECK(u.gsd == Approx(1.495810).epsilon(1e-6));
  SECTION("without a distribution, the basic variance is 0.0006") {
    e.uncertainty = Uncertainty{};
    // 0.0006 + 0.1289 = 0.1295: exp(0.3598611) = 1.433130.
    CHECK(EffectiveUncertainty(e).gsd == Approx(1.433130).epsilon(1e-6));
  }
  SECTION("a pedigree on another distribution is an error, not ignored") {
    e.uncertainty.kind = Uncertainty::Kind::kNormal;
    e.uncertainty.sd = 0.3;
    CHECK_THROWS_AS(EffectiveUncertainty(e), InputError);
  }
  SECTION("no pedigree: the distribution as written") {
    e.pedigree.reset();
    CHECK(EffectiveUncertainty(e).gsd == 1.2);
  }
}

TEST_CASE("the validator's rules for distributions", "[pedigree][toml]") {
  auto problems_of = [](const std::string& exchange) {
    std::vector<Diagnostic> problems;
    test::Parse(std::string(test::kSmallInventory) +
                    "\n[[process]]\nid = \"q\"\nname = \"q\"\nlocation = \"TW\"\n"
                    "product = { flow = \"wafer_area\", amount = 1, unit = \"cm2\" }\n"
                    "  [[process.exchanges]]\n  flow = \"co2_fossil\"\n  unit = \"kg\"\n"
                    "  source = \"s1\"\n" +
                    exchange,
                &problems);
    return problems;
  };
  CHECK(problems_of("  amount = -2\n  uncertainty = { distribution = \"lognormal\", gsd = 1.3 }\n")
            .empty());
  CHECK(problems_of("  amount = 2\n  uncertainty = { distribution = \"lognormal\", gsd = 1 }\n")
            .empty());
  CHECK(test::AnyProblem(
      problems_of("  amount = 2\n  uncertainty = { distribution = \"lognormal\", gsd = 0.9 }\n"),
      {"gsd must be at least 1"}));
  CHECK(test::AnyProblem(
      problems_of("  amount = 2\n  pedigree = [1, 2, 3, 4, 5]\n"
                  "  uncertainty = { distribution = \"triangular\", min = 1, max = 3 }\n"),
      {"pedigree widens a lognormal only", "triangular"}));
  CHECK(problems_of("  amount = 2\n  pedigree = [1, 2, 3, 4, 5]\n").empty());
  CHECK(test::AnyProblem(problems_of("  amount = 2\n  uncertainty = { distribution = \"normal\", "
                                     "sd = nan }\n"),
                         {"finite"}));
  std::vector<Diagnostic> problems;
  test::Parse(std::string(test::kSmallInventory) +
                  "\n[[parameter]]\nid = \"twice\"\nformula = \"2 * epa\"\n"
                  "uncertainty = { distribution = \"uniform\", min = 4, max = 6 }\n",
              &problems);
  CHECK(test::AnyProblem(problems, {"parameter 'twice'", "takes its uncertainty from the parameters"}));
}

}  // namespace
}  // namespace gpulca::inventory
