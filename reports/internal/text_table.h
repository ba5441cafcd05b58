// Plain tables for the terminal and Markdown renderers, and the number
// formats every text format shares (so that the terminal, Markdown and HTML
// reports print a number the same way and a reader can match them).
#pragma once

#include <string>
#include <vector>

namespace gpulca::reports {

// A number for reading: "n/a" when not finite; an integer with thousands
// separators from 10,000 on ("22,217"); else five significant digits.
std::string FormatNumber(double v);
// A share as a percentage with one decimal: 0.0254 -> "2.5%".
std::string FormatPercent(double share);

struct TextTable {
  std::vector<std::string> header;
  std::vector<bool> numeric;  // right-aligned columns; missing entries: the first is text, others numbers
  std::vector<std::vector<std::string>> rows;
};

// A titled block of notes and tables.
struct TextSection {
  std::string id, title;
  std::vector<std::string> notes;  // lines before the tables
  std::vector<TextTable> tables;
};

// Columns padded to their widest cell (by UTF-8 code points), indented by two.
std::string RenderTerminalTable(const TextTable& table);
// A GitHub-flavoured Markdown table; '|' in cells is escaped.
std::string RenderMarkdownTable(const TextTable& table);

// "Title\n=====\n" then each section as "\nTitle\n  note\n<table>"; with
// `markdown`, "# Title", "## Section", "- note" and Markdown tables.
std::string RenderTextDocument(const std::string& title, const std::vector<std::string>& notes,
                               const std::vector<TextSection>& sections, bool markdown);

}  // namespace gpulca::reports
