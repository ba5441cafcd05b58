// The synthetic background database (synthetic_database.h) as an inventory,
// for benchmarks that go through the whole path (graph, matrices, Monte
// Carlo): process "pJ" makes product "pJ" (kg), consumes the products of its
// column and emits flows "eF"; methods "mH" characterise them; the process
// "final" takes 1 of each demanded product. Every exchange is lognormal with
// geometric SD `gsd` (none when gsd is 1), as nearly every exchange of an
// ecoinvent-like database is.
#pragma once

#include "bench/synthetic_database.h"
#include "inventory/model/model.h"

namespace gpulca::bench {

// REQUIRES: every off-diagonal technosphere entry of `db` is a consumption
// (negative), as GenerateDatabase makes them.
inventory::Inventory SyntheticInventory(const SyntheticDatabase& db, double gsd);

}  // namespace gpulca::bench
