#include "inventory/records/published_footprint.h"

#include <fmt/format.h>

#include <map>
#include <toml.hpp>

#include "lca/error.h"
#include "inventory/toml/toml_files.h"
#include "inventory/toml/toml_table.h"

namespace gpulca::inventory {
namespace {

PublishedCategory ReadCategory(const toml::value& v, const std::string& file,
                               std::vector<Diagnostic>& problems) {
  TableReader r(v, file, "category", problems);
  PublishedCategory c;
  c.origin = r.origin();
  c.name = r.String("name", true);
  if (r.Has("name")) c.origin = r.OriginOf("name");
  c.percent = r.Number("percent", true).value_or(0.0);
  if (c.percent < 0 || c.percent > 100) {
    r.ProblemAt("percent", fmt::format("'{}': percent {} is not between 0 and 100", c.name,
                                       c.percent));
  }
  c.processes = r.Strings("processes");
  c.products = r.Strings("products");
  r.Finish();
  return c;
}

PublishedFootprint ReadFootprint(const toml::value& v, const std::string& file,
                                 std::vector<Diagnostic>& problems) {
  TableReader r(v, file, "footprint", problems);
  PublishedFootprint f;
  f.origin = r.origin();
  f.id = r.String("id", true);
  f.name = r.String("name", true);
  f.device = r.String("device", true);
  f.boundary = r.String("boundary", true);
  if (!f.boundary.empty() && f.boundary != "cradle-to-gate" && f.boundary != "cradle-to-grave") {
    r.ProblemAt("boundary", fmt::format("'{}': boundary '{}' (cradle-to-gate, cradle-to-grave)",
                                        f.id, f.boundary));
  }
  if (r.Has("impact")) f.impact = r.String("impact", true);
  f.value = r.Number("value", true).value_or(0.0);
  if (r.Has("value") && !(f.value > 0)) r.ProblemAt("value", fmt::format("'{}': value must be positive", f.id));
  f.unit = r.String("unit", true);
  f.low = r.Number("low", false);
  f.high = r.Number("high", false);
  if (f.low.has_value() != f.high.has_value()) {
    r.Problem(fmt::format("'{}': give both low and high, or neither", f.id));
  } else if (f.low && !(*f.low <= f.value && f.value <= *f.high)) {
    r.ProblemAt("low", fmt::format("'{}': the range {} to {} does not hold the value {}", f.id,
                                   *f.low, *f.high, f.value));
  }
  if (r.Has("divisor")) {
    f.divisor = r.Number("divisor", true).value_or(1.0);
    if (!(f.divisor > 0)) r.ProblemAt("divisor", fmt::format("'{}': divisor must be positive", f.id));
  }
  if (r.Has("per")) f.per = r.String("per", true);
  f.includes = r.Strings("includes");
  f.excludes = r.Strings("excludes");
  f.source = r.String("source", true);
  f.standard = r.String("standard", false);
  f.note = r.String("note", false);
  double percent = 0;
  for (const toml::value* t : r.Tables("category")) {
    f.categories.push_back(ReadCategory(*t, file, problems));
    percent += f.categories.back().percent;
  }
  // The source's shares are rounded: a sum a little over 100 is the rounding.
  if (percent > 100.5) {
    r.Problem(fmt::format("'{}': the categories add up to {} %, more than 100", f.id, percent));
  }
  r.Finish();
  return f;
}


}  // namespace

std::string PublishedFootprint::DemandProcess() const {
  return boundary == "cradle-to-grave" ? device + "-lifecycle" : device;
}

PublishedSet ParsePublishedToml(const std::string& text, const std::string& name,
                                std::vector<Diagnostic>& problems) {
  PublishedSet set;
  ParseTomlText(text, name, problems, [&](const toml::value& doc) {
    TableReader r(doc, name, "file", problems);
    for (const toml::value* t : r.Tables("source")) set.sources.push_back(ReadSource(*t, name, problems));
    for (const toml::value* t : r.Tables("footprint")) {
      set.footprints.push_back(ReadFootprint(*t, name, problems));
    }
    r.Finish();
  });
  return set;
}

PublishedSet LoadPublishedToml(const std::vector<std::string>& paths,
                               std::vector<Diagnostic>& problems) {
  PublishedSet all;
  for (const auto& [file, text] : ReadTomlFiles(paths, problems)) {
    PublishedSet one = ParsePublishedToml(text, file, problems);
    for (PublishedFootprint& f : one.footprints) all.footprints.push_back(std::move(f));
    for (Source& s : one.sources) all.sources.push_back(std::move(s));
  }
  return all;
}

std::vector<Diagnostic> CheckPublishedFootprints(const PublishedSet& set,
                                                 const Inventory& inventory) {
  std::vector<Diagnostic> problems;
  std::map<std::string, Origin> sources, ids;
  for (const Source& s : set.sources) {
    if (const Source* db = inventory.FindSource(s.id)) {
      problems.push_back({s.origin, fmt::format("source '{}' is already defined at {}", s.id,
                                                db->origin.ToString())});
    } else if (!sources.emplace(s.id, s.origin).second) {
      problems.push_back({s.origin, fmt::format("source '{}' is already defined at {}", s.id,
                                                sources[s.id].ToString())});
    }
  }
  for (const PublishedFootprint& f : set.footprints) {
    auto problem = [&](const std::string& why) {
      problems.push_back({f.origin, fmt::format("footprint '{}': {}", f.id, why)});
    };
    if (!ids.emplace(f.id, f.origin).second) {
      problem(fmt::format("id already used at {}", ids[f.id].ToString()));
    }
    if (!f.source.empty() && !sources.count(f.source) && !inventory.FindSource(f.source)) {
      problem(fmt::format("unknown source '{}'", f.source));
    }
    if (!inventory.FindProcess(f.device)) {
      problem(fmt::format("device '{}' is not a process of the database", f.device));
    } else if (!f.boundary.empty() && !inventory.FindProcess(f.DemandProcess())) {
      problem(fmt::format("boundary {} needs the process '{}', which the database does not have",
                          f.boundary, f.DemandProcess()));
    }
    if (const ImpactMethod* m = inventory.FindMethod(f.impact)) {
      if (m->unit != f.unit) {
        problem(fmt::format("unit '{}' is not the unit of {}, '{}'", f.unit, f.impact, m->unit));
      }
    } else {
      problem(fmt::format("unknown impact method '{}'", f.impact));
    }
    for (const PublishedCategory& c : f.categories) {
      for (const std::string& p : c.processes) {
        if (!inventory.FindProcess(p)) {
          problems.push_back({c.origin, fmt::format("category '{}': unknown process '{}'", c.name, p)});
        }
      }
      for (const std::string& p : c.products) {
        if (inventory.ProvidersOf(p).empty()) {
          problems.push_back({c.origin, fmt::format("category '{}': no process makes the product "
                                                    "'{}'", c.name, p)});
        }
      }
    }
  }
  return problems;
}

PublishedSet LoadPublishedFootprints(const std::vector<std::string>& paths,
                                     const Inventory& inventory) {
  std::vector<Diagnostic> problems;
  PublishedSet set = LoadPublishedToml(paths, problems);
  if (problems.empty()) problems = CheckPublishedFootprints(set, inventory);
  if (!problems.empty()) {
    throw InputError(fmt::format("{} problem{} in the published footprints:\n{}", problems.size(),
                                 problems.size() == 1 ? "" : "s", JoinDiagnostics(problems)));
  }
  return set;
}

}  // namespace gpulca::inventory
