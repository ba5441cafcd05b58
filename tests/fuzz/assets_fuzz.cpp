// The fleet asset CSV reader (lca/fleet/fleet_assets.h), as `gpulca fleet
// --assets` streams a file, against a model of two GPUs and two regions
// with fixed intensities. Every total it adds up is finite and not
// negative; a file it accepts whole reads the same with --skip-bad; and
// the input read again behind 64 kB of comment lines, so that it straddles
// the reader's buffer, adds up to the very same totals.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <sstream>

#include "lca/error.h"
#include "lca/fleet/fleet_assets.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using namespace gpulca;

lca::AssetModel Model() {
  return lca::AssetModel({"nvidia-h100-sxm5", "g"}, {"US", "EU"}, {"gwp100", "water"},
                         {"kg CO2e", "m3"}, 5 * 8760.0, [](const std::string&, const std::string&) {
                           lca::AssetIntensity a;
                           a.embodied = {1000, 3};
                           a.op_base = {0.1, 0.001};
                           a.op_slope = {0.2, 0.002};
                           a.kwh_base = 0.5;
                           a.kwh_slope = 1.0;
                           return a;
                         });
}

lca::AssetTotals Read(const std::string& text, bool skip_bad) {
  std::istringstream in(text);
  lca::AssetModel model = Model();
  lca::StreamOptions o;
  o.name = "fuzz.csv";
  o.skip_bad = skip_bad;
  o.progress_every = 64;
  o.on_progress = [](std::uint64_t) {};
  o.on_bad = [](const std::string&) {};
  return lca::StreamAssets(in, model, o);
}

// `text` behind comment and blank lines that end half its length before
// the 64 kB of the reader's first read; a UTF-8 byte-order mark, which only the
// first line may carry, is left out.
std::string Padded(const std::string& text) {
  std::string body = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? text.substr(3) : text;
  std::string pad;
  const size_t length = (size_t{64} << 10) - body.size() / 2;
  while (pad.size() + 64 < length) pad += "#" + std::string(62, ' ') + "\n";
  pad += std::string(length - pad.size() - 1, ' ') + "\n";  // a blank line
  return pad + body;
}

void Check(const lca::AssetTotals& t) {
  auto ok = [](double v) { return std::isfinite(v) && v >= 0; };
  if (!ok(t.units)) fuzz::Finding("the units are not a finite number of at least 0");
  for (const auto& y : t.years) {
    bool all = ok(y.gpu_hours) && ok(y.kwh);
    for (double v : y.embodied) all = all && ok(v);
    for (double v : y.operational) all = all && ok(v);
    if (!all) fuzz::Finding("year " + std::to_string(y.year) + " has a total that is not finite or below 0");
  }
}

bool Same(const lca::AssetTotals& a, const lca::AssetTotals& b) {
  if (a.rows != b.rows || a.skipped != b.skipped || a.units != b.units ||
      a.years.size() != b.years.size()) {
    return false;
  }
  for (size_t i = 0; i < a.years.size(); ++i) {
    const lca::AssetYear &x = a.years[i], &y = b.years[i];
    if (x.year != y.year || x.gpu_hours != y.gpu_hours || x.kwh != y.kwh ||
        x.embodied != y.embodied || x.operational != y.operational) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = fuzz::Text(data, size);
  lca::AssetTotals lenient;
  try {
    lenient = Read(text, true);
  } catch (const Error&) {
    return 0;
  }
  Check(lenient);
  if (!Same(Read(Padded(text), true), lenient)) {
    fuzz::Finding("the file reads otherwise where it straddles the read buffer");
  }
  try {
    lca::AssetTotals strict = Read(text, false);
    if (lenient.skipped != 0 || !Same(strict, lenient)) {
      fuzz::Finding("a file read whole reads otherwise with --skip-bad");
    }
  } catch (const Error&) {
    if (lenient.skipped == 0) fuzz::Finding("a file refused reads with --skip-bad without a bad row");
  }
  return 0;
}
