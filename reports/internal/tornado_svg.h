// A tornado chart of a one-at-a-time sensitivity table: one horizontal bar
// per parameter, from the impact at its low value to the impact at its high
// value, around a vertical line at the base impact; the widest swing on top.
// A pure function from numbers to a self-contained inline <svg> element
// (svg_charts.h conventions: an id and a <title>, escaped text, no NaN or
// infinity written; "no data" when every swing is zero).
#pragma once

#include <string>
#include <vector>

namespace gpulca::reports {

struct TornadoBar {
  std::string label;
  double low = 0;   // the impact with the parameter at its low value
  double high = 0;  // ... at its high value
};

struct TornadoChart {
  std::string id, title, unit;
  std::string low_label = "-10 %", high_label = "+10 %";
  double base = 0;
  std::vector<TornadoBar> bars;
  int max_bars = 12;  // the widest swings are kept
};

// Invariants of the output: at most max_bars groups <g class="tornado-bar">,
// in order of decreasing |high - low|; within one, the <rect> of the low and
// of the high side span from the base line to their value's x, so their
// widths are proportional to |low - base| and |high - base|, on one scale
// for the whole chart (the widest side spans kTornadoHalfWidth).
inline constexpr double kTornadoHalfWidth = 260;

std::string RenderTornado(const TornadoChart& chart);

}  // namespace gpulca::reports
