#include "inventory/toml/toml_depth.h"

#include <fmt/format.h>

namespace gpulca::inventory {
namespace {

// Moves `i` past a string that opens at text[i] (a quote), counting the
// lines it spans; an unterminated one ends at the end of its line (single
// line) or of the text (multi-line), for toml11 to report.
void SkipString(const std::string& text, size_t& i, int& line) {
  const char quote = text[i];
  const bool basic = quote == '"';
  const bool multi = text.compare(i, 3, std::string(3, quote)) == 0;
  i += multi ? 3 : 1;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (basic && c == '\\') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++line;
      ++i;
      continue;
    }
    if (c == '\n') {
      if (!multi) return;
      ++line;
      continue;
    }
    if (c != quote) continue;
    if (!multi) {
      ++i;
      return;
    }
    if (text.compare(i, 3, std::string(3, quote)) == 0) {
      i += 3;
      while (i < text.size() && text[i] == quote) ++i;  // up to two quotes end the content
      return;
    }
  }
}

}  // namespace

std::optional<Diagnostic> TomlNestingProblem(const std::string& text, const std::string& name) {
  int line = 1, depth = 0;
  bool in_value = false;  // after a key's '=', until its value ends
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' || c == '\'') {
      SkipString(text, i, line);
      continue;
    }
    if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    if (c == '\n') {
      ++line;
      if (depth == 0) in_value = false;
    } else if (c == '=' && depth == 0) {
      in_value = true;
    } else if ((c == '[' || c == '{') && (in_value || depth > 0)) {
      if (++depth > kMaxTomlNesting) {
        return Diagnostic{{name, line},
                          fmt::format("malformed TOML: arrays and inline tables nested more than "
                                      "{} deep", kMaxTomlNesting)};
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
    ++i;
  }
  return std::nullopt;
}

}  // namespace gpulca::inventory
