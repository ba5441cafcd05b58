#include "reports/internal/dot_whisker_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "reports/internal/svg_charts.h"
#include "reports/internal/text_table.h"

namespace gpulca::reports {
namespace {

std::string Coord(double v) { return fmt::format("{:.2f}", std::isfinite(v) ? v : 0.0); }

bool Usable(double v) { return std::isfinite(v) && v > 0; }

// The values a row draws.
std::vector<double> Values(const DotWhiskerRow& r) {
  std::vector<double> v = {r.mid, r.point};
  if (r.low) v.push_back(*r.low);
  if (r.high) v.push_back(*r.high);
  return v;
}

// Maps a value onto [left, left + width]: log10 between lo and hi, or linear from 0 to hi.
struct Axis {
  bool log = false;
  double lo = 0, hi = 1;
  double X(double v) const {
    double t = 0;
    if (log) {
      t = Usable(v) ? (std::log10(v) - std::log10(lo)) / (std::log10(hi) - std::log10(lo)) : 0;
    } else {
      t = std::isfinite(v) ? v / hi : 0;
    }
    return kDotWhiskerLeft + kDotWhiskerWidth * std::clamp(t, 0.0, 1.0);
  }
  std::vector<double> Ticks() const {
    std::vector<double> ticks;
    if (log) {
      for (double e = std::floor(std::log10(lo)); e <= std::ceil(std::log10(hi)); e += 1) {
        const double t = std::pow(10.0, e);
        if (t >= lo * 0.999 && t <= hi * 1.001) ticks.push_back(t);
      }
      if (ticks.size() < 2) ticks = {lo, hi};
    } else {
      const double raw = hi / 5, magnitude = std::pow(10.0, std::floor(std::log10(raw)));
      double step = magnitude;
      for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * magnitude >= raw) {
          step = m * magnitude;
          break;
        }
      }
      for (double t = 0; t <= hi * 1.0001; t += step) ticks.push_back(t);
    }
    return ticks;
  }
};

Axis AxisFor(const std::vector<DotWhiskerRow>& rows) {
  double lo = INFINITY, hi = 0;
  bool all_positive = true;
  for (const DotWhiskerRow& r : rows) {
    for (double v : Values(r)) {
      if (!std::isfinite(v)) continue;
      if (v <= 0) all_positive = false;
      if (v > 0) lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  Axis a;
  if (!(hi > 0)) return a;
  a.log = all_positive && hi / lo > 20;
  if (a.log) {
    a.lo = std::pow(10.0, std::floor(std::log10(lo)));
    a.hi = std::pow(10.0, std::ceil(std::log10(hi)));
  } else {
    a.hi = hi * 1.1;
  }
  return a;
}

}  // namespace

std::string RenderDotWhisker(const DotWhiskerChart& c) {
  const Axis axis = AxisFor(c.rows);
  bool any = false;
  for (const DotWhiskerRow& r : c.rows) {
    for (double v : Values(r)) any = any || Usable(v);
  }
  const double row_h = 30, top = 40;
  const double rows = static_cast<double>(std::max<size_t>(1, c.rows.size()));
  const double axis_y = top + row_h * rows + 6;
  const double width = kDotWhiskerLeft + kDotWhiskerWidth + 40, height = axis_y + 44;
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{0}\" class=\"chart dot-whisker{4}\" "
      "role=\"img\" aria-labelledby=\"{0}-title\" viewBox=\"0 0 {1} {2}\" width=\"{1}\" "
      "height=\"{2}\" font-family=\"sans-serif\" font-size=\"12\">\n"
      "<title id=\"{0}-title\">{3}</title>\n",
      EscapeXml(c.id), Coord(width), Coord(height), EscapeXml(c.title), axis.log ? " log" : "");
  // Legend.
  const char* whisker_color = SeriesColor(0);
  const char* point_color = SeriesColor(1);
  out += fmt::format(
      "<g class=\"legend\"><line x1=\"{0}\" y1=\"14\" x2=\"{1}\" y2=\"14\" stroke=\"{2}\" "
      "stroke-width=\"3\"/><text x=\"{3}\" y=\"18\">{4}</text>"
      "<rect x=\"{5}\" y=\"6\" width=\"4\" height=\"16\" fill=\"#222\"/><text x=\"{6}\" y=\"18\">{7}"
      "</text><circle cx=\"{8}\" cy=\"14\" r=\"6\" fill=\"{9}\"/><text x=\"{10}\" y=\"18\">{11}"
      "</text></g>\n",
      Coord(kDotWhiskerLeft), Coord(kDotWhiskerLeft + 30), whisker_color,
      Coord(kDotWhiskerLeft + 36), EscapeXml(c.whisker_label), Coord(kDotWhiskerLeft + 190),
      Coord(kDotWhiskerLeft + 200), EscapeXml(c.mid_label), Coord(kDotWhiskerLeft + 340),
      point_color, Coord(kDotWhiskerLeft + 350), EscapeXml(c.point_label));
  // Axis and grid first, so that the rows are drawn over them.
  out += fmt::format("<line x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\" stroke=\"#333\"/>\n",
                     Coord(kDotWhiskerLeft), Coord(kDotWhiskerLeft + kDotWhiskerWidth),
                     Coord(axis_y));
  for (double t : any ? axis.Ticks() : std::vector<double>{}) {
    const double x = axis.X(t);
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#ccc\"/>"
        "<text x=\"{0}\" y=\"{3}\" text-anchor=\"middle\" fill=\"#333\">{4}</text>\n",
        Coord(x), Coord(top - 4), Coord(axis_y + 4), Coord(axis_y + 18), FormatNumber(t));
  }
  out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#333\">{}{}</text>\n",
                     Coord(kDotWhiskerLeft + kDotWhiskerWidth / 2), Coord(axis_y + 36),
                     EscapeXml(c.unit), axis.log ? " (log scale)" : "");
  for (size_t i = 0; i < c.rows.size() && any; ++i) {
    const DotWhiskerRow& r = c.rows[i];
    const double y = top + row_h * (static_cast<double>(i) + 0.5);
    out += fmt::format("<g class=\"dw-row\"><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                       Coord(kDotWhiskerLeft - 10), Coord(y + 4), EscapeXml(r.label));
    if (r.low && r.high) {
      out += fmt::format(
          "<line class=\"whisker\" x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\" stroke=\"{3}\" "
          "stroke-width=\"4\" stroke-linecap=\"round\"><title>{4}: {5} to {6} {7}</title></line>\n",
          Coord(axis.X(*r.low)), Coord(axis.X(*r.high)), Coord(y), whisker_color,
          EscapeXml(c.whisker_label), FormatNumber(*r.low), FormatNumber(*r.high),
          EscapeXml(c.unit));
    }
    out += fmt::format(
        "<rect class=\"mid\" x=\"{}\" y=\"{}\" width=\"4\" height=\"18\" fill=\"#222\">"
        "<title>{}: {} {}</title></rect>\n",
        Coord(axis.X(r.mid) - 2), Coord(y - 9), EscapeXml(c.mid_label), FormatNumber(r.mid),
        EscapeXml(c.unit));
    out += fmt::format(
        "<circle class=\"point\" cx=\"{}\" cy=\"{}\" r=\"7\" fill=\"{}\" fill-opacity=\"0.85\">"
        "<title>{}: {} {}</title></circle></g>\n",
        Coord(axis.X(r.point)), Coord(y), point_color, EscapeXml(c.point_label),
        FormatNumber(r.point), EscapeXml(c.unit));
  }
  if (!any) {
    out += fmt::format("<text class=\"no-data\" x=\"{}\" y=\"{}\" fill=\"#666\">no data</text>\n",
                       Coord(kDotWhiskerLeft + 8), Coord(top + 14));
  }
  out += "</svg>\n";
  return out;
}

}  // namespace gpulca::reports
