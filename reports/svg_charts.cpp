#include "reports/internal/svg_charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace gpulca::reports {
namespace {

constexpr double kPi = 3.14159265358979323846;

// A coordinate: two decimals, and 0 for anything not finite.
std::string N(double v) { return fmt::format("{:.2f}", std::isfinite(v) ? v : 0.0); }

// A value for a label: four significant digits; "n/a" for an undefined one.
std::string V(double v) { return std::isfinite(v) ? fmt::format("{:.4g}", v) : "n/a"; }

std::string Pct(double share) {
  return std::isfinite(share) ? fmt::format("{:.1f}%", 100 * share) : "n/a";
}

std::string Open(const std::string& id, const std::string& title, double width, double height) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{0}\" class=\"chart\" role=\"img\" "
      "aria-labelledby=\"{0}-title\" viewBox=\"0 0 {1} {2}\" width=\"{1}\" height=\"{2}\" "
      "font-family=\"sans-serif\" font-size=\"12\">\n<title id=\"{0}-title\">{3}</title>\n",
      EscapeXml(id), N(width), N(height), EscapeXml(title));
}

std::string NoData(double x, double y) {
  return fmt::format("<text class=\"no-data\" x=\"{}\" y=\"{}\" fill=\"#666\">no data</text>\n",
                     N(x), N(y));
}

// Shortens `text` to at most `max` characters (by bytes, without splitting
// a UTF-8 sequence), marking the cut with an ellipsis.
std::string Clip(const std::string& text, size_t max) {
  if (text.size() <= max || max < 2) return text;
  size_t cut = max - 1;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

// Width of `text` at font size 12, roughly (sans-serif averages 0.55 em).
double TextWidth(const std::string& text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return 6.6 * static_cast<double>(n);
}

// A legend of swatches from x0 at y0, wrapping at x1: its markup, and the
// height it takes.
struct Legend {
  std::string svg;
  double height = 0;
};
Legend MakeLegend(const std::vector<std::string>& series, double x0, double x1, double y0,
                  int color_offset) {
  Legend legend;
  double x = x0, y = y0;
  for (size_t s = 0; s < series.size(); ++s) {
    const double w = 16 + TextWidth(series[s]) + 18;
    if (x > x0 && x + w > x1) {
      x = x0;
      y += 22;
    }
    legend.svg += fmt::format(
        "<g class=\"legend\"><rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>"
        "<text x=\"{}\" y=\"{}\">{}</text></g>\n",
        N(x), N(y), SeriesColor(static_cast<int>(s) + color_offset), N(x + 16), N(y + 10),
        EscapeXml(series[s]));
    x += w;
  }
  legend.height = series.empty() ? 0 : y - y0 + 22;
  return legend;
}


constexpr const char* kPalette[] = {"#8c564b", "#bcbd22", "#1f77b4", "#9467bd",
                                    "#17becf", "#d62728", "#2ca02c", "#7f7f7f",
                                    "#ff7f0e", "#e377c2"};

}  // namespace

std::string EscapeXml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

const char* SeriesColor(int i) {
  constexpr int n = sizeof kPalette / sizeof kPalette[0];
  return kPalette[((i % n) + n) % n];
}

std::string RenderStackedBars(const StackedBarChart& c) {
  // Room for the longest row label (about 6.5 px a character at 12 px).
  size_t longest = 0;
  for (const StackedBarRow& row : c.rows) longest = std::max(longest, row.label.size());
  const double label_w = std::max(90.0, 6.5 * static_cast<double>(longest) + 14);
  const double row_h = 30, bar_h = 20, top = 10;
  const double legend_y = top + row_h * static_cast<double>(c.rows.size()) + 14;
  const double width = label_w + kStackedBarWidth + 210;
  const Legend legend = MakeLegend(c.series, label_w, width - 10, legend_y, 0);
  const double height = legend_y + legend.height + 8;
  std::string out = Open(c.id, c.title, width, height);
  out +=
      "<defs><pattern id=\"" + EscapeXml(c.id) +
      "-credit\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
      "<rect width=\"3\" height=\"6\" fill=\"#2ca02c\"/></pattern></defs>\n";
  bool any = false;
  auto row_sum = [](const StackedBarRow& row) {
    double sum = 0;
    for (double v : row.values) sum += std::isfinite(v) ? std::abs(v) : 0.0;
    return sum;
  };
  double largest = 0;
  for (const StackedBarRow& row : c.rows) largest = std::max(largest, row_sum(row));
  for (size_t r = 0; r < c.rows.size(); ++r) {
    const StackedBarRow& row = c.rows[r];
    const double y = top + row_h * static_cast<double>(r);
    out += fmt::format("<g class=\"bar\"><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                       N(label_w - 8), N(y + bar_h * 0.7), EscapeXml(row.label));
    const double sum = row_sum(row);
    const double bar_w = c.absolute && largest > 0 ? kStackedBarWidth * sum / largest : kStackedBarWidth;
    if (sum > 0) {
      any = true;
      double x = label_w;
      for (size_t s = 0; s < row.values.size(); ++s) {
        double v = std::isfinite(row.values[s]) ? row.values[s] : 0.0;
        if (v == 0.0) continue;
        double w = bar_w * std::abs(v) / sum;
        std::string name = s < c.series.size() ? c.series[s] : fmt::format("series {}", s);
        std::string fill = v < 0 ? "url(#" + EscapeXml(c.id) + "-credit)"
                                 : std::string(SeriesColor(static_cast<int>(s)));
        out += fmt::format(
            "<rect class=\"segment{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
            "stroke=\"#fff\" stroke-width=\"0.5\"><title>{}: {} ({}{})</title></rect>\n",
            v < 0 ? " credit" : "", N(x), N(y), N(w), N(bar_h), fill, EscapeXml(name), V(v),
            Pct(std::abs(v) / sum), v < 0 ? ", a credit" : "");
        if (w >= 34) {
          out += fmt::format(
              "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#fff\" font-size=\"10\" "
              "pointer-events=\"none\">{:.0f}%</text>\n",
              N(x + w / 2), N(y + bar_h * 0.68), 100 * std::abs(v) / sum);
        }
        x += w;
      }
    }
    out += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#333\">{}</text></g>\n",
                       N(label_w + (c.absolute ? bar_w : kStackedBarWidth) + 6), N(y + bar_h * 0.7),
                       EscapeXml(row.note));
  }
  if (!any) out += NoData(label_w + 8, top + 14);
  out += legend.svg;
  return out + "</svg>\n";
}

std::string RenderGroupedBars(const GroupedBarChart& c) {
  const double label_w = 200, bar_h = 14, gap = 4, group_gap = 14, top = 10;
  const double group_h = static_cast<double>(c.series.size()) * (bar_h + gap) + group_gap;
  const double legend_y = top + group_h * static_cast<double>(c.rows.size()) + 4;
  const double width = label_w + kStackedBarWidth + 210;
  const Legend legend = MakeLegend(c.series, label_w, width - 10, legend_y, 2);
  const double height = legend_y + legend.height + 8;
  std::string out = Open(c.id, c.title, width, height);
  bool any = false;
  for (size_t r = 0; r < c.rows.size(); ++r) {
    const GroupedBarRow& row = c.rows[r];
    const double y0 = top + group_h * static_cast<double>(r);
    double largest = 0;
    for (double v : row.values) largest = std::max(largest, std::isfinite(v) ? std::abs(v) : 0.0);
    out += fmt::format("<g class=\"group\"><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                       N(label_w - 8), N(y0 + bar_h * 0.8), EscapeXml(row.label));
    for (size_t s = 0; s < row.values.size(); ++s) {
      const double y = y0 + static_cast<double>(s) * (bar_h + gap);
      const double v = std::isfinite(row.values[s]) ? row.values[s] : 0.0;
      const double w = largest > 0 ? kStackedBarWidth * std::abs(v) / largest : 0.0;
      const std::string name = s < c.series.size() ? c.series[s] : fmt::format("series {}", s);
      const std::string text = s < row.labels.size() ? row.labels[s] : V(v);
      if (w > 0) {
        any = true;
        out += fmt::format(
            "<rect class=\"bar{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\">"
            "<title>{}, {}: {}</title></rect>\n",
            v < 0 ? " negative" : "", N(label_w), N(y), N(w), N(bar_h),
            SeriesColor(static_cast<int>(s) + 2), EscapeXml(row.label), EscapeXml(name),
            EscapeXml(text));
      }
      out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#333\">{}</text>\n",
                         N(label_w + w + 6), N(y + bar_h * 0.8), EscapeXml(text));
    }
    out += "</g>\n";
  }
  if (!any) out += NoData(label_w + 8, top + 14);
  out += legend.svg;
  return out + "</svg>\n";
}

std::string RenderSankey(const SankeyChart& c) {
  const int n = static_cast<int>(c.nodes.size());
  const double width = 1100, node_w = 12, margin = 10, gap = 12;
  auto finite_abs = [](double v) { return std::isfinite(v) ? std::abs(v) : 0.0; };

  // Columns: the longest path from the root along consumer -> provider links,
  // relaxed at most n times so that a loop cannot run forever.
  std::vector<int> depth(n, -1);
  if (c.root >= 0 && c.root < n) depth[c.root] = 0;
  for (int round = 0; round < n; ++round) {
    bool changed = false;
    for (const SankeyChartLink& l : c.links) {
      if (l.provider < 0 || l.provider >= n || l.consumer < 0 || l.consumer >= n) continue;
      if (l.provider == c.root || depth[l.consumer] < 0) continue;
      if (depth[l.provider] < depth[l.consumer] + 1 && depth[l.consumer] + 1 < n) {
        depth[l.provider] = depth[l.consumer] + 1;
        changed = true;
      }
    }
    if (!changed) break;
  }
  for (int& d : depth) {
    if (d < 0) d = 1;  // not linked to the root: first column upstream of it
  }
  // Renumber depths densely: 0 (the root) .. columns-1.
  std::map<int, int> dense;
  for (int d : depth) dense[d] = 0;
  int columns = 0;
  for (auto& [d, index] : dense) index = columns++;
  for (int& d : depth) d = dense[d];

  std::vector<std::vector<int>> by_column(std::max(columns, 1));
  for (int i = 0; i < n; ++i) by_column[depth[i]].push_back(i);
  double max_sum = 0;
  size_t max_count = 1;
  for (auto& col : by_column) {
    std::stable_sort(col.begin(), col.end(), [&](int x, int y) {
      return finite_abs(c.nodes[x].value) > finite_abs(c.nodes[y].value);
    });
    double sum = 0;
    for (int i : col) sum += finite_abs(c.nodes[i].value);
    max_sum = std::max(max_sum, sum);
    max_count = std::max(max_count, col.size());
  }
  const double avail = std::max(420.0, 26.0 * static_cast<double>(max_count));
  const double scale =
      max_sum > 0 ? (avail - gap * static_cast<double>(max_count - 1)) / max_sum : 0.0;
  const double step = columns > 1 ? (width - 2 * margin - node_w - 170) / (columns - 1) : 0.0;

  std::vector<double> x(n), y(n), h(n);
  double bottom = margin;
  for (int d = 0; d < static_cast<int>(by_column.size()); ++d) {
    double cy = margin;
    for (int i : by_column[d]) {
      x[i] = margin + step * (columns - 1 - d);
      y[i] = cy;
      h[i] = std::max(2.0, finite_abs(c.nodes[i].value) * scale);
      cy += h[i] + gap;
    }
    bottom = std::max(bottom, cy);
  }
  const double height = bottom + margin + 16;
  std::string out = Open(c.id, c.title, width, height);
  if (n == 0 || max_sum <= 0) return out + NoData(margin, margin + 14) + "</svg>\n";

  // Links, largest first at each node's side, from provider's right edge to
  // consumer's left edge.
  std::vector<int> order(c.links.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return finite_abs(c.links[a].value) > finite_abs(c.links[b].value);
  });
  std::vector<double> out_used(n, 0), in_used(n, 0);
  std::string links;
  for (int li : order) {
    const SankeyChartLink& l = c.links[li];
    if (l.provider < 0 || l.provider >= n || l.consumer < 0 || l.consumer >= n) continue;
    if (depth[l.provider] <= depth[l.consumer]) continue;  // a loop: not drawn
    double w = std::max(1.0, finite_abs(l.value) * scale);
    double y0 = y[l.provider] + std::min(out_used[l.provider] + w / 2, h[l.provider]);
    double y1 = y[l.consumer] + std::min(in_used[l.consumer] + w / 2, h[l.consumer]);
    out_used[l.provider] += w;
    in_used[l.consumer] += w;
    double x0 = x[l.provider] + node_w, x1 = x[l.consumer], mid = (x0 + x1) / 2;
    links += fmt::format(
        "<path class=\"link{}\" d=\"M{},{} C{},{} {},{} {},{}\" fill=\"none\" stroke=\"{}\" "
        "stroke-opacity=\"0.35\" stroke-width=\"{}\"><title>{} → {}: {} {}</title></path>\n",
        l.value < 0 ? " credit" : "", N(x0), N(y0), N(mid), N(y0), N(mid), N(y1), N(x1), N(y1),
        l.value < 0 ? "#2ca02c" : "#1f77b4", N(w), EscapeXml(c.nodes[l.provider].label),
        EscapeXml(c.nodes[l.consumer].label), V(l.value), EscapeXml(c.unit));
  }
  out += "<g class=\"links\">\n" + links + "</g>\n<g class=\"nodes\">\n";
  const size_t label_chars = columns > 1 ? static_cast<size_t>(std::max(8.0, (step - node_w - 8) / 6.2))
                                         : 60;
  for (int i = 0; i < n; ++i) {
    // Labels to the right of their node; the root's in the margin kept for it.
    const bool root = i == c.root;
    double tx = x[i] + node_w + 4;
    out += fmt::format(
        "<g class=\"node\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\">"
        "<title>{}: {} {}</title></rect>"
        "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"{}\">{}</text></g>\n",
        N(x[i]), N(y[i]), N(node_w), N(h[i]), c.nodes[i].value < 0 ? "#2ca02c" : "#444",
        EscapeXml(c.nodes[i].label), V(c.nodes[i].value), EscapeXml(c.unit), N(tx),
        N(y[i] + std::min(h[i] / 2, 10.0) + 3.5), "start",
        EscapeXml(Clip(c.nodes[i].label, root ? 26 : label_chars)));
  }
  return out + "</g>\n</svg>\n";
}

std::string RenderDonut(const DonutChart& c) {
  const double width = 820, cx = 130, cy = 120, r = 90, ring = 36;
  const double height = std::max(250.0, 40 + 24.0 * static_cast<double>(c.parts.size()));
  std::string out = Open(c.id, c.title, width, height);
  double sum = 0;
  for (const DonutPart& p : c.parts) sum += std::isfinite(p.value) && p.value > 0 ? p.value : 0;
  if (sum <= 0) {
    out += NoData(cx - 25, cy);
  } else {
    double angle = -kPi / 2;
    for (size_t i = 0; i < c.parts.size(); ++i) {
      double v = c.parts[i].value;
      if (!std::isfinite(v) || v <= 0) continue;
      double share = v / sum;
      std::string tip = fmt::format("<title>{}: {} {} ({})</title>", EscapeXml(c.parts[i].label),
                                    V(v), EscapeXml(c.unit), Pct(share));
      const char* color = SeriesColor(static_cast<int>(i) + 2);
      if (share > 0.9999) {
        out += fmt::format(
            "<circle class=\"arc\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\" stroke=\"{}\" "
            "stroke-width=\"{}\">{}</circle>\n",
            N(cx), N(cy), N(r), color, N(ring), tip);
        continue;
      }
      double end = angle + 2 * kPi * share;
      out += fmt::format(
          "<path class=\"arc\" d=\"M{},{} A{},{} 0 {} 1 {},{}\" fill=\"none\" stroke=\"{}\" "
          "stroke-width=\"{}\">{}</path>\n",
          N(cx + r * std::cos(angle)), N(cy + r * std::sin(angle)), N(r), N(r),
          share > 0.5 ? 1 : 0, N(cx + r * std::cos(end)), N(cy + r * std::sin(end)), color,
          N(ring), tip);
      angle = end;
    }
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">"
        "{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{}</text>\n",
        N(cx), N(cy), V(sum), N(cx), N(cy + 16), EscapeXml(c.unit));
  }
  for (size_t i = 0; i < c.parts.size(); ++i) {
    double y = 30 + 24.0 * static_cast<double>(i);
    double v = c.parts[i].value;
    out += fmt::format(
        "<g class=\"legend\"><rect x=\"260\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>"
        "<text x=\"278\" y=\"{}\">{}: {} {} ({})</text></g>\n",
        N(y), SeriesColor(static_cast<int>(i) + 2), N(y + 10), EscapeXml(c.parts[i].label), V(v),
        EscapeXml(c.unit), Pct(sum > 0 && v > 0 ? v / sum : 0.0));
  }
  return out + "</svg>\n";
}

}  // namespace gpulca::reports
