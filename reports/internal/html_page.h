// The page every HTML report shares: one self-contained document with inline
// CSS (print rules included), no script and no external resource; sections
// and tables in one style. Text given to these is escaped unless it is
// named `html` (already markup).
#pragma once

#include <string>
#include <vector>

#include "reports/internal/text_table.h"

namespace gpulca::reports {

// <!DOCTYPE html> ... <body><header><h1>title</h1><p class="sub">subtitle</p></header>
std::string HtmlPageStart(const std::string& title, const std::string& subtitle);
// <footer>footer_html</footer></body></html>
std::string HtmlPageEnd(const std::string& footer_html);
// <section id="id with '_' written '-'"><h2>heading</h2>body_html</section>
std::string HtmlSectionElement(const std::string& id, const std::string& heading,
                               const std::string& body_html);
// A table whose cells are markup, with `caption` (plain text, escaped here)
// as its <caption>; column headers are <th scope="col">, and the first cell
// of a row is its header, <th scope="row">.
std::string HtmlTable(const std::string& caption, const std::vector<std::string>& head_html,
                      const std::vector<bool>& numeric,
                      const std::vector<std::vector<std::string>>& rows_html, const char* cls = "");

// A text section's notes as paragraphs and its tables as HtmlTable (class:
// the section's id; caption: its title, "(n of m)" when it has several),
// every cell escaped.
std::string HtmlSectionBody(const TextSection& section);

}  // namespace gpulca::reports
