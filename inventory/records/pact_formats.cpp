#include "inventory/records/pact_formats.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <map>
#include <regex>
#include <string_view>

namespace gpulca::inventory {

// RFC 3986 pchar: unreserved, sub-delims, ":", "@", or a %-escape.
#define GPULCA_PCHAR R"((?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2}))"

const char* const kUuidPattern =
    "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$";
const char* const kUrnPattern =
    "^[uU][rR][nN]:[A-Za-z0-9][A-Za-z0-9-]{0,30}[A-Za-z0-9]:" GPULCA_PCHAR "(?:" GPULCA_PCHAR
    "|/)*(?:\\?\\+" GPULCA_PCHAR "(?:" GPULCA_PCHAR "|[/?])*)?(?:\\?=" GPULCA_PCHAR
    "(?:" GPULCA_PCHAR "|[/?])*)?(?:#(?:" GPULCA_PCHAR "|[/?])*)?$";
const char* const kDecimalPattern = R"(^-?[0-9]+(\.[0-9]+)?$)";
const char* const kUriPattern =
    R"(^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9._~:/?#@!$&'()*+,;=\[\]-]|%[0-9A-Fa-f]{2})*$)";

#undef GPULCA_PCHAR

namespace {

bool Matches(const std::string& text, const char* pattern) {
  if (text.size() > kMaxFormattedLength) return false;
  static thread_local std::map<const char*, std::regex> compiled;
  auto it = compiled.find(pattern);
  if (it == compiled.end()) it = compiled.emplace(pattern, std::regex(pattern)).first;
  return std::regex_match(text, it->second);
}

bool IsPchar(const std::string& s, size_t i) {
  const char c = s[i];
  if (std::isalnum(static_cast<unsigned char>(c))) return true;
  if (std::string_view("._~!$&'()*+,;=:@-").find(c) != std::string_view::npos) return true;
  return c == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
         std::isxdigit(static_cast<unsigned char>(s[i + 2]));
}

std::string Shown(char c) { return c == ' ' ? "a space" : fmt::format("'{}'", c); }

}  // namespace

bool IsUrn(const std::string& text) { return Matches(text, kUrnPattern); }
bool IsUuid(const std::string& text) { return Matches(text, kUuidPattern); }
bool IsPactDecimal(const std::string& text) { return Matches(text, kDecimalPattern); }

std::optional<double> PactDecimalValue(const std::string& text) {
  if (!IsPactDecimal(text)) return std::nullopt;
  errno = 0;
  const double value = std::strtod(text.c_str(), nullptr);
  if (errno == ERANGE) return std::nullopt;  // past the largest double, or below the least normal
  return value;
}

bool IsUuidV4(const std::string& text) {
  return IsUuid(text) && text[14] == '4' &&
         std::string_view("89abAB").find(text[19]) != std::string_view::npos;
}

std::string UrnProblem(const std::string& text) {
  if (IsUrn(text)) return "";
  if (text.size() > kMaxFormattedLength) {
    return fmt::format("it has {} characters; gpulca checks URNs of up to {}", text.size(),
                       kMaxFormattedLength);
  }
  if (text.size() < 4 || !std::equal(text.begin(), text.begin() + 4,
                                     "urn:", [](char a, char b) { return std::tolower(a) == b; })) {
    return "it does not begin with 'urn:'";
  }
  const size_t colon = text.find(':', 4);
  if (colon == std::string::npos) return "it has no ':' after the namespace identifier";
  const std::string nid = text.substr(4, colon - 4);
  if (nid.size() < 2 || nid.size() > 32) {
    return fmt::format(
        "the namespace identifier '{}' has {} character{}; RFC 8141 asks for 2 to 32", nid,
        nid.size(), nid.size() == 1 ? "" : "s");
  }
  for (char c : nid) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') {
      return fmt::format(
          "the namespace identifier '{}' holds {}; only letters, digits and "
          "hyphens may appear there",
          nid, Shown(c));
    }
  }
  if (nid.front() == '-' || nid.back() == '-') {
    return fmt::format("the namespace identifier '{}' begins or ends with a hyphen", nid);
  }
  const size_t end = text.find_first_of("?#", colon + 1);
  const std::string nss = text.substr(colon + 1, end == std::string::npos ? end : end - colon - 1);
  if (nss.empty()) return "the namespace-specific string after the second ':' is empty";
  if (nss[0] == '/') return "the namespace-specific string begins with '/'";
  for (size_t i = 0; i < nss.size(); ++i) {
    if (nss[i] == '/' || IsPchar(nss, i)) {
      if (nss[i] == '%') i += 2;
      continue;
    }
    if (nss[i] == '%')
      return "a '%' in the namespace-specific string is not followed by two hex digits";
    return fmt::format("the namespace-specific string holds {}, which a URN must %-encode",
                       Shown(nss[i]));
  }
  return fmt::format(
      "'{}' after the name is not an r-component ('?+'), q-component ('?=') or "
      "fragment ('#')",
      text.substr(end));
}

std::optional<double> DateTimeSeconds(const std::string& text, bool* utc) {
  static const std::regex kDateTime(
      R"(^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$)");
  std::smatch m;
  if (text.size() > 64 || !std::regex_match(text, m, kDateTime)) return std::nullopt;
  auto n = [&](int i) { return std::stoi(m[i].str()); };
  const int y = n(1), mo = n(2), d = n(3), h = n(4), mi = n(5), s = n(6);
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] + (mo == 2 && leap) || h > 23 || mi > 59 ||
      s > 60) {
    return std::nullopt;
  }
  const std::string zone = m[8].str();
  int offset = 0;
  if (zone.size() == 6) {
    const int oh = std::stoi(zone.substr(1, 2)), om = std::stoi(zone.substr(4, 2));
    if (oh > 23 || om > 59) return std::nullopt;
    offset = (zone[0] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
  }
  if (utc) *utc = zone == "Z" || zone == "z" || zone == "+00:00";
  // Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
  const int yy = y - (mo <= 2);
  const int era = (yy >= 0 ? yy : yy - 399) / 400;
  const int yoe = yy - era * 400;
  const int doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const long long days = static_cast<long long>(era) * 146097 + doe - 719468;
  const double fraction = m[7].matched ? std::stod("0" + m[7].str()) : 0.0;
  return static_cast<double>(days * 86400 + h * 3600 + mi * 60 + s - offset) + fraction;
}

}  // namespace gpulca::inventory
