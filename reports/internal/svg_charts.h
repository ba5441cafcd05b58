// Inline SVG charts for the HTML reports: pure functions from plain numbers
// to an <svg> element. Every chart carries an id and a <title>, escapes all
// the text it is given, and never writes NaN or infinity: a chart whose
// values are all zero is drawn empty, with a "no data" note.
#pragma once

#include <string>
#include <vector>

namespace gpulca::reports {

// Escapes & < > " ' so that `text` is safe in HTML or SVG text and attributes.
std::string EscapeXml(const std::string& text);

// The colour of series i (a fixed palette that repeats).
const char* SeriesColor(int i);

// Horizontal stacked bars, one per row, each split into the rows' shares of
// the series. Shares are of the sum of absolute values, so that a credit (a
// negative value, drawn hatched) takes its own room.
// Invariants of the output: per row with a non-zero sum, the widths of its
// <rect class="segment"> elements sum to kStackedBarWidth (with `absolute`,
// to kStackedBarWidth times the row's sum over the largest row's, so that the
// bars compare in size); a row whose values are all zero has no segment.
inline constexpr double kStackedBarWidth = 600;

struct StackedBarRow {
  std::string label;
  std::vector<double> values;  // one per series
  std::string note;            // shown right of the bar (e.g. the total)
};

struct StackedBarChart {
  std::string id, title;
  std::vector<std::string> series;
  std::vector<StackedBarRow> rows;
  bool absolute = false;  // bars scaled to the largest row, not each to 100%
};

std::string RenderStackedBars(const StackedBarChart& chart);

// Grouped horizontal bars: per row (a quantity), one bar per series (e.g.
// two years), scaled to the row's largest absolute value so that rows of
// different units sit together; each bar is labelled with its text.
// Invariant: in a row whose largest |value| is not 0, that bar is
// kStackedBarWidth wide; a row of zeros has no bar.
struct GroupedBarRow {
  std::string label;
  std::vector<double> values;       // one per series
  std::vector<std::string> labels;  // shown right of each bar (value and unit)
};

struct GroupedBarChart {
  std::string id, title;
  std::vector<std::string> series;
  std::vector<GroupedBarRow> rows;
};

std::string RenderGroupedBars(const GroupedBarChart& chart);

// A Sankey diagram: nodes as rectangles in columns by their longest path
// from the root (the demand, on the right), links from provider to consumer
// as curves whose width is proportional to |value|. Links that would go
// backwards (a loop) are left out.
struct SankeyChartNode {
  std::string label;
  double value;  // the node's upstream total
};

struct SankeyChartLink {
  int provider, consumer;  // indices into nodes
  double value;
};

struct SankeyChart {
  std::string id, title, unit;
  std::vector<SankeyChartNode> nodes;
  std::vector<SankeyChartLink> links;
  int root = 0;
};

std::string RenderSankey(const SankeyChart& chart);

// A donut of the parts' shares of their sum; parts that are not positive
// are listed in the legend but take no arc.
struct DonutPart {
  std::string label;
  double value;
};

struct DonutChart {
  std::string id, title, unit;
  std::vector<DonutPart> parts;
};

std::string RenderDonut(const DonutChart& chart);

}  // namespace gpulca::reports
