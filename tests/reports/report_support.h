// Helpers for the report tests: read CSV back, and cut one section out of a
// terminal, Markdown or HTML report.
#pragma once

#include <string>
#include <vector>

namespace gpulca::test {

// RFC 4180: quoted fields, doubled quotes, line breaks inside quotes.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text);

// From the line that starts with `title` (at column 0) to the next line that
// starts at column 0; empty when there is none.
std::string TerminalSection(const std::string& report, const std::string& title);
// From "## title" to the next "## ".
std::string MarkdownSection(const std::string& report, const std::string& title);
// The <section id="id"> element ('_' in the id written '-').
std::string HtmlSection(const std::string& report, const std::string& id);

}  // namespace gpulca::test
