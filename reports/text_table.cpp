#include "reports/internal/text_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace gpulca::reports {
namespace {

size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool Numeric(const TextTable& t, size_t c) {
  return c < t.numeric.size() ? t.numeric[c] : c > 0;
}

std::string EscapePipes(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

}  // namespace

std::string FormatNumber(double v) {
  if (!std::isfinite(v)) return "n/a";
  const double a = std::abs(v);
  if (a >= 1e4 && a < 1e15) {
    std::string digits = fmt::format("{:.0f}", a), out;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return (v < 0 ? "-" : "") + out;
  }
  if (v == 0) return "0";
  return fmt::format("{:.5g}", v);
}

std::string FormatPercent(double share) {
  return std::isfinite(share) ? fmt::format("{:.1f}%", 100 * share) : "n/a";
}

std::string RenderTerminalTable(const TextTable& t) {
  std::vector<size_t> w(t.header.size(), 0);
  for (size_t c = 0; c < w.size(); ++c) w[c] = Width(t.header[c]);
  for (const auto& row : t.rows) {
    for (size_t c = 0; c < row.size() && c < w.size(); ++c) w[c] = std::max(w[c], Width(row[c]));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s = " ";
    for (size_t c = 0; c < cells.size() && c < w.size(); ++c) {
      const std::string pad(w[c] - Width(cells[c]), ' ');
      s += " " + (Numeric(t, c) ? pad + cells[c] : cells[c] + pad);
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s + "\n";
  };
  std::string out = line(t.header);
  for (const auto& row : t.rows) out += line(row);
  return out;
}

std::string RenderMarkdownTable(const TextTable& t) {
  std::string out = "|";
  for (const auto& h : t.header) out += " " + EscapePipes(h) + " |";
  out += "\n|";
  for (size_t c = 0; c < t.header.size(); ++c) out += Numeric(t, c) ? " ---: |" : " --- |";
  out += "\n";
  for (const auto& row : t.rows) {
    out += "|";
    for (const auto& cell : row) out += " " + EscapePipes(cell) + " |";
    out += "\n";
  }
  return out;
}

std::string RenderTextDocument(const std::string& title, const std::vector<std::string>& notes,
                               const std::vector<TextSection>& sections, bool markdown) {
  std::string out = markdown ? "# " + title + "\n"
                             : title + "\n" + std::string(Width(title), '=') + "\n";
  if (markdown && !notes.empty()) out += "\n";
  for (const std::string& n : notes) out += (markdown ? "- " : "  ") + n + "\n";
  for (const TextSection& s : sections) {
    out += markdown ? "\n## " + s.title + "\n\n" : "\n" + s.title + "\n";
    for (const std::string& n : s.notes) out += markdown ? n + "\n\n" : "  " + n + "\n";
    for (size_t i = 0; i < s.tables.size(); ++i) {
      if (markdown && i > 0) out += "\n";
      out += markdown ? RenderMarkdownTable(s.tables[i]) : RenderTerminalTable(s.tables[i]);
    }
  }
  return out;
}

}  // namespace gpulca::reports
