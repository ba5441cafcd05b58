// CSV output for the renderers: RFC 4180 quoting (a field with a comma, a
// quote or a line break is quoted, quotes doubled) and numbers written so
// that they read back to the same double.
#pragma once

#include <string>
#include <vector>

namespace gpulca::reports {

// `field` quoted when it needs to be.
std::string CsvField(const std::string& field);
// Shortest text that reads back to `v` ("0.1", "2670000", "1.2345678901234567e-05");
// "nan", "inf" or "-inf" when not finite.
std::string CsvNumber(double v);

class CsvWriter {
 public:
  explicit CsvWriter(const std::vector<std::string>& header) { Row(header); }
  void Row(const std::vector<std::string>& fields);
  const std::string& str() const { return text_; }

 private:
  std::string text_;
};

}  // namespace gpulca::reports
