// The openLCA JSON-LD import on a small export written by the test
// (jsonld_fixture.h), in both schema versions: unit conversion, default
// providers and linking by product, uncertainty, resource matching, the
// summary, hand-worked results, and a broken entry that changes nothing.
#include "inventory/jsonld/jsonld_import.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cmath>

#include "inventory/database/database.h"
#include "lca/error.h"
#include "inventory/model/parameters.h"
#include "inventory/model/pedigree.h"
#include "inventory/store/additions.h"
#include "inventory/store/store.h"
#include "lca/system/calculation.h"
#include "tests/inventory/jsonld_fixture.h"
#include "tests/test_support.h"

using namespace gpulca;

using gpulca::inventory::Exchange;
using gpulca::inventory::Store;

namespace {

struct Imported {
  test::TempDir dir;
  std::string db, zip;
  inventory::JsonldSummary summary;
  inventory::Inventory inv;
};

// The fixture of `schema`, imported with prefix "fix" into a database built
// from kJsonldBase.
std::unique_ptr<Imported> Import(int schema) {
  auto out = std::make_unique<Imported>();
  out->dir.Write("base/base.toml", test::kJsonldBase);
  out->db = (out->dir.path() / "x.db").string();
  inventory::BuildDatabase(out->db, {(out->dir.path() / "base").string()}, "files");
  out->zip = (out->dir.path() / "fixture.zip").string();
  test::WriteZip(out->zip, test::JsonldFixture(schema));
  Store store(out->db, false);
  inventory::JsonldOptions options;
  options.prefix = "fix";
  out->summary = inventory::ImportJsonld(out->zip, store, options);
  out->inv = store.Read();
  return out;
}

const Exchange& Find(const inventory::Process& p, const std::string& flow) {
  for (const Exchange& x : p.exchanges) {
    if (x.flow == flow) return x;
  }
  FAIL("process " << p.id << " has no exchange of " << flow);
  throw;
}

double Impact(const inventory::Inventory& inv, const std::string& demand,
              const std::string& impact) {
  inventory::ParameterSet parameters(inv);
  lca::LcaResult r = lca::Calculate(lca::BuildMatrices(inv, parameters, demand, 1.0, {}));
  int k = r.ImpactIndex(impact);
  REQUIRE(k >= 0);
  return r.impacts[k];
}

// m3 of natural gas -> MJ: EIA's 1,036 Btu per cubic foot.
const double kGasMjPerM3 = 1036 * 1055.05585262 / 0.028316846592 / 1e6;

}  // namespace

TEST_CASE("a JSON-LD export imports the same from either schema version", "[jsonld]") {
  for (int schema : {1, 2}) {
    INFO("olca-schema v" << schema);
    auto imported = Import(schema);
    const inventory::JsonldSummary& s = imported->summary;
    const inventory::Inventory& inv = imported->inv;
    CHECK(s.schema == schema);
    CHECK(s.processes_read == 3);
    CHECK(s.flows_read == 9);
    CHECK(s.processes == 3);
    CHECK(s.matched_flows == 4);  // CO2, methane, natural gas, copper
    CHECK(s.flows == 5);          // four products and the river water
    CHECK(s.exchanges == 10);     // the secret sauce is cut off
    CHECK(s.cut_off_exchanges == 1);
    REQUIRE(s.unlinked_inputs.size() == 1);
    CHECK(s.unlinked_inputs[0].first == "Secret sauce");
    CHECK(s.water_withdrawal_exchanges == 1);
    REQUIRE(s.conversions.size() == 1);
    CHECK_THAT(s.conversions[0].first, Catch::Contains("Gas, natural, in ground -> energy_fossil") &&
                                           Catch::Contains("38.6 MJ/m3"));

    // Readable ids; the UUID stays in the origin.
    const inventory::Process* grid = inv.FindProcess("fix.electricity-at-grid");
    const inventory::Process* steel = inv.FindProcess("fix.steel-at-mill");
    const inventory::Process* widget = inv.FindProcess("fix.widget-assembly");
    REQUIRE(grid);
    REQUIRE(steel);
    REQUIRE(widget);
    CHECK_THAT(grid->origin.file, Catch::Contains("processes/00000000-0000-4000-8000-000000000101.json"));

    // Unit groups: 1 kWh of electricity is kept as 3.6 MJ, 1 t of steel as 1,000 kg.
    CHECK(inv.FindFlow("fix.electricity-at-grid")->unit == "MJ");
    CHECK(grid->product_amount == Approx(3.6));
    CHECK(steel->product_amount == Approx(1000));
    const Exchange& power = Find(*steel, "fix.electricity-at-grid");
    CHECK(*power.amount == Approx(1800));             // 500 kWh
    CHECK(power.provider == "fix.electricity-at-grid");  // the default provider
    CHECK(Find(*widget, "fix.steel").provider.empty());  // linked by product

    // Resource flows in gpulca's own flows: 0.1 m3 of gas at 38.6 MJ/m3.
    const Exchange& gas = Find(*grid, "energy_fossil");
    CHECK(*gas.amount == Approx(0.1 * kGasMjPerM3));
    CHECK_THAT(gas.comment, Catch::Contains("0.1 m3 of 'Gas, natural, in ground'") &&
                                Catch::Contains("source fix.hv-eia-gas"));
    CHECK(inv.FindSource("fix.hv-eia-gas"));
    CHECK(*Find(*steel, "copper_ore_cu").amount == Approx(2));
    CHECK(inv.FindFlow("fix.water-river")->compartment == "resource");

    // Uncertainty: a lognormal, a pedigree with its basic uncertainty, a
    // reversed triangle swapped, a triangle whose mode is not the amount,
    // and a geomSd of 0 that means none.
    const Exchange& co2 = Find(*grid, "co2_fossil");
    CHECK(co2.uncertainty.kind == inventory::Uncertainty::Kind::kLognormal);
    CHECK(co2.uncertainty.gsd == Approx(1.2));
    REQUIRE(gas.pedigree);
    CHECK(*gas.pedigree == std::array<int, 5>{2, 3, 1, 1, 1});
    CHECK(gas.uncertainty.gsd == 1.05);
    // The sampled spread, by the ecoinvent v3 variances (Weidema et al. 2013,
    // table 10.5): reliability 2 adds 0.0006, completeness 3 adds 0.0006, and
    // baseUncertainty 1.05 is the basic GSD, variance (ln 1.05)² = 0.0023805:
    // σ² = 0.0035805, GSD = exp(0.0598371) = 1.061664.
    CHECK(inventory::EffectiveUncertainty(gas).gsd == Approx(1.061664).epsilon(1e-6));
    const Exchange& steel_co2 = Find(*steel, "co2_fossil");
    CHECK(steel_co2.uncertainty.kind == inventory::Uncertainty::Kind::kTriangular);
    CHECK(steel_co2.uncertainty.min == Approx(1600));
    CHECK(steel_co2.uncertainty.max == Approx(2000));
    CHECK(Find(*steel, "ch4_fossil").uncertainty.min == Approx(0.5));
    CHECK_FALSE(Find(*widget, "co2_fossil").uncertainty.IsSet());
    CHECK(s.uncertainty.lognormal == 1);
    CHECK(s.uncertainty.triangular == 2);
    CHECK(s.uncertainty.pedigree == 1);
    CHECK(s.uncertainty.pedigree_with_base == 1);
    CHECK(s.uncertainty.none == 1);
    CHECK(s.uncertainty.swapped == 1);
    CHECK(s.uncertainty.mode_differs == 1);
    CHECK(s.uncertainty.geom_mean_differs == 0);
    CHECK(s.uncertainty.Dropped() == 0);

    // By hand, per widget: 0.1 kg CO2 direct; 2 kg steel at 1.8 kg CO2 +
    // 0.001 kg CH4 x 29.8 + 0.5 kWh x 0.5 kg CO2 per kg; 1 kWh x 0.5 kg CO2.
    CHECK(Impact(inv, "fix.widget-assembly", "gwp100") ==
          Approx(0.1 + 2 * (1.8 + 0.001 * 29.8 + 0.5 * 0.5) + 0.5));
    // 2 kWh in all, each with 0.1 m3 of gas.
    CHECK(Impact(inv, "fix.widget-assembly", "energy") == Approx(2 * 0.1 * kGasMjPerM3));
    CHECK(Impact(inv, "fix.widget-assembly", "adp") == Approx(2 * 0.002 * 0.0013659227538));
    CHECK(Impact(inv, "fix.widget-assembly", "water") == 0.0);  // a withdrawal is not consumption

    Store store(imported->db, false);
    CHECK(store.Meta("origin") == "files+import");
    CHECK(store.ContentHash() == store.Meta("content_hash"));
    auto additions = inventory::RecordedAdditions(imported->db);
    REQUIRE(additions.size() == 1);
    CHECK(additions[0].kind == "jsonld");
    CHECK(additions[0].path == imported->zip);
    CHECK(additions[0].prefix == "fix");
  }
}

TEST_CASE("both schema versions give the same stored inventory", "[jsonld]") {
  auto v1 = Import(1);
  auto v2 = Import(2);
  CHECK(Store(v1->db, false).ContentHash() == Store(v2->db, false).ContentHash());
}

TEST_CASE("a broken entry names itself and leaves the database byte for byte", "[jsonld]") {
  test::TempDir dir;
  dir.Write("base/base.toml", test::kJsonldBase);
  std::string db = (dir.path() / "x.db").string();
  inventory::BuildDatabase(db, {(dir.path() / "base").string()}, "files");
  const std::string before = test::ReadAll(db);
  inventory::JsonldOptions options;
  options.prefix = "fix";
  const std::string steel = "processes/00000000-0000-4000-8000-000000000102.json";

  struct Case {
    const char* what;
    std::function<void(std::map<std::string, std::string>&)> damage;
    std::vector<std::string> message;
  };
  std::vector<Case> cases = {
      {"not JSON", [&](auto& f) { f[steel] = "{\"@id\": \"x\", "; },
       {steel, "parse error"}},
      {"an exchange without an amount",
       [&](auto& f) {
         auto at = f[steel].find("\"amount\": 500");
         f[steel].replace(at, 13, "\"amountX\": 500");
       },
       {steel, "no amount", "Electricity, at grid"}},
      {"an exchange of a flow the export lacks",
       [&](auto& f) { f.erase("flows/00000000-0000-4000-8000-000000000008.json"); },
       {steel, "Steel, at mill", "which the export does not hold"}},
      {"a unit not in the flow's unit group",
       [&](auto& f) {
         auto at = f[steel].find("g-energy-kWh");
         f[steel].replace(at, 12, "g-energy-BTU");
         at = f[steel].find("\"name\": \"kWh\"");
         f[steel].replace(at, 13, "\"name\": \"BTU\"");
       },
       {steel, "unit 'BTU' is not in unit group 'Units of energy'"}},
      // Imports that went silently wrong: an exchange dropped with a
      // second reference, an id made from a missing name, the last of two
      // objects under one @id kept.
      {"two quantitative references",
       [&](auto& f) {
         auto j = nlohmann::json::parse(f[steel]);
         j["exchanges"][1]["quantitativeReference"] = true;
         f[steel] = j.dump(2);
       },
       {steel, "process 'Steel, at mill' has 2 quantitative references", "allocate it in openLCA"}},
      {"a process without a name",
       [&](auto& f) {
         auto j = nlohmann::json::parse(f[steel]);
         j.erase("name");
         f[steel] = j.dump(2);
       },
       {steel, "missing 'name'"}},
      {"a name that is not a string",
       [&](auto& f) {
         auto j = nlohmann::json::parse(f[steel]);
         j["name"] = 42;
         f[steel] = j.dump(2);
       },
       {steel, "'name' must be a non-empty string, not 42"}},
      {"two different processes under one @id",
       [&](auto& f) {
         auto j = nlohmann::json::parse(f[steel]);
         j["name"] = "Steel, at another mill";
         f["processes/copy.json"] = j.dump(2);
       },
       {"@id '00000000-0000-4000-8000-000000000102' is also the id of", "with other content"}},
      // It overflowed the stack in the name matching's std::regex.
      {"a name of 200,000 characters",
       [&](auto& f) {
         auto at = f[steel].find("\"name\": \"Steel, at mill\"");
         f[steel].replace(at, 24, "\"name\": \"" + std::string(200000, 'x') + "\"");
       },
       {steel, "'name' is 200000 characters long, where at most 10000 are allowed: 'xxxx"}},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    auto files = test::JsonldFixture(1);
    c.damage(files);
    std::string zip = (dir.path() / "broken.zip").string();
    test::WriteZip(zip, files);
    {
      Store store(db, false);
      try {
        inventory::ImportJsonld(zip, store, options);
        FAIL("the import should have failed");
      } catch (const InputError& e) {
        std::string message = e.what();
        INFO(message);
        for (const std::string& part : c.message) CHECK(message.find(part) != std::string::npos);
      }
    }
    CHECK(test::ReadAll(db) == before);
  }

  // A prefix of 100,000 characters (it overflowed the stack in std::regex).
  {
    Store store(db, false);
    inventory::JsonldOptions long_prefix;
    long_prefix.prefix = std::string(100000, 'a');
    std::string zip = (dir.path() / "fine.zip").string();
    test::WriteZip(zip, test::JsonldFixture(1));
    CHECK_THROWS_WITH(inventory::ImportJsonld(zip, store, long_prefix),
                      Catch::Contains("id prefix '" + std::string(40, 'a') +
                                      "... (100000 characters)' must match [a-z0-9][a-z0-9_.-]*; "
                                      "it is 100000 characters long, where at most 1000 are "
                                      "allowed"));
  }
  CHECK(test::ReadAll(db) == before);

  // The same export twice: the second import collides and writes nothing.
  std::string zip = (dir.path() / "good.zip").string();
  test::WriteZip(zip, test::JsonldFixture(2));
  {
    Store store(db, false);
    inventory::ImportJsonld(zip, store, options);
  }
  const std::string once = test::ReadAll(db);
  {
    Store store(db, false);
    CHECK_THROWS_WITH(inventory::ImportJsonld(zip, store, options),
                      Catch::Contains("fix.steel-at-mill"));
  }
  CHECK(test::ReadAll(db) == once);
}

TEST_CASE("numbers past the range of int or double in names and pedigrees are not uncaught "
          "exceptions", "[jsonld][fuzz]") {
  test::TempDir dir;
  dir.Write("base/base.toml", test::kJsonldBase);
  const std::string db = (dir.path() / "x.db").string(), zip = (dir.path() / "e.zip").string();
  inventory::BuildDatabase(db, {(dir.path() / "base").string()}, "files");
  const std::string before = test::ReadAll(db);
  inventory::JsonldOptions options;
  options.prefix = "fix";
  auto import = [&](const std::string& path, const std::string& from, const std::string& to) {
    auto files = test::JsonldFixture(2);
    const size_t at = files.at(path).find(from);
    REQUIRE(at != std::string::npos);
    files[path].replace(at, from.size(), to);
    test::WriteZip(zip, files);
    Store store(db, false);
    return inventory::ImportJsonld(zip, store, options);
  };
  // std::stod threw std::out_of_range at a heating value of 400 digits.
  const std::string copper = "flows/00000000-0000-4000-8000-000000000008.json";
  CHECK_THROWS_WITH(
      import(copper, "Copper, 0.99% in sulfide", "Coal, " + std::string(400, '9') + " MJ per kg"),
      Catch::Contains(zip + ":" + copper + ": the heating value in the name 'coal, 9999") &&
          Catch::Contains("is beyond the range of numbers gpulca holds"));
  CHECK(test::ReadAll(db) == before);
  // std::stoi threw std::out_of_range at a pedigree score of 11 digits: it
  // is not a score of 1 to 5, and is dropped as such.
  const std::string electricity = "processes/00000000-0000-4000-8000-000000000101.json";
  inventory::JsonldSummary s = import(electricity, "(2;3;1;1;1)", "(99999999999;3;1;1;1)");
  CHECK(s.uncertainty.pedigree == 0);
  CHECK(s.uncertainty.dropped == std::map<std::string, size_t>{{"pedigree entry not five scores 1-5", 1}});
}
