// reports/internal/csv.h: RFC 4180 quoting and numbers that read back to the
// same double, with expectations written by hand.
#include "reports/internal/csv.h"

#include <catch2/catch.hpp>
#include <cfloat>
#include <cmath>
#include <limits>
#include <string>

using namespace gpulca::reports;

TEST_CASE("CsvField quotes a comma, a quote or a line break, and only those", "[reports][csv]") {
  CHECK(CsvField("kg CO2e") == "kg CO2e");
  CHECK(CsvField("") == "");
  CHECK(CsvField("param:pue/x;y") == "param:pue/x;y");
  CHECK(CsvField("in US, cradle to grave") == "\"in US, cradle to grave\"");
  CHECK(CsvField("a \"b\"") == "\"a \"\"b\"\"\"");
  CHECK(CsvField("\"") == "\"\"\"\"");
  CHECK(CsvField("two\nlines") == "\"two\nlines\"");
  CHECK(CsvField("cr\r") == "\"cr\r\"");
}

TEST_CASE("CsvNumber: the shortest text of the double, never nan or inf", "[reports][csv]") {
  CHECK(CsvNumber(0.1) == "0.1");
  CHECK(CsvNumber(0.1 + 0.2) == "0.30000000000000004");
  CHECK(CsvNumber(1.0 / 3) == "0.3333333333333333");
  CHECK(CsvNumber(2670000) == "2670000");
  CHECK(CsvNumber(-4463.129088000394) == "-4463.129088000394");
  CHECK(CsvNumber(0) == "0");
  CHECK(CsvNumber(-0.0) == "-0");
  CHECK(CsvNumber(1.25e-05) == "1.25e-05");
  CHECK(CsvNumber(0.0001) == "0.0001");
  CHECK(CsvNumber(1e16) == "1e+16");
  CHECK(CsvNumber(5e-324) == "5e-324");
  CHECK(CsvNumber(DBL_MAX) == "1.7976931348623157e+308");
  CHECK(CsvNumber(std::nan("")) == "");
  CHECK(CsvNumber(std::numeric_limits<double>::infinity()) == "");
  CHECK(CsvNumber(-std::numeric_limits<double>::infinity()) == "");
  for (double v :
       {0.1, 1.0 / 3, 2.0 / 3 * 1e-7, 23826.26170060315, 6.02214076e23, DBL_MIN, -DBL_MAX}) {
    INFO(v);
    CHECK(std::stod(CsvNumber(v)) == v);
  }
}

TEST_CASE("CsvLine: fields quoted where needed, comma-separated, a newline at the end",
          "[reports][csv]") {
  CHECK(CsvLine({"a", "b,c", "", "d\"e"}) == "a,\"b,c\",,\"d\"\"e\"\n");
  CHECK(CsvLine({}) == "\n");
  CHECK(CsvLine({""}) == "\n");
}
