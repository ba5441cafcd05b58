#include "tests/reports/report_support.h"

#include <algorithm>

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

}  // namespace gpulca::test
