#include "reports/uncertainty_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "lca/error.h"
#include "reports/internal/svg_charts.h"
#include "reports/internal/tornado_svg.h"

namespace gpulca::reports {
namespace {

using nlohmann::ordered_json;

std::string G(double v) { return std::isfinite(v) ? fmt::format("{:.4g}", v) : "n/a"; }

// A table rendered as aligned text, Markdown or HTML.
struct Shown {
  std::string title;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

std::string Text(const Shown& t) {
  std::vector<size_t> width(t.header.size(), 0);
  for (size_t c = 0; c < t.header.size(); ++c) width[c] = t.header[c].size();
  for (const auto& row : t.rows) {
    for (size_t c = 0; c < row.size() && c < width.size(); ++c) width[c] = std::max(width[c], row[c].size());
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out = " ";
    for (size_t c = 0; c < cells.size() && c < width.size(); ++c) {
      // The first column (a name) is left-aligned, numbers right-aligned.
      out += c == 0 ? fmt::format(" {:<{}}", cells[c], width[c]) : fmt::format(" {:>{}}", cells[c], width[c]);
    }
    return out + "\n";
  };
  std::string out = "\n" + t.title + "\n" + line(t.header);
  for (const auto& row : t.rows) out += line(row);
  return out;
}

std::string Markdown(const Shown& t) {
  std::string out = "\n### " + t.title + "\n\n|";
  for (const auto& h : t.header) out += " " + h + " |";
  out += "\n|";
  for (size_t c = 0; c < t.header.size(); ++c) out += c == 0 ? " --- |" : " ---: |";
  out += "\n";
  for (const auto& row : t.rows) {
    out += "|";
    for (const auto& cell : row) out += " " + cell + " |";
    out += "\n";
  }
  return out;
}

std::string Html(const Shown& t) {
  std::string out = "<h3>" + EscapeXml(t.title) + "</h3>\n<table>\n<caption>" +
                    EscapeXml(t.title) + "</caption>\n<tr>";
  for (const auto& h : t.header) out += "<th scope=\"col\">" + EscapeXml(h) + "</th>";
  out += "</tr>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (size_t i = 0; i < row.size(); ++i) {
      out += i == 0 ? "<th scope=\"row\">" + EscapeXml(row[i]) + "</th>"
                    : "<td>" + EscapeXml(row[i]) + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

// OAT rows of impact k by decreasing swing.
std::vector<const lca::OatRow*> BySwing(const lca::OatResult& oat, size_t k) {
  std::vector<const lca::OatRow*> rows;
  for (const auto& row : oat.rows) rows.push_back(&row);
  std::stable_sort(rows.begin(), rows.end(), [k](const lca::OatRow* a, const lca::OatRow* b) {
    return std::abs(a->high[k] - a->low[k]) > std::abs(b->high[k] - b->low[k]);
  });
  return rows;
}

std::string Percent(double change, double base) {
  return base != 0.0 && std::isfinite(change / base) ? fmt::format("{:+.2f}%", 100 * change / base)
                                                     : "-";
}

// The tables of the view, in reading order.
std::vector<Shown> Tables(const UncertaintyView& v) {
  std::vector<Shown> tables;
  if (const lca::McResult* mc = v.mc) {
    Shown t{fmt::format("Uncertainty: Monte Carlo, {} iterations, seed {}, {} uncertain inputs{}",
                        mc->iterations, mc->seed, mc->uncertain_inputs,
                        mc->weights ? fmt::format("; calibrated on {} (effective sample {:.1f}; "
                                                  "posterior, docs/calibration.md; sensitivity "
                                                  "of the prior)",
                                                  fmt::join(mc->weights->declarations, ", "),
                                                  mc->weights->ess)
                                    : std::string()),
            {"impact", "nominal", "mean", "sd", "p05", "p50", "p95", "unit"}, {}};
    for (size_t k = 0; k < mc->impact_ids.size(); ++k) {
      const lca::Summary& s = mc->impacts[k];
      t.rows.push_back({mc->impact_ids[k], k < v.nominal.size() ? G(v.nominal[k]) : "-", G(s.mean),
                        G(s.sd), G(s.p05), G(s.p50), G(s.p95), mc->impact_units[k]});
    }
    tables.push_back(std::move(t));
    if (!v.intensities.empty()) {
      Shown in{"Intensities: each iteration's total over that iteration's functional units",
               {"impact", "per", "nominal", "mean", "sd", "p05", "p50", "p95", "unit"}, {}};
      for (const UncertainIntensity& x : v.intensities) {
        if (!x.undefined.empty()) in.title += fmt::format("; per {}: n/a (undefined): {}", x.label, x.undefined);
      }
      for (size_t k = 0; k < mc->impact_ids.size(); ++k) {
        for (const UncertainIntensity& x : v.intensities) {
          if (k >= x.summary.size()) continue;
          const lca::Summary& s = x.summary[k];
          in.rows.push_back({mc->impact_ids[k], x.label,
                             k < x.nominal.size() ? G(x.nominal[k]) : "-", G(s.mean), G(s.sd),
                             G(s.p05), G(s.p50), G(s.p95), mc->impact_units[k] + " per " + x.label});
        }
      }
      tables.push_back(std::move(in));
    }
    if (!mc->impact_ids.empty()) {
      const std::string& id = mc->impact_ids[0];
      Shown st{"By stage, " + id + " (" + mc->impact_units[0] + ")",
               {"stage", "mean", "sd", "p05", "p50", "p95"}, {}};
      for (int slot = 0; slot < lca::kStageSlots; ++slot) {
        const lca::Summary& s = mc->stages[0][slot];
        if (s.mean == 0.0 && s.sd == 0.0) continue;
        st.rows.push_back({lca::StageSlotName(slot), G(s.mean), G(s.sd), G(s.p05), G(s.p50), G(s.p95)});
      }
      tables.push_back(std::move(st));
      if (!mc->sensitivity.empty()) {
        Shown dr{"What drives " + id + ": Spearman's rho, first-order share of variance",
                 {"input", "nominal", "rho", "share"}, {}};
        const auto& rows = mc->sensitivity[0];
        for (size_t r = 0; r < rows.size() && static_cast<int>(r) < v.top; ++r) {
          dr.rows.push_back({rows[r].input, G(rows[r].nominal), fmt::format("{:+.3f}", rows[r].spearman),
                             fmt::format("{:.1f}%", 100 * rows[r].first_order)});
        }
        tables.push_back(std::move(dr));
      }
    }
  }
  if (const lca::OatResult* oat = v.oat; oat && !oat->impact_ids.empty()) {
    const std::string pct = fmt::format("{:.0f} %", 100 * oat->delta);
    Shown t{fmt::format("One at a time, +-{}: change of {} ({}, base {})", pct, oat->impact_ids[0],
                        oat->impact_units[0], G(oat->base[0])),
            {"parameter", "nominal", "low", "high", "change at low", "change at high"},
            {}};
    auto change = [&](double value) {
      const double d = value - oat->base[0];
      return fmt::format("{:+.4g}", std::isfinite(d) ? d : 0.0) + " (" + Percent(d, oat->base[0]) + ")";
    };
    int shown = 0;
    for (const lca::OatRow* row : BySwing(*oat, 0)) {
      if (shown++ >= v.top) break;
      t.rows.push_back({row->parameter, G(row->nominal), G(row->low_value), G(row->high_value),
                        change(row->low[0]), change(row->high[0])});
    }
    tables.push_back(std::move(t));
  }
  return tables;
}

ordered_json SummaryJson(const lca::Summary& s) {
  ordered_json j;
  for (auto [key, value] : lca::Fields(s)) j[key] = value;
  return j;
}

}  // namespace

std::string RenderUncertaintyText(const UncertaintyView& view) {
  std::string out;
  for (const Shown& t : Tables(view)) out += Text(t);
  return out;
}

std::string RenderUncertaintyMarkdown(const UncertaintyView& view) {
  std::string out;
  for (const Shown& t : Tables(view)) out += Markdown(t);
  return out;
}

std::string RenderUncertaintyHtml(const UncertaintyView& view) {
  std::string out = "<section class=\"uncertainty\">\n<h2>Uncertainty and sensitivity</h2>\n";
  for (const Shown& t : Tables(view)) out += Html(t);
  if (const lca::OatResult* oat = view.oat) {
    const std::string pct = fmt::format("{:.0f} %", 100 * oat->delta);
    for (size_t k = 0; k < oat->impact_ids.size(); ++k) {
      TornadoChart chart;
      chart.id = "tornado-" + oat->impact_ids[k];
      chart.title = fmt::format("One at a time, +-{}: {} ({})", pct, oat->impact_ids[k],
                                oat->impact_units[k]);
      chart.unit = oat->impact_units[k];
      chart.low_label = "-" + pct;
      chart.high_label = "+" + pct;
      chart.base = oat->base[k];
      chart.max_bars = view.top;
      for (const auto& row : oat->rows) chart.bars.push_back({row.parameter, row.low[k], row.high[k]});
      out += RenderTornado(chart);
    }
  }
  return out + "</section>\n";
}

std::string MergeUncertaintyJson(const std::string& json, const UncertaintyView& v) {
  ordered_json doc = ordered_json::parse(json, nullptr, false);
  if (!doc.is_object()) throw Error("uncertainty report: the document to extend is no JSON object");
  ordered_json u = ordered_json::object();
  if (const lca::McResult* mc = v.mc) {
    ordered_json m = {{"iterations", mc->iterations},
                      {"seed", mc->seed},
                      {"uncertain_inputs", mc->uncertain_inputs}};
    // Calibrated runs say so: the summaries are a posterior (docs/calibration.md).
    if (mc->weights) {
      m["calibration"] = {{"declarations", mc->weights->declarations},
                          {"effective_sample_size", mc->weights->ess},
                          {"sensitivity", "of the prior"}};
    }
    for (size_t k = 0; k < mc->impact_ids.size(); ++k) {
      const std::string& id = mc->impact_ids[k];
      if (doc.contains("impacts") && doc["impacts"].contains(id) && doc["impacts"][id].is_object()) {
        doc["impacts"][id].update(SummaryJson(mc->impacts[k]));
      }
    }
    if (!v.intensities.empty()) {
      m["intensities"] = ordered_json::object();
      for (const UncertainIntensity& x : v.intensities) {
        if (!x.undefined.empty()) {
          m["intensities"][x.key] = nullptr;
          m["intensities"][x.key + "_undefined"] = x.undefined;
          continue;
        }
        ordered_json by_impact = ordered_json::object();
        for (size_t k = 0; k < mc->impact_ids.size() && k < x.summary.size(); ++k) {
          ordered_json one = {{"unit", mc->impact_units[k] + " per " + x.label}};
          if (k < x.nominal.size()) one["nominal"] = x.nominal[k];
          one.update(SummaryJson(x.summary[k]));
          by_impact[mc->impact_ids[k]] = one;
        }
        m["intensities"][x.key] = by_impact;
      }
    }
    m["stages"] = ordered_json::object();
    for (int slot = 0; slot < lca::kStageSlots; ++slot) {
      ordered_json stage = ordered_json::object();
      bool any = false;
      for (size_t k = 0; k < mc->impact_ids.size(); ++k) {
        stage[mc->impact_ids[k]] = SummaryJson(mc->stages[k][slot]);
        any = any || mc->stages[k][slot].mean != 0.0 || mc->stages[k][slot].sd != 0.0;
      }
      if (any || slot < inventory::kStageCount) m["stages"][lca::StageSlotName(slot)] = stage;
    }
    m["sensitivity"] = ordered_json::object();
    for (size_t k = 0; k < mc->sensitivity.size(); ++k) {
      ordered_json rows = ordered_json::array();
      for (size_t r = 0; r < mc->sensitivity[k].size() && static_cast<int>(r) < v.json_top; ++r) {
        const lca::SensitivityRow& row = mc->sensitivity[k][r];
        rows.push_back({{"input", row.input},
                        {"nominal", row.nominal},
                        {"spearman", row.spearman},
                        {"first_order", row.first_order}});
      }
      m["sensitivity"][mc->impact_ids[k]] = rows;
    }
    u["monte_carlo"] = m;
  }
  if (const lca::OatResult* oat = v.oat) {
    ordered_json o = {{"delta", oat->delta}, {"base", ordered_json::object()}};
    for (size_t k = 0; k < oat->impact_ids.size(); ++k) o["base"][oat->impact_ids[k]] = oat->base[k];
    o["parameters"] = ordered_json::array();
    for (const auto& row : oat->rows) {
      ordered_json r = {{"parameter", row.parameter},
                        {"nominal", row.nominal},
                        {"low_value", row.low_value},
                        {"high_value", row.high_value}};
      for (size_t k = 0; k < oat->impact_ids.size(); ++k) {
        r[oat->impact_ids[k]] = {{"low", row.low[k]}, {"high", row.high[k]}};
      }
      o["parameters"].push_back(r);
    }
    u["one_at_a_time"] = o;
  }
  doc["uncertainty"] = u;
  return doc.dump(2) + "\n";
}

std::vector<Table> UncertaintyTables(const UncertaintyView& v) {
  std::vector<Table> out;
  auto summary_cells = [](std::vector<Cell>& row, const lca::Summary& s) {
    for (double x : {s.mean, s.sd, s.p05, s.p50, s.p95}) row.emplace_back(x);
  };
  if (const lca::McResult* mc = v.mc) {
    Table t{"Monte Carlo",
            {"impact", "quantity", "unit", "nominal", "mean", "sd", "p05", "p50", "p95"},
            {}};
    Table st{"MC by stage", {"impact", "stage", "unit", "mean", "sd", "p05", "p50", "p95"}, {}};
    Table se{"Sensitivity", {"impact", "input", "nominal", "spearman rho", "first-order share"}, {}};
    for (size_t k = 0; k < mc->impact_ids.size(); ++k) {
      const std::string& id = mc->impact_ids[k];
      std::vector<Cell> row = {id, std::string("total"), mc->impact_units[k]};
      row.emplace_back(k < v.nominal.size() ? Cell(v.nominal[k]) : Cell());
      summary_cells(row, mc->impacts[k]);
      t.rows.push_back(std::move(row));
      for (const UncertainIntensity& x : v.intensities) {
        if (k >= x.summary.size()) continue;
        std::vector<Cell> r = {id, "per " + x.label, mc->impact_units[k] + " per " + x.label};
        r.emplace_back(k < x.nominal.size() ? Cell(x.nominal[k]) : Cell());
        summary_cells(r, x.summary[k]);
        t.rows.push_back(std::move(r));
      }
      for (int slot = 0; slot < lca::kStageSlots; ++slot) {
        const lca::Summary& s = mc->stages[k][slot];
        if (s.mean == 0.0 && s.sd == 0.0) continue;
        std::vector<Cell> r = {id, std::string(lca::StageSlotName(slot)), mc->impact_units[k]};
        summary_cells(r, s);
        st.rows.push_back(std::move(r));
      }
      if (k < mc->sensitivity.size()) {
        const auto& rows = mc->sensitivity[k];
        for (size_t r = 0; r < rows.size() && static_cast<int>(r) < v.json_top; ++r) {
          se.rows.push_back({id, rows[r].input, rows[r].nominal, rows[r].spearman,
                             rows[r].first_order});
        }
      }
    }
    out.push_back(std::move(t));
    out.push_back(std::move(st));
    if (!se.rows.empty()) out.push_back(std::move(se));
  }
  if (const lca::OatResult* oat = v.oat) {
    Table t{"One at a time",
            {"impact", "parameter", "nominal", "low value", "high value", "impact at low",
             "impact at high", "unit"},
            {}};
    for (size_t k = 0; k < oat->impact_ids.size(); ++k) {
      for (const lca::OatRow* row : BySwing(*oat, k)) {
        t.rows.push_back({oat->impact_ids[k], row->parameter, row->nominal, row->low_value,
                          row->high_value, row->low[k], row->high[k], oat->impact_units[k]});
      }
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace gpulca::reports
