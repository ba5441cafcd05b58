#include "inventory/records/internal/pact_schema.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <regex>
#include <set>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "inventory/records/pact_formats.h"
#include "lca/error.h"

namespace gpulca::inventory {

// data/schemas/pact/openapi_v2_3.json, NUL-terminated; written into the
// build by CMakeLists.txt.
extern const unsigned char kPactOpenApiV23Json[];

namespace {

using nlohmann::json;

constexpr const char* kRootSchema = "ProductFootprint";
constexpr const char* kRefPrefix = "#/components/schemas/";

// A format that becomes a pattern, and how a violation names it.
struct PatternFormat {
  const char* format;
  const char* pattern;
  const char* rule;
};
const PatternFormat kPatternFormats[] = {
    {"uuid", kUuidPattern, "format uuid (RFC 9562)"},
    {"urn", kUrnPattern, "format urn (RFC 8141)"},
    {"decimal", kDecimalPattern,
     "format decimal (the specification's Decimal: \"10\", \"-182.84\")"},
    {"uri", kUriPattern, "format uri (RFC 3986)"},
};

const PatternFormat* FindPatternFormat(const std::string& format) {
  for (const PatternFormat& f : kPatternFormats) {
    if (format == f.format) return &f;
  }
  return nullptr;
}

bool IsValijsonFormat(const std::string& f) {
  return f == "date-time" || f == "date" || f == "time";
}

std::string RefName(const json& ref) {
  const std::string r = ref.get<std::string>();
  if (r.rfind(kRefPrefix, 0) != 0)
    throw Error(fmt::format("PACT schema: unsupported $ref '{}'", r));
  return r.substr(std::char_traits<char>::length(kRefPrefix));
}

// The names of the schemas `node` reaches through $ref, transitively.
void CollectRefs(const json& node, const json& schemas, std::set<std::string>& names) {
  if (node.is_object()) {
    if (auto ref = node.find("$ref"); ref != node.end()) {
      const std::string name = RefName(*ref);
      if (names.insert(name).second) CollectRefs(schemas.at(name), schemas, names);
    }
    for (const auto& [key, value] : node.items()) {
      if (key != "examples") CollectRefs(value, schemas, names);
    }
  } else if (node.is_array()) {
    for (const json& v : node) CollectRefs(v, schemas, names);
  }
}

// The load-time transform of the formats and patterns of one schema object
// and of the subschemas it holds (internal/pact_schema.h).
void Transform(json& schema) {
  if (!schema.is_object()) return;
  for (const char* key : {"properties", "patternProperties"}) {
    if (auto it = schema.find(key); it != schema.end() && it->is_object()) {
      for (auto& [name, sub] : it->items()) Transform(sub);
    }
  }
  for (const char* key : {"items", "not", "additionalProperties", "if", "then", "else"}) {
    if (auto it = schema.find(key); it != schema.end()) Transform(*it);
  }
  for (const char* key : {"allOf", "anyOf", "oneOf"}) {
    if (auto it = schema.find(key); it != schema.end() && it->is_array()) {
      for (json& sub : *it) Transform(sub);
    }
  }
  json checks = json::array();
  if (auto it = schema.find("format"); it != schema.end()) {
    const std::string format = it->get<std::string>();
    schema.erase(it);
    if (IsValijsonFormat(format)) {
      checks.push_back({{"format", format}});
    } else if (const PatternFormat* f = FindPatternFormat(format)) {
      checks.push_back({{"pattern", f->pattern}});
    } else if (format == "int32") {
      if (!schema.contains("minimum")) schema["minimum"] = INT32_MIN;
      if (!schema.contains("maximum")) schema["maximum"] = INT32_MAX;
    } else if (format != "float" && format != "double") {
      throw Error(fmt::format("PACT schema: format '{}' has no check in gpulca", format));
    }
  }
  if (auto it = schema.find("pattern"); it != schema.end()) {
    checks.push_back({{"pattern", *it}});
    schema.erase(it);
  }
  if (checks.empty()) return;
  const auto max = static_cast<std::int64_t>(kMaxFormattedLength);
  schema["allOf"].push_back(
      {{"if", {{"type", "string"}, {"maxLength", max}}},
       {"then", {{"allOf", checks}}},
       {"else", {{"if", {{"type", "string"}}}, {"then", {{"maxLength", max}}}}}});
}

struct Compiled {
  std::string version;
  json schemas;  // ProductFootprint and what it reaches, as written
  json root;     // the transformed ProductFootprint with its components
  valijson::Schema schema;

  Compiled() {
    const json document = json::parse(reinterpret_cast<const char*>(kPactOpenApiV23Json));
    version = document.at("info").at("version").get<std::string>();
    const json& all = document.at("components").at("schemas");
    std::set<std::string> names = {kRootSchema};
    CollectRefs(all.at(kRootSchema), all, names);
    json transformed = json::object();
    for (const std::string& name : names) {
      schemas[name] = all.at(name);
      transformed[name] = all.at(name);
      Transform(transformed[name]);
    }
    root = transformed[kRootSchema];
    root["components"]["schemas"] = transformed;
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(root);
    parser.populateSchema(adapter, schema);
  }
};

const Compiled& Loaded() {
  static const Compiled* compiled = [] {
    try {
      return new Compiled();
    } catch (const Error&) {
      throw;
    } catch (const std::exception& e) {
      throw Error(fmt::format("the embedded PACT schema does not load: {}", e.what()));
    }
  }();
  return *compiled;
}

// --- Explaining valijson's errors -------------------------------------------

const json* Resolve(const json* node, const json& schemas) {
  for (int hops = 0; node && node->is_object() && node->contains("$ref") && hops < 32; ++hops) {
    node = &schemas.at(RefName(node->at("$ref")));
  }
  return node;
}

// The schema object that applies to the value at `tokens` of `doc`, through
// properties and items; nullptr where the schema says nothing.
const json* SchemaAt(const json& schemas, const json& doc, const std::vector<std::string>& tokens) {
  const json* node = Resolve(&schemas.at(kRootSchema), schemas);
  const json* value = &doc;
  for (const std::string& t : tokens) {
    if (!node || !node->is_object()) return nullptr;
    if (value->is_object() && node->contains("properties") && node->at("properties").contains(t)) {
      node = &node->at("properties").at(t);
      value = value->contains(t) ? &value->at(t) : nullptr;
    } else if (value->is_array() && node->contains("items")) {
      node = &node->at("items");
      value = &value->at(std::stoul(t));
    } else {
      return nullptr;
    }
    node = Resolve(node, schemas);
    if (!value) return node;
  }
  return node;
}

const json* ValueAt(const json& doc, const std::vector<std::string>& tokens) {
  const json* value = &doc;
  for (const std::string& t : tokens) {
    if (value->is_object() && value->contains(t)) {
      value = &value->at(t);
    } else if (value->is_array() && !t.empty() &&
               std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
               std::stoul(t) < value->size()) {
      value = &value->at(std::stoul(t));
    } else {
      return nullptr;
    }
  }
  return value;
}

std::string Pointer(const std::vector<std::string>& tokens) {
  std::string out;
  for (const std::string& t : tokens) {
    out += '/';
    for (char c : t) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  }
  return out;
}

std::string TypeName(const json& v) {
  if (v.is_number_integer()) return "integer";
  if (v.is_number()) return "number";
  return v.type_name();  // string, boolean, null, array, object
}

// The value as JSON, cut to about 80 characters.
std::string Shown(const json* v) {
  if (!v) return "nothing";
  std::string s = v->dump();
  if (s.size() > 80) s = s.substr(0, 77) + "...";
  return s;
}

std::size_t CodePoints(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string Joined(const json& values, const char* separator) {
  std::string out;
  for (const json& v : values) {
    out += (out.empty() ? "" : separator) + (v.is_string() ? v.get<std::string>() : v.dump());
  }
  return out;
}

// The property names that `required` names anywhere inside `node`, in order.
void RequiredNames(const json& node, std::vector<std::string>& names) {
  if (node.is_object()) {
    if (auto r = node.find("required"); r != node.end() && r->is_array()) {
      for (const json& n : *r) {
        if (std::find(names.begin(), names.end(), n.get<std::string>()) == names.end()) {
          names.push_back(n.get<std::string>());
        }
      }
    }
    for (const char* key : {"oneOf", "anyOf", "allOf", "not"}) {
      if (node.contains(key)) RequiredNames(node.at(key), names);
    }
  } else if (node.is_array()) {
    for (const json& v : node) RequiredNames(v, names);
  }
}

std::string OneOfRule(const json& node, const json* value) {
  std::vector<std::string> names, present;
  RequiredNames(node.at("oneOf"), names);
  for (const std::string& n : names) {
    if (value && value->is_object() && value->contains(n)) present.push_back(n);
  }
  if (names.empty()) return "oneOf: matches none or several of its alternatives";
  return fmt::format(
      "oneOf: matches none or several of its alternatives, which turn on {}; "
      "present: {}",
      fmt::join(names, ", "),
      present.empty() ? "none of them" : fmt::format("{}", fmt::join(present, ", ")));
}

std::vector<std::string> PatternRules(const json* node, const json* value) {
  std::vector<std::string> rules;
  if (!node || !value || !value->is_string()) return rules;
  const std::string s = value->get<std::string>();
  if (s.size() > kMaxFormattedLength) return rules;
  if (auto p = node->find("pattern"); p != node->end()) {
    if (!std::regex_search(s, std::regex(p->get<std::string>()))) {
      rules.push_back(fmt::format("pattern {}, got {}", p->get<std::string>(), Shown(value)));
    }
  }
  if (auto f = node->find("format"); f != node->end()) {
    if (const PatternFormat* pf = FindPatternFormat(f->get<std::string>())) {
      if (!std::regex_match(s, std::regex(pf->pattern))) {
        rules.push_back(fmt::format("{}, got {}", pf->rule, Shown(value)));
      }
    }
  }
  return rules;
}

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

std::string Limit(const json* node, const char* keyword, const std::string& description) {
  if (node && node->contains(keyword)) return node->at(keyword).dump();
  if (node && node->value("format", "") == "int32") {
    return fmt::format("{} (format int32)", StartsWith(keyword, "max") ? INT32_MAX : INT32_MIN);
  }
  const size_t digit = description.find_first_of("-0123456789");
  return digit == std::string::npos ? "?" : description.substr(digit);
}

// The violations one valijson error stands for (none for the errors that
// only repeat a child's failure one level up).
std::vector<PactViolation> Explain(const valijson::ValidationResults::Error& error, const json& doc,
                                   const json& schemas) {
  std::vector<std::string> tokens;
  for (const std::string& c : error.context) {
    if (c == "<root>") continue;
    tokens.push_back(
        c.size() >= 2 && c.front() == '[' && c.back() == ']' ? c.substr(1, c.size() - 2) : c);
  }
  const std::string& d = error.description;
  const std::string at = Pointer(tokens);
  const json* node = SchemaAt(schemas, doc, tokens);
  const json* value = ValueAt(doc, tokens);
  auto one = [&](std::string rule) { return std::vector<PactViolation>{{at, std::move(rule)}}; };

  for (const char* wrapper :
       {"Failed to validate against schema associated with property name",
        "Failed to validate item #", "Failed to validate against child schema #",
        "Failed to validate against a conditional schema"}) {
    if (StartsWith(d, wrapper)) return {};
  }
  if (StartsWith(d, "Missing required property '")) {
    const std::string name = d.substr(27, d.rfind('\'') - 27);
    const bool own = node && node->contains("required") &&
                     std::find(node->at("required").begin(), node->at("required").end(), name) !=
                         node->at("required").end();
    if (!own) return {};  // an alternative of a oneOf at this place: said by the oneOf
    tokens.push_back(name);
    return {{Pointer(tokens), "required, missing"}};
  }
  if (StartsWith(d, "Value type not permitted")) {
    const json type = node && node->contains("type") ? node->at("type") : json("?");
    return one(fmt::format("type {}, got {}",
                           type.is_array() ? Joined(type, " or ") : type.get<std::string>(),
                           value ? TypeName(*value) : "nothing"));
  }
  if (StartsWith(d, "Failed to match against any enum values")) {
    return one(fmt::format("enum ({}), got {}",
                           node ? Joined(node->value("enum", json::array()), ", ") : "?",
                           Shown(value)));
  }
  if (StartsWith(d, "Failed to match regex")) {
    std::vector<PactViolation> out;
    for (std::string& r : PatternRules(node, value)) out.push_back({at, std::move(r)});
    if (out.empty()) out.push_back({at, fmt::format("pattern, got {}", Shown(value))});
    return out;
  }
  for (const char* format : {"date-time", "date", "time"}) {
    if (d == fmt::format("String should be a valid {}", format)) {
      return one(fmt::format("format {} (RFC 3339), got {}", format, Shown(value)));
    }
  }
  const std::size_t size = !value               ? 0
                           : value->is_array()  ? value->size()
                           : value->is_string() ? CodePoints(value->get<std::string>())
                                                : 0;
  if (StartsWith(d, "Array should contain no fewer than")) {
    return one(fmt::format("minItems {}, got {}", Limit(node, "minItems", d), size));
  }
  if (StartsWith(d, "Array should contain no more than")) {
    return one(fmt::format("maxItems {}, got {}", Limit(node, "maxItems", d), size));
  }
  if (StartsWith(d, "String should be no fewer than")) {
    return one(fmt::format("minLength {}, got {}", Limit(node, "minLength", d), size));
  }
  if (StartsWith(d, "String should be no more than")) {
    if (node && node->contains("maxLength"))
      return one(fmt::format("maxLength {}, got {}", node->at("maxLength").dump(), size));
    return one(
        fmt::format("maxLength {} (gpulca checks patterns and formats on strings of up to {} "
                    "characters), got {}",
                    kMaxFormattedLength, kMaxFormattedLength, size));
  }
  if (StartsWith(d, "Expected number greater than")) {
    return one(fmt::format("minimum {}, got {}", Limit(node, "minimum", d), Shown(value)));
  }
  if (StartsWith(d, "Expected number less than")) {
    return one(fmt::format("maximum {}, got {}", Limit(node, "maximum", d), Shown(value)));
  }
  if (StartsWith(d, "Elements at indexes #")) {
    int i = 0, j = 0;
    std::sscanf(d.c_str(), "Elements at indexes #%d and #%d", &i, &j);
    return one(fmt::format("uniqueItems, items {} and {} are equal ({})", i, j,
                           value && value->is_array() && i < static_cast<int>(value->size())
                               ? Shown(&value->at(i))
                               : "?"));
  }
  if (StartsWith(d, "Failed to validate against exactly one child schema") ||
      StartsWith(d, "Failed to validate against any child schemas allowed by oneOf")) {
    if (node && node->contains("oneOf")) return one(OneOfRule(*node, value));
    return {};  // a oneOf inside an alternative: the outer one says it
  }
  if (StartsWith(d, "Target should not validate against schema specified in 'not'")) {
    return node && node->contains("not") ? one("not: matches the schema it must not match")
                                         : std::vector<PactViolation>{};
  }
  if (StartsWith(d, "Failed to validate against any schemas allowed by anyOf")) {
    return node && node->contains("anyOf") ? one("anyOf: matches none of its alternatives")
                                           : std::vector<PactViolation>{};
  }
  return one("schema: " + d);
}

}  // namespace

std::string PactOpenApiVersion() { return Loaded().version; }

std::vector<PactViolation> CheckPactSchema(const json& footprint) {
  const Compiled& c = Loaded();
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(footprint);
  if (validator.validate(c.schema, target, &results)) return {};
  std::vector<PactViolation> out;
  for (const auto& error : results) {
    for (PactViolation& v : Explain(error, footprint, c.schemas)) {
      if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(std::move(v));
    }
  }
  if (out.empty()) out.push_back({"", "does not match the schema"});
  return out;
}

}  // namespace gpulca::inventory
