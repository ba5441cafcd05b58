#include "cli/server/openapi.h"

#include <nlohmann/json.hpp>

#include "cli/server/routes.h"

namespace gpulca::cli::server {
namespace {

using nlohmann::json;

json Schema(const Param& p) {
  json s;
  switch (p.kind) {
    case Param::Kind::kNumber: s = {{"type", "number"}}; break;
    case Param::Kind::kInteger: s = {{"type", "integer"}}; break;
    case Param::Kind::kFlag: s = {{"type", "boolean"}}; break;
    case Param::Kind::kString: s = {{"type", "string"}}; break;
  }
  if (!p.allowed.empty()) s["enum"] = p.allowed;
  if (p.repeated) s = {{"type", "array"}, {"items", s}};
  return s;
}

json Error(const std::string& description) {
  json schema = {{"type", "object"},
                 {"properties", {{"error", {{"type", "string"}}}}},
                 {"required", json::array({"error"})}};
  json content = json::object();
  content["application/json"] = {{"schema", schema}};
  return {{"description", description}, {"content", content}};
}

}  // namespace

std::string OpenApiJson() {
  json paths = json::object();
  for (const Route& r : Routes()) {
    json op = {{"summary", r.summary},
               {"operationId", r.method + " " + r.path},
               {"parameters", json::array()}};
    for (size_t at = r.path.find('{'); at != std::string::npos; at = r.path.find('{', at + 1)) {
      const std::string name = r.path.substr(at + 1, r.path.find('}', at) - at - 1);
      op["parameters"].push_back({{"name", name}, {"in", "path"}, {"required", true},
                                  {"schema", {{"type", "string"}}}});
    }
    for (const Param& p : r.params) {
      json q = {{"name", p.name}, {"in", "query"}, {"required", p.required},
                {"description", p.description}, {"schema", Schema(p)}};
      if (p.repeated) {
        q["style"] = "form";
        q["explode"] = true;
      }
      op["parameters"].push_back(q);
    }
    op["parameters"].push_back({{"name", "format"}, {"in", "query"}, {"required", false},
                                {"description", "The response's format (default: the first)"},
                                {"schema", {{"type", "string"}, {"enum", r.formats},
                                            {"default", r.formats.front()}}}});
    json content = json::object();
    for (const std::string& f : r.formats) content[MediaType(f)] = json::object();
    op["responses"] = {{"200", {{"description", "The command's output in the format asked for: "
                                                "what gpulca prints for the same inputs"},
                                {"content", content}}},
                       {"400", Error("Bad input: the message the CLI gives")},
                       {"404", Error("No such route")},
                       {"413", Error("The body is larger than the server's --max-body")}};
    if (!r.body_suffix.empty()) {
      op["requestBody"] = {{"required", true},
                           {"content", {{r.body_media_type, {{"schema", {{"type", "string"}}}}}}}};
    }
    if (r.write) {
      op["security"] = json::array({{{"bearer", json::array()}}});
      op["responses"]["401"] = Error("No bearer token, or not the server's");
    }
    std::string method = r.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    paths[r.path][method] = op;
  }
  const json doc = {
      {"openapi", "3.0.3"},
      {"info", {{"title", "gpulca API"}, {"version", GPULCA_VERSION},
                {"description", "Life-cycle assessment of GPU supply chains over HTTP: every "
                                "response is what the gpulca command line prints for the same "
                                "inputs (docs/serve.md)."}}},
      {"servers", json::array({{{"url", "/"}}})},
      {"paths", paths},
      {"components", {{"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}}};
  return doc.dump(2) + "\n";
}

}  // namespace gpulca::cli::server
