#include "inventory/store/store_hash.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "inventory/store/sha256.h"

namespace gpulca::inventory {
namespace {

// One column value, typed and length-prefixed.
void AppendValue(std::string& out, const SQLite::Column& c) {
  if (c.isNull()) {
    out += 'N';
  } else if (c.isInteger()) {
    out += fmt::format("I{};", c.getInt64());
  } else if (c.isFloat()) {
    out += fmt::format("R{:.17g};", c.getDouble());
  } else {
    std::string text = c.getString();
    out += fmt::format("T{}:", text.size());
    out += text;
  }
}

struct Table {
  const char* name;
  const char* sql;  // selects the content columns, ordered by the table's key
  bool sort_rows;   // sort serialised rows (tables whose rows have no id)
};

// Content columns only: no file, line or position.
const Table kTables[] = {
    {"sources", "SELECT id, citation, url, tbl, page, note FROM sources ORDER BY id", false},
    {"parameters",
     "SELECT scope, id, value, formula, unit, source, description, estimate, unc_kind, unc_gsd,"
     " unc_sd, unc_min, unc_max FROM parameters ORDER BY scope, id",
     false},
    {"flows",
     "SELECT id, name, kind, unit, compartment, subcompartment, cas, description FROM flows"
     " ORDER BY id",
     false},
    {"processes",
     "SELECT id, name, stage, location, product, product_amount, product_unit, is_default,"
     " parameters_from, description, source FROM processes ORDER BY id",
     false},
    {"exchanges",
     "SELECT process, flow, amount, formula, unit, source, output, provider, unc_kind, unc_gsd,"
     " unc_sd, unc_min, unc_max, pedigree, comment FROM exchanges",
     true},
    {"methods", "SELECT id, name, unit, source, description FROM methods ORDER BY id", false},
    {"factors",
     "SELECT method, flow, value, unit, source, unc_kind, unc_gsd, unc_sd, unc_min, unc_max"
     " FROM factors ORDER BY method, flow",
     false},
};

}  // namespace

std::string HashInventoryTables(SQLite::Database& db) {
  std::string all;
  for (const Table& t : kTables) {
    all += fmt::format("table {}\n", t.name);
    SQLite::Statement q(db, t.sql);
    std::vector<std::string> rows;
    while (q.executeStep()) {
      std::string row;
      for (int i = 0; i < q.getColumnCount(); ++i) AppendValue(row, q.getColumn(i));
      row += '\n';
      if (t.sort_rows) {
        rows.push_back(std::move(row));
      } else {
        all += row;
      }
    }
    // The first column (the process id) leads each row, so sorting whole
    // rows groups exchanges by process and orders them within it.
    std::sort(rows.begin(), rows.end());
    for (const std::string& row : rows) all += row;
  }
  return Sha256Hex(all);
}

}  // namespace gpulca::inventory
