// The product system (supply-chain graph) of a demand: every process reached
// from the demand process by linking each product or waste input to its
// provider.
//
// Provider rule, for an input of flow F by process C at location L (C's
// effective location): the exchange's explicit `provider`, else the rule of
// inventory/providers.h; an ambiguous choice is a LinkError listing the
// candidates, and no process making F is a LinkError naming F and C (with
// file:line).
//
// A co-product output of F by C displaces the product of the process of the
// system that makes F (the first reached); when the system has none, the
// co-product leaves the system (cut off). Co-product links count as edges for
// loops and order: the displaced process's scaling depends on C's, as it
// does on a consumer's.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "inventory/model/model.h"

namespace gpulca {

struct LinkOptions {
  // Process id -> the location it is treated as having (e.g. the region of a
  // deployment). Its inputs then prefer providers at that location.
  std::map<std::string, std::string> locations;
  // Relocations of providers: a provider of an input of process `consumer`
  // (named by the exchange or chosen by the rule) whose id starts with
  // `prefix` and that is not at `location` is replaced by the process at
  // `location` whose id starts with `prefix` and that makes the same product,
  // where the database has one (e.g. the logic wafer fab of a GPU module
  // moved to another region).
  struct Relocation {
    std::string consumer, prefix, location;
  };
  std::vector<Relocation> relocations;
};

// One supply relation: exchange `exchange` of process `consumer` is provided
// by process `provider` (or, for a co-product, displaces its product).
// Indices are positions in ProductSystem::processes.
struct Link {
  int consumer;
  int exchange;  // index into the consumer's exchanges
  int provider;
};

struct ProductSystem {
  std::vector<size_t> processes;  // indices into Inventory::processes; [0] is the demand
  std::vector<std::string> locations;  // effective location of each process
  std::vector<Link> links;
  // Co-products: output exchange `exchange` of process `consumer` displaces
  // the product of process `provider`.
  std::vector<Link> coproducts;
  std::map<size_t, int> position;  // inventory index -> position in `processes`
  // Providers a relocation could not move, for lack of a process at its
  // location: "logic_wafer_n4_tw (no logic_wafer_* at JP)".
  std::vector<std::string> unrelocated;

  size_t size() const { return processes.size(); }
};

// Builds the product system reachable from process `demand_process`.
// Throws NotFound for an unknown process, LinkError for a missing or
// ambiguous provider.
ProductSystem BuildProductSystem(const inventory::Inventory& inventory,
                                 const std::string& demand_process,
                                 const LinkOptions& options = {});

// The process that provides `flow` by default (rule 2 to 4 above, with no
// consumer location); throws LinkError when there is none or no default.
const inventory::Process& DefaultProvider(const inventory::Inventory& inventory,
                                          const std::string& flow);

}  // namespace gpulca
