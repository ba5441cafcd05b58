// Internal to inventory/: reading TOML tables (toml11) with the bookkeeping
// that every gpulca file format shares — required and typed keys, unknown
// keys reported as typos, and file:line on every problem. A number is finite:
// nan and inf (which TOML allows) are problems at the key's line. Not a public
// header: toml11 types stay inside inventory/.
#pragma once

#include <fmt/format.h>

#include <cmath>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <toml.hpp>
#include <vector>

#include "inventory/model/diagnostic.h"
#include "inventory/model/model.h"

namespace gpulca::inventory {

// The line of `v` in its file, in logarithmic time. toml11's location()
// counts the newlines from the start of the file each time it is asked,
// which made loading quadratic in the file's size (20,000 parameters: 8 s);
// this counts them once per file and searches.
int LineOf(const toml::value& v);

// Reads one table with bookkeeping of which keys were used, so that unknown
// keys (typos) are reported.
class TableReader {
 public:
  TableReader(const toml::value& value, std::string file, std::string what,
              std::vector<Diagnostic>& problems)
      : value_(value), file_(std::move(file)), what_(std::move(what)), problems_(problems) {
    // A table's own location is unreliable with sub-tables; its id line is not.
    const toml::value& at = value.is_table() && value.as_table().count("id")
                                 ? value.as_table().at("id")
                                 : value;
    origin_ = {file_, LineOf(at)};
  }

  const Origin& origin() const { return origin_; }
  bool Has(const std::string& key) {
    used_.insert(key);
    return value_.is_table() && value_.as_table().count(key) > 0;
  }
  const toml::value& At(const std::string& key) { return value_.as_table().at(key); }
  Origin OriginOf(const std::string& key) {
    return {file_, LineOf(At(key))};
  }

  void Problem(const std::string& message) { problems_.push_back({origin_, what_ + ": " + message}); }
  void ProblemAt(const std::string& key, const std::string& message) {
    problems_.push_back({OriginOf(key), what_ + ": " + message});
  }

  std::string String(const std::string& key, bool required) {
    if (!Has(key)) {
      if (required) Problem(fmt::format("missing '{}'", key));
      return "";
    }
    const toml::value& v = At(key);
    if (!v.is_string()) {
      ProblemAt(key, fmt::format("'{}' must be a string", key));
      return "";
    }
    return v.as_string().str;
  }

  std::optional<double> Number(const std::string& key, bool required) {
    if (!Has(key)) {
      if (required) Problem(fmt::format("missing '{}'", key));
      return std::nullopt;
    }
    const toml::value& v = At(key);
    if (v.is_integer()) return static_cast<double>(v.as_integer());
    if (v.is_floating()) {
      // TOML spells nan and inf; no gpulca number may be either.
      if (std::isfinite(v.as_floating())) return v.as_floating();
      ProblemAt(key, fmt::format("'{}' must be a finite number, not {}", key, v.as_floating()));
      return std::nullopt;
    }
    ProblemAt(key, fmt::format("'{}' must be a number", key));
    return std::nullopt;
  }

  bool Bool(const std::string& key) {
    if (!Has(key)) return false;
    const toml::value& v = At(key);
    if (!v.is_boolean()) {
      ProblemAt(key, fmt::format("'{}' must be true or false", key));
      return false;
    }
    return v.as_boolean();
  }

  // An array of strings under `key` (absent: empty).
  std::vector<std::string> Strings(const std::string& key) {
    std::vector<std::string> out;
    if (!Has(key)) return out;
    const toml::value& v = At(key);
    bool ok = v.is_array();
    for (size_t i = 0; ok && i < v.as_array().size(); ++i) {
      ok = v.as_array()[i].is_string();
      if (ok) out.push_back(v.as_array()[i].as_string().str);
    }
    if (!ok) ProblemAt(key, fmt::format("'{}' must be an array of strings", key));
    return out;
  }

  // The elements of an array of tables under `key` (may be empty).
  std::vector<const toml::value*> Tables(const std::string& key) {
    std::vector<const toml::value*> out;
    if (!Has(key)) return out;
    const toml::value& v = At(key);
    if (!v.is_array()) {
      ProblemAt(key, fmt::format("'{}' must be an array of tables ([[{}]])", key, key));
      return out;
    }
    for (const toml::value& item : v.as_array()) {
      if (!item.is_table()) {
        ProblemAt(key, fmt::format("every element of '{}' must be a table", key));
        continue;
      }
      out.push_back(&item);
    }
    return out;
  }

  // Reports keys that were never asked for.
  void Finish() {
    if (!value_.is_table()) return;
    for (const auto& [key, v] : value_.as_table()) {
      if (!used_.count(key)) {
        problems_.push_back({{file_, LineOf(v)},
                             fmt::format("{}: unknown key '{}'", what_, key)});
      }
    }
  }

  const std::string& file() const { return file_; }
  const std::string& what() const { return what_; }
  std::vector<Diagnostic>& problems() { return problems_; }

 private:
  const toml::value& value_;
  std::string file_, what_;
  std::vector<Diagnostic>& problems_;
  std::set<std::string> used_;
  Origin origin_;
};

// A [[source]] table (id, citation, url, table, page, note).
Source ReadSource(const toml::value& value, const std::string& file,
                  std::vector<Diagnostic>& problems);

// Parses `text` (named `name`) and hands the document to `read`; a syntax
// error, or an exception of toml11 while reading, becomes a problem.
void ParseTomlText(const std::string& text, const std::string& name,
                   std::vector<Diagnostic>& problems,
                   const std::function<void(const toml::value&)>& read);

// A toml11 parse error as one Diagnostic: the first line that says what is
// wrong, at the file:line toml11 points to.
Diagnostic SyntaxProblem(const std::string& what, const std::string& file);

}  // namespace gpulca::inventory
