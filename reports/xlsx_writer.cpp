#include "reports/xlsx_writer.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <boost/algorithm/string/case_conv.hpp>
#include <cmath>
#include <filesystem>
#include <set>

#include "lca/error.h"

namespace gpulca::reports {
namespace {

void CheckNames(const std::vector<Table>& tables) {
  std::set<std::string> seen;
  for (const Table& t : tables) {
    if (t.name.empty() || t.name.size() > 31 ||
        t.name.find_first_of("[]:*?/\\") != std::string::npos) {
      throw InvalidArgument(fmt::format("xlsx: '{}' cannot be a sheet name (1 to 31 characters, "
                                        "none of []:*?/\\)", t.name));
    }
    if (!seen.insert(boost::algorithm::to_lower_copy(t.name)).second) {
      throw InvalidArgument(fmt::format("xlsx: sheet '{}' is given twice", t.name));
    }
  }
}

size_t Width(const Cell& cell) {
  if (const auto* text = std::get_if<std::string>(&cell)) return text->size();
  if (std::holds_alternative<double>(cell)) return 12;
  return 0;
}

}  // namespace

void WriteXlsx(const std::vector<Table>& tables, const std::string& path) {
  CheckNames(tables);
  // libxlsxwriter reports a missing directory on standard error itself: say it first.
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty() && !std::filesystem::is_directory(parent)) {
    throw Error(fmt::format("{}: cannot write the workbook: no directory {}", path,
                            parent.string()));
  }
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) throw Error(fmt::format("{}: cannot create the workbook", path));
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  lxw_error error = LXW_NO_ERROR;
  for (const Table& t : tables) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, t.name.c_str());
    if (!sheet) {
      error = LXW_ERROR_SHEETNAME_ALREADY_USED;
      break;
    }
    std::vector<size_t> widths(t.headers.size(), 8);
    for (size_t c = 0; c < t.headers.size(); ++c) {
      worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), t.headers[c].c_str(), bold);
      widths[c] = std::max(widths[c], t.headers[c].size());
    }
    for (size_t r = 0; r < t.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      for (size_t c = 0; c < t.rows[r].size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        const Cell& cell = t.rows[r][c];
        if (const double* number = std::get_if<double>(&cell)) {
          // Not finite: undefined, left empty like a missing figure (never 0,
          // never a text in a column of numbers).
          if (std::isfinite(*number)) worksheet_write_number(sheet, row, col, *number, nullptr);
        } else if (const auto* text = std::get_if<std::string>(&cell)) {
          worksheet_write_string(sheet, row, col, text->c_str(), nullptr);
        }
        if (c >= widths.size()) widths.resize(c + 1, 8);
        widths[c] = std::max(widths[c], Width(cell));
      }
    }
    for (size_t c = 0; c < widths.size(); ++c) {
      double width = static_cast<double>(std::min<size_t>(widths[c], 60)) + 2;
      worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width,
                           nullptr);
    }
    worksheet_freeze_panes(sheet, 1, 0);
  }
  lxw_error closed = workbook_close(book);  // frees the workbook, even on error
  if (error == LXW_NO_ERROR) error = closed;
  if (error != LXW_NO_ERROR) {
    std::error_code ec;
    std::filesystem::remove(path, ec);
    throw Error(fmt::format("{}: cannot write the workbook: {}", path, lxw_strerror(error)));
  }
}

}  // namespace gpulca::reports
