// The import summary as text (declared in jsonld_import.h).
#include <fmt/format.h>

#include "inventory/jsonld/jsonld_import.h"

namespace gpulca::inventory {

std::string FormatJsonldSummary(const JsonldSummary& s, size_t top) {
  std::string out = fmt::format("Imported {} (olca-schema v{})\n", s.archive, s.schema);
  out += fmt::format("  read:    {} processes, {} flows, {} sources, {} unit groups, {} flow "
                     "properties, {} locations, {} categories, {} actors\n",
                     s.processes_read, s.flows_read, s.sources_read, s.unit_groups_read,
                     s.flow_properties_read, s.locations_read, s.categories_read, s.actors_read);
  out += fmt::format("  written: {} processes, {} flows, {} sources, {} exchanges\n", s.processes,
                     s.flows, s.sources, s.exchanges);
  auto list = [&](const char* title, const std::vector<std::pair<std::string, size_t>>& items,
                  const char* what) {
    if (items.empty()) return;
    out += fmt::format("  {} ({}):\n", title, items.size());
    for (size_t i = 0; i < items.size() && i < top; ++i) {
      out += fmt::format("    {:6} {}  {}\n", items[i].second, what, items[i].first);
    }
    if (items.size() > top) out += fmt::format("    ... and {} more\n", items.size() - top);
  };
  out += fmt::format("  elementary flows matched to gpulca's: {} flows, {} exchanges\n",
                     s.matched_flows, s.matched_exchanges);
  list("matched exchanges by gpulca flow", s.matched_by_flow, "x");
  list("converted with a factor (heating value, uptake, water)", s.conversions, "x");
  out += fmt::format("  water: {} exchanges of withdrawals, not counted as consumption (gpulca's "
                     "water indicator is consumption, which the export does not give)\n",
                     s.water_withdrawal_exchanges);
  if (s.uncategorised_flows > 0) {
    out += fmt::format("  {} elementary flows without a compartment in their category: taken as "
                       "resources when only taken in, as emissions to air otherwise\n",
                       s.uncategorised_flows);
  }
  const UncertaintyTally& u = s.uncertainty;
  out += fmt::format("  uncertainty kept on {} exchanges: {} lognormal, {} normal, {} triangular, "
                     "{} uniform, {} pedigree ({} with a basic uncertainty)\n",
                     u.Kept(), u.lognormal, u.normal, u.triangular, u.uniform, u.pedigree,
                     u.pedigree_with_base);
  out += fmt::format("    {} distributions that say none (geomSd 0, sd 0, min = max); {} with "
                     "minimum and maximum swapped; {} triangular with a mode other than the "
                     "amount (the amount kept as the mode); {} pedigrees beside a distribution "
                     "(the distribution kept)\n",
                     u.none, u.swapped, u.mode_differs, u.pedigree_beside);
  if (u.lognormal + u.pedigree > 0) {
    // What a Monte Carlo run will show beside openLCA's (docs/interop.md).
    out += fmt::format("    {} lognormal with a geomMean other than the amount (the amount kept "
                       "as the median); gpulca samples each lognormal with its amount as the "
                       "median, openLCA 2.4 and later with geomMean as the mean, so a mean here "
                       "is exp(σ²/2) times openLCA's (gsd 1.5: 1.086)\n",
                       u.geom_mean_differs);
    out += fmt::format("    {} exchanges with a pedigree and no distribution are sampled here; "
                       "openLCA's Monte Carlo keeps them at their amount\n", u.pedigree);
  }
  if (u.Dropped() > 0) {
    out += fmt::format("    dropped as invalid: {}\n", u.Dropped());
    for (const auto& [why, n] : u.dropped) out += fmt::format("      {:6} x  {}\n", n, why);
  }
  out += fmt::format("  formulas: {} exchanges keep their evaluated amount; {} processes had "
                     "parameters (not imported)\n", s.formula_exchanges, s.processes_with_parameters);
  if (s.skipped_exchanges > 0) {
    out += fmt::format("  skipped: {} waste inputs outside the reference\n", s.skipped_exchanges);
  }
  out += fmt::format("  unlinked product inputs, cut off: {} exchanges\n", s.cut_off_exchanges);
  list("unlinked inputs, by exchanges", s.unlinked_inputs, "x");
  list("unmatched elementary flows, by exchanges", s.unmatched_elementary, "x");
  list("water withdrawals, by exchanges", s.water_withdrawals, "x");
  list("units gpulca lacks, kept with 'item' standing in", s.stand_in_units, "flows");
  if (!s.defaults_chosen.empty()) {
    out += "  several providers, default chosen:\n";
    for (const std::string& d : s.defaults_chosen) out += "    " + d + "\n";
  }
  return out;
}

}  // namespace gpulca::inventory
