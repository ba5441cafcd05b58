// What a TOML text is checked for before toml11 parses it: input on which
// toml11 would crash instead of reporting a problem.
//   - Bytes that are not UTF-8. A TOML document must be UTF-8 (TOML 1.0);
//     toml11 3.7 finds an invalid sequence in a string, then locates it with
//     an iterator into another buffer, reading past the end of its heap
//     block (found by tests/fuzz/; without AddressSanitizer, a count over
//     unrelated memory that can crash or give a wrong line).
//   - Arrays and inline tables nested too deep (toml_depth.h).
#pragma once

#include <optional>
#include <string>

#include "inventory/model/diagnostic.h"

namespace gpulca::inventory {

// A problem at `name`:LINE for the first byte of `text` that does not begin
// or continue a UTF-8 sequence (overlong forms, surrogates and code points
// past U+10FFFF included), saying which byte at which column; none when
// `text` is UTF-8.
std::optional<Diagnostic> Utf8Problem(const std::string& text, const std::string& name);

// Utf8Problem, else TomlNestingProblem.
std::optional<Diagnostic> TomlTextProblem(const std::string& text, const std::string& name);

}  // namespace gpulca::inventory
