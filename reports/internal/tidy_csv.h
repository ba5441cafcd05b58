// gpulca's one CSV shape (docs/interop.md, "CSV"): every command writes one
// observation a row under the same header,
//
//   section,gpu,line,year,vendor,region,stage,process,flow,input,source,
//   category,scenario,impact,measure,statistic,value,unit,text
//
// The columns before `value` are the dimensions: each holds one variable (an
// id, a year, a line number) and is empty where the variable does not apply.
// `measure` says what is observed ("total", "share", "per_gpu_hour"),
// `statistic` which summary of a Monte Carlo sample ("mean", "p05"; empty for
// the deterministic figure).
//
// Invariants of every row TidyCsv writes:
//  - `value` is empty or a finite number, the shortest text that reads back
//    to the same double (csv.h);
//  - a row with a value has a unit, "1" for a dimensionless number;
//  - a row without a value has a text: a text observation (its unit empty),
//    or why the figure is undefined (its unit what the figure's would be);
//  - a row with a value has no text.
// So `pd.read_csv(f)` reads `value` as float64 in every command's output.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gpulca::reports {

// The header, dimensions then value, unit and text.
const std::vector<std::string>& TidyCsvHeader();

// The dimensions of a row. A value type: each setter returns a copy with one
// more dimension set, so that a base key serves many rows:
//   const TidyKey g = TidyKey("impacts").Gpu(id);
//   csv.Number(g.Impact("gwp100").Measure("total"), 23826.3, "kg CO2e");
class TidyKey {
 public:
  enum Dimension {
    kSection,
    kGpu,
    kLine,
    kYear,
    kVendor,
    kRegion,
    kStage,
    kProcess,
    kFlow,
    kInput,
    kSource,
    kCategory,
    kScenario,
    kImpact,
    kMeasure,
    kStatistic,
    kDimensions
  };

  TidyKey() = default;
  explicit TidyKey(std::string section) { fields_[kSection] = std::move(section); }

  TidyKey Section(std::string v) const { return With(kSection, std::move(v)); }
  TidyKey Gpu(std::string v) const { return With(kGpu, std::move(v)); }
  TidyKey Line(size_t line) const { return With(kLine, std::to_string(line)); }
  TidyKey Year(int year) const { return With(kYear, std::to_string(year)); }
  TidyKey Vendor(std::string v) const { return With(kVendor, std::move(v)); }
  TidyKey Region(std::string v) const { return With(kRegion, std::move(v)); }
  TidyKey Stage(std::string v) const { return With(kStage, std::move(v)); }
  TidyKey Process(std::string v) const { return With(kProcess, std::move(v)); }
  TidyKey Flow(std::string v) const { return With(kFlow, std::move(v)); }
  TidyKey Input(std::string v) const { return With(kInput, std::move(v)); }
  TidyKey Source(std::string v) const { return With(kSource, std::move(v)); }
  TidyKey Category(std::string v) const { return With(kCategory, std::move(v)); }
  TidyKey Scenario(std::string v) const { return With(kScenario, std::move(v)); }
  TidyKey Impact(std::string v) const { return With(kImpact, std::move(v)); }
  TidyKey Measure(std::string v) const { return With(kMeasure, std::move(v)); }
  TidyKey Statistic(std::string v) const { return With(kStatistic, std::move(v)); }

  const std::array<std::string, kDimensions>& fields() const { return fields_; }

 private:
  TidyKey With(Dimension d, std::string v) const {
    TidyKey k = *this;
    k.fields_[d] = std::move(v);
    return k;
  }
  std::array<std::string, kDimensions> fields_;
};

// Writes rows of the tidy shape, the header first. Pure text building: no I/O.
class TidyCsv {
 public:
  TidyCsv();

  // A number in `unit` ("" is written "1": dimensionless). A value that is
  // not finite is written as an undefined figure, "not a finite number".
  void Number(const TidyKey& key, double value, const std::string& unit);
  // A figure that may be undefined: its value, or (none) an empty value with
  // `reason` in `text` ("undefined" when `reason` is empty). The unit is
  // written either way.
  void Figure(const TidyKey& key, std::optional<double> value, const std::string& unit,
              const std::string& reason);
  // A text observation: empty value and unit. An empty `text` writes no row.
  void Text(const TidyKey& key, const std::string& text);
  // A yes/no observation, as the text "true" or "false".
  void Flag(const TidyKey& key, bool flag) { Text(key, flag ? "true" : "false"); }

  const std::string& str() const { return text_; }

 private:
  void Row(const TidyKey& key, const std::string& value, const std::string& unit,
           const std::string& text);
  std::string text_;
};

}  // namespace gpulca::reports
