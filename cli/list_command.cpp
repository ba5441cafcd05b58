// gpulca list flows|processes|methods|sources|parameters|gpus|units
#include <fmt/format.h>

#include "cli/context.h"
#include "inventory/model/units.h"
#include "cli/usage_error.h"

namespace gpulca::cli {
namespace {

// A catalogue GPU is a process whose own parameters describe a product with
// a thermal design power.
bool IsGpu(const inventory::Process& p) {
  for (const inventory::Parameter& q : p.parameters) {
    if (q.id == "tdp_w") return true;
  }
  return false;
}

std::string ParameterText(const inventory::Process& p, const std::string& id) {
  for (const inventory::Parameter& q : p.parameters) {
    if (q.id == id) return q.value ? fmt::format("{:g}", *q.value) : q.formula;
  }
  return "-";  // shown, so that a missing value is seen rather than a blank column
}

void List(const Context& context, const std::string& what) {
  if (what == "units") {
    for (const inventory::Unit& u : inventory::AllUnits())
      fmt::print("{:<8} {:<8} {:g}\n", u.name, inventory::ToString(u.dimension), u.to_base);
    return;
  }
  inventory::Inventory inv = context.Load();
  if (what == "flows") {
    for (const inventory::Flow& f : inv.flows) {
      fmt::print("{:<32} {:<10} {:<6} {:<9} {}\n", f.id, inventory::ToString(f.kind), f.unit,
                 f.compartment, f.name);
    }
  } else if (what == "processes") {
    for (const inventory::Process& p : inv.processes) {
      fmt::print("{:<36} {:<12} {:<8} {}\n", p.id, inventory::ToString(p.stage), p.location,
                 p.name);
    }
  } else if (what == "methods") {
    for (const inventory::ImpactMethod& m : inv.methods) {
      fmt::print("{:<8} {:<10} {:>4} factors  {}\n", m.id, m.unit, m.factors.size(), m.name);
    }
  } else if (what == "sources") {
    for (const inventory::Source& s : inv.sources) fmt::print("{:<28} {}\n", s.id, s.citation);
  } else if (what == "parameters") {
    for (const inventory::Parameter& p : inv.parameters) {
      fmt::print("{:<32} {:>12} {:<10} {}\n", p.id, p.value ? fmt::format("{:g}", *p.value) : p.formula,
                 p.unit, p.source);
    }
  } else if (what == "gpus") {
    fmt::print("{:<28} {:>6} {:>8} {:>10}  {}\n", "id", "year", "TDP W", "memory GB", "name");
    for (const inventory::Process& p : inv.processes) {
      if (!IsGpu(p)) continue;
      fmt::print("{:<28} {:>6} {:>8} {:>10}  {}\n", p.id, ParameterText(p, "release_year"),
                 ParameterText(p, "tdp_w"), ParameterText(p, "memory_capacity_gb"), p.name);
    }
  } else {
    throw UsageError(fmt::format("list: unknown kind '{}' (flows, processes, methods, sources, "
                                 "parameters, gpus, units)", what));
  }
}

}  // namespace

void AddListCommand(CLI::App& app, Context& context) {
  auto* list = app.add_subcommand("list", "List flows, processes, methods, sources, parameters, gpus or units");
  auto what = std::make_shared<std::string>("gpus");
  list->add_option("what", *what, "flows|processes|methods|sources|parameters|gpus|units");
  list->callback([&context, what] { List(context, *what); });
}

}  // namespace gpulca::cli
