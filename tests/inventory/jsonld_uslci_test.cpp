// The real test of the JSON-LD import: USLCI (766 processes, 4,601 flows,
// MIT licence), imported on top of the bundled data. Counts and the summary
// depend on the export and the importer only; results are checked against
// numbers worked out from the export's JSON:
//   - direct values by hand, from one process file;
//   - totals by an independent calculation on the raw JSON (a Python script
//     that reads the export, links each input to its default provider, else
//     to the only process making it, else to the first by readable id, and
//     solves A s = f by Gauss-Jordan elimination; not part of gpulca).
#include <catch2/catch.hpp>

#include "inventory/database/database.h"
#include "inventory/jsonld/jsonld_import.h"
#include "inventory/model/parameters.h"
#include "inventory/store/store.h"
#include "lca/system/calculation.h"
#include "tests/inventory/jsonld_fixture.h"
#include "tests/test_support.h"

using namespace gpulca;

namespace {

struct Uslci {
  test::TempDir dir;
  inventory::JsonldSummary summary;
  inventory::Inventory inv;
};

// USLCI imported once for all the test cases of this file; null when the
// export is not on this machine.
const Uslci* Imported() {
  static std::unique_ptr<Uslci> u = [] {
    std::string zip = test::UslciZip();
    if (zip.empty()) return std::unique_ptr<Uslci>();
    auto out = std::make_unique<Uslci>();
    std::string db = (out->dir.path() / "uslci.db").string();
    inventory::BuildDatabase(db, {GPULCA_SOURCE_DIR "/data"}, "bundled");
    inventory::Store store(db, false);
    out->summary = inventory::ImportJsonld(zip, store, inventory::JsonldOptions{});
    out->inv = store.Read();
    return out;
  }();
  if (!u) WARN("USLCI is not on this machine (../shared/data/uslci/uslci-jsonld.zip): skipped");
  return u.get();
}

lca::LcaResult Calc(const inventory::Inventory& inv, const std::string& process) {
  inventory::ParameterSet parameters(inv);
  return lca::Calculate(lca::BuildMatrices(inv, parameters, process, 1.0, {}));
}

double Total(const lca::LcaResult& r, const std::string& impact) {
  int k = r.ImpactIndex(impact);
  REQUIRE(k >= 0);
  return r.impacts[k];
}

// The direct impact of the demand process itself.
double Direct(const lca::LcaResult& r, const std::string& impact) {
  int k = r.ImpactIndex(impact);
  REQUIRE(k >= 0);
  return r.by_process[k][0];
}

// The amount of `flow` that `process` exchanges, per unit of its product.
double Exchanged(const inventory::Inventory& inv, const std::string& process,
                 const std::string& flow) {
  const inventory::Process* p = inv.FindProcess(process);
  REQUIRE(p);
  double sum = 0;
  for (const inventory::Exchange& x : p->exchanges) {
    if (x.flow == flow) sum += *x.amount * x.unit_factor;
  }
  return sum / (p->product_amount * p->product_factor);
}

size_t CountOf(const std::vector<std::pair<std::string, size_t>>& list, const std::string& key) {
  for (const auto& [k, n] : list) {
    if (k == key) return n;
  }
  return 0;
}

}  // namespace

TEST_CASE("USLCI: what the import reads, writes and reports", "[jsonld][uslci]") {
  const Uslci* u = Imported();
  if (!u) return;
  const inventory::JsonldSummary& s = u->summary;
  CHECK(s.schema == 1);
  CHECK(s.processes_read == 766);
  CHECK(s.flows_read == 4601);
  CHECK(s.sources_read == 686);
  CHECK(s.unit_groups_read == 27);
  CHECK(s.flow_properties_read == 33);
  CHECK(s.locations_read == 11);
  CHECK(s.categories_read == 283);
  CHECK(s.actors_read == 77);
  CHECK(s.processes == 766);
  CHECK(s.flows + s.matched_flows == 4601);
  CHECK(s.cut_off_exchanges == 2829);
  CHECK(s.formula_exchanges == 259);
  CHECK(s.processes_with_parameters == 24);
  // Only a currency is left without a unit of its own.
  REQUIRE(s.stand_in_units.size() == 1);
  CHECK(s.stand_in_units[0] == std::make_pair(std::string("EUR 2000"), size_t{5}));
  // Uncertainty (USLCI gives geomSd 0 or 1 for most lognormals: none).
  const inventory::UncertaintyTally& t = s.uncertainty;
  CHECK(t.lognormal == 12);
  CHECK(t.triangular == 379);
  CHECK(t.uniform == 24);
  // Pedigree entries on exchanges that are kept, less those on a zero amount
  // (a lognormal has no spread around zero); negative amounts are mirrored.
  CHECK(t.pedigree == 414);
  CHECK(t.pedigree_with_base == 248);
  CHECK(t.none == 5118);
  CHECK(t.swapped == 21);
  CHECK(t.mode_differs == 72);
  CHECK(t.dropped.at("amount outside [min, max]") == 6);
  // Counted in the zip: 19 exchanges carry a pedigree on an amount of 0.
  CHECK(t.dropped.at("lognormal on a zero amount") == 19);
  // Resources: primary energy, water withdrawals apart, CO2 uptake.
  CHECK(s.water_withdrawal_exchanges == 234);
  CHECK(CountOf(s.conversions, "Gas, natural, in ground -> energy_fossil: gross heating value "
                               "38.6 MJ/m3") == 30);
  CHECK(CountOf(s.conversions, "Oil, crude, in ground -> energy_fossil: gross heating value "
                               "45.25 MJ/kg") == 45);
  CHECK(CountOf(s.conversions, "Carbon dioxide, in air -> co2_biogenic: CO2 taken up from the "
                               "air, a negative biogenic emission") == 66);
  CHECK(CountOf(s.matched_by_flow, "energy_fossil") >= 300);
  CHECK(CountOf(s.matched_by_flow, "energy_renewable") >= 150);
  CHECK(CountOf(s.matched_by_flow, "copper_ore_cu") >= 40);
  std::string text = inventory::FormatJsonldSummary(s, 5);
  CHECK_THAT(text, Catch::Contains("766 processes, 4601 flows") &&
                       Catch::Contains("olca-schema v1") &&
                       Catch::Contains("234 exchanges of withdrawals"));
}

TEST_CASE("USLCI: a long-haul truck, by hand and in total", "[jsonld][uslci]") {
  const Uslci* u = Imported();
  if (!u) return;
  auto r = Calc(u->inv, "uslci.transport-combination-truck-long-haul-diesel-powered");
  // processes/a685da05-1a42-3fe1-a68b-6db458be5e07.json, per t*km:
  // 0.0782406225413368 kg CO2, 5.58385656902723e-6 kg methane,
  // 7.38976332416617e-8 kg dinitrogen monoxide (AR6 GWP100: 29.8, 273).
  CHECK(Direct(r, "gwp100") ==
        Approx(0.0782406225413368 + 29.8 * 5.58385656902723e-6 + 273 * 7.38976332416617e-8));
  CHECK(Total(r, "gwp100") == Approx(0.1359506621402255));  // the independent calculation
  CHECK(r.data.process_ids.size() == 35);
}

TEST_CASE("USLCI: an eGRID mix and fuels in the ground", "[jsonld][uslci]") {
  const Uslci* u = Imported();
  if (!u) return;
  auto rfce = Calc(u->inv, "uslci.electricity-at-egrid-rfce-2010");  // per MJ
  CHECK(Total(rfce, "gwp100") == Approx(0.14525077372977915));
  CHECK(Total(rfce, "energy") > 2.5);  // fossil and nuclear, by their heating values
  auto camx = Calc(u->inv, "uslci.electricity-at-egrid-camx-2010");
  CHECK(Total(camx, "gwp100") == Approx(0.17700631157393726));
  // Primary energy taken from nature, by hand from the process files: 1.04
  // kg of "Gas, natural, 49.8 MJ per kg"; 1 kg of "Oil, crude" at FEDEFL's
  // 0.0221 kg/MJ; 1.24 kg of "Coal, bituminous, 24.8 MJ per kg"; 10.9 kg of
  // uranium oxide at 332 GJ per kg.
  CHECK(Exchanged(u->inv, "uslci.natural-gas-extracted", "energy_fossil") == Approx(1.04 * 49.8));
  CHECK(Exchanged(u->inv, "uslci.crude-oil-at-production", "energy_fossil") == Approx(1 / 0.0221));
  CHECK(Exchanged(u->inv, "uslci.bituminous-coal-at-mine", "energy_fossil") == Approx(1.24 * 24.8));
  CHECK(Exchanged(u->inv, "uslci.fuel-grade-uranium-at-regional-storage", "energy_nuclear") ==
        Approx(10.9 * 332000));
}
