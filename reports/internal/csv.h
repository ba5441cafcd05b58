// CSV fields: RFC 4180 quoting (a field with a comma, a quote or a line
// break is quoted, quotes doubled) and numbers written so that they read
// back to the same double. The rows gpulca writes have one shape
// (tidy_csv.h); this is the encoding under it.
#pragma once

#include <string>
#include <vector>

namespace gpulca::reports {

// `field` quoted when it needs to be.
std::string CsvField(const std::string& field);
// Shortest text that reads back to `v` ("0.1", "2670000", "1.25e-05", "1e+16");
// empty when `v` is not finite: a CSV value cell never holds "nan" or "inf".
std::string CsvNumber(double v);
// The fields as one line: quoted where needed, comma-separated, "\n" ended.
std::string CsvLine(const std::vector<std::string>& fields);

}  // namespace gpulca::reports
