// Helpers for the report tests: read CSV back, cut one section out of a
// terminal, Markdown or HTML report, check an HTML page is self-contained.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
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

// Columns of a tidy CSV row (reports/internal/tidy_csv.h) and what they hold.
using CsvWhere = std::vector<std::pair<std::string, std::string>>;
// The value of the one row of a tidy CSV (rows[0]: the header) whose columns
// hold `where`; fails the test when no row or several do, or it has no value.
double CsvValue(const std::vector<std::vector<std::string>>& rows, const CsvWhere& where);
// The same with the columns of `where` and of `more`: a base and one row's own.
double CsvValue(const std::vector<std::vector<std::string>>& rows, CsvWhere where,
                const CsvWhere& more);

// How many times `what` occurs in `text`.
size_t Count(const std::string& text, const std::string& what);

// Checks (Catch CHECKs) that `html` is one self-contained page: no script,
// stylesheet link, frame, image or source attribute; url() only to the
// page's own SVG patterns; http(s) only in citation links and the SVG namespace.
void CheckSelfContained(const std::string& html);

}  // namespace gpulca::test
