// Crafted input that used to crash gpulca with a stack overflow (a
// segmentation fault, no message): a 50,000-character id (std::regex
// recursed once per character), TOML nested 10,000 deep (toml11 parses
// nested values recursively), in inventory files, orders and --params files.
// Each now gets a message that says where and why.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "inventory/model/identifiers.h"
#include "inventory/model/validate.h"
#include "inventory/records/order.h"
#include "inventory/toml/toml_depth.h"
#include "inventory/toml/toml_loader.h"
#include "lca/error.h"
#include "tests/test_support.h"

using namespace gpulca;
using Catch::Matchers::Contains;

namespace {

std::string Nested(int depth) {
  return "x = " + std::string(depth, '[') + std::string(depth, ']') + "\n";
}

}  // namespace

TEST_CASE("identifiers are checked by hand, with a length limit", "[hostile][inventory]") {
  using inventory::IdProblem;
  using inventory::ParameterIdProblem;
  CHECK(IdProblem("nvidia-h100-sxm5").empty());
  CHECK(IdProblem("uslci.electricity_at_grid-2").empty());
  CHECK(IdProblem("0abc").empty());
  CHECK(IdProblem("Abc") == "not of the form [a-z0-9][a-z0-9_.-]*");
  CHECK(IdProblem("_abc") == "not of the form [a-z0-9][a-z0-9_.-]*");
  CHECK(IdProblem("a b") == "not of the form [a-z0-9][a-z0-9_.-]*");
  CHECK(IdProblem("") == "not of the form [a-z0-9][a-z0-9_.-]*");
  CHECK(IdProblem(std::string(1000, 'a')).empty());
  CHECK(IdProblem(std::string(1001, 'a')) ==
        "1001 characters long, where at most 1000 are allowed");
  CHECK(ParameterIdProblem("_x1").empty());
  CHECK(ParameterIdProblem("x.y") == "not of the form [a-z_][a-z0-9_]*");
  CHECK(ParameterIdProblem("1x") == "not of the form [a-z_][a-z0-9_]*");
  CHECK(inventory::IsCasNumber("124-38-9"));
  CHECK(inventory::IsCasNumber("7440-66-6"));
  CHECK(inventory::IsCasNumber("1234567-12-3"));
  CHECK_FALSE(inventory::IsCasNumber("1-38-9"));          // 1 digit before the first '-'
  CHECK_FALSE(inventory::IsCasNumber("12345678-12-3"));   // 8
  CHECK_FALSE(inventory::IsCasNumber("124-3-9"));
  CHECK_FALSE(inventory::IsCasNumber("124-38-99"));
  CHECK_FALSE(inventory::IsCasNumber("124-3a-9"));
  CHECK(inventory::Abbreviated(std::string(60, 'b')) == std::string(60, 'b'));
  CHECK(inventory::Abbreviated(std::string(50000, 'a')) ==
        std::string(40, 'a') + "... (50000 characters)");
}

TEST_CASE("a 50,000-character id is a problem at its line, not a crash", "[hostile][inventory]") {
  test::TempDir dir;
  const std::string id(50000, 'a');
  dir.Write("d/a.toml", "[[source]]\nid = \"" + id + "\"\ncitation = \"x\"\n");
  std::vector<inventory::Diagnostic> problems;
  inventory::LoadAndCheck({(dir.path() / "d").string()}, problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].origin.line == 2);  // the id's own line
  CHECK(problems[0].message == "source id '" + std::string(40, 'a') +
                                   "... (50000 characters)' is 50000 characters long, where at "
                                   "most 1000 are allowed");
}

TEST_CASE("TOML nested past 64 deep is refused at its line before toml11 parses it",
          "[hostile][inventory]") {
  using inventory::TomlNestingProblem;
  CHECK_FALSE(TomlNestingProblem(Nested(64), "f.toml"));
  auto deep = TomlNestingProblem("# a comment [[[[\n" + Nested(65), "f.toml");
  REQUIRE(deep);
  CHECK(deep->ToString() ==
        "f.toml:2: malformed TOML: arrays and inline tables nested more than 64 deep");
  // Brackets in strings, comments and table headers are not nesting.
  const std::string quiet = "[[line]]\n[line.declared]\n# [[[[[[\na = \"" + std::string(100, '[') +
                            "\"\nb = '" + std::string(100, '{') + "'\nc = \"\"\"\n" +
                            std::string(100, '[') + "\n\"\"\"\nd = [[1, 2], {e = [3]}]\n";
  CHECK_FALSE(TomlNestingProblem(quiet, "q.toml"));
  // An inline table counts like an array.
  std::string tables = "t = ";
  for (int i = 0; i < 65; ++i) tables += "{a = ";
  tables += "1" + std::string(65, '}') + "\n";
  CHECK(TomlNestingProblem(tables, "t.toml"));

  test::TempDir dir;
  dir.Write("d/deep.toml", Nested(10000));
  std::vector<inventory::Diagnostic> problems;
  inventory::LoadToml({(dir.path() / "d").string()}, problems);
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0].ToString(),
             Contains("deep.toml:1: malformed TOML: arrays and inline tables nested more than 64"));

  dir.Write("p.toml", Nested(10000));
  CHECK_THROWS_WITH(inventory::LoadOverrides((dir.path() / "p.toml").string()),
                    Contains("p.toml:1: malformed TOML: arrays and inline tables nested more"));

  CHECK_THROWS_AS(inventory::ParseOrder("[order]\nid = \"x\"\n" + Nested(10000), "o.toml"),
                  InputError);
  CHECK_THROWS_WITH(inventory::ParseOrder("[order]\nid = \"x\"\n" + Nested(10000), "o.toml"),
                    Contains("o.toml:3: malformed TOML: arrays and inline tables nested more"));
}
