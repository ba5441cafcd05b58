#include "reports/internal/tornado_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "reports/internal/svg_charts.h"

namespace gpulca::reports {
namespace {

double Finite(double v) { return std::isfinite(v) ? v : 0.0; }

std::string Coord(double v) { return fmt::format("{:.2f}", Finite(v)); }

std::string Signed(double v) { return fmt::format("{:+.3g}", Finite(v)); }

}  // namespace

std::string RenderTornado(const TornadoChart& c) {
  std::vector<TornadoBar> bars = c.bars;
  const double base = Finite(c.base);
  // A value that is not finite is drawn as no change.
  auto at = [base](double v) { return std::isfinite(v) ? v : base; };
  auto swing = [&](const TornadoBar& b) { return std::abs(at(b.high) - at(b.low)); };
  std::stable_sort(bars.begin(), bars.end(),
                   [&](const TornadoBar& x, const TornadoBar& y) { return swing(x) > swing(y); });
  if (c.max_bars >= 0 && bars.size() > static_cast<size_t>(c.max_bars)) bars.resize(c.max_bars);
  double widest = 0;
  for (const TornadoBar& b : bars) {
    widest = std::max({widest, std::abs(at(b.low) - base), std::abs(at(b.high) - base)});
  }
  const double label_w = 230, row_h = 24, bar_h = 16, top = 34;
  const double axis_x = label_w + 70 + kTornadoHalfWidth;
  const double width = axis_x + kTornadoHalfWidth + 70;
  const double height = top + row_h * std::max<double>(1, bars.size()) + 34;
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{0}\" class=\"chart tornado\" role=\"img\" "
      "aria-labelledby=\"{0}-title\" viewBox=\"0 0 {1} {2}\" width=\"{1}\" height=\"{2}\" "
      "font-family=\"sans-serif\" font-size=\"12\">\n<title id=\"{0}-title\">{3}</title>\n",
      EscapeXml(c.id), Coord(width), Coord(height), EscapeXml(c.title));
  out += fmt::format("<text x=\"{}\" y=\"16\" text-anchor=\"middle\" fill=\"#333\">base {} {}"
                     "</text>\n",
                     Coord(axis_x), fmt::format("{:.4g}", base), EscapeXml(c.unit));
  const double scale = widest > 0 ? kTornadoHalfWidth / widest : 0.0;
  const char* low_color = SeriesColor(2);
  const char* high_color = SeriesColor(8);
  for (size_t r = 0; r < bars.size() && widest > 0; ++r) {
    const TornadoBar& b = bars[r];
    const double y = top + row_h * static_cast<double>(r);
    out += fmt::format("<g class=\"tornado-bar\"><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}"
                       "</text>\n",
                       Coord(label_w), Coord(y + bar_h * 0.75), EscapeXml(b.label));
    for (bool high : {false, true}) {
      const double value = at(high ? b.high : b.low);
      const double dx = (value - base) * scale;
      const double x = dx < 0 ? axis_x + dx : axis_x;
      out += fmt::format(
          "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\">"
          "<title>{} at {}: {:.4g} {} ({})</title></rect>\n",
          high ? "high" : "low", Coord(x), Coord(y), Coord(std::abs(dx)), Coord(bar_h),
          high ? high_color : low_color, EscapeXml(b.label),
          EscapeXml(high ? c.high_label : c.low_label), value, EscapeXml(c.unit),
          Signed(value - base));
      const bool right = dx >= 0;
      out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" fill=\"#333\" "
                         "font-size=\"10\">{}</text>\n",
                         Coord(axis_x + dx + (right ? 4 : -4)), Coord(y + bar_h * 0.75),
                         right ? "start" : "end", Signed(value - base));
    }
    out += "</g>\n";
  }
  if (widest <= 0) {
    out += fmt::format("<text class=\"no-data\" x=\"{}\" y=\"{}\" fill=\"#666\">no data</text>\n",
                       Coord(label_w + 8), Coord(top + 14));
  }
  const double axis_bottom = top + row_h * std::max<double>(1, bars.size());
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#333\"/>\n",
                     Coord(axis_x), Coord(top - 6), Coord(axis_bottom));
  const double legend_y = axis_bottom + 14;
  out += fmt::format(
      "<g class=\"legend\"><rect x=\"{0}\" y=\"{1}\" width=\"12\" height=\"12\" fill=\"{2}\"/>"
      "<text x=\"{3}\" y=\"{4}\">{5}</text><rect x=\"{6}\" y=\"{1}\" width=\"12\" height=\"12\" "
      "fill=\"{7}\"/><text x=\"{8}\" y=\"{4}\">{9}</text></g>\n",
      Coord(label_w + 70), Coord(legend_y), low_color, Coord(label_w + 86), Coord(legend_y + 10),
      EscapeXml(c.low_label), Coord(label_w + 190), high_color, Coord(label_w + 206),
      EscapeXml(c.high_label));
  return out + "</svg>\n";
}

}  // namespace gpulca::reports
