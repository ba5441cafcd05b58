#include "inventory/jsonld/jsonld_ids.h"

#include <algorithm>
#include <cctype>

namespace gpulca::inventory {

std::string Slug(const std::string& name, size_t max) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > max) {
    size_t cut = out.rfind('-', max);
    out.resize(cut == std::string::npos || cut == 0 ? max : cut);
  }
  return out.empty() ? "item" : out;
}

std::map<std::string, std::string> ReadableIds(
    const std::vector<std::pair<std::string, std::string>>& objects, const std::string& prefix) {
  std::map<std::string, size_t> uses;
  for (const auto& [uuid, name] : objects) ++uses[Slug(name)];
  std::map<std::string, std::string> ids;
  for (const auto& [uuid, name] : objects) {
    std::string slug = Slug(name);
    if (uses[slug] > 1) {
      std::string tag;
      for (unsigned char c : uuid) {
        if (std::isalnum(c) && tag.size() < 8) tag += static_cast<char>(std::tolower(c));
      }
      slug += "-" + tag;
    }
    ids[uuid] = prefix + "." + slug;
  }
  return ids;
}

}  // namespace gpulca::inventory
