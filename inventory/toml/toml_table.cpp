#include "inventory/toml/toml_table.h"

#include <algorithm>
#include <memory>
#include <sstream>

#include "inventory/toml/toml_precheck.h"

namespace gpulca::inventory {

int LineOf(const toml::value& v) {
  const auto* region = dynamic_cast<const toml::detail::region*>(toml::detail::get_region(v));
  if (!region || !region->source()) return static_cast<int>(v.location().line());
  // The newline offsets of the last file asked about, kept with the file's
  // text so that another text can never be mistaken for it.
  thread_local std::shared_ptr<const std::vector<char>> source;
  thread_local std::vector<size_t> newlines;
  if (source != region->source()) {
    source = region->source();
    newlines.clear();
    for (size_t i = 0; i < source->size(); ++i) {
      if ((*source)[i] == '\n') newlines.push_back(i);
    }
  }
  const auto offset = static_cast<size_t>(region->first() - source->cbegin());
  return 1 + static_cast<int>(std::lower_bound(newlines.begin(), newlines.end(), offset) -
                              newlines.begin());
}

void ParseTomlText(const std::string& text, const std::string& name,
                   std::vector<Diagnostic>& problems,
                   const std::function<void(const toml::value&)>& read) {
  if (auto deep = TomlTextProblem(text, name)) {
    problems.push_back(*deep);
    return;
  }
  std::istringstream in(text);
  try {
    read(toml::parse(in, name));
  } catch (const toml::exception& e) {
    problems.push_back(SyntaxProblem(e.what(), name));
  } catch (const std::exception& e) {
    problems.push_back({{name, 0}, std::string("malformed TOML: ") + e.what()});
  }
}

Source ReadSource(const toml::value& value, const std::string& file,
                  std::vector<Diagnostic>& problems) {
  TableReader sr(value, file, "source", problems);
  Source s;
  s.origin = sr.origin();
  s.id = sr.String("id", true);
  s.citation = sr.String("citation", true);
  s.url = sr.String("url", false);
  s.table = sr.String("table", false);
  s.page = sr.String("page", false);
  s.note = sr.String("note", false);
  sr.Finish();
  return s;
}

// toml11 messages span several lines with carets; keep the first line that
// says what is wrong and point at file:line ourselves.
Diagnostic SyntaxProblem(const std::string& what, const std::string& file) {
  int line = 0;
  std::string first = what;
  auto nl = what.find('\n');
  if (nl != std::string::npos) first = what.substr(0, nl);
  // The excerpt below the message reads " 12 | text": the first such number.
  std::istringstream lines(what);
  for (std::string text; line == 0 && std::getline(lines, text);) {
    auto bar = text.find(" | ");
    if (bar != std::string::npos && bar > 0) line = std::atoi(text.substr(0, bar).c_str());
  }
  std::string hint;
  if (auto caret = what.find("^---"); caret != std::string::npos) {
    hint = what.substr(caret + 4, what.find('\n', caret) - caret - 4);
  }
  for (const char* prefix : {"[error] toml::parse_", "[error] "}) {
    if (first.rfind(prefix, 0) == 0) first = first.substr(std::string(prefix).size());
  }
  if (!hint.empty()) first += " (" + hint.substr(hint.find_first_not_of(' ')) + ")";
  return {{file, line}, "malformed TOML: " + first};
}

}  // namespace gpulca::inventory
