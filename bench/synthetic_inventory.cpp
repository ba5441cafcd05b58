#include "bench/synthetic_inventory.h"

#include <string>

namespace gpulca::bench {

inventory::Inventory SyntheticInventory(const SyntheticDatabase& db, double gsd) {
  inventory::Inventory inv;
  inventory::Source source;
  source.id = "synthetic";
  source.citation = "gpulca bench/synthetic_database.cpp";
  inv.sources.push_back(source);
  auto product = [](int j) { return "p" + std::to_string(j); };
  for (int j = 0; j < db.processes; ++j) {
    inventory::Flow f;
    f.id = product(j);
    f.name = f.id;
    f.unit = "kg";
    inv.flows.push_back(f);
  }
  for (int e = 0; e < db.flows; ++e) {
    inventory::Flow f;
    f.id = "e" + std::to_string(e);
    f.name = f.id;
    f.kind = inventory::FlowKind::kElementary;
    f.compartment = "air";
    f.unit = "kg";
    inv.flows.push_back(f);
  }
  inventory::Uncertainty u;
  if (gsd > 1.0) {
    u.kind = inventory::Uncertainty::Kind::kLognormal;
    u.gsd = gsd;
  }
  inv.processes.resize(db.processes);
  for (int j = 0; j < db.processes; ++j) {
    inventory::Process& p = inv.processes[j];
    p.id = product(j);
    p.name = p.id;
    p.location = "GLO";
    p.product = product(j);
    p.product_unit = "kg";
    p.is_default = true;
  }
  auto exchange = [&](const std::string& flow, double amount) {
    inventory::Exchange x;
    x.flow = flow;
    x.amount = amount;
    x.unit = "kg";
    x.source = "synthetic";
    x.uncertainty = u;
    return x;
  };
  for (const lca::Triplet& t : db.technosphere) {
    inventory::Process& p = inv.processes[t.col];
    if (t.row == t.col) {
      p.product_amount = t.value;
    } else {
      p.exchanges.push_back(exchange(product(t.row), -t.value));
    }
  }
  for (const lca::Triplet& t : db.biosphere) {
    inv.processes[t.col].exchanges.push_back(exchange("e" + std::to_string(t.row), t.value));
  }
  inventory::Flow final_product;
  final_product.id = "final";
  final_product.name = "final demand";
  final_product.unit = "kg";
  inv.flows.push_back(final_product);
  inventory::Process final_process;
  final_process.id = "final";
  final_process.name = "final demand";
  final_process.location = "GLO";
  final_process.product = "final";
  final_process.product_unit = "kg";
  final_process.is_default = true;
  for (int j = 0; j < db.processes; ++j) {
    if (db.demand[j] != 0.0) {
      inventory::Exchange x = exchange(product(j), db.demand[j]);
      x.uncertainty = inventory::Uncertainty{};
      final_process.exchanges.push_back(x);
    }
  }
  inv.processes.push_back(final_process);
  for (int h = 0; h < db.impacts; ++h) {
    inventory::ImpactMethod m;
    m.id = "m" + std::to_string(h);
    m.name = m.id;
    m.unit = "kg eq";
    m.source = "synthetic";
    inv.methods.push_back(m);
  }
  for (const lca::Triplet& t : db.characterisation) {
    inventory::ImpactFactor f;
    f.flow = "e" + std::to_string(t.col);
    f.value = t.value;
    f.unit = "kg";
    inv.methods[t.row].factors.push_back(f);
  }
  inv.BuildIndex();
  return inv;
}

}  // namespace gpulca::bench
