#include "inventory/model/units.h"

#include <catch2/catch.hpp>

#include "lca/error.h"

using gpulca::inventory::ConversionFactor;

TEST_CASE("units convert within a dimension", "[units]") {
  CHECK(ConversionFactor("g", "kg") == Approx(1e-3));
  CHECK(ConversionFactor("t", "kg") == Approx(1e3));
  CHECK(ConversionFactor("kWh", "MJ") == Approx(3.6));
  CHECK(ConversionFactor("MWh", "kWh") == Approx(1000));
  CHECK(ConversionFactor("mm2", "cm2") == Approx(0.01));
  CHECK(ConversionFactor("L", "m3") == Approx(1e-3));
  CHECK(ConversionFactor("kg*km", "t*km") == Approx(1e-3));
  CHECK(ConversionFactor("yr", "h") == Approx(8760));
  CHECK(ConversionFactor("kW", "W") == Approx(1000));
  CHECK(ConversionFactor("lb", "kg") == Approx(0.45359237));
}

TEST_CASE("a unit of another dimension is an error naming both units", "[units]") {
  try {
    ConversionFactor("kWh", "kg");
    FAIL("no error");
  } catch (const gpulca::UnitError& e) {
    std::string what = e.what();
    CHECK(what.find("'kWh'") != std::string::npos);
    CHECK(what.find("'kg'") != std::string::npos);
    CHECK(what.find("energy") != std::string::npos);
    CHECK(what.find("mass") != std::string::npos);
  }
  CHECK_THROWS_AS(ConversionFactor("furlong", "m"), gpulca::UnitError);
}
