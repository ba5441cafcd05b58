// The verdict rules on numbers chosen by hand.
#include "lca/audit/internal/audit_rules.h"

#include <catch2/catch.hpp>

using namespace gpulca;
using lca::Verdict;

namespace {

lca::LineEstimate Estimate() {
  lca::LineEstimate e;
  e.gate = 500;
  e.grave = 20000;
  e.gate_interval = lca::Summary{510, 60, 400, 500, 650};  // mean, sd, p05, p50, p95
  e.grave_interval = lca::Summary{20100, 900, 18500, 20000, 21800};
  e.model_fab_region = "TW";
  e.model_assembly_region = "TW";
  e.model_transport = "air";
  return e;
}

inventory::OrderLine Line(double declared_kg, const std::string& boundary = "cradle-to-gate",
                          const std::string& standard = "ISO 14067") {
  inventory::OrderLine l;
  l.product = "gpu";
  l.quantity = 4;
  inventory::DeclaredFootprint d;
  d.kg_co2e_per_unit = declared_kg;
  d.boundary = boundary;
  d.standard = standard;
  l.declared = d;
  return l;
}

const Verdict* Find(const std::vector<Verdict>& verdicts, const std::string& code) {
  for (const Verdict& v : verdicts) {
    if (v.code == code) return &v;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a declaration is judged against the 90% interval of its boundary", "[audit]") {
  auto below = lca::JudgeLine(Line(164), Estimate());
  REQUIRE(Find(below, "declared-below-interval"));
  CHECK(Find(below, "declared-below-interval")->level == Verdict::Level::kFlag);
  CHECK(Find(below, "declared-below-interval")->message.find("164 kg CO2e") != std::string::npos);
  CHECK(Find(below, "declared-below-interval")->message.find("400 kg CO2e to 650 kg CO2e") !=
        std::string::npos);
  CHECK(Find(lca::JudgeLine(Line(651), Estimate()), "declared-above-interval"));
  // The ends of the interval are inside it.
  CHECK(Find(lca::JudgeLine(Line(400), Estimate()), "declared-within-interval"));
  CHECK(Find(lca::JudgeLine(Line(650), Estimate()), "declared-within-interval")->level ==
        Verdict::Level::kOk);
  CHECK(Find(lca::JudgeLine(Line(399.99), Estimate()), "declared-below-interval"));
  CHECK_FALSE(Find(lca::JudgeLine(Line(500), Estimate()), "boundary-differs"));
}

TEST_CASE("a cradle-to-grave declaration is flagged and compared with the life cycle", "[audit]") {
  auto v = lca::JudgeLine(Line(19000, "cradle-to-grave"), Estimate());
  REQUIRE(Find(v, "boundary-differs"));
  CHECK(Find(v, "boundary-differs")->level == Verdict::Level::kFlag);
  // 19,000 lies in the life cycle's 18,500-21,800, far above the gate's interval.
  CHECK(Find(v, "declared-within-interval"));
  CHECK(Find(lca::JudgeLine(Line(500, "cradle-to-grave"), Estimate()), "declared-below-interval"));
}

TEST_CASE("no declaration, no standard, no interval and other regions are notes", "[audit]") {
  inventory::OrderLine none;
  none.product = "gpu";
  none.quantity = 1;
  auto v = lca::JudgeLine(none, Estimate());
  REQUIRE(v.size() == 1);
  CHECK(v[0].code == "no-declaration");
  CHECK(v[0].level == Verdict::Level::kNote);

  CHECK(Find(lca::JudgeLine(Line(500, "cradle-to-gate", ""), Estimate()), "no-standard"));
  CHECK_FALSE(Find(lca::JudgeLine(Line(500), Estimate()), "no-standard"));

  lca::LineEstimate central = Estimate();
  central.gate_interval.reset();
  auto c = lca::JudgeLine(Line(250), central);
  REQUIRE(Find(c, "no-interval"));
  CHECK(Find(c, "no-interval")->message.find("(0.50x)") != std::string::npos);
  CHECK_FALSE(Find(c, "declared-below-interval"));

  inventory::OrderLine moved = Line(500);
  moved.fab_region = "KR";
  moved.assembly_region = "TW";
  moved.transport = "sea";
  auto m = lca::JudgeLine(moved, Estimate());
  REQUIRE(Find(m, "fab-region-differs"));
  CHECK(Find(m, "fab-region-differs")->message.find("fab region KR") != std::string::npos);
  CHECK_FALSE(Find(m, "assembly-region-differs"));
  CHECK(Find(m, "transport-differs"));
}
