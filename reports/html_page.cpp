#include "reports/internal/html_page.h"

#include <fmt/format.h>

#include <algorithm>

#include "reports/internal/svg_charts.h"

namespace gpulca::reports {
namespace {

constexpr const char* kStyle = R"css(
:root { --ink: #1d232a; --muted: #5b6570; --rule: #d8dde3; --band: #f4f6f8; --accent: #1f77b4; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1160px; padding: 24px 28px 48px; color: var(--ink);
       font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--rule); }
h3 { font-size: 15px; margin: 18px 0 6px; }
.sub, .note, footer { color: var(--muted); }
code, .id { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
table { border-collapse: collapse; margin: 6px 0 12px; }
caption { caption-side: top; text-align: left; color: var(--muted); font-size: 0.9em; padding: 2px 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { background: var(--band); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 4px; }
.card { flex: 1 1 190px; border: 1px solid var(--rule); border-radius: 6px; padding: 10px 14px; background: var(--band); }
.card .v { font-size: 22px; font-weight: 700; }
.card .k { color: var(--muted); font-size: 12px; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 8px 0 12px; }
.tree td:first-child { white-space: nowrap; }
.tree .bar { display: inline-block; height: 9px; background: var(--accent); opacity: .55; vertical-align: middle; }
ul.sources li { margin-bottom: 4px; }
footer { margin-top: 40px; font-size: 12px; border-top: 1px solid var(--rule); padding-top: 8px; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  section, table, svg.chart, .card { break-inside: avoid; }
  .cards .card { background: none; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 8pt; }
}
)css";

}  // namespace

std::string HtmlPageStart(const std::string& title, const std::string& subtitle) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{0} (gpulca)</title>\n<style>{1}</style>\n</head>\n<body>\n"
      "<header><h1>{0}</h1><p class=\"sub\">{2}</p></header>\n",
      EscapeXml(title), kStyle, EscapeXml(subtitle));
}

std::string HtmlPageEnd(const std::string& footer_html) {
  return fmt::format("<footer>{}</footer>\n</body>\n</html>\n", footer_html);
}

std::string HtmlSectionElement(const std::string& id, const std::string& heading,
                               const std::string& body_html) {
  std::string html_id = id;
  std::replace(html_id.begin(), html_id.end(), '_', '-');
  return fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n{}</section>\n", EscapeXml(html_id),
                     EscapeXml(heading), body_html);
}

std::string HtmlTable(const std::string& caption, const std::vector<std::string>& head,
                      const std::vector<bool>& numeric,
                      const std::vector<std::vector<std::string>>& rows, const char* cls) {
  std::string out = fmt::format("<table class=\"{}\"><caption>{}</caption><thead><tr>", cls,
                                EscapeXml(caption));
  for (size_t i = 0; i < head.size(); ++i) {
    out += fmt::format("<th scope=\"col\"{}>{}</th>", numeric[i] ? " class=\"num\"" : "",
                       head[i]);
  }
  out += "</tr></thead><tbody>\n";
  for (const auto& row : rows) {
    out += "<tr>";
    for (size_t i = 0; i < row.size(); ++i) {
      if (i == 0) {
        out += fmt::format("<th scope=\"row\">{}</th>", row[i]);
      } else {
        out += fmt::format("<td{}>{}</td>", numeric[i] ? " class=\"num\"" : "", row[i]);
      }
    }
    out += "</tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string HtmlSectionBody(const TextSection& s) {
  std::string out;
  for (const std::string& n : s.notes) out += fmt::format("<p>{}</p>\n", EscapeXml(n));
  for (const TextTable& t : s.tables) {
    std::vector<std::string> head;
    std::vector<bool> numeric;
    for (size_t c = 0; c < t.header.size(); ++c) {
      head.push_back(EscapeXml(t.header[c]));
      numeric.push_back(c < t.numeric.size() ? t.numeric[c] : c > 0);
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : t.rows) {
      std::vector<std::string> cells;
      for (const std::string& cell : row) cells.push_back(EscapeXml(cell));
      rows.push_back(cells);
    }
    std::string caption = s.title;
    if (s.tables.size() > 1) caption += fmt::format(" ({} of {})", &t - &s.tables[0] + 1, s.tables.size());
    out += HtmlTable(caption, head, numeric, rows, s.id.c_str());
  }
  return out;
}

}  // namespace gpulca::reports
