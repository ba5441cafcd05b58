// gpulca list flows|processes|methods|sources|parameters|gpus|units
//   [--format text|json]
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>

#include "cli/context.h"
#include "cli/output.h"
#include "cli/usage_error.h"
#include "inventory/model/units.h"

namespace gpulca::cli {
namespace {

using nlohmann::json;

// A catalogue GPU is a process whose own parameters describe a product with
// a thermal design power.
bool IsGpu(const inventory::Process& p) {
  for (const inventory::Parameter& q : p.parameters) {
    if (q.id == "tdp_w") return true;
  }
  return false;
}

const inventory::Parameter* Own(const inventory::Process& p, const std::string& id) {
  for (const inventory::Parameter& q : p.parameters) {
    if (q.id == id) return &q;
  }
  return nullptr;
}

std::string ParameterText(const inventory::Process& p, const std::string& id) {
  const inventory::Parameter* q = Own(p, id);
  if (!q) return "-";  // shown, so that a missing value is seen rather than a blank column
  return q->value ? fmt::format("{:g}", *q->value) : q->formula;
}

// A parameter's number (a whole one as an integer: a year is 2022, not
// 2022.0), its formula as text, or null.
json ParameterJson(const inventory::Parameter* q) {
  if (!q) return nullptr;
  if (!q->value) return q->formula;
  const double v = *q->value;
  if (v == std::floor(v) && std::abs(v) < 9.007199254740992e15) return static_cast<int64_t>(v);
  return v;
}

// The list as text lines and as JSON rows.
void List(const Context& context, const std::string& what, const std::string& format) {
  std::string text;
  json rows = json::array();
  if (what == "units") {
    for (const inventory::Unit& u : inventory::AllUnits()) {
      text += fmt::format("{:<8} {:<8} {:g}\n", u.name, inventory::ToString(u.dimension), u.to_base);
      rows.push_back({{"name", u.name}, {"dimension", inventory::ToString(u.dimension)},
                      {"to_base", u.to_base}});
    }
  } else {
    const inventory::Inventory inv = context.Load();
    if (what == "flows") {
      for (const inventory::Flow& f : inv.flows) {
        text += fmt::format("{:<32} {:<10} {:<6} {:<9} {}\n", f.id, inventory::ToString(f.kind),
                            f.unit, f.compartment, f.name);
        rows.push_back({{"id", f.id}, {"kind", inventory::ToString(f.kind)}, {"unit", f.unit},
                        {"compartment", f.compartment}, {"name", f.name}});
      }
    } else if (what == "processes") {
      for (const inventory::Process& p : inv.processes) {
        text += fmt::format("{:<36} {:<12} {:<8} {}\n", p.id, inventory::ToString(p.stage),
                            p.location, p.name);
        rows.push_back({{"id", p.id}, {"stage", inventory::ToString(p.stage)},
                        {"location", p.location}, {"name", p.name}});
      }
    } else if (what == "methods") {
      for (const inventory::ImpactMethod& m : inv.methods) {
        text += fmt::format("{:<8} {:<10} {:>4} factors  {}\n", m.id, m.unit, m.factors.size(), m.name);
        rows.push_back({{"id", m.id}, {"unit", m.unit}, {"factors", m.factors.size()}, {"name", m.name}});
      }
    } else if (what == "sources") {
      for (const inventory::Source& s : inv.sources) {
        text += fmt::format("{:<28} {}\n", s.id, s.citation);
        rows.push_back({{"id", s.id}, {"citation", s.citation}, {"url", s.url}});
      }
    } else if (what == "parameters") {
      for (const inventory::Parameter& p : inv.parameters) {
        text += fmt::format("{:<32} {:>12} {:<10} {}\n", p.id,
                            p.value ? fmt::format("{:g}", *p.value) : p.formula, p.unit, p.source);
        rows.push_back({{"id", p.id}, {"value", ParameterJson(&p)}, {"unit", p.unit},
                        {"source", p.source}});
      }
    } else if (what == "gpus") {
      text += fmt::format("{:<28} {:>6} {:>8} {:>10}  {}\n", "id", "year", "TDP W", "memory GB", "name");
      for (const inventory::Process& p : inv.processes) {
        if (!IsGpu(p)) continue;
        text += fmt::format("{:<28} {:>6} {:>8} {:>10}  {}\n", p.id, ParameterText(p, "release_year"),
                            ParameterText(p, "tdp_w"), ParameterText(p, "memory_capacity_gb"), p.name);
        rows.push_back({{"id", p.id}, {"name", p.name},
                        {"release_year", ParameterJson(Own(p, "release_year"))},
                        {"tdp_w", ParameterJson(Own(p, "tdp_w"))},
                        {"memory_gb", ParameterJson(Own(p, "memory_capacity_gb"))}});
      }
    } else {
      throw UsageError(fmt::format("list: unknown kind '{}' (flows, processes, methods, sources, "
                                   "parameters, gpus, units)", what));
    }
  }
  Print(format == "json" ? rows.dump(2) + "\n" : text);
}

}  // namespace

void AddListCommand(CLI::App& app, Context& context) {
  auto* list = app.add_subcommand("list", "List flows, processes, methods, sources, parameters, gpus or units");
  auto what = std::make_shared<std::string>("gpus");
  auto format = std::make_shared<std::string>("text");
  list->add_option("what", *what, "flows|processes|methods|sources|parameters|gpus|units");
  list->add_option("--format", *format, "Output format")->check(CLI::IsMember({"text", "json"}));
  list->callback([&context, what, format] { List(context, *what, *format); });
}

}  // namespace gpulca::cli
