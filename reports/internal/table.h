// A table of results for spreadsheets: a name, column headers that carry
// their units ("gwp100 (kg CO2e)"), and rows of cells that are numbers,
// text or empty. Built by pure functions of results (gpu_tables.h) and
// written by a renderer (xlsx_writer.h).
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace gpulca::reports {

using Cell = std::variant<std::monostate, double, std::string>;

struct Table {
  std::string name;                  // at most 31 characters, none of []:*?/\ (a sheet name)
  std::vector<std::string> headers;  // one per column, with the unit where there is one
  std::vector<std::vector<Cell>> rows;
};

}  // namespace gpulca::reports
