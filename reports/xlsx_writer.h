// Tables as an Excel workbook (.xlsx, libxlsxwriter inside): one sheet per
// table in the given order, the header row bold and frozen, numbers written
// as numbers (16 significant digits, Excel's precision), text as text,
// empty cells left empty. A number that is not finite is undefined and
// left empty too (a table says why in a note column), so that a column of
// numbers holds only numbers.
#pragma once

#include <string>
#include <vector>

#include "reports/internal/table.h"

namespace gpulca::reports {

// Writes `tables` to `path`. Throws InvalidArgument for a sheet name Excel
// refuses or given twice (naming it), and Error when the file cannot be
// written (naming the path and why). A failed write leaves no file behind.
void WriteXlsx(const std::vector<Table>& tables, const std::string& path);

}  // namespace gpulca::reports
