#include "inventory/jsonld/jsonld_parse.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <string_view>

#include <nlohmann/json.hpp>

#include "inventory/model/identifiers.h"
#include "lca/error.h"

namespace gpulca::inventory::olca {
namespace {

using nlohmann::json;

// A string field; one longer than the limits of identifiers.h (a
// description may be a page of text) is refused here, before a name reaches
// the matching of names to gpulca's flows.
std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::string();
  const auto& text = it->get_ref<const std::string&>();
  const size_t limit = std::string_view(key) == "description" ? 100 * kMaxNameLength
                                                               : kMaxNameLength;
  if (text.size() > limit) {
    throw InputError(fmt::format("'{}' is {} characters long, where at most {} are allowed: '{}'",
                                 key, text.size(), limit, Abbreviated(text)));
  }
  return text;
}

double Num(const json& j, const char* key, double fallback) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}

std::optional<double> OptionalNum(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

// A flag under its v1 or its v2 name; `v2` is set when the v2 name is used.
bool Flag(const json& j, const char* v1, const char* v2, int* schema) {
  auto it = j.find(v2);
  if (it != j.end() && it->is_boolean()) {
    *schema = 2;
    return it->get<bool>();
  }
  it = j.find(v1);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

// "a/b/c" -> {"a", "b", "c"}, empty segments dropped.
std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    if (slash > start) out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

// The @id of a reference object `j[key]`, or "".
std::string Ref(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_object() ? Str(*it, "@id") : std::string();
}

std::string Required(const json& j, const char* key) {
  std::string value = Str(j, key);
  if (value.empty()) {
    auto it = j.find(key);
    throw InputError(it == j.end() || it->is_null()
                         ? fmt::format("missing '{}'", key)
                         : fmt::format("'{}' must be a non-empty string, not {}", key,
                                       Abbreviated(it->dump())));
  }
  return value;
}

UnitGroup ParseUnitGroup(const json& j, int* schema) {
  UnitGroup g;
  g.id = Required(j, "@id");
  g.name = Str(j, "name");
  for (const json& u : j.value("units", json::array())) {
    g.units.push_back({Str(u, "@id"), Required(u, "name"), Num(u, "conversionFactor", 1.0),
                       Flag(u, "referenceUnit", "isRefUnit", schema)});
  }
  return g;
}

Flow ParseFlow(const json& j, int* schema) {
  Flow f;
  f.id = Required(j, "@id");
  f.name = Required(j, "name");  // gpulca's id is made from it
  f.type = Required(j, "flowType");
  if (auto c = j.find("category"); c != j.end() && c->is_string()) {
    f.category_path = SplitPath(c->get<std::string>());  // v2: the path itself
    *schema = 2;
  } else {
    f.category = Ref(j, "category");  // v1: a category object, resolved later
  }
  f.cas = Str(j, "cas");
  for (const json& p : j.value("flowProperties", json::array())) {
    f.properties.push_back({Ref(p, "flowProperty"), Num(p, "conversionFactor", 1.0),
                            Flag(p, "referenceFlowProperty", "isRefFlowProperty", schema)});
  }
  return f;
}

Exchange ParseExchange(const json& j, int* schema) {
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
  e.input = Flag(j, "input", "isInput", schema);
  e.reference = Flag(j, "quantitativeReference", "isQuantitativeReference", schema);
  e.avoided = Flag(j, "avoidedProduct", "isAvoidedProduct", schema);
  auto amount = j.find("amount");
  if (amount == j.end() || !amount->is_number()) {
    throw InputError(fmt::format("the exchange of flow '{}' has no amount",
                                 e.flow_name.empty() ? e.flow : e.flow_name));
  }
  e.amount = amount->get<double>();
  if (auto u = j.find("uncertainty"); u != j.end() && u->is_object()) {
    Uncertainty d;
    d.type = Str(*u, "distributionType");
    d.geom_mean = OptionalNum(*u, "geomMean");
    d.geom_sd = OptionalNum(*u, "geomSd");
    d.sd = OptionalNum(*u, "sd");
    d.min = OptionalNum(*u, "minimum");
    d.max = OptionalNum(*u, "maximum");
    d.mode = OptionalNum(*u, "mode");
    e.uncertainty = d;
  }
  e.dq_entry = Str(j, "dqEntry");
  if (e.dq_entry.empty()) e.dq_entry = Str(j, "pedigreeUncertainty");  // openLCA 1.5
  e.base_uncertainty = OptionalNum(j, "baseUncertainty");
  return e;
}

Process ParseProcess(const json& j, int* schema) {
  Process p;
  p.id = Required(j, "@id");
  p.name = Required(j, "name");  // gpulca's id is made from it
  p.category = Ref(j, "category");
  p.location = Ref(j, "location");
  p.description = Str(j, "description");
  if (auto doc = j.find("processDocumentation"); doc != j.end() && doc->is_object()) {
    p.publication = Ref(*doc, "publication");
    for (const json& s : doc->value("sources", json::array())) p.sources.push_back(Str(s, "@id"));
  }
  std::vector<std::string> references;
  for (const json& e : j.value("exchanges", json::array())) {
    p.exchanges.push_back(ParseExchange(e, schema));
    if (p.exchanges.back().reference) references.push_back(p.exchanges.back().flow_name);
  }
  // gpulca's processes make one product: a second reference would be
  // dropped with the exchanges allocated to it, silently.
  if (references.size() > 1) {
    throw InputError(fmt::format("process '{}' has {} quantitative references ({}); gpulca "
                                 "imports single-output processes: allocate it in openLCA "
                                 "first", Abbreviated(p.name), references.size(),
                                 fmt::join(references, ", ")));
  }
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
  // Each object's @id, by folder: the file and the content it was read with.
  std::map<std::string, std::pair<std::string, std::string>> seen;
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
      if (folder != "actors") {
        // The same @id twice: the same object may be exported twice; two
        // different ones under one id would leave whichever came last.
        const std::string key = folder + "/" + Required(j, "@id");
        const std::string content = j.dump();
        auto [it, fresh] = seen.emplace(key, std::make_pair(path, content));
        if (!fresh) {
          if (it->second.second != content) {
            throw InputError(fmt::format("@id '{}' is also the id of {}, with other content",
                                         Abbreviated(j.at("@id").get<std::string>()),
                                         it->second.first));
          }
          continue;
        }
      }
      if (folder == "unit_groups") {
        UnitGroup g = ParseUnitGroup(j, &d.schema);
        g.file = path;
        d.unit_groups[g.id] = std::move(g);
      } else if (folder == "flow_properties") {
        FlowProperty p{Required(j, "@id"), Str(j, "name"), Ref(j, "unitGroup"), path};
        d.flow_properties[p.id] = std::move(p);
      } else if (folder == "flows") {
        Flow f = ParseFlow(j, &d.schema);
        f.file = path;
        d.flows[f.id] = std::move(f);
      } else if (folder == "processes") {
        Process p = ParseProcess(j, &d.schema);
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
  for (auto& [id, flow] : d.flows) {
    if (flow.category_path.empty() && !flow.category.empty()) {
      flow.category_path = d.CategoryPath(flow.category);
    }
  }
  return d;
}

}  // namespace gpulca::inventory::olca
