// A dot-and-whisker chart: one row per item, a whisker over an interval
// (gpulca's p05-p95), a tick at a central value (gpulca's nominal) and a dot
// at a point to compare (the published figure). A pure function from numbers
// to a self-contained inline <svg> (svg_charts.h conventions: an id and a
// <title>, escaped text, no NaN or infinity written; "no data" when no row
// has a positive finite value).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace gpulca::reports {

struct DotWhiskerRow {
  std::string label;
  std::optional<double> low, high;  // the whisker; none: no whisker
  double mid = 0;                   // the tick
  double point = 0;                 // the dot
};

struct DotWhiskerChart {
  std::string id, title, unit;
  std::string whisker_label = "interval", mid_label = "central", point_label = "point";
  std::vector<DotWhiskerRow> rows;
};

// Invariants of the output: one <g class="dw-row"> per row, in order; in it,
// <circle class="point"> at the dot, <rect class="mid"> at the tick and,
// with an interval, <line class="whisker"> from low to high. The axis is
// logarithmic (class "log") when every value is positive and the largest is
// more than 20 times the smallest, else linear from 0; every x lies within
// [kDotWhiskerLeft, kDotWhiskerLeft + kDotWhiskerWidth].
inline constexpr double kDotWhiskerLeft = 240;
inline constexpr double kDotWhiskerWidth = 560;

std::string RenderDotWhisker(const DotWhiskerChart& chart);

}  // namespace gpulca::reports
