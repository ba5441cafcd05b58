#include "reports/fleet_tables.h"

#include <fmt/format.h>

namespace gpulca::reports {
namespace {

std::vector<std::string> Headers(const lca::FleetAssessment& f, std::vector<std::string> first,
                                 const std::string& per = "") {
  for (size_t k = 0; k < f.impact_ids.size(); ++k) {
    first.push_back(fmt::format("{} ({}{})", f.impact_ids[k], f.impact_units[k], per));
  }
  return first;
}

std::vector<Cell> Row(std::vector<Cell> first, const std::vector<double>& values) {
  for (double v : values) first.emplace_back(v);
  return first;
}

void AddYear(Table& t, const lca::FleetYear& y) {
  const double year = y.shipments.year;
  t.rows.push_back(Row({year, std::string("embodied, units shipped"), y.shipments.total,
                        y.kwh_per_year},
                       y.embodied));
  t.rows.push_back(Row({year, std::string("operational, per year deployed"), y.shipments.total,
                        y.kwh_per_year},
                       y.operational_per_year));
}

}  // namespace

std::vector<Table> FleetAssessmentTables(const lca::FleetAssessment& f) {
  Table fleet{"Fleet", Headers(f, {"year", "quantity", "units", "electricity (kWh per year)"}), {}};
  AddYear(fleet, f.year);
  if (f.previous) AddYear(fleet, *f.previous);

  Table products{"Products",
                 [&] {
                   std::vector<std::string> h = {"gpu", "vendor", "name", "units",
                                                 "electricity (kWh per year)"};
                   for (const std::string& s : Headers(f, {}, ", embodied")) h.push_back(s);
                   for (const std::string& s : Headers(f, {}, " per year, operational")) h.push_back(s);
                   return h;
                 }(),
                 {}};
  for (const lca::FleetProduct& p : f.year.products) {
    std::vector<Cell> row = {p.gpu, p.vendor, p.name, p.units, p.kwh_per_year};
    for (double v : p.embodied) row.emplace_back(v);
    for (double v : p.operational_per_year) row.emplace_back(v);
    products.rows.push_back(std::move(row));
  }

  Table stages{"By stage", Headers(f, {"stage"}, ", embodied"), {}};
  for (int slot = 0; slot < lca::kStageSlots; ++slot) {
    std::vector<double> values;
    for (const auto& by_stage : f.year.by_stage) values.push_back(by_stage[slot]);
    stages.rows.push_back(Row({std::string(lca::StageSlotName(slot))}, values));
  }

  Table vendors{"By vendor", Headers(f, {"vendor"}, ", embodied"), {}};
  for (const auto& [vendor, values] : f.year.by_vendor) vendors.rows.push_back(Row({vendor}, values));
  return {fleet, products, stages, vendors};
}

std::vector<Table> AssetTotalsTables(const lca::AssetTotals& t) {
  std::vector<std::string> headers = {"year", "GPU-hours (h)", "electricity (kWh)"};
  for (size_t k = 0; k < t.impact_ids.size(); ++k) {
    headers.push_back(fmt::format("{} ({}), embodied amortised", t.impact_ids[k], t.impact_units[k]));
  }
  for (size_t k = 0; k < t.impact_ids.size(); ++k) {
    headers.push_back(fmt::format("{} ({}), operational", t.impact_ids[k], t.impact_units[k]));
  }
  Table years{"Years", headers, {}};
  for (const lca::AssetYear& y : t.years) {
    std::vector<Cell> row = {static_cast<double>(y.year), y.gpu_hours, y.kwh};
    for (double v : y.embodied) row.emplace_back(v);
    for (double v : y.operational) row.emplace_back(v);
    years.rows.push_back(std::move(row));
  }
  Table file{"File", {"quantity", "value"}, {}};
  file.rows.push_back({std::string("lines"), static_cast<double>(t.lines)});
  file.rows.push_back({std::string("rows"), static_cast<double>(t.rows)});
  file.rows.push_back({std::string("rows skipped"), static_cast<double>(t.skipped)});
  file.rows.push_back({std::string("units"), t.units});
  return {years, file};
}

}  // namespace gpulca::reports
