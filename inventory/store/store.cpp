#include "inventory/store/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include <array>
#include <cmath>
#include <boost/algorithm/string/classification.hpp>
#include <boost/algorithm/string/split.hpp>
#include <boost/lexical_cast.hpp>
#include <optional>
#include <vector>

#include "lca/error.h"
#include "inventory/model/validate.h"
#include "inventory/store/internal/connection.h"
#include "inventory/store/store_hash.h"

namespace gpulca::inventory {
namespace {

const char* kSchema[] = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sources (id TEXT PRIMARY KEY, citation TEXT, url TEXT, tbl TEXT,"
    " page TEXT, note TEXT, file TEXT, line INTEGER)",
    "CREATE TABLE IF NOT EXISTS parameters (scope TEXT NOT NULL, id TEXT NOT NULL, value REAL,"
    " formula TEXT, unit TEXT, source TEXT, description TEXT, estimate INTEGER, unc_kind TEXT,"
    " unc_gsd REAL, unc_sd REAL, unc_min REAL, unc_max REAL, file TEXT, line INTEGER,"
    " position INTEGER, PRIMARY KEY (scope, id))",
    "CREATE TABLE IF NOT EXISTS flows (id TEXT PRIMARY KEY, name TEXT, kind TEXT, unit TEXT,"
    " compartment TEXT, subcompartment TEXT, cas TEXT, description TEXT, file TEXT, line INTEGER)",
    "CREATE INDEX IF NOT EXISTS flows_cas ON flows (cas)",
    "CREATE TABLE IF NOT EXISTS processes (id TEXT PRIMARY KEY, name TEXT, stage TEXT,"
    " location TEXT, product TEXT, product_amount REAL, product_unit TEXT, is_default INTEGER,"
    " parameters_from TEXT, description TEXT, source TEXT, file TEXT, line INTEGER)",
    "CREATE INDEX IF NOT EXISTS processes_product ON processes (product)",
    "CREATE TABLE IF NOT EXISTS exchanges (process TEXT NOT NULL, position INTEGER NOT NULL,"
    " flow TEXT, amount REAL, formula TEXT, unit TEXT, source TEXT, output INTEGER, provider TEXT,"
    " unc_kind TEXT, unc_gsd REAL, unc_sd REAL, unc_min REAL, unc_max REAL, pedigree TEXT,"
    " comment TEXT, file TEXT, line INTEGER, PRIMARY KEY (process, position))",
    "CREATE INDEX IF NOT EXISTS exchanges_flow ON exchanges (flow)",
    "CREATE TABLE IF NOT EXISTS methods (id TEXT PRIMARY KEY, name TEXT, unit TEXT, source TEXT,"
    " description TEXT, file TEXT, line INTEGER)",
    "CREATE TABLE IF NOT EXISTS factors (method TEXT NOT NULL, flow TEXT NOT NULL, value REAL,"
    " unit TEXT, source TEXT, file TEXT, line INTEGER, position INTEGER, unc_kind TEXT,"
    " unc_gsd REAL, unc_sd REAL, unc_min REAL, unc_max REAL, PRIMARY KEY (method, flow))",
};

const char* kInventoryTables[] = {"sources", "parameters", "flows", "processes",
                                  "exchanges", "methods",    "factors"};

// Writing a row: the positional parameters (?) come first in each INSERT and
// are bound in order by SQLite::bind; the values that are not one plain bind
// (a value that may be NULL, the five uncertainty columns) are named and
// bound by name. Reading: columns by name.
const char* kUncertaintyColumns = "unc_kind, unc_gsd, unc_sd, unc_min, unc_max";
const char* kUncertaintyValues = ":unc_kind, :unc_gsd, :unc_sd, :unc_min, :unc_max";

Uncertainty::Kind ParseKind(const std::string& s) {
  for (auto k : {Uncertainty::Kind::kLognormal, Uncertainty::Kind::kNormal,
                 Uncertainty::Kind::kTriangular, Uncertainty::Kind::kUniform}) {
    if (s == ToString(k)) return k;
  }
  return Uncertainty::Kind::kNone;
}

Origin OriginColumns(const SQLite::Statement& q) {
  return {q.getColumn("file").getString(), q.getColumn("line").getInt()};
}

// SQLite keeps nan as NULL, which reads back as 0: a number that is not
// finite is never written (StoreError; the transaction writes nothing).
double Finite(double value, const char* column, const Origin& origin) {
  if (!std::isfinite(value)) {
    throw StoreError(fmt::format("{}: {} is {}, not a finite number; nothing was written",
                                 origin.ToString(), column, value));
  }
  return value;
}

// A stored number, which must be finite (SQLite keeps an infinity as such).
double StoredFinite(const SQLite::Statement& q, const char* table, const char* column) {
  double value = q.getColumn(column).getDouble();
  if (!std::isfinite(value)) {
    throw StoreError(fmt::format("{}: {} row: {} is {}, not a finite number; rebuild the "
                                 "database from its sources",
                                 OriginColumns(q).ToString(), table, column, value));
  }
  return value;
}

// A numeric column that must hold a number: NULL is a StoreError, not 0.
double NumberColumn(const SQLite::Statement& q, const char* table, const char* column) {
  SQLite::Column c = q.getColumn(column);
  if (c.isNull()) {
    throw StoreError(fmt::format("{}: {} row: {} is NULL, not a number (a nan written by an "
                                 "older gpulca?); rebuild the database from its sources",
                                 OriginColumns(q).ToString(), table, column));
  }
  return StoredFinite(q, table, column);
}

void BindUncertainty(SQLite::Statement& q, const Uncertainty& u, const Origin& origin) {
  q.bind(":unc_kind", ToString(u.kind));
  q.bind(":unc_gsd", Finite(u.gsd, "uncertainty gsd", origin));
  q.bind(":unc_sd", Finite(u.sd, "uncertainty sd", origin));
  q.bind(":unc_min", Finite(u.min, "uncertainty min", origin));
  q.bind(":unc_max", Finite(u.max, "uncertainty max", origin));
}

Uncertainty ReadUncertainty(const SQLite::Statement& q, const char* table) {
  Uncertainty u;
  u.kind = ParseKind(q.getColumn("unc_kind").getString());
  u.gsd = NumberColumn(q, table, "unc_gsd");
  u.sd = NumberColumn(q, table, "unc_sd");
  u.min = NumberColumn(q, table, "unc_min");
  u.max = NumberColumn(q, table, "unc_max");
  return u;
}

// A number, or NULL for "none" (the value of a formula parameter, the amount
// of a formula exchange).
void BindOptional(SQLite::Statement& q, const char* name, const std::optional<double>& v,
                  const Origin& origin) {
  if (v) {
    q.bind(name, Finite(*v, name + 1, origin));
  } else {
    q.bind(name);  // NULL
  }
}

void BindOptional(SQLite::Statement& q, const char* name, const std::optional<std::string>& v) {
  if (v) {
    q.bind(name, *v);
  } else {
    q.bind(name);  // NULL
  }
}

// A number that is NULL exactly when `formula` is set: a NULL without a
// formula is a StoreError (it would read back as 0).
std::optional<double> OptionalColumn(const SQLite::Statement& q, const char* table,
                                     const char* column, const std::string& formula) {
  SQLite::Column c = q.getColumn(column);
  if (c.isNull()) {
    if (formula.empty()) {
      throw StoreError(fmt::format("{}: {} row: {} is NULL and there is no formula (a nan "
                                   "written by an older gpulca?); rebuild the database from its "
                                   "sources",
                                   OriginColumns(q).ToString(), table, column));
    }
    return std::nullopt;
  }
  return StoredFinite(q, table, column);
}

// The pedigree column: the five scores as text, "1,2,3,4,5" (schema 2).
std::optional<std::string> PedigreeText(const std::optional<std::array<int, 5>>& scores) {
  if (!scores) return std::nullopt;
  return fmt::format("{}", fmt::join(*scores, ","));
}

// nullopt when `text` is not five integers.
std::optional<std::array<int, 5>> ParsePedigreeText(const std::string& text) {
  std::vector<std::string> parts;
  boost::algorithm::split(parts, text, boost::algorithm::is_any_of(","));
  std::array<int, 5> scores{};
  if (parts.size() != scores.size()) return std::nullopt;
  for (size_t i = 0; i < scores.size(); ++i) {
    if (!boost::conversion::try_lexical_convert(parts[i], scores[i])) return std::nullopt;
  }
  return scores;
}

}  // namespace

struct Store::Impl {
  std::string path;
  Connection connection;
  std::unique_ptr<SQLite::Database>& db = connection.db;

  // Throws StoreError when another process put a new file at the path while
  // this waited for the write lock: what this would write was decided on
  // the old file's content.
  void RequireLive(const WriteTransaction& tx) const {
    if (tx.replaced()) {
      throw StoreError(fmt::format("{}: the database was rebuilt by another process while this "
                                   "was waiting to write; nothing was written; run it again",
                                   path));
    }
  }

  void InsertParameter(SQLite::Statement& q, const Parameter& p, int position) {
    q.reset();
    SQLite::bind(q, p.scope, p.id, p.formula, p.unit, p.source, p.description, p.estimate,
                 p.origin.file, p.origin.line, position);
    BindOptional(q, ":value", p.value, p.origin);
    BindUncertainty(q, p.uncertainty, p.origin);
    q.exec();
  }

  void Insert(const Inventory& inv) {
    SQLite::Statement src(*db, "INSERT INTO sources (id, citation, url, tbl, page, note, file, "
                               "line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (const Source& s : inv.sources) {
      src.reset();
      SQLite::bind(src, s.id, s.citation, s.url, s.table, s.page, s.note, s.origin.file,
                   s.origin.line);
      src.exec();
    }
    SQLite::Statement par(*db, fmt::format(
        "INSERT INTO parameters (scope, id, formula, unit, source, description, estimate, file, "
        "line, position, value, {}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, :value, {})",
        kUncertaintyColumns, kUncertaintyValues));
    int position = 0;
    for (const Parameter& p : inv.parameters) InsertParameter(par, p, position++);
    SQLite::Statement flo(*db, "INSERT INTO flows (id, name, kind, unit, compartment, "
                               "subcompartment, cas, description, file, line) VALUES (?, ?, ?, "
                               "?, ?, ?, ?, ?, ?, ?)");
    for (const Flow& f : inv.flows) {
      flo.reset();
      SQLite::bind(flo, f.id, f.name, ToString(f.kind), f.unit, f.compartment, f.subcompartment,
                   f.cas, f.description, f.origin.file, f.origin.line);
      flo.exec();
    }
    SQLite::Statement pro(*db, "INSERT INTO processes (id, name, stage, location, product, "
                               "product_amount, product_unit, is_default, parameters_from, "
                               "description, source, file, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                               "?, ?, ?, ?, ?)");
    SQLite::Statement exc(*db, fmt::format(
        "INSERT INTO exchanges (process, position, flow, formula, unit, source, output, provider, "
        "comment, file, line, amount, pedigree, {}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        ":amount, :pedigree, {})", kUncertaintyColumns, kUncertaintyValues));
    for (const Process& p : inv.processes) {
      pro.reset();
      SQLite::bind(pro, p.id, p.name, ToString(p.stage), p.location, p.product,
                   Finite(p.product_amount, "reference amount", p.origin),
                   p.product_unit, p.is_default, p.parameters_from, p.description, p.source,
                   p.origin.file, p.origin.line);
      pro.exec();
      for (const Parameter& q : p.parameters) InsertParameter(par, q, position++);
      int k = 0;
      for (const Exchange& e : p.exchanges) {
        exc.reset();
        SQLite::bind(exc, p.id, k++, e.flow, e.formula, e.unit, e.source, e.output, e.provider,
                     e.comment, e.origin.file, e.origin.line);
        BindOptional(exc, ":amount", e.amount, e.origin);
        BindOptional(exc, ":pedigree", PedigreeText(e.pedigree));
        BindUncertainty(exc, e.uncertainty, e.origin);
        exc.exec();
      }
    }
    SQLite::Statement met(*db, "INSERT INTO methods (id, name, unit, source, description, file, "
                               "line) VALUES (?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement fac(*db, fmt::format(
        "INSERT INTO factors (method, flow, value, unit, source, file, line, position, {}) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, {})", kUncertaintyColumns, kUncertaintyValues));
    for (const ImpactMethod& m : inv.methods) {
      met.reset();
      SQLite::bind(met, m.id, m.name, m.unit, m.source, m.description, m.origin.file,
                   m.origin.line);
      met.exec();
      int k = 0;
      for (const ImpactFactor& f : m.factors) {
        fac.reset();
        SQLite::bind(fac, m.id, f.flow, Finite(f.value, "factor value", f.origin), f.unit,
                     f.source, f.origin.file, f.origin.line, k++);
        BindUncertainty(fac, f.uncertainty, f.origin);
        fac.exec();
      }
    }
  }

  void WriteMeta(const std::map<std::string, std::string>& meta) {
    SQLite::Statement q(*db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    for (const auto& [key, value] : meta) {
      q.reset();
      SQLite::bind(q, key, value);
      q.exec();
    }
  }
};

Store::Store(const std::string& path, bool create) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  try {
    int flags = SQLite::OPEN_READWRITE | (create ? SQLite::OPEN_CREATE : 0);
    impl_->connection = OpenConnection(path, flags);
    impl_->db->exec("PRAGMA foreign_keys = ON");
    int version = impl_->db->execAndGet("PRAGMA user_version").getInt();
    bool empty = impl_->db->execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 0;
    if (empty && create) {
      WriteTransaction tx(impl_->connection);
      impl_->RequireLive(tx);
      for (const char* sql : kSchema) impl_->db->exec(sql);
      impl_->db->exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion));
      tx.commit();
    } else if (version != kSchemaVersion) {
      throw SchemaMismatch(fmt::format("{}: schema version {} is not gpulca's {}; rebuild it with "
                                   "'gpulca db build --db {}'", path, version, kSchemaVersion,
                                   path));
    }
  } catch (const SQLite::Exception& e) {
    throw StoreError(fmt::format("{}: {}", path, e.what()));
  }
}

std::string Store::PeekMeta(const std::string& path, const std::string& key) {
  try {
    Connection c = OpenConnection(path, SQLite::OPEN_READONLY);
    SQLite::Statement q(*c.db, "SELECT value FROM meta WHERE key = ?");
    SQLite::bind(q, key);
    return q.executeStep() ? q.getColumn(0).getString() : "";
  } catch (const SQLite::Exception&) {
    return "";
  }
}

Store::~Store() = default;

const std::string& Store::path() const { return impl_->path; }

int Store::SchemaVersion() const {
  return impl_->db->execAndGet("PRAGMA user_version").getInt();
}

void Store::Replace(const Inventory& inventory, const std::map<std::string, std::string>& meta) {
  try {
    WriteTransaction tx(impl_->connection);
    impl_->RequireLive(tx);
    for (const char* table : kInventoryTables) impl_->db->exec(std::string("DELETE FROM ") + table);
    impl_->db->exec("DELETE FROM meta");
    impl_->Insert(inventory);
    impl_->WriteMeta(meta);
    impl_->WriteMeta({{"content_hash", HashInventoryTables(*impl_->db)}});
    tx.commit();
  } catch (const SQLite::Exception& e) {
    throw StoreError(fmt::format("{}: nothing was written: {}", impl_->path, e.what()));
  }
}

void Store::Add(const Inventory& inventory, const std::map<std::string, std::string>& meta) {
  try {
    WriteTransaction tx(impl_->connection);
    impl_->RequireLive(tx);
    impl_->Insert(inventory);
    impl_->WriteMeta(meta);
    impl_->WriteMeta({{"content_hash", HashInventoryTables(*impl_->db)}});
    tx.commit();
  } catch (const SQLite::Exception& e) {
    throw StoreError(fmt::format("{}: nothing was written: {}", impl_->path, e.what()));
  }
}

Inventory Store::Read() const {
  Inventory inv;
  SQLite::Database& db = *impl_->db;
  try {
    SQLite::Statement src(db, "SELECT * FROM sources ORDER BY rowid");
    while (src.executeStep()) {
      Source s;
      s.id = src.getColumn("id").getString();
      s.citation = src.getColumn("citation").getString();
      s.url = src.getColumn("url").getString();
      s.table = src.getColumn("tbl").getString();
      s.page = src.getColumn("page").getString();
      s.note = src.getColumn("note").getString();
      s.origin = OriginColumns(src);
      inv.sources.push_back(std::move(s));
    }
    std::map<std::string, std::vector<Parameter>> scoped;
    SQLite::Statement par(db, "SELECT * FROM parameters ORDER BY position");
    while (par.executeStep()) {
      Parameter p;
      p.scope = par.getColumn("scope").getString();
      p.id = par.getColumn("id").getString();
      p.formula = par.getColumn("formula").getString();
      p.value = OptionalColumn(par, "parameters", "value", p.formula);
      p.unit = par.getColumn("unit").getString();
      p.source = par.getColumn("source").getString();
      p.description = par.getColumn("description").getString();
      p.estimate = par.getColumn("estimate").getInt() != 0;
      p.uncertainty = ReadUncertainty(par, "parameters");
      p.origin = OriginColumns(par);
      if (p.scope.empty()) {
        inv.parameters.push_back(std::move(p));
      } else {
        scoped[p.scope].push_back(std::move(p));
      }
    }
    SQLite::Statement flo(db, "SELECT * FROM flows ORDER BY rowid");
    while (flo.executeStep()) {
      Flow f;
      f.id = flo.getColumn("id").getString();
      f.name = flo.getColumn("name").getString();
      f.kind = ParseFlowKind(flo.getColumn("kind").getString()).value_or(FlowKind::kProduct);
      f.unit = flo.getColumn("unit").getString();
      f.compartment = flo.getColumn("compartment").getString();
      f.subcompartment = flo.getColumn("subcompartment").getString();
      f.cas = flo.getColumn("cas").getString();
      f.description = flo.getColumn("description").getString();
      f.origin = OriginColumns(flo);
      inv.flows.push_back(std::move(f));
    }
    std::map<std::string, std::vector<Exchange>> exchanges;
    SQLite::Statement exc(db, "SELECT * FROM exchanges ORDER BY process, position");
    while (exc.executeStep()) {
      Exchange e;
      std::string process = exc.getColumn("process").getString();
      e.flow = exc.getColumn("flow").getString();
      e.formula = exc.getColumn("formula").getString();
      e.amount = OptionalColumn(exc, "exchanges", "amount", e.formula);
      e.unit = exc.getColumn("unit").getString();
      e.source = exc.getColumn("source").getString();
      e.output = exc.getColumn("output").getInt() != 0;
      e.provider = exc.getColumn("provider").getString();
      e.uncertainty = ReadUncertainty(exc, "exchanges");
      if (SQLite::Column pedigree = exc.getColumn("pedigree"); !pedigree.isNull()) {
        e.pedigree = ParsePedigreeText(pedigree.getString());
        if (!e.pedigree) {
          throw StoreError(fmt::format("{}: an exchange of process '{}' has the pedigree '{}', "
                                       "not five scores", impl_->path, process,
                                       pedigree.getString()));
        }
      }
      e.comment = exc.getColumn("comment").getString();
      e.origin = OriginColumns(exc);
      exchanges[process].push_back(std::move(e));
    }
    SQLite::Statement pro(db, "SELECT * FROM processes ORDER BY rowid");
    while (pro.executeStep()) {
      Process p;
      p.id = pro.getColumn("id").getString();
      p.name = pro.getColumn("name").getString();
      p.stage = ParseStage(pro.getColumn("stage").getString()).value_or(Stage::kNone);
      p.location = pro.getColumn("location").getString();
      p.product = pro.getColumn("product").getString();
      p.product_amount = NumberColumn(pro, "processes", "product_amount");
      p.product_unit = pro.getColumn("product_unit").getString();
      p.is_default = pro.getColumn("is_default").getInt() != 0;
      p.parameters_from = pro.getColumn("parameters_from").getString();
      p.description = pro.getColumn("description").getString();
      p.source = pro.getColumn("source").getString();
      p.origin = OriginColumns(pro);
      p.parameters = std::move(scoped[p.id]);
      p.exchanges = std::move(exchanges[p.id]);
      inv.processes.push_back(std::move(p));
    }
    std::map<std::string, std::vector<ImpactFactor>> factors;
    SQLite::Statement fac(db, "SELECT * FROM factors ORDER BY method, position");
    while (fac.executeStep()) {
      ImpactFactor f;
      f.flow = fac.getColumn("flow").getString();
      f.value = NumberColumn(fac, "factors", "value");
      f.unit = fac.getColumn("unit").getString();
      f.source = fac.getColumn("source").getString();
      f.origin = OriginColumns(fac);
      f.uncertainty = ReadUncertainty(fac, "factors");
      factors[fac.getColumn("method").getString()].push_back(std::move(f));
    }
    SQLite::Statement met(db, "SELECT * FROM methods ORDER BY rowid");
    while (met.executeStep()) {
      ImpactMethod m;
      m.id = met.getColumn("id").getString();
      m.name = met.getColumn("name").getString();
      m.unit = met.getColumn("unit").getString();
      m.source = met.getColumn("source").getString();
      m.description = met.getColumn("description").getString();
      m.origin = OriginColumns(met);
      m.factors = std::move(factors[m.id]);
      inv.methods.push_back(std::move(m));
    }
  } catch (const SQLite::Exception& e) {
    throw StoreError(fmt::format("{}: cannot read the inventory: {}", impl_->path, e.what()));
  }
  std::vector<Diagnostic> problems;
  Normalize(inv, problems);
  if (!problems.empty()) throw StoreError(impl_->path + ": " + JoinDiagnostics(problems));
  return inv;
}

std::string Store::ContentHash() const {
  try {
    return HashInventoryTables(*impl_->db);
  } catch (const SQLite::Exception& e) {
    throw StoreError(fmt::format("{}: cannot hash the inventory: {}", impl_->path, e.what()));
  }
}

std::string Store::Meta(const std::string& key) const {
  SQLite::Statement q(*impl_->db, "SELECT value FROM meta WHERE key = ?");
  SQLite::bind(q, key);
  return q.executeStep() ? q.getColumn(0).getString() : "";
}

StoreCounts Store::Counts() const {
  auto count = [&](const char* table) -> long {
    return impl_->db->execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
  };
  StoreCounts c;
  c.sources = count("sources");
  c.parameters = count("parameters");
  c.flows = count("flows");
  c.processes = count("processes");
  c.exchanges = count("exchanges");
  c.methods = count("methods");
  c.factors = count("factors");
  return c;
}

}  // namespace gpulca::inventory
