// The command line's words for the library's InvalidArgument, and --region
// R=share parsed into the shares the fleet library takes.
#include <catch2/catch.hpp>

#include "cli/region_shares.h"
#include "cli/usage_error.h"

namespace gpulca::cli {
namespace {

TEST_CASE("a library InvalidArgument names the option that set the value", "[cli]") {
  CHECK(UsageMessage(InvalidArgument("region", "region XX: no electricity grid for that region")) ==
        "--region XX: no electricity grid for that region");
  CHECK(UsageMessage(InvalidArgument("fab region", "fab region XX: no grid")) ==
        "--fab-region XX: no grid");
  CHECK(UsageMessage(InvalidArgument("override", "override x: no parameter of that name")) ==
        "--set x: no parameter of that name");
  CHECK(UsageMessage(InvalidArgument("parameter pue", "parameter pue = 0.5: at least 1")) ==
        "parameter pue = 0.5: at least 1 (check --pue, --set and --params)");
  CHECK(UsageMessage(InvalidArgument("parameter tdp_w", "parameter tdp_w of g = 0: positive")) ==
        "parameter tdp_w of g = 0: positive (check --set and --params)");
  // No option sets it, or no single value is at fault: the library's words.
  CHECK(UsageMessage(InvalidArgument("die area", "die area -1 mm2: must be > 0")) ==
        "die area -1 mm2: must be > 0");
  CHECK(UsageMessage(InvalidArgument("compare needs at least two GPUs")) ==
        "compare needs at least two GPUs");
}

TEST_CASE("fleet --region: shares split the rest evenly", "[cli][fleet]") {
  auto r = ParseRegionShares({"US=0.5", "EU", "TW"});
  REQUIRE(r.size() == 3);
  CHECK(r[0].share == 0.5);
  CHECK(r[1].share == 0.25);
  CHECK(r[2].share == 0.25);
  CHECK(ParseRegionShares({"US", "EU"})[1].share == 0.5);
  CHECK(ParseRegionShares({}).empty());
  CHECK_THROWS_AS(ParseRegionShares({"US=0.5", "EU=0.6"}), UsageError);
  CHECK_THROWS_AS(ParseRegionShares({"US=0.5", "EU=0.2"}), UsageError);
  CHECK_THROWS_WITH(ParseRegionShares({"US=x"}),
                    "--region US: share 'x' is not a number between 0 and 1");
  CHECK_THROWS_WITH(ParseRegionShares({"=0.5"}), "--region '=0.5': expected R or R=share");
}

}  // namespace
}  // namespace gpulca::cli
