// The routes of gpulca serve's API (/api/v1/...), as data: each is a CLI
// command line with its words, its parameters and the formats it answers
// in. The server turns a request into that command line and runs it
// (cli/server/serve_command.cpp); the OpenAPI document is written from the
// same table (openapi.h), so no route goes undocumented.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gpulca::cli::server {

// A query parameter and the CLI option it sets.
struct Param {
  enum class Kind { kString, kNumber, kInteger, kFlag };
  std::string name;         // in the query: "lifetime_years"
  std::string option;       // "--lifetime-years"; "" for the command's positionals
  Kind kind = Kind::kString;
  bool repeated = false;    // may be given several times (?gpu=a&gpu=b)
  bool required = false;
  std::string description;
  std::vector<std::string> allowed;  // the values the CLI takes; empty: any
};

struct Route {
  std::string method;  // "GET" or "POST"
  std::string path;    // "/api/v1/gpus/{gpu}/report"; {name}: a path parameter
  std::string summary;
  // The command's words, "{name}" for a path parameter's value.
  std::vector<std::string> command;
  std::vector<Param> params;
  std::vector<std::string> formats;  // the first is the default
  // POST: the body is a file the command reads, written to a temporary file
  // of this suffix and given as `body_option` ("" for a positional).
  std::string body_media_type, body_suffix, body_option;
  bool write = false;   // changes the database: needs the bearer token
  bool mc = false;      // takes ?mc= (capped by the server's --max-mc)
};

// Every route of the API.
const std::vector<Route>& Routes();

// The media type of a response in `format`.
std::string MediaType(const std::string& format);

// A request matched to a route: the path parameters' values.
struct Match {
  const Route* route = nullptr;
  std::map<std::string, std::string> path_params;
};

// The route of `method` and `path`, or nullopt. A path parameter's value
// must be an id (letters, digits, '.', '_', '-', not starting with '-').
std::optional<Match> FindRoute(const std::string& method, const std::string& path);

// Whether some route has this path under another method.
bool PathExists(const std::string& path);

// The command line (after the program and the global options) of a
// request: the route's words, the positionals, the options as --name=value
// (so that no value is read as an option), --format, and `body_file` where
// the route takes its body. Throws UsageError for an unknown parameter (the
// message lists the route's), a parameter given twice that is not repeated,
// a flag with a value other than true/false, a missing required one, a
// positional value that is not an id, or a format the route does not have.
std::vector<std::string> CommandLine(const Match& match,
                                     const std::multimap<std::string, std::string>& query,
                                     const std::string& format, const std::string& body_file);

}  // namespace gpulca::cli::server
