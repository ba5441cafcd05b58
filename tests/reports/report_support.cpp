#include "tests/reports/report_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

namespace gpulca::test {

std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
      any = false;
    } else if (c != '\r') {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

std::string TerminalSection(const std::string& report, const std::string& title) {
  size_t start = report.rfind("\n" + title, 0) == 0 ? 0 : report.find("\n" + title);
  if (start == std::string::npos) return "";
  ++start;
  size_t end = start;
  for (;;) {
    end = report.find('\n', end);
    if (end == std::string::npos || end + 1 >= report.size()) return report.substr(start);
    if (report[end + 1] != ' ' && report[end + 1] != '\n') break;
    ++end;
  }
  return report.substr(start, end - start);
}

std::string MarkdownSection(const std::string& report, const std::string& title) {
  size_t start = report.find("\n## " + title);
  if (start == std::string::npos) return "";
  size_t end = report.find("\n## ", start + 1);
  return report.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::string HtmlSection(const std::string& report, const std::string& id) {
  std::string html_id = id;
  std::replace(html_id.begin(), html_id.end(), '_', '-');
  size_t start = report.find("<section id=\"" + html_id + "\">");
  if (start == std::string::npos) return "";
  size_t end = report.find("</section>", start);
  return report.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

double CsvValue(const std::vector<std::vector<std::string>>& rows, const CsvWhere& where) {
  REQUIRE_FALSE(rows.empty());
  const std::vector<std::string>& header = rows[0];
  auto column = [&](const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    REQUIRE(it != header.end());
    return static_cast<size_t>(it - header.begin());
  };
  std::vector<std::pair<size_t, std::string>> want;
  for (const auto& [name, field] : where) want.emplace_back(column(name), field);
  const size_t value = column("value");
  const std::vector<std::string>* found = nullptr;
  size_t matches = 0;
  for (size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() != header.size()) continue;
    bool match = true;
    for (const auto& [c, field] : want) match = match && rows[r][c] == field;
    if (match) {
      found = &rows[r];
      ++matches;
    }
  }
  std::string text;
  for (const auto& [name, field] : where) text += " " + name + "=" + field;
  INFO("CSV row" << text);
  REQUIRE(matches == 1);
  REQUIRE_FALSE((*found)[value].empty());
  return std::stod((*found)[value]);
}

double CsvValue(const std::vector<std::vector<std::string>>& rows, CsvWhere where,
                const CsvWhere& more) {
  where.insert(where.end(), more.begin(), more.end());
  return CsvValue(rows, where);
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

void CheckSelfContained(const std::string& html) {
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("<iframe") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(std::regex_search(html, std::regex("\\ssrc\\s*=")) == false);
  // url(...) only to the page's own SVG patterns.
  for (size_t at = html.find("url("); at != std::string::npos; at = html.find("url(", at + 1)) {
    CHECK(html.compare(at, 5, "url(#") == 0);
  }
  // Every http(s) address is a citation link (<a href="URL">URL</a>) or the
  // SVG namespace: without those, none is left.
  std::string rest = std::regex_replace(html, std::regex("<a href=\"https?://[^\"<>]*\">[^<]*</a>"), "");
  rest = std::regex_replace(rest, std::regex("xmlns=\"http://www\\.w3\\.org/2000/svg\""), "");
  INFO(rest.substr(rest.find("http") == std::string::npos ? 0 : rest.find("http"), 200));
  CHECK(rest.find("http://") == std::string::npos);
  CHECK(rest.find("https://") == std::string::npos);
}

}  // namespace gpulca::test
