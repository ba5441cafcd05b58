// NaN and infinities are rejected at the door (docs/reliability.md): by the
// TOML reader at the number's line, by validation for formulas at nominal
// values and at the ends of the parameters' ranges, by ParameterSet for an
// override, and by the store, which writes no non-finite number and reads no
// NULL number back as 0.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "inventory/model/parameters.h"
#include "inventory/store/store.h"
#include "inventory/toml/toml_loader.h"
#include "lca/error.h"
#include "tests/test_support.h"

using namespace gpulca;
using inventory::Diagnostic;

namespace {

// kSmallInventory + `extra`, parsed and validated as test.toml.
std::vector<Diagnostic> ProblemsOf(const std::string& text) {
  std::vector<Diagnostic> problems;
  test::Parse(text, &problems);
  INFO(inventory::JoinDiagnostics(problems));
  return problems;
}

const char* const kProcessHead =
    "\n[[process]]\nid = \"p_extra\"\nname = \"Extra\"\nlocation = \"TW\"\n"
    "product = { flow = \"wafer_area\", amount = 1, unit = \"cm2\" }\n"
    "  [[process.exchanges]]\n  flow = \"co2_fossil\"\n  unit = \"kg\"\n  source = \"s1\"\n";

}  // namespace

TEST_CASE("a parameter value of nan is a problem at its line", "[nan]") {
  std::string text = std::string(test::kSmallInventory) +
                     "\n[[parameter]]\nid = \"z\"\nvalue = nan\nsource = \"s1\"\n";
  auto problems = ProblemsOf(text);
  CHECK(test::AnyProblem(problems, {fmt::format("test.toml:{}", test::LineOf(text, "value = nan")),
                                    "parameter 'z': 'value' must be a finite number, not nan"}));
}

TEST_CASE("a parameter value of inf is a problem at its line, not at the formula", "[nan]") {
  // epa is read by the formula area_factor: the value is at fault, not it.
  std::string text = test::kSmallInventory;
  text.replace(text.find("value = 2.5"), 11, "value = inf");
  auto problems = ProblemsOf(text);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].origin.line == test::LineOf(text, "value = inf"));
  CHECK(test::AnyProblem(
      problems, {"test.toml:", "parameter 'epa': 'value' must be a finite number, not inf"}));
  text.replace(text.find("value = inf"), 11, "value = -inf");
  CHECK(test::AnyProblem(
      ProblemsOf(text), {fmt::format("test.toml:{}", test::LineOf(text, "value = -inf")), "-inf"}));
}

TEST_CASE("a characterisation factor of nan is a problem at its line", "[nan]") {
  std::string text = std::string(test::kSmallInventory) +
                     "\n[[method]]\nid = \"m2\"\nname = \"M2\"\nunit = \"kg\"\nsource = \"s1\"\n"
                     "  [[method.factors]]\n  flow = \"co2_fossil\"\n  value = nan\n";
  CHECK(test::AnyProblem(ProblemsOf(text),
                         {fmt::format("test.toml:{}", test::LineOf(text, "value = nan")),
                          "factor of 'co2_fossil': 'value' must be a finite number, not nan"}));
}

TEST_CASE("an exchange amount of nan, and an uncertainty bound of inf, are problems at their line",
          "[nan]") {
  std::string text = std::string(test::kSmallInventory) + kProcessHead + "  amount = nan\n";
  CHECK(test::AnyProblem(ProblemsOf(text),
                         {fmt::format("test.toml:{}", test::LineOf(text, "amount = nan")),
                          "exchange of 'co2_fossil': 'amount' must be a finite number, not nan"}));
  std::string bound = std::string(test::kSmallInventory) + kProcessHead +
                      "  amount = 1\n  uncertainty = { distribution = \"uniform\", min = 0, "
                      "max = inf }\n";
  CHECK(test::AnyProblem(
      ProblemsOf(bound),
      {fmt::format("test.toml:{}", test::LineOf(bound, "max = inf")),
       "uncertainty of exchange of 'co2_fossil': 'max' must be a finite number, not inf"}));
}

TEST_CASE("a formula amount that divides by zero at nominal values names formula, inputs, line",
          "[nan]") {
  std::string text =
      std::string(test::kSmallInventory) + kProcessHead + "  amount = \"1 / (epa - 2.5)\"\n";
  auto problems = ProblemsOf(text);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].origin.line ==
        test::LineOf(text, "id = \"p_extra\"") + 4);  // [[process.exchanges]]
  CHECK(test::AnyProblem(problems, {"process 'p_extra', exchange of 'co2_fossil'",
                                    "formula amount '1 / (epa - 2.5)' evaluates to inf",
                                    "at the nominal values", "epa = 2.5"}));
}

TEST_CASE("a formula parameter that divides by zero at nominal values has its own file:line",
          "[nan]") {
  std::string text = test::kSmallInventory;
  text.replace(text.find("\"2 * epa\""), 9, "\"2 / (epa - 2.5)\"");
  auto problems = ProblemsOf(text);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].origin.ToString() ==
        fmt::format("test.toml:{}", test::LineOf(text, "id = \"area_factor\"")));
  CHECK(test::AnyProblem(problems, {"parameter 'area_factor' of process 'wafer_tw'",
                                    "'2 / (epa - 2.5)' evaluates to inf", "epa = 2.5"}));
}

TEST_CASE("a formula that divides by zero only at the end of a range is a problem", "[nan]") {
  std::string text = std::string(test::kSmallInventory) +
                     "\n[[parameter]]\nid = \"y\"\nvalue = 2\nsource = \"s1\"\n"
                     "uncertainty = { distribution = \"uniform\", min = 1, max = 3 }\n" +
                     kProcessHead + "  amount = \"1 / (y - 3)\"\n";
  auto problems = ProblemsOf(text);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].origin.line == test::LineOf(text, "amount = \"1 / (y - 3)\"") - 4);
  CHECK(test::AnyProblem(problems, {"formula amount '1 / (y - 3)' evaluates to inf",
                                    "when y is at the max of its uniform range, 3", "y = 3"}));
  // At its min the formula is finite, and the data is valid.
  std::string fine = text;
  fine.replace(fine.find("(y - 3)"), 7, "(y - 4)");
  CHECK(ProblemsOf(fine).empty());
}

TEST_CASE("an override that is not finite is refused and changes nothing", "[nan]") {
  inventory::Inventory inv = test::ParseValid(test::kSmallInventory);
  inventory::ParameterSet p(inv);
  CHECK_THROWS_AS(p.Override("epa", std::numeric_limits<double>::quiet_NaN()), InvalidArgument);
  CHECK_THROWS_WITH(p.Override("epa", std::numeric_limits<double>::infinity()),
                    Catch::Contains("epa") && Catch::Contains("not a finite number"));
  CHECK(p.Value("", "epa") == 2.5);
  test::TempDir dir;
  auto file = dir.Write("p.toml", "epa = 3\nutilization = nan\n");
  CHECK_THROWS_WITH(inventory::LoadOverrides(file.string()), Catch::Contains("p.toml:2") &&
                                                                 Catch::Contains("'utilization'") &&
                                                                 Catch::Contains("finite"));
}

TEST_CASE("the store writes no number that is not finite, and nothing of the batch", "[nan]") {
  inventory::Inventory inv = test::ParseValid(test::kSmallInventory);
  test::TempDir dir;
  std::string db = (dir.path() / "s.db").string();
  inventory::Store store(db, true);
  store.Replace(inv, {});
  std::string hash = store.ContentHash();
  std::string before = test::ReadAll(db);
  inventory::Inventory bad = inv;
  bad.methods[0].factors[0].value = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_WITH(store.Replace(bad, {}), Catch::Contains("test.toml:") &&
                                                Catch::Contains("factor value is nan") &&
                                                Catch::Contains("nothing was written"));
  bad = inv;
  bad.processes[0].exchanges[0].uncertainty.max = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(store.Replace(bad, {}), StoreError);
  inventory::Inventory extra;  // new ids only: Add would take it but for the inf
  extra.parameters = {inv.parameters[0]};
  extra.parameters[0].id = "fresh";
  extra.parameters[0].value = std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH(store.Add(extra, {}), Catch::Contains("value is inf"));
  CHECK(store.ContentHash() == hash);
  CHECK(test::ReadAll(db) == before);
  CHECK(store.Read().methods[0].factors[0].value == 1.0);
}

TEST_CASE("a NULL number read back from the store is an error, not 0", "[nan]") {
  inventory::Inventory inv = test::ParseValid(test::kSmallInventory);
  test::TempDir dir;
  std::string db = (dir.path() / "s.db").string();
  inventory::Store(db, true).Replace(inv, {});
  auto with = [&](const std::string& sql) {
    test::TempDir copy_dir;
    std::string copy = (copy_dir.path() / "c.db").string();
    std::filesystem::copy_file(db, copy);
    SQLite::Database(copy, SQLite::OPEN_READWRITE).exec(sql);
    std::string message;
    try {
      inventory::Store(copy, false).Read();
    } catch (const StoreError& e) {
      message = e.what();
    }
    return message;
  };
  std::string factor = with("UPDATE factors SET value = NULL");
  CHECK_THAT(factor, Catch::Contains("test.toml:") && Catch::Contains("factors row") &&
                         Catch::Contains("value is NULL"));
  CHECK_THAT(with("UPDATE parameters SET value = NULL WHERE id = 'epa'"),
             Catch::Contains("parameters row") && Catch::Contains("no formula"));
  CHECK_THAT(with("UPDATE exchanges SET amount = NULL WHERE process = 'grid_tw'"),
             Catch::Contains("exchanges row") && Catch::Contains("no formula"));
  CHECK_THAT(with("UPDATE processes SET product_amount = NULL"),
             Catch::Contains("product_amount is NULL"));
  CHECK_THAT(with("UPDATE exchanges SET unc_sd = NULL"), Catch::Contains("unc_sd is NULL"));
  CHECK_THAT(with("UPDATE factors SET value = 9e999"), Catch::Contains("value is inf"));
  CHECK(with("UPDATE meta SET value = 'x' WHERE key = 'origin'").empty());  // control
}
