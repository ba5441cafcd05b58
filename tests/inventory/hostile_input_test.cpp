// Crafted input that used to crash gpulca with a stack overflow (a
// segmentation fault, no message): a 50,000-character id (std::regex
// recursed once per character), TOML nested 10,000 deep (toml11 parses
// nested values recursively), in inventory files, orders and --params files;
// and, found by the fuzz targets (tests/fuzz/), TOML strings that are not
// UTF-8 (toml11 then read past the end of a heap block). Each now gets a
// message that says where and why.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "inventory/model/identifiers.h"
#include "inventory/model/validate.h"
#include "inventory/records/order.h"
#include "inventory/toml/toml_depth.h"
#include "inventory/toml/toml_loader.h"
#include "inventory/toml/toml_precheck.h"
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

TEST_CASE("TOML that is not UTF-8 is refused at its line before toml11 reads past its buffer",
          "[hostile][fuzz][inventory]") {
  using inventory::Utf8Problem;
  // UTF-8 of one to four bytes, up to U+10FFFF; a byte-order mark.
  CHECK_FALSE(Utf8Problem("a = 'caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF'\n", "u.toml"));
  CHECK_FALSE(Utf8Problem("\xEF\xBB\xBF" "a = 1\n", "u.toml"));
  auto at = [](const std::string& text) {
    auto bad = Utf8Problem(text, "u.toml");
    return bad ? bad->ToString() : std::string("none");
  };
  CHECK(at("a = 1\nb = '\xF6'\n") == "u.toml:2: malformed TOML: not UTF-8 (byte 0xF6 at column 6)");
  CHECK(at("a = \"\xC0\xAF\"") == "u.toml:1: malformed TOML: not UTF-8 (byte 0xC0 at column 6)");
  CHECK(at("a = \"\xED\xA0\x80\"") == "u.toml:1: malformed TOML: not UTF-8 (byte 0xED at column 6)");
  CHECK(at("a = \"\xF4\x90\x80\x80\"") == "u.toml:1: malformed TOML: not UTF-8 (byte 0xF4 at column 6)");
  CHECK(at("# \xE2\x82") == "u.toml:1: malformed TOML: not UTF-8 (byte 0xE2 at column 3)");
  CHECK(at("a = \"\x80\"") == "u.toml:1: malformed TOML: not UTF-8 (byte 0x80 at column 6)");

  // The input the fuzz target found (a literal string as a key), and each
  // other kind of string, through every reader of TOML.
  for (const std::string text : {"'\xF6'' \x1B", "a = \"\xF6\"", "a = '''\xF6'''", "a = \"\"\"\xF6\"\"\""}) {
    std::vector<inventory::Diagnostic> problems;
    inventory::ParseToml("\n" + text, "f.toml", problems);
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0].ToString(), Contains("f.toml:2: malformed TOML: not UTF-8 (byte 0xF6 at column"));
  }
  CHECK_THROWS_WITH(inventory::ParseOrder("[order]\nid = '\xF6'\n", "o.toml"),
                    Contains("o.toml:2: malformed TOML: not UTF-8 (byte 0xF6 at column 7)"));
  test::TempDir dir;
  dir.Write("p.toml", "pue = 1.2\nx = \"\xF6\"\n");
  CHECK_THROWS_WITH(inventory::LoadOverrides((dir.path() / "p.toml").string()),
                    Contains("p.toml:2: malformed TOML: not UTF-8 (byte 0xF6 at column 6)"));
}
