// The shapes of gpulca's identifiers, checked by hand: linear time, constant
// stack. (std::regex matches recursively, one frame per character, and a
// 50,000-character id overflowed the stack.) Ids and names have length
// limits far above any real one, so that an absurd input is refused with a
// message rather than carried into every table and report.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gpulca::inventory {

inline constexpr size_t kMaxIdLength = 1000;     // object and parameter ids, prefixes
inline constexpr size_t kMaxNameLength = 10000;  // names, citations and other text

// Why `id` is not an object id ([a-z0-9][a-z0-9_.-]*, at most kMaxIdLength
// characters); empty when it is one.
std::string IdProblem(std::string_view id);
// Why `id` is not a parameter id ([a-z_][a-z0-9_]*, at most kMaxIdLength
// characters); empty when it is one.
std::string ParameterIdProblem(std::string_view id);
// A CAS registry number's shape: 2 to 7 digits, '-', 2 digits, '-', 1 digit.
bool IsCasNumber(std::string_view text);

// `text` for a message: itself when at most 60 characters, else its first
// 40, "...", and its length ("aaaa... (50000 characters)").
std::string Abbreviated(std::string_view text);

}  // namespace gpulca::inventory
