#include "inventory/store/additions.h"

#include <fmt/format.h>

#include <boost/algorithm/string/predicate.hpp>
#include <sstream>

namespace gpulca::inventory {
namespace {

std::vector<Addition> ParseHistory(const std::string& text) {
  std::vector<Addition> out;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) {
    size_t a = line.find('\t');
    size_t b = a == std::string::npos ? a : line.find('\t', a + 1);
    if (b == std::string::npos) continue;
    out.push_back({line.substr(0, a), line.substr(b + 1), line.substr(a + 1, b - a - 1)});
  }
  return out;
}

}  // namespace

std::vector<Addition> RecordedAdditions(const std::string& path) {
  return ParseHistory(Store::PeekMeta(path, "history"));
}

std::map<std::string, std::string> AdditionMeta(const Store& store,
                                                const std::vector<Addition>& additions) {
  std::string history = store.Meta("history");
  if (!history.empty() && history.back() != '\n') history += '\n';
  for (const Addition& a : additions) {
    history += fmt::format("{}\t{}\t{}\n", a.kind, a.prefix, a.path);
  }
  std::string origin = store.Meta("origin");
  if (origin.empty()) origin = "files";
  if (!HasAdditions(origin)) origin += "+import";
  return {{"history", history}, {"origin", origin}};
}

bool HasAdditions(const std::string& origin) {
  return boost::algorithm::ends_with(origin, "+import");
}

std::string DescribeAdditions(const std::vector<Addition>& additions) {
  std::vector<std::string> parts;
  for (const Addition& a : additions) {
    parts.push_back(a.kind == "jsonld" ? fmt::format("{} import '{}'", a.prefix, a.path)
                                       : fmt::format("TOML '{}'", a.path));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace gpulca::inventory
