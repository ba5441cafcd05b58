#include "inventory/jsonld_parse.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include <nlohmann/json.hpp>

#include "inventory/error.h"

namespace gpulca::olca {
namespace {

using nlohmann::json;

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

double Num(const json& j, const char* key, double fallback) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}

bool Bool(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

// The @id of a reference object `j[key]`, or "".
std::string Ref(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_object() ? Str(*it, "@id") : std::string();
}

std::string Required(const json& j, const char* key) {
  std::string value = Str(j, key);
  if (value.empty()) throw InputError(fmt::format("missing '{}'", key));
  return value;
}

UnitGroup ParseUnitGroup(const json& j) {
  UnitGroup g;
  g.id = Required(j, "@id");
  g.name = Str(j, "name");
  for (const json& u : j.value("units", json::array())) {
    g.units.push_back({Str(u, "@id"), Required(u, "name"), Num(u, "conversionFactor", 1.0),
                       Bool(u, "referenceUnit")});
  }
  return g;
}

Flow ParseFlow(const json& j) {
  Flow f;
  f.id = Required(j, "@id");
  f.name = Str(j, "name");
  f.type = Required(j, "flowType");
  f.category = Ref(j, "category");
  f.cas = Str(j, "cas");
  for (const json& p : j.value("flowProperties", json::array())) {
    f.properties.push_back({Ref(p, "flowProperty"), Num(p, "conversionFactor", 1.0),
                            Bool(p, "referenceFlowProperty")});
  }
  return f;
}

Exchange ParseExchange(const json& j) {
  Exchange e;
  const json& flow = j.at("flow");
  e.flow = Required(flow, "@id");
  e.flow_name = Str(flow, "name");
  e.flow_type = Str(flow, "flowType");
  e.unit = Ref(j, "unit");
  if (j.contains("unit")) e.unit_name = Str(j.at("unit"), "name");
  e.property = Ref(j, "flowProperty");
  e.formula = Str(j, "amountFormula");
  e.provider = Ref(j, "defaultProvider");
  e.description = Str(j, "description");
  e.input = Bool(j, "input");
  e.reference = Bool(j, "quantitativeReference");
  e.avoided = Bool(j, "avoidedProduct");
  auto amount = j.find("amount");
  if (amount == j.end() || !amount->is_number()) throw InputError("an exchange has no amount");
  e.amount = amount->get<double>();
  if (auto u = j.find("uncertainty"); u != j.end() && u->is_object()) {
    Uncertainty d;
    d.type = Str(*u, "distributionType");
    d.geom_sd = Num(*u, "geomSd", 1.0);
    d.sd = Num(*u, "sd", 0.0);
    d.min = Num(*u, "minimum", 0.0);
    d.max = Num(*u, "maximum", 0.0);
    d.mode = Num(*u, "mode", 0.0);
    e.uncertainty = d;
  }
  return e;
}

Process ParseProcess(const json& j) {
  Process p;
  p.id = Required(j, "@id");
  p.name = Str(j, "name");
  p.category = Ref(j, "category");
  p.location = Ref(j, "location");
  p.description = Str(j, "description");
  if (auto doc = j.find("processDocumentation"); doc != j.end() && doc->is_object()) {
    p.publication = Ref(*doc, "publication");
    for (const json& s : doc->value("sources", json::array())) p.sources.push_back(Str(s, "@id"));
  }
  for (const json& e : j.value("exchanges", json::array())) p.exchanges.push_back(ParseExchange(e));
  p.parameters = j.value("parameters", json::array()).size();
  return p;
}

}  // namespace

std::vector<std::string> Dataset::CategoryPath(const std::string& id) const {
  std::vector<std::string> path;
  std::string at = id;
  for (int depth = 0; !at.empty() && depth < 32; ++depth) {  // a loop of categories ends too
    auto it = categories.find(at);
    if (it == categories.end()) break;
    path.insert(path.begin(), it->second.name);
    at = it->second.parent;
  }
  return path;
}

Dataset ParseDataset(const JsonldArchive& archive) {
  Dataset d;
  for (const std::string& path : archive.Paths()) {
    size_t slash = path.find('/');
    if (slash == std::string::npos || path.size() < 5 ||
        path.compare(path.size() - 5, 5, ".json") != 0) {
      continue;
    }
    std::string folder = path.substr(0, slash);
    static const char* kFolders[] = {"unit_groups", "flow_properties", "flows", "processes",
                                     "sources", "categories", "locations", "actors"};
    if (std::find(std::begin(kFolders), std::end(kFolders), folder) == std::end(kFolders)) continue;
    std::string text = archive.Read(path);
    try {
      json j = json::parse(text);
      if (!j.is_object()) throw InputError("not a JSON object");
      if (folder == "unit_groups") {
        UnitGroup g = ParseUnitGroup(j);
        g.file = path;
        d.unit_groups[g.id] = std::move(g);
      } else if (folder == "flow_properties") {
        FlowProperty p{Required(j, "@id"), Str(j, "name"), Ref(j, "unitGroup"), path};
        d.flow_properties[p.id] = std::move(p);
      } else if (folder == "flows") {
        Flow f = ParseFlow(j);
        f.file = path;
        d.flows[f.id] = std::move(f);
      } else if (folder == "processes") {
        Process p = ParseProcess(j);
        p.file = path;
        d.processes.push_back(std::move(p));
      } else if (folder == "sources") {
        Source s{Required(j, "@id"), Str(j, "name"), Str(j, "textReference"), Str(j, "url"), path,
                 static_cast<int>(Num(j, "year", 0))};
        d.sources[s.id] = std::move(s);
      } else if (folder == "categories") {
        Category c{Required(j, "@id"), Str(j, "name"), Ref(j, "category")};
        d.categories[c.id] = std::move(c);
      } else if (folder == "locations") {
        Location l{Required(j, "@id"), Str(j, "name"), Str(j, "code")};
        d.locations[l.id] = std::move(l);
      } else {
        ++d.actors;
      }
    } catch (const json::exception& e) {
      throw InputError(fmt::format("{}: {}: {}", archive.Name(), path, e.what()));
    } catch (const InputError& e) {
      throw InputError(fmt::format("{}: {}: {}", archive.Name(), path, e.what()));
    }
  }
  return d;
}

}  // namespace gpulca::olca
