// LineOf gives every value the line toml11's own location() gives, without
// counting newlines from the top each time (which made loading quadratic).
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <toml.hpp>

#include "inventory/toml/toml_table.h"

using namespace gpulca;

namespace {

// Checks every value under `v` against toml11's line; returns how many.
int CheckAll(const toml::value& v) {
  int n = 1;
  INFO(toml::format(v));
  CHECK(inventory::LineOf(v) == static_cast<int>(v.location().line()));
  if (v.is_table()) {
    for (const auto& [key, child] : v.as_table()) n += CheckAll(child);
  } else if (v.is_array()) {
    for (const auto& child : v.as_array()) n += CheckAll(child);
  }
  return n;
}

}  // namespace

TEST_CASE("LineOf agrees with toml11 on every value", "[toml][inventory]") {
  const std::string text =
      "# comment\n"
      "a = 1\n"
      "b = \"\"\"\nline one\nline two\n\"\"\"\n"
      "c = [\n  1,\n  2,\n]\n"
      "\n"
      "[[parameter]]\n"
      "id = \"x\"\n"
      "value = 3.5\n"
      "[[parameter]]\n"
      "id = 'y'\n"
      "d = { e = 1, f = [2, 3] }\n";
  std::istringstream in(text);
  const toml::value doc = toml::parse(in, "t.toml");
  CHECK(CheckAll(doc) > 10);
  CHECK(inventory::LineOf(doc.as_table().at("a")) == 2);
  CHECK(inventory::LineOf(doc.as_table().at("c").as_array()[1]) == 9);
  const auto& second = doc.as_table().at("parameter").as_array()[1];
  CHECK(inventory::LineOf(second.as_table().at("id")) == 16);
  // A second document is not mistaken for the first.
  std::istringstream other("\n\n\nz = 1\n");
  const toml::value two = toml::parse(other, "u.toml");
  CHECK(inventory::LineOf(two.as_table().at("z")) == 4);
}
