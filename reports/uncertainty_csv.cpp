#include "reports/internal/uncertainty_csv.h"

namespace gpulca::reports {
namespace {

void AddSummary(const TidyKey& key, const lca::Summary& s, const std::string& unit, TidyCsv& csv) {
  for (auto [statistic, value] : lca::Fields(s)) csv.Number(key.Statistic(statistic), value, unit);
}

void AddMonteCarlo(const lca::McResult& mc, const UncertaintyView& v, const TidyKey& base,
                   TidyCsv& csv) {
  if (mc.weights) {
    const TidyKey calibration = base.Section("calibration");
    for (const std::string& d : mc.weights->declarations) {
      csv.Text(calibration.Source(d).Measure("declaration"), "used");
    }
    csv.Number(calibration.Measure("effective_sample_size"), mc.weights->ess, "1");
  }
  for (size_t k = 0; k < mc.impact_ids.size(); ++k) {
    const TidyKey impact = base.Section("mc").Impact(mc.impact_ids[k]);
    const std::string& unit = mc.impact_units[k];
    AddSummary(impact.Measure("total"), mc.impacts[k], unit, csv);
    for (const UncertainIntensity& x : v.intensities) {
      if (k < x.summary.size()) {
        AddSummary(impact.Measure(x.key), x.summary[k], unit + "/" + x.label, csv);
      } else if (!x.undefined.empty()) {
        // Undefined: one row per statistic, empty, with the reason.
        for (auto [statistic, value] : lca::Fields(lca::Summary{})) {
          csv.Figure(impact.Measure(x.key).Statistic(statistic), std::nullopt,
                     unit + "/" + x.label, x.undefined);
        }
      }
    }
    for (int slot = 0; slot < lca::kStageSlots; ++slot) {
      AddSummary(impact.Stage(lca::StageSlotName(slot)).Measure("contribution"), mc.stages[k][slot],
                 unit, csv);
    }
  }
  for (size_t k = 0; k < mc.impact_ids.size() && k < mc.sensitivity.size(); ++k) {
    const auto& rows = mc.sensitivity[k];
    for (size_t r = 0; r < rows.size() && static_cast<int>(r) < v.json_top; ++r) {
      const TidyKey input =
          base.Section("sensitivity").Impact(mc.impact_ids[k]).Input(rows[r].input);
      csv.Number(input.Measure("spearman"), rows[r].spearman, "1");
      csv.Number(input.Measure("first_order"), rows[r].first_order, "1");
    }
  }
}

void AddOneAtATime(const lca::OatResult& oat, const TidyKey& base, TidyCsv& csv) {
  for (size_t k = 0; k < oat.impact_ids.size(); ++k) {
    for (const lca::OatRow& row : oat.rows) {
      const TidyKey input =
          base.Section("one_at_a_time").Impact(oat.impact_ids[k]).Input(row.parameter);
      csv.Number(input.Measure("at_low"), row.low[k], oat.impact_units[k]);
      csv.Number(input.Measure("at_high"), row.high[k], oat.impact_units[k]);
    }
  }
}

}  // namespace

void AddUncertaintyCsv(const UncertaintyView& v, const TidyKey& base, TidyCsv& csv) {
  if (v.mc) AddMonteCarlo(*v.mc, v, base, csv);
  if (v.oat) AddOneAtATime(*v.oat, base, csv);
}

}  // namespace gpulca::reports
