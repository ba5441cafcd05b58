#include "cli/server/routes.h"

#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <set>

#include "cli/usage_error.h"

namespace gpulca::cli::server {
namespace {

using Kind = Param::Kind;

Param Text(std::string name, std::string option, std::string description,
           std::vector<std::string> allowed = {}) {
  return {std::move(name), std::move(option), Kind::kString, false, false, std::move(description),
          std::move(allowed)};
}
Param Number(std::string name, std::string option, std::string description) {
  return {std::move(name), std::move(option), Kind::kNumber, false, false, std::move(description), {}};
}
Param Integer(std::string name, std::string option, std::string description) {
  return {std::move(name), std::move(option), Kind::kInteger, false, false, std::move(description), {}};
}
Param Flag(std::string name, std::string option, std::string description) {
  return {std::move(name), std::move(option), Kind::kFlag, false, false, std::move(description), {}};
}
Param Required(Param p) {
  p.required = true;
  return p;
}

// What every computing route takes.
std::vector<Param> Computing(std::vector<Param> own, bool monte_carlo = true) {
  own.push_back({"set", "--set", Kind::kString, true, false,
                 "Override a parameter: name=value (repeatable)", {}});
  if (monte_carlo) {
    own.push_back(Integer("mc", "--mc", "Monte Carlo iterations (0: none; at most the server's "
                                        "--max-mc)"));
    own.push_back(Integer("seed", "--seed", "Monte Carlo seed (the same seed, the same result)"));
  }
  return own;
}

const std::vector<std::string> kBoundaries = {"cradle-to-grave", "cradle-to-gate"};
const std::vector<std::string> kPer = {"unit", "gpu-hour", "pflop-hour", "gb", "query"};

std::vector<Route> Build() {
  std::vector<Route> r;
  r.push_back({"GET", "/api/v1/gpus", "The catalogue's GPUs", {"list", "gpus"}, {},
               {"json", "text"}, "", "", "", false, false});
  r.push_back({"GET", "/api/v1/sources", "The sources the data cite", {"list", "sources"}, {},
               {"json", "text"}, "", "", "", false, false});
  r.push_back({"GET", "/api/v1/gpus/{gpu}/report", "One GPU's footprint (gpulca report)",
               {"report", "{gpu}"},
               Computing({Text("boundary", "--boundary", "cradle-to-grave (default) or cradle-to-gate",
                               kBoundaries),
                          Text("region", "--region", "Grid region of the data centre (use phase)"),
                          Text("fab_region", "--fab-region", "Fab region of the logic die"),
                          Number("pue", "--pue", "Power usage effectiveness of the data centre"),
                          Number("utilization", "--utilization", "Average utilisation, 0 to 1"),
                          Number("lifetime_years", "--lifetime-years", "Service life, years"),
                          Number("query_wh", "--query-wh", "GPU energy of one query, Wh"),
                          Number("queries_per_hour", "--queries-per-hour", "Queries per GPU-hour"),
                          Flag("eol_credits", "--eol-credits", "Credit recovered metals at end of life")}),
               {"json", "html", "csv", "md", "xlsx", "pact", "terminal"}, "", "", "", false, true});
  r.push_back({"GET", "/api/v1/compare", "GPUs side by side per functional unit (gpulca compare)",
               {"compare"},
               Computing({{"gpu", "", Kind::kString, true, true, "A catalogue GPU (two or more)", {}},
                          Text("per", "--per", "Functional unit", kPer),
                          Text("boundary", "--boundary", "cradle-to-grave (default) or cradle-to-gate",
                               kBoundaries),
                          Text("region", "--region", "Grid region of the data centres"),
                          Number("query_wh", "--query-wh", "GPU energy of one query, Wh")}),
               {"json", "html", "csv", "md", "xlsx", "terminal"}, "", "", "", false, true});
  r.push_back({"GET", "/api/v1/chip", "A die or package alone, ACT's equation (gpulca chip)",
               {"chip"},
               Computing({Required(Number("area", "--area", "Die area, mm2")),
                          Required(Text("node", "--node", "Process node, e.g. n5")),
                          Text("fab_region", "--fab-region", "Fab location"),
                          Text("yield_model", "--yield-model", "Yield model"),
                          Number("defect_density", "--defect-density", "Defects per cm2")}),
               {"json", "text"}, "", "", "", false, true});
  r.push_back({"GET", "/api/v1/fleet", "A year of data-centre GPU shipments (gpulca fleet)",
               {"fleet"},
               Computing({Required(Integer("year", "--year", "Shipment year (the data: 2022, 2023 and the 2024 forecast)")),
                          Text("mix", "--mix", "Vendor mix"),
                          Text("region", "--region", "Grid region of the data centres")}),
               {"json", "html", "csv", "md", "xlsx", "terminal"}, "", "", "", false, true});
  r.push_back({"POST", "/api/v1/fleet/assets", "An installed base from an asset file (CSV body)",
               {"fleet"},
               Computing({Text("region", "--region", "Grid region of the data centres"),
                          Flag("skip_bad", "--skip-bad", "Report bad rows instead of refusing the file")}),
               {"json", "html", "csv", "md", "xlsx", "terminal"}, "text/csv", ".csv", "--assets",
               false, true});
  r.push_back({"POST", "/api/v1/workload", "A training run or an inference service (TOML body)",
               {"workload"}, Computing({}),
               {"json", "html", "csv", "md", "xlsx", "terminal"}, "application/toml", ".toml", "",
               false, true});
  r.push_back({"GET", "/api/v1/validate", "The model against published footprints (gpulca validate)",
               {"validate"}, Computing({}),
               {"json", "html", "csv", "md", "text"}, "", "", "", false, true});
  r.push_back({"POST", "/api/v1/audits", "Audit a purchase order (TOML body) and record it",
               {"audit"}, {},
               {"json", "csv", "md", "xlsx", "terminal"}, "application/toml", ".toml", "", true, false});
  r.push_back({"GET", "/api/v1/audits", "The recorded audits", {"audit", "list"}, {}, {"text"},
               "", "", "", false, false});
  r.push_back({"GET", "/api/v1/audits/{id}", "One recorded audit, as recorded", {"audit", "show", "{id}"},
               {}, {"json", "csv", "md", "xlsx", "terminal"}, "", "", "", false, false});
  r.push_back({"GET", "/api/v1/audits/{id}/verify",
               "Check a recorded audit's hash chain and recompute its results", {"verify", "{id}"},
               {}, {"text"}, "", "", "", false, false});
  return r;
}

// Path segments, split at '/'.
std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 1;
  while (start <= path.size()) {
    const size_t slash = path.find('/', start);
    out.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

bool IsId(const std::string& value) {
  static const std::regex id("[A-Za-z0-9_.][A-Za-z0-9_.-]{0,127}");
  return std::regex_match(value, id);
}

bool Matches(const Route& route, const std::string& path, std::map<std::string, std::string>* params) {
  const std::vector<std::string> want = Segments(route.path), got = Segments(path);
  if (want.size() != got.size()) return false;
  std::map<std::string, std::string> values;
  for (size_t i = 0; i < want.size(); ++i) {
    if (want[i].size() > 2 && want[i].front() == '{') {
      if (!IsId(got[i])) return false;
      values[want[i].substr(1, want[i].size() - 2)] = got[i];
    } else if (want[i] != got[i]) {
      return false;
    }
  }
  if (params) *params = values;
  return true;
}

}  // namespace

const std::vector<Route>& Routes() {
  static const std::vector<Route> routes = Build();
  return routes;
}

std::string MediaType(const std::string& format) {
  static const std::map<std::string, std::string> types = {
      {"json", "application/json"},
      {"pact", "application/json"},
      {"html", "text/html; charset=utf-8"},
      {"csv", "text/csv; charset=utf-8"},
      {"md", "text/markdown; charset=utf-8"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"text", "text/plain; charset=utf-8"},
      {"terminal", "text/plain; charset=utf-8"}};
  auto it = types.find(format);
  return it == types.end() ? "application/octet-stream" : it->second;
}

std::optional<Match> FindRoute(const std::string& method, const std::string& path) {
  for (const Route& route : Routes()) {
    Match m;
    if (route.method == method && Matches(route, path, &m.path_params)) {
      m.route = &route;
      return m;
    }
  }
  return std::nullopt;
}

bool PathExists(const std::string& path) {
  return std::any_of(Routes().begin(), Routes().end(),
                     [&](const Route& r) { return Matches(r, path, nullptr); });
}

std::vector<std::string> CommandLine(const Match& match,
                                     const std::multimap<std::string, std::string>& query,
                                     const std::string& format, const std::string& body_file) {
  const Route& route = *match.route;
  if (std::find(route.formats.begin(), route.formats.end(), format) == route.formats.end()) {
    throw UsageError(fmt::format("format '{}': {} answers in {}", format, route.path,
                                 fmt::join(route.formats, ", ")));
  }
  std::vector<std::string> out;
  for (const std::string& word : route.command) {
    out.push_back(word.front() == '{' ? match.path_params.at(word.substr(1, word.size() - 2)) : word);
  }
  std::vector<std::string> names;
  for (const Param& p : route.params) names.push_back(p.name);
  for (const auto& [key, value] : query) {
    if (key != "format" && std::find(names.begin(), names.end(), key) == names.end()) {
      throw UsageError(fmt::format("unknown parameter '{}': {} takes {}", key, route.path,
                                   names.empty() ? std::string("format")
                                                 : fmt::format("{}, format", fmt::join(names, ", "))));
    }
  }
  if (query.count("format") > 1) throw UsageError("parameter 'format' is given twice");
  for (const Param& p : route.params) {
    const auto [from, to] = query.equal_range(p.name);
    const size_t count = static_cast<size_t>(std::distance(from, to));
    if (count == 0 && p.required) throw UsageError(fmt::format("missing parameter '{}': {}", p.name, p.description));
    if (count > 1 && !p.repeated) throw UsageError(fmt::format("parameter '{}' is given {} times", p.name, count));
    for (auto it = from; it != to; ++it) {
      const std::string& value = it->second;
      if (p.option.empty()) {
        if (!IsId(value)) throw UsageError(fmt::format("{} '{}' is not an id", p.name, value));
        out.push_back(value);
      } else if (p.kind == Kind::kFlag) {
        if (value != "true" && value != "false") {
          throw UsageError(fmt::format("parameter '{}' is '{}': true or false", p.name, value));
        }
        if (value == "true") out.push_back(p.option);
      } else {
        out.push_back(p.option + "=" + value);
      }
    }
  }
  if (!route.body_suffix.empty()) {
    out.push_back(route.body_option.empty() ? body_file : route.body_option + "=" + body_file);
  }
  // A route of one format runs a command that has no --format (audit list, verify).
  if (route.formats.size() > 1) out.push_back("--format=" + format);
  return out;
}

}  // namespace gpulca::cli::server
