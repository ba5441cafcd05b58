// The string formats of a PACT v2.3 ProductFootprint (Technical
// Specifications for PCF Data Exchange v2.3, "Data Types"), as anchored
// ECMAScript regular expressions for std::regex, and checks built on them.
// The schema's validator (pact_schema.cpp) turns the formats a JSON Schema
// validator does not know into these patterns; the writer
// (reports/pact.cpp) checks what it is given with the same functions.
//
//   uuid     RFC 9562 layout, 8-4-4-4-12 hexadecimal digits, any version
//            (a PfId must moreover be version 4: IsUuidV4)
//   urn      RFC 8141 §2: "urn:" NID ":" NSS, then optional "?+" r-component,
//            "?=" q-component and "#" f-component. NID: 2 to 32 letters,
//            digits or hyphens, beginning and ending with a letter or digit.
//            NSS: one pchar, then pchars or "/"; a pchar (RFC 3986) is a
//            letter, digit, one of -._~!$&'()*+,;=:@ or a %-escape of two hex
//            digits. "urn" is case-insensitive; nothing else may follow.
//   decimal  the specification's Decimal: a dotted-decimal number, an
//            optional minus, digits, optionally "." and digits ("10", "42.12",
//            "-182.84"); no exponent, no plus sign, no bare ".5"
//   uri      RFC 3986 §3: a scheme (a letter, then letters, digits, + - .),
//            ":", then URI characters (unreserved, reserved or %-escapes).
//            The characters are checked, not the authority's inner syntax.
//
// std::regex recurses once per character, so every check here refuses a
// string longer than kMaxFormattedLength before it runs a pattern.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace gpulca::inventory {

// The longest string whose format gpulca checks (4 KiB): no id, URN,
// decimal or date is longer, and std::regex would exhaust the stack on a
// string of some 100,000 characters.
inline constexpr std::size_t kMaxFormattedLength = 4096;

extern const char* const kUuidPattern;
extern const char* const kUrnPattern;
extern const char* const kDecimalPattern;
extern const char* const kUriPattern;

// Why `text` is not a URN (RFC 8141), in words ("the namespace identifier
// 'x' has 1 character; RFC 8141 asks for 2 to 32"); empty when it is one.
std::string UrnProblem(const std::string& text);

bool IsUrn(const std::string& text);
bool IsUuid(const std::string& text);
// A UUID of version 4 and the RFC variant (the PfId of the specification).
bool IsUuidV4(const std::string& text);
bool IsPactDecimal(const std::string& text);
// The value of a PACT decimal as the nearest double; nullopt for a string
// that is not one (IsPactDecimal), and for one whose magnitude a double does
// not hold: past about 1.8e308, or below about 2.2e-308 and not 0, which
// std::stod refused with an exception that nothing caught (found by
// tests/fuzz/).
std::optional<double> PactDecimalValue(const std::string& text);

// An RFC 3339 date-time ("2025-01-01T00:00:00Z", "2025-01-01T01:00:00.5+01:00")
// as seconds since 1970-01-01T00:00:00Z; nullopt for anything else (a
// 30 February, a month 13). `utc` is set to whether the time zone is UTC
// ("Z", "z" or "+00:00"), as the specification's DateTime requires.
std::optional<double> DateTimeSeconds(const std::string& text, bool* utc = nullptr);

}  // namespace gpulca::inventory
