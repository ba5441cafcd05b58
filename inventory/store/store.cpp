#include "inventory/store/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "inventory/error.h"
#include "inventory/model/validate.h"
#include "inventory/store/store_hash.h"

namespace gpulca {
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

Uncertainty::Kind ParseKind(const std::string& s) {
  for (auto k : {Uncertainty::Kind::kLognormal, Uncertainty::Kind::kNormal,
                 Uncertainty::Kind::kTriangular, Uncertainty::Kind::kUniform}) {
    if (s == ToString(k)) return k;
  }
  return Uncertainty::Kind::kNone;
}

// Binds the five uncertainty columns starting at `index`.
void BindUncertainty(SQLite::Statement& q, int index, const Uncertainty& u) {
  q.bind(index, ToString(u.kind));
  q.bind(index + 1, u.gsd);
  q.bind(index + 2, u.sd);
  q.bind(index + 3, u.min);
  q.bind(index + 4, u.max);
}

Uncertainty ReadUncertainty(SQLite::Statement& q, int index) {
  Uncertainty u;
  u.kind = ParseKind(q.getColumn(index).getString());
  u.gsd = q.getColumn(index + 1).getDouble();
  u.sd = q.getColumn(index + 2).getDouble();
  u.min = q.getColumn(index + 3).getDouble();
  u.max = q.getColumn(index + 4).getDouble();
  return u;
}

void BindOptional(SQLite::Statement& q, int index, const std::optional<double>& v) {
  if (v) {
    q.bind(index, *v);
  } else {
    q.bind(index);
  }
}

std::optional<double> OptionalColumn(SQLite::Statement& q, int index) {
  if (q.getColumn(index).isNull()) return std::nullopt;
  return q.getColumn(index).getDouble();
}

Origin OriginColumns(SQLite::Statement& q, int index) {
  return {q.getColumn(index).getString(), q.getColumn(index + 1).getInt()};
}

}  // namespace

struct Store::Impl {
  std::string path;
  std::unique_ptr<SQLite::Database> db;

  void InsertParameter(SQLite::Statement& q, const Parameter& p, int position) {
    q.reset();
    q.bind(1, p.scope);
    q.bind(2, p.id);
    BindOptional(q, 3, p.value);
    q.bind(4, p.formula);
    q.bind(5, p.unit);
    q.bind(6, p.source);
    q.bind(7, p.description);
    q.bind(8, p.estimate ? 1 : 0);
    BindUncertainty(q, 9, p.uncertainty);
    q.bind(14, p.origin.file);
    q.bind(15, p.origin.line);
    q.bind(16, position);
    q.exec();
  }

  void Insert(const Inventory& inv) {
    SQLite::Statement src(*db, "INSERT INTO sources VALUES (?,?,?,?,?,?,?,?)");
    for (const Source& s : inv.sources) {
      src.reset();
      src.bind(1, s.id);
      src.bind(2, s.citation);
      src.bind(3, s.url);
      src.bind(4, s.table);
      src.bind(5, s.page);
      src.bind(6, s.note);
      src.bind(7, s.origin.file);
      src.bind(8, s.origin.line);
      src.exec();
    }
    SQLite::Statement par(*db, "INSERT INTO parameters VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    int position = 0;
    for (const Parameter& p : inv.parameters) InsertParameter(par, p, position++);
    SQLite::Statement flo(*db, "INSERT INTO flows VALUES (?,?,?,?,?,?,?,?,?,?)");
    for (const Flow& f : inv.flows) {
      flo.reset();
      flo.bind(1, f.id);
      flo.bind(2, f.name);
      flo.bind(3, ToString(f.kind));
      flo.bind(4, f.unit);
      flo.bind(5, f.compartment);
      flo.bind(6, f.subcompartment);
      flo.bind(7, f.cas);
      flo.bind(8, f.description);
      flo.bind(9, f.origin.file);
      flo.bind(10, f.origin.line);
      flo.exec();
    }
    SQLite::Statement pro(*db, "INSERT INTO processes VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    SQLite::Statement exc(*db,
                          "INSERT INTO exchanges VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const Process& p : inv.processes) {
      pro.reset();
      pro.bind(1, p.id);
      pro.bind(2, p.name);
      pro.bind(3, ToString(p.stage));
      pro.bind(4, p.location);
      pro.bind(5, p.product);
      pro.bind(6, p.product_amount);
      pro.bind(7, p.product_unit);
      pro.bind(8, p.is_default ? 1 : 0);
      pro.bind(9, p.parameters_from);
      pro.bind(10, p.description);
      pro.bind(11, p.source);
      pro.bind(12, p.origin.file);
      pro.bind(13, p.origin.line);
      pro.exec();
      for (const Parameter& q : p.parameters) InsertParameter(par, q, position++);
      int k = 0;
      for (const Exchange& e : p.exchanges) {
        exc.reset();
        exc.bind(1, p.id);
        exc.bind(2, k++);
        exc.bind(3, e.flow);
        BindOptional(exc, 4, e.amount);
        exc.bind(5, e.formula);
        exc.bind(6, e.unit);
        exc.bind(7, e.source);
        exc.bind(8, e.output ? 1 : 0);
        exc.bind(9, e.provider);
        BindUncertainty(exc, 10, e.uncertainty);
        if (e.pedigree) {
          const auto& s = *e.pedigree;
          exc.bind(15, fmt::format("{},{},{},{},{}", s[0], s[1], s[2], s[3], s[4]));
        } else {
          exc.bind(15);
        }
        exc.bind(16, e.comment);
        exc.bind(17, e.origin.file);
        exc.bind(18, e.origin.line);
        exc.exec();
      }
    }
    SQLite::Statement met(*db, "INSERT INTO methods VALUES (?,?,?,?,?,?,?)");
    SQLite::Statement fac(*db, "INSERT INTO factors VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const ImpactMethod& m : inv.methods) {
      met.reset();
      met.bind(1, m.id);
      met.bind(2, m.name);
      met.bind(3, m.unit);
      met.bind(4, m.source);
      met.bind(5, m.description);
      met.bind(6, m.origin.file);
      met.bind(7, m.origin.line);
      met.exec();
      int k = 0;
      for (const ImpactFactor& f : m.factors) {
        fac.reset();
        fac.bind(1, m.id);
        fac.bind(2, f.flow);
        fac.bind(3, f.value);
        fac.bind(4, f.unit);
        fac.bind(5, f.source);
        fac.bind(6, f.origin.file);
        fac.bind(7, f.origin.line);
        fac.bind(8, k++);
        BindUncertainty(fac, 9, f.uncertainty);
        fac.exec();
      }
    }
  }

  void WriteMeta(const std::map<std::string, std::string>& meta) {
    SQLite::Statement q(*db, "INSERT OR REPLACE INTO meta VALUES (?, ?)");
    for (const auto& [key, value] : meta) {
      q.reset();
      q.bind(1, key);
      q.bind(2, value);
      q.exec();
    }
  }
};

Store::Store(const std::string& path, bool create) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  try {
    int flags = SQLite::OPEN_READWRITE | (create ? SQLite::OPEN_CREATE : 0);
    impl_->db = std::make_unique<SQLite::Database>(path, flags);
    impl_->db->exec("PRAGMA foreign_keys = ON");
    int version = impl_->db->execAndGet("PRAGMA user_version").getInt();
    bool empty = impl_->db->execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 0;
    if (empty && create) {
      SQLite::Transaction tx(*impl_->db);
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
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT value FROM meta WHERE key = ?");
    q.bind(1, key);
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
    SQLite::Transaction tx(*impl_->db);
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
    SQLite::Transaction tx(*impl_->db);
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
      s.id = src.getColumn(0).getString();
      s.citation = src.getColumn(1).getString();
      s.url = src.getColumn(2).getString();
      s.table = src.getColumn(3).getString();
      s.page = src.getColumn(4).getString();
      s.note = src.getColumn(5).getString();
      s.origin = OriginColumns(src, 6);
      inv.sources.push_back(std::move(s));
    }
    std::map<std::string, std::vector<Parameter>> scoped;
    SQLite::Statement par(db, "SELECT * FROM parameters ORDER BY position");
    while (par.executeStep()) {
      Parameter p;
      p.scope = par.getColumn(0).getString();
      p.id = par.getColumn(1).getString();
      p.value = OptionalColumn(par, 2);
      p.formula = par.getColumn(3).getString();
      p.unit = par.getColumn(4).getString();
      p.source = par.getColumn(5).getString();
      p.description = par.getColumn(6).getString();
      p.estimate = par.getColumn(7).getInt() != 0;
      p.uncertainty = ReadUncertainty(par, 8);
      p.origin = OriginColumns(par, 13);
      if (p.scope.empty()) {
        inv.parameters.push_back(std::move(p));
      } else {
        scoped[p.scope].push_back(std::move(p));
      }
    }
    SQLite::Statement flo(db, "SELECT * FROM flows ORDER BY rowid");
    while (flo.executeStep()) {
      Flow f;
      f.id = flo.getColumn(0).getString();
      f.name = flo.getColumn(1).getString();
      f.kind = ParseFlowKind(flo.getColumn(2).getString()).value_or(FlowKind::kProduct);
      f.unit = flo.getColumn(3).getString();
      f.compartment = flo.getColumn(4).getString();
      f.subcompartment = flo.getColumn(5).getString();
      f.cas = flo.getColumn(6).getString();
      f.description = flo.getColumn(7).getString();
      f.origin = OriginColumns(flo, 8);
      inv.flows.push_back(std::move(f));
    }
    std::map<std::string, std::vector<Exchange>> exchanges;
    SQLite::Statement exc(db, "SELECT * FROM exchanges ORDER BY process, position");
    while (exc.executeStep()) {
      Exchange e;
      e.flow = exc.getColumn(2).getString();
      e.amount = OptionalColumn(exc, 3);
      e.formula = exc.getColumn(4).getString();
      e.unit = exc.getColumn(5).getString();
      e.source = exc.getColumn(6).getString();
      e.output = exc.getColumn(7).getInt() != 0;
      e.provider = exc.getColumn(8).getString();
      e.uncertainty = ReadUncertainty(exc, 9);
      if (!exc.getColumn(14).isNull()) {
        std::array<int, 5> s{};
        std::sscanf(exc.getColumn(14).getText(), "%d,%d,%d,%d,%d", &s[0], &s[1], &s[2], &s[3],
                    &s[4]);
        e.pedigree = s;
      }
      e.comment = exc.getColumn(15).getString();
      e.origin = OriginColumns(exc, 16);
      exchanges[exc.getColumn(0).getString()].push_back(std::move(e));
    }
    SQLite::Statement pro(db, "SELECT * FROM processes ORDER BY rowid");
    while (pro.executeStep()) {
      Process p;
      p.id = pro.getColumn(0).getString();
      p.name = pro.getColumn(1).getString();
      p.stage = ParseStage(pro.getColumn(2).getString()).value_or(Stage::kNone);
      p.location = pro.getColumn(3).getString();
      p.product = pro.getColumn(4).getString();
      p.product_amount = pro.getColumn(5).getDouble();
      p.product_unit = pro.getColumn(6).getString();
      p.is_default = pro.getColumn(7).getInt() != 0;
      p.parameters_from = pro.getColumn(8).getString();
      p.description = pro.getColumn(9).getString();
      p.source = pro.getColumn(10).getString();
      p.origin = OriginColumns(pro, 11);
      p.parameters = std::move(scoped[p.id]);
      p.exchanges = std::move(exchanges[p.id]);
      inv.processes.push_back(std::move(p));
    }
    std::map<std::string, std::vector<ImpactFactor>> factors;
    SQLite::Statement fac(db, "SELECT * FROM factors ORDER BY method, position");
    while (fac.executeStep()) {
      ImpactFactor f;
      f.flow = fac.getColumn(1).getString();
      f.value = fac.getColumn(2).getDouble();
      f.unit = fac.getColumn(3).getString();
      f.source = fac.getColumn(4).getString();
      f.origin = OriginColumns(fac, 5);
      f.uncertainty = ReadUncertainty(fac, 8);
      factors[fac.getColumn(0).getString()].push_back(std::move(f));
    }
    SQLite::Statement met(db, "SELECT * FROM methods ORDER BY rowid");
    while (met.executeStep()) {
      ImpactMethod m;
      m.id = met.getColumn(0).getString();
      m.name = met.getColumn(1).getString();
      m.unit = met.getColumn(2).getString();
      m.source = met.getColumn(3).getString();
      m.description = met.getColumn(4).getString();
      m.origin = OriginColumns(met, 5);
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
  q.bind(1, key);
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

}  // namespace gpulca
