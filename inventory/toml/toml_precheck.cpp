#include "inventory/toml/toml_precheck.h"

#include <fmt/format.h>

#include "inventory/toml/toml_depth.h"

namespace gpulca::inventory {
namespace {

// The length of the UTF-8 sequence at text[i], or 0 when none begins there
// (RFC 3629, section 4: the second byte's range depends on the first).
size_t SequenceAt(const std::string& text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t n = 0;
  unsigned char low = 0x80, high = 0xBF;  // the second byte's range
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) low = 0xA0;   // no overlong form
    if (c == 0xED) high = 0x9F;  // no surrogate
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) low = 0x90;   // no overlong form
    if (c == 0xF4) high = 0x8F;  // nothing past U+10FFFF
  } else {
    return 0;
  }
  if (i + n > text.size() || byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (size_t k = 2; k < n; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return n;
}

}  // namespace

std::optional<Diagnostic> Utf8Problem(const std::string& text, const std::string& name) {
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t n = SequenceAt(text, i);
    if (n == 0) {
      return Diagnostic{{name, line},
                        fmt::format("malformed TOML: not UTF-8 (byte 0x{:02X} at column {})",
                                    static_cast<unsigned char>(text[i]), i - line_start + 1)};
    }
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
    i += n;
  }
  return std::nullopt;
}

std::optional<Diagnostic> TomlTextProblem(const std::string& text, const std::string& name) {
  if (auto bad = Utf8Problem(text, name)) return bad;
  return TomlNestingProblem(text, name);
}

}  // namespace gpulca::inventory
