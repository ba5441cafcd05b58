// A minimal .xlsx reader for the tests: unzips with libzip and reads the
// workbook, its relationships, the shared strings and each sheet's cells
// with regular expressions (enough for files libxlsxwriter writes).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace gpulca::test {

struct XlsxSheet {
  std::string name;
  std::map<std::pair<int, int>, std::string> text;  // (row, column) from 0, shared or inline strings
  std::map<std::pair<int, int>, double> numbers;    // (row, column) from 0
  int rows = 0;                                      // rows holding a cell
};

// The sheets in workbook order. Throws std::runtime_error when the file is
// not a readable workbook.
std::vector<XlsxSheet> ReadXlsx(const std::string& path);

}  // namespace gpulca::test
