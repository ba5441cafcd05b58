// Grouped Sobol' indices of a product system (lca/uncertainty/
// global_sensitivity.h): on a system whose impact is a + b + a*c of three
// uniform parameters, where the indices are known in closed form; the
// quantiles the design hands the Monte Carlo (mc_design.h); the groups of
// the bundled data.
#include "lca/uncertainty/global_sensitivity.h"

#include <catch2/catch.hpp>

#include "inventory/toml/toml_loader.h"
#include "lca/error.h"
#include "lca/uncertainty/internal/sampler.h"
#include "tests/cli/cli_support.h"
#include "tests/lca/uncertainty_fixtures.h"
#include "tests/test_support.h"

namespace gpulca {
namespace {

using Catch::Matchers::Contains;

TEST_CASE("a distribution's quantile function inverts it", "[sobol][mc]") {
  using inventory::Uncertainty;
  Uncertainty u;
  u.kind = Uncertainty::Kind::kUniform;
  u.min = 2;
  u.max = 6;
  CHECK(lca::Distribution(u, 3).Quantile(0.25) == Approx(3));
  u.kind = Uncertainty::Kind::kTriangular;  // mode 3 on [2, 6]: F(3) = 1/4
  CHECK(lca::Distribution(u, 3).Quantile(0.25) == Approx(3));
  CHECK(lca::Distribution(u, 3).Quantile(0.0625) == Approx(2.5));  // (0.5)^2 / (4 x 1)
  CHECK(lca::Distribution(u, 3).Quantile(11.0 / 12) == Approx(5));  // 1 - 1^2 / (4 x 3)
  u.kind = Uncertainty::Kind::kNormal;
  u.sd = 2;
  CHECK(lca::Distribution(u, 10).Quantile(0.5) == Approx(10));
  CHECK(lca::Distribution(u, 10).Quantile(0.8413447460685429) == Approx(12));
  u.kind = Uncertainty::Kind::kLognormal;
  u.gsd = 2;
  CHECK(lca::Distribution(u, 5).Quantile(0.5) == Approx(5));
  CHECK(lca::Distribution(u, 5).Quantile(0.8413447460685429) == Approx(10));
  CHECK(lca::Distribution(u, -5).Quantile(0.8413447460685429) == Approx(-10));
  CHECK(std::isfinite(lca::Distribution(u, 5).Quantile(0)));  // clamped, not 0 or inf
}

// The gpu emits a + b + a c kg CO2 with a ~ U(0, 1), b ~ U(0, 2), c ~ U(0, 1).
// Var(a) = 1/12, Var(b) = 4/12, Var(c) = 1/12; with Y = a + b + a c:
//   V_a = Var(a (1 + E c)) = 1.5^2 / 12 = 2.25/12; V_b = 4/12;
//   V_c = Var(E[a] c) = 0.25/12; V_ac = Var(a) Var(c) = 1/144;
//   V = (2.25 + 4 + 0.25)/12 + 1/144 = 79/144.
std::string System() {
  return test::UncertaintyToml(
      test::TomlParameter("a", "0.5", "{ distribution = \"uniform\", min = 0, max = 1 }") +
      test::TomlParameter("b", "1", "{ distribution = \"uniform\", min = 0, max = 2 }") +
      test::TomlParameter("c", "0.5", "{ distribution = \"uniform\", min = 0, max = 1 }") +
      test::Process("gpu", "gpu", "item", test::TomlExchange("co2", "a + b + a * c", "kg")));
}

TEST_CASE("grouped Sobol' indices of a system are its closed-form ones", "[sobol]") {
  const inventory::Inventory inv = test::ParseValid(System());
  inventory::ParameterSet parameters(inv);
  lca::SobolOptions o;
  o.n = 4096;
  o.bootstrap = 50;
  lca::McOptions mc;
  mc.threads = 2;
  const lca::GroupedSobol s = lca::SobolOfDemand(
      inv, parameters, {"gpu", 1.0, {}},
      {{"a", {"param:a"}}, {"b", {"param:b"}}, {"c", {"param:c"}}}, o, mc);
  REQUIRE(s.groups == std::vector<std::string>{"a", "b", "c"});
  CHECK(s.inputs == 3);
  CHECK(s.evaluations == 4096 * 5);
  REQUIRE(s.impact_ids[0] == "gwp100");
  const lca::SobolResult& r = s.impacts[0];
  const double v = 79.0 / 144;
  CHECK(r.variance == Approx(v).epsilon(0.01));
  CHECK(r.groups[0].first == Approx(2.25 / 12 / v).margin(0.01));
  CHECK(r.groups[1].first == Approx(4.0 / 12 / v).margin(0.01));
  CHECK(r.groups[2].first == Approx(0.25 / 12 / v).margin(0.01));
  CHECK(r.groups[0].total == Approx((2.25 / 12 + 1.0 / 144) / v).margin(0.01));
  CHECK(r.groups[1].total == Approx(4.0 / 12 / v).margin(0.01));
  CHECK(r.groups[2].total == Approx((0.25 / 12 + 1.0 / 144) / v).margin(0.01));
  // energy has no uncertain input: undefined, with the reason.
  CHECK(s.impacts[1].groups.empty());
  CHECK_THAT(s.undefined[1], Contains("no variance"));
  // Deterministic: the same indices again, whatever the threads.
  mc.threads = 1;
  const lca::GroupedSobol again = lca::SobolOfDemand(
      inv, parameters, {"gpu", 1.0, {}},
      {{"a", {"param:a"}}, {"b", {"param:b"}}, {"c", {"param:c"}}}, o, mc);
  CHECK(again.impacts[0].groups[0].first == r.groups[0].first);
  CHECK(again.impacts[0].groups[2].total_high == r.groups[2].total_high);
  // a and c as one group: its first order holds their interaction.
  const lca::GroupedSobol ac =
      lca::SobolOfDemand(inv, parameters, {"gpu", 1.0, {}}, {{"ac", {"param:a", "param:c"}}}, o, mc);
  REQUIRE(ac.groups.size() == 2);  // "ac", and b in its data group
  CHECK(ac.impacts[0].groups[0].first == Approx((2.5 / 12 + 1.0 / 144) / v).margin(0.01));
  CHECK_THROWS_WITH(lca::SobolOfDemand(inv, parameters, {"gpu", 1.0, {}}, {{"y", {"param:*yield*"}}},
                                       o, mc),
                    "group 'y' (param:*yield*) matches none of the 3 uncertain inputs of gpu");
  CHECK_THROWS_WITH(lca::SobolOfDemand(inv, parameters, {"gpu", 1.0, {}},
                                       {{"a", {"param:a"}}, {"a", {"param:b"}}}, o, mc),
                    "group 'a' is given twice");
}

TEST_CASE("the data's own groups: the folder each input comes from", "[sobol][bundled]") {
  const inventory::Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  CHECK(lca::DataGroupOf(inv, "param:pue") == "deployment");
  CHECK(lca::DataGroupOf(inv, "param:nvidia-h100-sxm5/interposer_area_mm2") == "gpus");
  CHECK(lca::DataGroupOf(inv, "param:no_such") == "other");
  CHECK(lca::DataGroupOf(inv, "nonsense") == "other");
}

TEST_CASE("sensitivity --sobol on the H100: every format, and bad input refused",
          "[sobol][cli]") {
  test::BundledDb db;
  const nlohmann::json j = db.Json("sensitivity nvidia-h100-sxm5 --sobol 32 --bootstrap 20 "
                                   "--group yields='param:*yield*' --format json");
  CHECK(j.at("command") == "sensitivity");
  CHECK(j.at("method").at("evaluations").get<int>() ==
        32 * (static_cast<int>(j.at("groups").size()) + 2));
  CHECK(j.at("groups")[0].at("name") == "yields");
  CHECK(j.at("impacts").at("gwp100").at("groups").size() == j.at("groups").size());
  for (const char* format : {"terminal", "md", "html", "csv"}) {
    INFO(format);
    const auto r = db.Run(std::string("sensitivity nvidia-h100-sxm5 --sobol 8 --bootstrap 5 --format ") +
                          format);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("deployment"));
  }
  auto fails = [&](const std::string& args, const std::string& says) {
    const auto r = db.Run("sensitivity " + args);
    INFO(args << "\n" << r.out);
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.out, Contains(says));
  };
  fails("nvidia-h100-sxm5", "--sobol is required");
  fails("nvidia-h100-sxm5 --sobol 1", "--sobol: must be a whole number from 2");
  fails("--sobol 8", "give a GPU or --demand ID");
  fails("nvidia-v99 --sobol 8", "'nvidia-v99' is not a GPU in the catalogue");
  fails("nvidia-h100-sxm5 --sobol 8 --group =x", "--group '=x': write NAME=PATTERN");
  fails("nvidia-h100-sxm5 --sobol 8 --group none='param:zzz*'", "group 'none' (param:zzz*) matches none");
}

}  // namespace
}  // namespace gpulca
