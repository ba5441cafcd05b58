// Inputs without a sensible size are refused with a message instead of
// filling the memory: a device that never ends (/dev/zero) or a huge file
// given as a PACT footprint or JSON-LD entry, and an order with hundreds of
// lifetime what-ifs (each a whole assessment).
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "inventory/model/bounded_read.h"
#include "inventory/records/order.h"
#include "inventory/records/pact_footprint.h"
#include "lca/error.h"
#include "tests/test_support.h"

using namespace gpulca;
using Catch::Matchers::Contains;

TEST_CASE("a file is read up to its limit, and no further", "[limits][inventory]") {
  test::TempDir dir;
  const std::string path = (dir.path() / "f.json").string();
  {
    std::ofstream out(path, std::ios::binary);
    out << std::string(1000, 'x');
  }
  CHECK(inventory::ReadFileBounded(path, 1000, "a test file") == std::string(1000, 'x'));
  CHECK_THROWS_AS(inventory::ReadFileBounded(path, 999, "a test file"), InputError);
  // /dev/zero never ends: refused after the limit (16 MB), not read forever.
  CHECK_THROWS_WITH(inventory::ReadPactFootprint("/dev/zero"),
                    "/dev/zero: more than 16 MB, where a PACT footprint is far smaller; not read");
  CHECK_THROWS_WITH(inventory::ReadFileBounded((dir.path() / "none").string(), 10, "x"),
                    Contains("none: cannot be read"));
}

TEST_CASE("an order with more than 20 lifetime what-ifs is refused at its line",
          "[limits][order]") {
  std::string years;
  for (int i = 1; i <= 21; ++i) years += (i > 1 ? ", " : "") + std::to_string(i);
  const std::string order =
      "[order]\nid = \"x\"\nbuyer = \"b\"\nsupplier = \"s\"\ndate = \"2024-01-01\"\n"
      "[deployment]\nregion = \"US\"\n[audit]\nlifetime_what_ifs = [" + years + "]\n"
      "[[line]]\nproduct = \"g\"\nquantity = 1\n";
  CHECK_THROWS_WITH(inventory::ParseOrder(order, "o.toml"),
                    Contains("o.toml:9: audit: at most 20 lifetime what-ifs, each a whole assessment of "
                             "the order; 21 were given"));
}
