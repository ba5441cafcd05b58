#include "lca/fleet/fleet_assets.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/algorithm/string/trim.hpp>
#include <boost/range/iterator_range.hpp>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string_view>

#include "lca/error.h"
#include "lca/gpu/gpu_assessment.h"

namespace gpulca::lca {

AssetModel::AssetModel(std::vector<std::string> gpus, std::vector<std::string> regions,
                       std::vector<std::string> impact_ids, std::vector<std::string> impact_units,
                       double lifetime_hours, Compute compute)
    : gpus_(std::move(gpus)),
      regions_(std::move(regions)),
      impact_ids_(std::move(impact_ids)),
      impact_units_(std::move(impact_units)),
      lifetime_hours_(lifetime_hours),
      compute_(std::move(compute)),
      cache_(gpus_.size(), std::vector<AssetIntensity>(regions_.size())) {}

const AssetIntensity& AssetModel::Get(int gpu, int region) {
  AssetIntensity& slot = cache_[gpu][region];
  if (slot.embodied.empty()) {
    slot = compute_(gpus_[gpu], regions_[region]);
    ++computed_;
  }
  return slot;
}

AssetModel MakeAssetModel(const inventory::Inventory& inventory,
                          inventory::ParameterSet& parameters) {
  std::vector<std::string> gpus = CatalogueGpus(inventory);
  if (gpus.empty()) throw NotFound("the database has no GPU in its catalogue");
  // Impact ids and units from one cradle-to-gate assessment.
  GpuAssessmentOptions probe;
  probe.gpu = gpus.front();
  probe.cradle_to_grave = false;
  GpuAssessment first = AssessGpu(inventory, parameters, probe);
  const double lifetime_hours = parameters.Value("", "lifetime_hours");
  auto compute = [&inventory, &parameters](const std::string& gpu, const std::string& region) {
    const double saved = parameters.Value("", "utilization");
    GpuAssessmentOptions o;
    o.gpu = gpu;
    o.region = region;
    auto at = [&](double u) {
      parameters.Override("utilization", u);
      parameters.Evaluate();
      return AssessGpu(inventory, parameters, o);
    };
    GpuAssessment a0, a1;
    try {
      a0 = at(0.0);
      a1 = at(1.0);
    } catch (...) {
      parameters.Override("utilization", saved);
      parameters.Evaluate();
      throw;
    }
    parameters.Override("utilization", saved);
    parameters.Evaluate();
    AssetIntensity r;
    r.embodied = a0.embodied;
    for (size_t k = 0; k < a0.operational.size(); ++k) {
      double base = a0.operational[k] / a0.lifetime_hours;
      r.op_base.push_back(base);
      r.op_slope.push_back(a1.operational[k] / a1.lifetime_hours - base);
    }
    r.kwh_base = a0.use_kwh / a0.lifetime_hours;
    r.kwh_slope = a1.use_kwh / a1.lifetime_hours - r.kwh_base;
    return r;
  };
  return AssetModel(gpus, ElectricityRegions(inventory), first.gate.data.impact_ids,
                    first.gate.data.impact_units, lifetime_hours, compute);
}

namespace {

constexpr int kFirstYear = 1900, kLastYear = 2199;
// Far above any real row (about 4 million data-centre GPUs ship a year), so
// that a count near the integer limit is a mistake caught, not a figure.
constexpr long long kMaxCount = 1000000000;
constexpr size_t kBufferSize = 64 * 1024;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
long DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// YYYY-MM-DD within kFirstYear..kLastYear; false otherwise.
bool ParseDate(std::string_view s, long& days) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int y = 0, m = 0, d = 0;
  auto num = [&](size_t at, size_t n, int& out) {
    auto r = std::from_chars(s.data() + at, s.data() + at + n, out);
    return r.ec == std::errc() && r.ptr == s.data() + at + n;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < kFirstYear || y > kLastYear || m < 1 || m > 12 || d < 1) return false;
  if (d > kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0)) return false;
  days = DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  return true;
}

// Blanks off both ends, and the CR of a CRLF line end.
std::string_view Trim(std::string_view s) {
  // Plain predicates: is_any_of, which sorts its set when made and searches
  // it, makes the whole read of a large file half as slow again.
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  auto r = boost::make_iterator_range(s.data(), s.data() + s.size());
  r = boost::algorithm::trim_left_copy_if(r, blank);
  r = boost::algorithm::trim_right_copy_if(r, [&](char c) { return blank(c) || c == '\r'; });
  return {r.begin(), r.size()};
}

int IndexOf(const std::vector<std::string>& names, std::string_view name, int& last) {
  if (last >= 0 && names[last] == name) return last;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return last = static_cast<int>(i);
  }
  return -1;
}

struct ComboKey {
  int gpu, region;
  double u;
  bool operator==(const ComboKey& o) const { return gpu == o.gpu && region == o.region && u == o.u; }
};
struct ComboHash {
  size_t operator()(const ComboKey& k) const {
    return std::hash<double>()(k.u) ^ (static_cast<size_t>(k.gpu) * 1000003u + static_cast<size_t>(k.region)) * 0x9e3779b97f4a7c15ull;
  }
};

class Accumulator {
 public:
  Accumulator(AssetModel& model, const StreamOptions& options)
      : model_(model),
        options_(options),
        impacts_(model.impact_ids().size()),
        stride_(2 + 2 * impacts_),
        years_((kLastYear - kFirstYear + 2) * stride_, 0.0),
        per_hour_(impacts_ + 1) {
    years_used_.assign(kLastYear - kFirstYear + 2, false);
    default_days_ = std::llround(model.lifetime_hours() / 24.0);
  }

  // Parses and adds one line (without its '\n').
  void Line(std::string_view line) {
    ++totals_.lines;
    if (totals_.lines == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // UTF-8 BOM
    if (line.size() > kMaxLine) return Bad(fmt::format("a line longer than {} bytes", kMaxLine));
    line = Trim(line);
    if (line.empty() || line.front() == '#') return;
    std::string_view f[6];
    int n = 0;
    std::string why;
    if (!Split(line, f, n, why)) return Bad(why);
    if (!seen_row_ && n > 0 && f[0] == "product") {  // the header
      seen_row_ = true;
      return;
    }
    seen_row_ = true;
    if (n != 6) {
      return Bad(fmt::format("expected 6 fields (product,count,region,deployed,retired,utilization), got {}", n));
    }
    const int gpu = IndexOf(model_.gpus(), f[0], last_gpu_);
    if (gpu < 0) return Bad(fmt::format("unknown product '{}'", f[0]));
    long long count = 0;
    auto rc = std::from_chars(f[1].data(), f[1].data() + f[1].size(), count);
    if (f[1].empty() || rc.ec != std::errc() || rc.ptr != f[1].data() + f[1].size() || count <= 0) {
      return Bad(fmt::format("count '{}' is not a positive integer", f[1]));
    }
    if (count > kMaxCount) {
      return Bad(fmt::format("count {} is above {} in one row", count, kMaxCount));
    }
    const int region = IndexOf(model_.regions(), f[2], last_region_);
    if (region < 0) return Bad(fmt::format("unknown region '{}'", f[2]));
    long deployed = 0, retired = 0;
    if (!ParseDate(f[3], deployed)) {
      return Bad(fmt::format("bad deployed date '{}' (expected YYYY-MM-DD, {}-{})", f[3], kFirstYear, kLastYear));
    }
    if (f[4].empty()) {
      retired = deployed + static_cast<long>(default_days_);
      // Years past kLastYear have no slot: their share would be dropped.
      if (YearOf(retired - 1) > kLastYear) {
        return Bad(fmt::format("deployed {} with the default service life stays in service past "
                               "{}; give a retired date",
                               f[3], kLastYear));
      }
    } else if (!ParseDate(f[4], retired)) {
      return Bad(fmt::format("bad retired date '{}' (expected YYYY-MM-DD, {}-{}, or empty)", f[4], kFirstYear,
                             kLastYear));
    } else if (retired <= deployed) {
      return Bad(fmt::format("retired {} is not after deployed {}", f[4], f[3]));
    }
    double u = 0;
    auto ru = std::from_chars(f[5].data(), f[5].data() + f[5].size(), u);
    if (f[5].empty() || ru.ec != std::errc() || ru.ptr != f[5].data() + f[5].size() || !(u >= 0.0 && u <= 1.0)) {
      return Bad(fmt::format("utilization '{}' is not a number between 0 and 1", f[5]));
    }
    Add(gpu, region, u, static_cast<double>(count), deployed, retired);
  }

  // The next line is longer than kMaxLine and will not be read: counts it
  // and reports it (its end is skipped by the caller).
  void TooLong() {
    ++totals_.lines;
    Bad(fmt::format("a line longer than {} bytes", kMaxLine));
  }

  std::uint64_t lines() const { return totals_.lines; }

  AssetTotals Finish() {
    totals_.impact_ids = model_.impact_ids();
    totals_.impact_units = model_.impact_units();
    totals_.combinations = combos_.size();
    for (size_t i = 0; i < years_used_.size(); ++i) {
      if (!years_used_[i]) continue;
      const double* a = &years_[i * stride_];
      AssetYear y;
      y.year = kFirstYear + static_cast<int>(i);
      y.gpu_hours = a[0];
      y.kwh = a[1];
      y.embodied.assign(a + 2, a + 2 + impacts_);
      y.operational.assign(a + 2 + impacts_, a + 2 + 2 * impacts_);
      totals_.years.push_back(std::move(y));
    }
    return std::move(totals_);
  }

 private:
  // Splits `line` into at most 6 fields (one more means too many), RFC 4180
  // quotes allowed: "a,b" is one field, "" inside quotes is a quote. Fields
  // are trimmed; an unescaped quoted field points into the line, an escaped
  // one into scratch_. False with `why` for a malformed quote.
  bool Split(std::string_view line, std::string_view* f, int& n, std::string& why) {
    size_t i = 0;
    for (;;) {
      if (n == 6) {
        why = "expected 6 fields (product,count,region,deployed,retired,utilization), got more";
        return false;
      }
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      if (i < line.size() && line[i] == '"') {
        const size_t open = i++;
        std::string* scratch = nullptr;
        size_t from = i;
        for (;;) {
          const size_t q = line.find('"', i);
          if (q == std::string_view::npos) {
            why = fmt::format("a quoted field opened at column {} is not closed (a field may not span lines)",
                              open + 1);
            return false;
          }
          if (q + 1 < line.size() && line[q + 1] == '"') {  // an escaped quote
            if (!scratch) {
              scratch = &scratch_[n];
              scratch->clear();
            }
            scratch->append(line.substr(from, q + 1 - from));
            i = from = q + 2;
            continue;
          }
          if (scratch) {
            scratch->append(line.substr(from, q - from));
            f[n] = *scratch;
          } else {
            f[n] = line.substr(from, q - from);
          }
          i = q + 1;
          break;
        }
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        ++n;
        if (i == line.size()) return true;
        if (line[i] != ',') {
          why = fmt::format("unexpected '{}' after the quoted field {} (column {})", line[i], n, i + 1);
          return false;
        }
        ++i;
        continue;
      }
      const size_t comma = line.find(',', i);
      f[n++] = Trim(line.substr(i, comma == std::string_view::npos ? std::string_view::npos : comma - i));
      if (comma == std::string_view::npos) return true;
      i = comma + 1;
    }
  }

  void Bad(const std::string& why) {
    std::string message = fmt::format("{}:{}: {}", options_.name, totals_.lines, why);
    if (!options_.skip_bad) throw InputError(message);
    ++totals_.skipped;
    if (options_.on_bad) options_.on_bad(message);
  }

  // Operational per GPU-hour ([0, impacts)) and kWh ([impacts]) of a combination.
  const double* PerHour(int gpu, int region, double u) {
    ComboKey key{gpu, region, u};
    if (have_last_ && key == last_key_) return last_;
    auto it = combos_.find(key);
    if (it != combos_.end()) {
      last_key_ = key;
      have_last_ = true;
      return last_ = it->second.data();
    }
    const AssetIntensity& a = model_.Get(gpu, region);
    for (size_t k = 0; k < impacts_; ++k) per_hour_[k] = a.op_base[k] + u * a.op_slope[k];
    per_hour_[impacts_] = a.kwh_base + u * a.kwh_slope;
    if (combos_.size() < kMaxCombinations) {
      it = combos_.emplace(key, per_hour_).first;
      last_key_ = key;
      have_last_ = true;
      return last_ = it->second.data();
    }
    have_last_ = false;
    return per_hour_.data();
  }

  void Add(int gpu, int region, double u, double count, long d0, long d1) {
    ++totals_.rows;
    totals_.units += count;
    const double* embodied = model_.Get(gpu, region).embodied.data();
    const double* hour = PerHour(gpu, region, u);
    const double per_day = count / static_cast<double>(d1 - d0);
    int y = YearOf(d0);
    for (long start = d0; start < d1; ++y) {
      const long next = DaysFromCivil(y + 1, 1, 1);
      const long end = std::min(d1, next);
      const double days = static_cast<double>(end - start);
      const size_t slot = static_cast<size_t>(y - kFirstYear);
      if (slot < years_used_.size()) {
        double* a = &years_[slot * stride_];
        years_used_[slot] = true;
        const double hours = count * days * 24.0;
        a[0] += hours;
        a[1] += hours * hour[impacts_];
        for (size_t k = 0; k < impacts_; ++k) {
          a[2 + k] += per_day * days * embodied[k];
          a[2 + impacts_ + k] += hours * hour[k];
        }
      }
      start = end;
    }
  }

  static int YearOf(long days) {
    // Civil year of a day count (inverse of DaysFromCivil, year part only).
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return static_cast<int>(yoe) + static_cast<int>(era) * 400 + (m <= 2);
  }

  AssetModel& model_;
  const StreamOptions& options_;
  size_t impacts_, stride_;
  std::vector<double> years_;
  std::vector<bool> years_used_;
  std::vector<double> per_hour_;
  long long default_days_ = 0;
  AssetTotals totals_;
  bool seen_row_ = false;
  std::string scratch_[6];  // fields with escaped quotes
  int last_gpu_ = -1, last_region_ = -1;
  std::unordered_map<ComboKey, std::vector<double>, ComboHash> combos_;
  ComboKey last_key_{-1, -1, 0};
  bool have_last_ = false;
  const double* last_ = nullptr;
};

}  // namespace

AssetTotals StreamAssets(std::istream& in, AssetModel& model, const StreamOptions& options) {
  Accumulator acc(model, options);
  std::vector<char> buffer(kBufferSize);
  size_t held = 0;        // bytes of an unfinished line at the front of the buffer
  bool skipping = false;  // inside a line longer than kMaxLine, already reported
  std::uint64_t read = 0, reported = 0;
  for (;;) {
    in.read(buffer.data() + held, static_cast<std::streamsize>(buffer.size() - held));
    const size_t got = static_cast<size_t>(in.gcount());
    read += got;
    const size_t end = held + got;
    size_t start = 0;
    for (;;) {
      const void* nl = std::memchr(buffer.data() + start, '\n', end - start);
      if (!nl) break;
      const size_t at = static_cast<size_t>(static_cast<const char*>(nl) - buffer.data());
      if (skipping) {
        skipping = false;  // the end of the long line
      } else {
        acc.Line(std::string_view(buffer.data() + start, at - start));
      }
      start = at + 1;
    }
    held = end - start;
    if (got == 0) {
      if (held > 0 && !skipping) acc.Line(std::string_view(buffer.data() + start, held));
      break;
    }
    if (skipping) {
      held = 0;  // still inside the long line: drop what was read of it
    } else if (held > kMaxLine) {
      acc.TooLong();  // throws unless skip_bad
      skipping = true;
      held = 0;
    }
    std::memmove(buffer.data(), buffer.data() + start, held);
    if (options.on_progress && read - reported >= options.progress_every) {
      reported = read;
      options.on_progress(read);
    }
  }
  if (options.on_progress) options.on_progress(read);
  return acc.Finish();
}

}  // namespace gpulca::lca
