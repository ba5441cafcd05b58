#include "inventory/model/identifiers.h"

#include <fmt/format.h>

#include <algorithm>

namespace gpulca::inventory {
namespace {

bool Lower(char c) { return c >= 'a' && c <= 'z'; }
bool Digit(char c) { return c >= '0' && c <= '9'; }

std::string TooLong(std::string_view id) {
  return fmt::format("{} characters long, where at most {} are allowed", id.size(), kMaxIdLength);
}

}  // namespace

std::string IdProblem(std::string_view id) {
  if (id.size() > kMaxIdLength) return TooLong(id);
  const bool ok =
      !id.empty() && (Lower(id[0]) || Digit(id[0])) &&
      std::all_of(id.begin(), id.end(), [](char c) {
        return Lower(c) || Digit(c) || c == '_' || c == '.' || c == '-';
      });
  return ok ? "" : "not of the form [a-z0-9][a-z0-9_.-]*";
}

std::string ParameterIdProblem(std::string_view id) {
  if (id.size() > kMaxIdLength) return TooLong(id);
  const bool ok = !id.empty() && (Lower(id[0]) || id[0] == '_') &&
                  std::all_of(id.begin(), id.end(),
                              [](char c) { return Lower(c) || Digit(c) || c == '_'; });
  return ok ? "" : "not of the form [a-z_][a-z0-9_]*";
}

bool IsCasNumber(std::string_view text) {
  const size_t first = text.find('-');
  if (first == std::string_view::npos || first < 2 || first > 7) return false;
  if (text.size() != first + 5 || text[first + 3] != '-') return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i != first && i != first + 3 && !Digit(text[i])) return false;
  }
  return true;
}

std::string Abbreviated(std::string_view text) {
  if (text.size() <= 60) return std::string(text);
  return fmt::format("{}... ({} characters)", text.substr(0, 40), text.size());
}

}  // namespace gpulca::inventory
