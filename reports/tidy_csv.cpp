#include "reports/internal/tidy_csv.h"

#include <cmath>

#include "reports/internal/csv.h"

namespace gpulca::reports {

const std::vector<std::string>& TidyCsvHeader() {
  static const std::vector<std::string> header = {
      "section", "gpu",       "line",  "year",   "vendor",   "region",   "stage",
      "process", "flow",      "input", "source", "category", "scenario", "impact",
      "measure", "statistic", "value", "unit",   "text"};
  return header;
}

TidyCsv::TidyCsv() : text_(CsvLine(TidyCsvHeader())) {}

void TidyCsv::Number(const TidyKey& key, double value, const std::string& unit) {
  Figure(key, std::isfinite(value) ? std::optional<double>(value) : std::nullopt, unit,
         "not a finite number");
}

void TidyCsv::Figure(const TidyKey& key, std::optional<double> value, const std::string& unit,
                     const std::string& reason) {
  const std::string u = unit.empty() ? "1" : unit;
  if (value && std::isfinite(*value)) {
    Row(key, CsvNumber(*value), u, "");
  } else {
    Row(key, "", u, reason.empty() ? "undefined" : reason);
  }
}

void TidyCsv::Text(const TidyKey& key, const std::string& text) {
  if (!text.empty()) Row(key, "", "", text);
}

void TidyCsv::Row(const TidyKey& key, const std::string& value, const std::string& unit,
                  const std::string& text) {
  std::vector<std::string> fields(key.fields().begin(), key.fields().end());
  fields.insert(fields.end(), {value, unit, text});
  text_ += CsvLine(fields);
}

}  // namespace gpulca::reports
