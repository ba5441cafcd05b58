// The asset stream: a small file computed by hand, bad rows with their line
// numbers, --skip-bad, and the per-GPU model of the bundled data.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <sstream>

#include "lca/error.h"
#include "inventory/model/parameters.h"
#include "inventory/model/validate.h"
#include "inventory/toml/toml_loader.h"
#include "lca/fleet/fleet_assets.h"
#include "lca/gpu/gpu_assessment.h"
#include "tests/cli/cli_support.h"

using namespace gpulca;

namespace {

// One GPU "g" in regions US and EU; embodied 1000; per GPU-hour operational
// 0.1 + 0.2 u and 0.5 + 1.0 u kWh; a 5-year default life (1825 days).
lca::AssetModel HandModel(int* computed = nullptr) {
  return lca::AssetModel({"g", "h"}, {"US", "EU"}, {"gwp100"}, {"kg CO2e"}, 5 * 8760.0,
                         [computed](const std::string&, const std::string&) {
                           if (computed) ++*computed;
                           lca::AssetIntensity a;
                           a.embodied = {1000};
                           a.op_base = {0.1};
                           a.op_slope = {0.2};
                           a.kwh_base = 0.5;
                           a.kwh_slope = 1.0;
                           return a;
                         });
}

lca::AssetTotals Stream(const std::string& text, lca::AssetModel& model, bool skip = false,
                        std::vector<std::string>* bad = nullptr) {
  std::istringstream in(text);
  lca::StreamOptions o;
  o.name = "assets.csv";
  o.skip_bad = skip;
  o.on_bad = [bad](const std::string& m) {
    if (bad) bad->push_back(m);
  };
  return lca::StreamAssets(in, model, o);
}

const lca::AssetYear& Year(const lca::AssetTotals& t, int year) {
  for (const auto& y : t.years)
    if (y.year == year) return y;
  FAIL("no year " << year);
  return t.years.front();
}

}  // namespace

TEST_CASE("fleet assets: two rows against a hand computation", "[fleet]") {
  int computed = 0;
  lca::AssetModel model = HandModel(&computed);
  // Row 1 spans the 2023/2024 boundary: 184 days in 2023, 182 in 2024 (leap), 366 in all.
  // Row 2 has no retired date: 1825 days from 2024-01-01, 366 of them in 2024.
  auto t = Stream(
      "product,count,region,deployed,retired,utilization\n"
      "g,2,US,2023-07-01,2024-07-01,0.5\n"
      "g,1,US,2024-01-01,,1\n",
      model);
  CHECK(t.rows == 2);
  CHECK(t.units == 3);
  CHECK(computed == 1);  // one (product, region)
  CHECK(t.combinations == 2);  // two utilisations
  const auto& y23 = Year(t, 2023);
  CHECK(y23.embodied[0] == Approx(2 * 1000.0 * 184 / 366));
  CHECK(y23.operational[0] == Approx(2 * 184 * 24 * (0.1 + 0.5 * 0.2)));
  CHECK(y23.gpu_hours == Approx(2 * 184 * 24));
  CHECK(y23.kwh == Approx(2 * 184 * 24 * (0.5 + 0.5 * 1.0)));
  const auto& y24 = Year(t, 2024);
  CHECK(y24.embodied[0] == Approx(2 * 1000.0 * 182 / 366 + 1000.0 * 366 / 1825));
  CHECK(y24.operational[0] == Approx(2 * 182 * 24 * 0.2 + 366 * 24 * 0.3));
  // Row 2 runs to 2028-12-30: 364 days in 2028; all embodied is spread.
  CHECK(Year(t, 2028).embodied[0] == Approx(1000.0 * 364 / 1825));
  CHECK(t.years.back().year == 2028);
  double embodied = 0;
  for (const auto& y : t.years) embodied += y.embodied[0];
  CHECK(embodied == Approx(3000));
}

TEST_CASE("fleet assets: a bad row stops with its line number and why", "[fleet]") {
  lca::AssetModel model = HandModel();
  auto bad = [&](const std::string& row) {
    try {
      Stream("# comment\ng,1,US,2023-01-01,,0.5\n" + row + "\n", model);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(bad("x,1,US,2023-01-01,,0.5") == "assets.csv:3: unknown product 'x'");
  CHECK(bad("g,1,XX,2023-01-01,,0.5") == "assets.csv:3: unknown region 'XX'");
  CHECK_THAT(bad("g,1,US,2023-02-30,,0.5"), Catch::StartsWith("assets.csv:3: bad deployed date '2023-02-30'"));
  CHECK_THAT(bad("g,1,US,2023-01-01,2023-13-01,0.5"), Catch::StartsWith("assets.csv:3: bad retired date"));
  CHECK(bad("g,1,US,2023-01-01,2022-01-01,0.5") ==
        "assets.csv:3: retired 2022-01-01 is not after deployed 2023-01-01");
  CHECK(bad("g,0,US,2023-01-01,,0.5") == "assets.csv:3: count '0' is not a positive integer");
  CHECK(bad("g,1.5,US,2023-01-01,,0.5") == "assets.csv:3: count '1.5' is not a positive integer");
  CHECK(bad("g,1,US,2023-01-01,,1.2") == "assets.csv:3: utilization '1.2' is not a number between 0 and 1");
  CHECK(bad("g,1,US,2023-01-01,,") == "assets.csv:3: utilization '' is not a number between 0 and 1");
  CHECK_THAT(bad("g,1,US,2023-01-01"), Catch::StartsWith("assets.csv:3: expected 6 fields"));
  CHECK(bad("g,1,US,2024-02-29,,0.5") == "no error");
  // Years past 2199 have no slot: a row that runs into them used to lose
  // the share of its embodied footprint spread over them, silently. With the
  // 1,825-day default life, 2194-12-31 ends on 2199-12-30; 2197-01-01 would
  // run to 2201-12-31.
  CHECK(bad("g,1,US,2194-12-31,,0.5") == "no error");
  CHECK(bad("g,1,US,2197-01-01,2199-12-31,0.5") == "no error");
  CHECK(bad("g,1,US,2197-01-01,,0.5") ==
        "assets.csv:3: deployed 2197-01-01 with the default service life stays in service past "
        "2199; give a retired date");
  // A count near the integer limit is a mistake, not a fleet.
  CHECK(bad("g,1000000000,US,2023-01-01,,0.5") == "no error");
  CHECK(bad("g,9200000000000000000,US,2023-01-01,,0.5") ==
        "assets.csv:3: count 9200000000000000000 is above 1000000000 in one row");
}

TEST_CASE("fleet assets: --skip-bad reports each bad row and goes on", "[fleet]") {
  lca::AssetModel model = HandModel();
  std::vector<std::string> bad;
  auto t = Stream("g,1,US,2023-01-01,,0.5\nx,1,US,2023-01-01,,0.5\r\ng,-3,US,2023-01-01,,0.5\ng,1,EU,2023-01-01,,0.5",
                  model, true, &bad);
  CHECK(t.rows == 2);
  CHECK(t.skipped == 2);
  REQUIRE(bad.size() == 2);
  CHECK(bad[0] == "assets.csv:2: unknown product 'x'");
  CHECK(bad[1] == "assets.csv:3: count '-3' is not a positive integer");
}

TEST_CASE("fleet assets: lines across buffer boundaries are read whole", "[fleet]") {
  lca::AssetModel model = HandModel();
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "g,1,US,2023-01-01,2024-01-01,0.5\n";
  auto t = Stream(text, model);
  CHECK(t.rows == 20000);
  CHECK(Year(t, 2023).embodied[0] == Approx(20000 * 1000.0));
}

TEST_CASE("fleet assets: a long line is one bad row with its own line number", "[fleet]") {
  lca::AssetModel model = HandModel();
  // Line 4 is 10 KiB and crosses the 64 KiB read buffer: 65,000 bytes of
  // good rows come first.
  std::string head;
  int rows = 0;
  while (head.size() < 65000) {
    head += "g,1,US,2023-01-01,2024-01-01,0.5\n";
    ++rows;
  }
  const std::string text = head + std::string(10240, 'x') + "\ng,1,US,2023-01-01,2024-01-01,0.5\n";
  try {
    Stream(text, model);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) == fmt::format("assets.csv:{}: a line longer than 4096 bytes", rows + 1));
  }
  std::vector<std::string> bad;
  auto t = Stream(text, model, true, &bad);
  REQUIRE(bad.size() == 1);
  CHECK(bad[0] == fmt::format("assets.csv:{}: a line longer than 4096 bytes", rows + 1));
  CHECK(t.rows == static_cast<std::uint64_t>(rows + 1));  // the row after it is read
  CHECK(t.lines == static_cast<std::uint64_t>(rows + 2));
  // A long line that does not cross the buffer is the same bad row.
  bad.clear();
  t = Stream("g,1,US,2023-01-01,,0.5\n" + std::string(5000, 'y') + "\ng,1,US,2023-01-01,,0.5\n", model,
             true, &bad);
  REQUIRE(bad.size() == 1);
  CHECK(bad[0] == "assets.csv:2: a line longer than 4096 bytes");
  CHECK(t.rows == 2);
  // At the very end, without a newline.
  bad.clear();
  t = Stream(head + std::string(70000, 'z'), model, true, &bad);
  REQUIRE(bad.size() == 1);
  CHECK(bad[0] == fmt::format("assets.csv:{}: a line longer than 4096 bytes", rows + 1));
  CHECK(t.rows == static_cast<std::uint64_t>(rows));
}

TEST_CASE("fleet assets: a byte-order mark, quoted fields and a quoted header", "[fleet]") {
  lca::AssetModel model = HandModel();
  auto t = Stream("\xEF\xBB\xBFproduct,count,region,deployed,retired,utilization\n"
                  "\"g\",\"2\",US,2023-01-01,\"\",\"0.5\"\n"
                  "\"g\" , 1 , \"EU\" ,2023-01-01,,0.5\n",
                  model);
  CHECK(t.rows == 2);
  CHECK(t.units == 3);
  auto quoted_header = Stream("\xEF\xBB\xBF\"product\",\"count\",\"region\",\"deployed\",\"retired\",\"utilization\"\r\n"
                              "g,1,US,2023-01-01,,0.5\r\n",
                              model);
  CHECK(quoted_header.rows == 1);
  CHECK(quoted_header.skipped == 0);
  auto bad = [&](const std::string& row) {
    try {
      Stream(row + "\n", model);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  // A quoted comma stays in its field, which then names no product.
  CHECK(bad("\"g,1\",US,2023-01-01,,0.5,x") == "assets.csv:1: unknown product 'g,1'");
  CHECK(bad("\"g\"\"\",1,US,2023-01-01,,0.5") == "assets.csv:1: unknown product 'g\"'");
  CHECK(bad("\"g,1,US,2023-01-01,,0.5") ==
        "assets.csv:1: a quoted field opened at column 1 is not closed (a field may not span lines)");
  CHECK(bad("\"g\"x,1,US,2023-01-01,,0.5") == "assets.csv:1: unexpected 'x' after the quoted field 1 (column 4)");
  // Without a BOM-aware reader the header's first field would be "\xEF\xBB\xBFproduct".
  CHECK(bad("\xEF\xBB\xBFg,1,US,2023-01-01,,0.5") == "no error");
}

TEST_CASE("fleet assets: the bundled model is the per-GPU assessment, affine in utilisation",
          "[fleet][data]") {
  inventory::Inventory inv = inventory::LoadAndValidate({test::BundledData()});
  inventory::ParameterSet parameters(inv);
  lca::AssetModel model = lca::MakeAssetModel(inv, parameters);
  CHECK(parameters.Value("", "utilization") == 0.6);  // restored
  lca::GpuAssessmentOptions g;
  g.gpu = "nvidia-h100-sxm5";
  g.region = "US";
  lca::GpuAssessment a = lca::AssessGpu(inv, parameters, g);  // at the default 0.6
  int gpu = 0, region = 0;
  while (model.gpus()[gpu] != g.gpu) ++gpu;
  while (model.regions()[region] != g.region) ++region;
  const lca::AssetIntensity& m = model.Get(gpu, region);
  for (size_t k = 0; k < a.embodied.size(); ++k) {
    CHECK(m.embodied[k] == Approx(a.embodied[k]));
    CHECK(m.op_base[k] + 0.6 * m.op_slope[k] == Approx(a.operational[k] / a.lifetime_hours));
  }
  CHECK(m.kwh_base + 0.6 * m.kwh_slope == Approx(a.use_kwh / a.lifetime_hours));
  // One H100 in the US, all of 2023 at 0.6: 365 days of 1825.
  auto t = Stream("nvidia-h100-sxm5,1,US,2023-01-01,,0.6\n", model);
  const auto& y = Year(t, 2023);
  CHECK(y.embodied[0] == Approx(a.embodied[0] * 365 / 1825));
  CHECK(y.operational[0] == Approx(a.operational[0] / a.lifetime_hours * 365 * 24));
}
