// A bound on how deeply TOML values nest, checked before toml11 parses:
// toml11 parses nested arrays and inline tables recursively, so a file of
// 10,000 '[' overflows the stack (a crash, no message) before it can report
// anything. One pass over the text, no recursion: strings (basic, literal,
// multi-line) and comments are skipped, table headers ("[table]",
// "[[array]]") do not count.
#pragma once

#include <optional>
#include <string>

#include "inventory/model/diagnostic.h"

namespace gpulca::inventory {

// Deeper than this is refused; gpulca's own files nest 2 deep at most.
inline constexpr int kMaxTomlNesting = 64;

// A problem at `name`:LINE, the line where the nesting of arrays and inline
// tables passes kMaxTomlNesting; none when it never does.
std::optional<Diagnostic> TomlNestingProblem(const std::string& text, const std::string& name);

}  // namespace gpulca::inventory
