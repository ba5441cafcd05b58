// gpulca graph DEMAND [--region R] [--depth N] [--format text|dot]
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/options.h"
#include "lca/system/product_graph.h"
#include "lca/system/matrix_data.h"

namespace gpulca::cli {
namespace {

struct GraphOptions {
  std::string demand;
  std::string region;
  int depth = -1;
  OutputOptions output;
};

void Run(const Context& context, const GraphOptions& o) {
  inventory::Inventory inv = context.Load();
  std::string process = lca::ResolveDemand(inv, o.demand, o.region);
  LinkOptions links;
  if (!o.region.empty()) links.locations[process] = o.region;
  ProductSystem system = BuildProductSystem(inv, process, links);
  if (o.output.format == "dot") {
    o.output.Write(ToDot(system, inv, o.depth));
    return;
  }
  std::string text = fmt::format("{} processes, {} links, {} co-product link{}\n", system.size(),
                                 system.links.size(), system.coproducts.size(),
                                 system.coproducts.size() == 1 ? "" : "s");
  auto loops = Loops(system);
  text += fmt::format("{} loop{}\n", loops.size(), loops.size() == 1 ? "" : "s");
  for (const auto& loop : loops) {
    std::vector<std::string> ids;
    for (int p : loop) ids.push_back(inv.processes[system.processes[p]].id);
    text += fmt::format("  loop: {}\n", fmt::join(ids, ", "));
  }
  std::vector<int> depth = UpstreamDepths(system);
  if (auto order = TopologicalOrder(system)) {
    text += "topological order (demand first):\n";
    for (int p : *order) {
      if (o.depth >= 0 && depth[p] > o.depth) continue;
      const inventory::Process& proc = inv.processes[system.processes[p]];
      text += fmt::format(
          "  {:<40} {:<12} {:<6} depth {}\n", proc.id,
          proc.stage == inventory::Stage::kNone ? "background" : inventory::ToString(proc.stage),
          system.locations[p], depth[p]);
    }
  }
  o.output.Write(text);
}

}  // namespace

void AddGraphCommand(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand("graph", "The supply-chain graph of a demand");
  auto o = std::make_shared<GraphOptions>();
  cmd->add_option("demand", o->demand, "Process or product id")->required();
  cmd->add_option("--region", o->region, "Treat the demand process as located here");
  cmd->add_option("--depth", o->depth, "Show only processes at most this many links upstream")
      ->check(CLI::NonNegativeNumber);
  o->output.Add(*cmd, "text", {"text", "dot"});
  cmd->callback([&context, o] { Run(context, *o); });
}

}  // namespace gpulca::cli
