#include "inventory/records/order.h"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "lca/error.h"
#include "inventory/model/units.h"
#include "inventory/toml/toml_precheck.h"
#include "inventory/toml/toml_table.h"

namespace gpulca::inventory {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* const kBoundaries[] = {"cradle-to-gate", "cradle-to-grave"};

bool OneOf(const std::string& value, std::initializer_list<const char*> allowed) {
  for (const char* a : allowed) {
    if (value == a) return true;
  }
  return false;
}

// "kg CO2e" -> kilograms per unit written; nullopt for anything else.
std::optional<double> KgPerCo2eUnit(const std::string& unit) {
  const std::string suffix = " CO2e";
  if (unit.size() <= suffix.size() || unit.compare(unit.size() - suffix.size(), suffix.size(),
                                                   suffix) != 0) {
    return std::nullopt;
  }
  const Unit* mass = FindUnit(unit.substr(0, unit.size() - suffix.size()));
  if (!mass || mass->dimension != Dimension::kMass) return std::nullopt;
  return ConversionFactor(mass->name, "kg");
}

// Checks a declaration's fields and fills kg_co2e_per_unit; `where` says
// which part of the order it belongs to.
void CheckDeclared(DeclaredFootprint& d, long quantity, TableReader& r) {
  if (auto kg = KgPerCo2eUnit(d.unit)) {
    double per_unit = d.value * *kg / (d.per == "line" && quantity > 0 ? quantity : 1);
    d.kg_co2e_per_unit = per_unit;
  } else {
    r.Problem(fmt::format("declared unit '{}' is not a mass of CO2e (kg CO2e, t CO2e, g CO2e)",
                          d.unit));
  }
  if (!(d.value >= 0) || !std::isfinite(d.value)) {
    r.Problem(fmt::format("declared value {} must be a number of at least 0", d.value));
  }
  if (!OneOf(d.per, {"unit", "line"})) {
    r.Problem(fmt::format("declared 'per' is '{}', not 'unit' or 'line'", d.per));
  }
  if (!OneOf(d.boundary, {kBoundaries[0], kBoundaries[1]})) {
    r.Problem(fmt::format("declared boundary '{}' is not cradle-to-gate or cradle-to-grave",
                          d.boundary));
  }
}

std::optional<DeclaredFootprint> ReadDeclared(TableReader& line, long quantity,
                                              const std::string& dir) {
  if (!line.Has("declared")) return std::nullopt;
  const toml::value& v = line.At("declared");
  if (!v.is_table()) {
    line.ProblemAt("declared", "'declared' must be a table");
    return std::nullopt;
  }
  TableReader r(v, line.file(), "declared", line.problems());
  DeclaredFootprint d;
  d.origin = line.OriginOf("declared");
  if (r.Has("pact")) {
    std::string file = r.String("pact", true);
    r.Finish();
    fs::path path = fs::path(file).is_absolute() ? fs::path(file) : fs::path(dir) / file;
    try {
      d = FromPact(ReadPactFootprint(path.string()));
    } catch (const Error& e) {
      line.problems().push_back({d.origin, fmt::format("declared: {}", e.what())});
      return std::nullopt;
    }
    d.origin = line.OriginOf("declared");
    d.source = fs::path(file).filename().string();
    CheckDeclared(d, quantity, r);
    return d;
  }
  d.value = r.Number("value", true).value_or(0.0);
  d.unit = r.String("unit", true);
  d.per = r.Has("per") ? r.String("per", false) : "unit";
  d.boundary = r.String("boundary", true);
  d.standard = r.String("standard", false);
  d.reference_period = r.String("reference_period", false);
  d.source = r.Has("source") ? r.String("source", false) : "order";
  r.Finish();
  CheckDeclared(d, quantity, r);
  return d;
}

OrderLine ReadLine(const toml::value& v, const std::string& file, const std::string& dir,
                   std::vector<Diagnostic>& problems) {
  TableReader r(v, file, "line", problems);
  OrderLine line;
  line.origin = r.Has("product") ? r.OriginOf("product") : r.origin();
  line.product = r.String("product", true);
  if (auto q = r.Number("quantity", true)) {
    if (*q < 1 || std::floor(*q) != *q || *q > 1e12) {
      r.ProblemAt("quantity", fmt::format("quantity {} is not a positive whole number", *q));
    } else {
      line.quantity = static_cast<long>(*q);
    }
  }
  line.fab_region = r.String("fab_region", false);
  line.assembly_region = r.String("assembly_region", false);
  line.transport = r.String("transport", false);
  if (!line.transport.empty() && !OneOf(line.transport, {"air", "sea"})) {
    r.ProblemAt("transport", fmt::format("transport '{}' is not 'air' or 'sea'", line.transport));
  }
  line.declared = ReadDeclared(r, line.quantity, dir);
  r.Finish();
  return line;
}

std::optional<double> Positive(TableReader& r, const std::string& key) {
  auto v = r.Number(key, false);
  if (v && !(*v > 0)) r.ProblemAt(key, fmt::format("'{}' must be positive, not {}", key, *v));
  return v;
}

PurchaseOrder ReadOrder(const toml::value& doc, const std::string& file,
                        std::vector<Diagnostic>& problems) {
  PurchaseOrder o;
  o.file = file;
  const std::string dir = fs::path(file).parent_path().string();
  TableReader top(doc, file, "order file", problems);
  if (!top.Has("order")) {
    top.Problem("missing the [order] table");
  } else {
    TableReader r(top.At("order"), file, "order", problems);
    o.id = r.String("id", true);
    o.buyer = r.String("buyer", true);
    o.supplier = r.String("supplier", true);
    o.date = r.String("date", false);
    r.Finish();
  }
  if (top.Has("deployment")) {
    TableReader r(top.At("deployment"), file, "deployment", problems);
    o.deployment.origin = top.OriginOf("deployment");
    o.deployment.region = r.String("region", false);
    o.deployment.pue = r.Number("pue", false);
    if (o.deployment.pue && !(*o.deployment.pue >= 1)) {
      r.ProblemAt("pue", fmt::format("pue {} must be at least 1", *o.deployment.pue));
    }
    o.deployment.utilization = r.Number("utilization", false);
    if (auto u = o.deployment.utilization; u && !(*u >= 0 && *u <= 1)) {
      r.ProblemAt("utilization", fmt::format("utilization {} must lie between 0 and 1", *u));
    }
    o.deployment.lifetime_years = Positive(r, "lifetime_years");
    r.Finish();
  }
  for (const toml::value* line : top.Tables("line")) {
    o.lines.push_back(ReadLine(*line, file, dir, problems));
  }
  if (o.lines.empty() && problems.empty()) top.Problem("an order needs at least one [[line]]");
  if (top.Has("audit")) {
    TableReader r(top.At("audit"), file, "audit", problems);
    if (auto n = r.Number("iterations", false)) {
      if (*n < 0 || std::floor(*n) != *n || *n > 1e7) {
        r.ProblemAt("iterations", fmt::format("iterations {} must be a whole number from 0", *n));
      } else {
        o.iterations = static_cast<int>(*n);
      }
    }
    o.calibrated = r.Bool("calibrated");
    if (auto s = r.Number("seed", false)) {
      if (*s < 0 || std::floor(*s) != *s || *s > 9e15) {
        r.ProblemAt("seed", fmt::format("seed {} must be a whole number from 0", *s));
      } else {
        o.seed = static_cast<std::uint64_t>(*s);
      }
    }
    if (r.Has("lifetime_what_ifs")) {
      const toml::value& a = r.At("lifetime_what_ifs");
      // Each what-if is a whole assessment of every line (about 12 MB).
      constexpr size_t kMaxWhatIfs = 20;
      if (!a.is_array()) {
        r.ProblemAt("lifetime_what_ifs", "'lifetime_what_ifs' must be an array of years");
      } else if (a.as_array().size() > kMaxWhatIfs) {
        r.ProblemAt("lifetime_what_ifs",
                    fmt::format("at most {} lifetime what-ifs, each a whole assessment of the "
                                "order; {} were given", kMaxWhatIfs, a.as_array().size()));
      } else {
        for (const toml::value& y : a.as_array()) {
          double years = y.is_integer() ? static_cast<double>(y.as_integer())
                         : y.is_floating() ? y.as_floating()
                                           : -1;
          if (!(years > 0)) {
            r.ProblemAt("lifetime_what_ifs", "every lifetime what-if must be a positive number");
            break;
          }
          o.lifetime_what_ifs.push_back(years);
        }
      }
    }
    r.Finish();
  }
  top.Finish();
  return o;
}

json DeclaredJson(const DeclaredFootprint& d) {
  return {{"kg_co2e_per_unit", d.kg_co2e_per_unit}, {"value", d.value},
          {"unit", d.unit},       {"per", d.per},
          {"boundary", d.boundary}, {"standard", d.standard},
          {"source", d.source},   {"reference_period", d.reference_period}};
}

}  // namespace

DeclaredFootprint FromPact(const PactFootprint& pact) {
  DeclaredFootprint d;
  d.value = pact.per_product;
  d.unit = "kg CO2e";
  d.per = "unit";
  d.boundary = "cradle-to-gate";
  std::string standards;
  for (const std::string& s : pact.standards) standards += (standards.empty() ? "" : ", ") + s;
  d.standard = standards.empty() ? fmt::format("PACT {}", pact.spec_version)
                                 : fmt::format("PACT {} ({})", pact.spec_version, standards);
  d.source = pact.source;
  if (!pact.reference_period_start.empty()) {
    d.reference_period = pact.reference_period_start + "/" + pact.reference_period_end;
  }
  return d;
}

PurchaseOrder ParseOrder(const std::string& text, const std::string& name) {
  std::vector<Diagnostic> problems;
  PurchaseOrder order;
  try {
    if (auto bad = TomlTextProblem(text, name)) {
      problems.push_back(*bad);
    } else {
      std::istringstream in(text);
      toml::value doc = toml::parse(in, name);
      order = ReadOrder(doc, name, problems);
    }
  } catch (const toml::exception& e) {
    problems.push_back(SyntaxProblem(e.what(), name));
  } catch (const std::out_of_range& e) {  // a sub-table that is not a table
    problems.push_back({{name, 0}, fmt::format("malformed order: {}", e.what())});
  }
  if (!problems.empty()) {
    throw InputError(fmt::format("{} problem{} in the order:\n{}", problems.size(),
                                 problems.size() == 1 ? "" : "s", JoinDiagnostics(problems)));
  }
  return order;
}

PurchaseOrder LoadOrder(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: the order file cannot be read", path));
  std::stringstream text;
  text << in.rdbuf();
  return ParseOrder(text.str(), path);
}

std::string CanonicalOrderJson(const PurchaseOrder& o) {
  json j;  // nlohmann::json keeps object keys sorted
  j["id"] = o.id;
  j["buyer"] = o.buyer;
  j["supplier"] = o.supplier;
  j["date"] = o.date;
  json d = {{"region", o.deployment.region}};
  if (o.deployment.pue) d["pue"] = *o.deployment.pue;
  if (o.deployment.utilization) d["utilization"] = *o.deployment.utilization;
  if (o.deployment.lifetime_years) d["lifetime_years"] = *o.deployment.lifetime_years;
  j["deployment"] = d;
  j["lines"] = json::array();
  for (const OrderLine& l : o.lines) {
    json line = {{"product", l.product},
                 {"quantity", l.quantity},
                 {"fab_region", l.fab_region},
                 {"assembly_region", l.assembly_region},
                 {"transport", l.transport}};
    if (l.declared) line["declared"] = DeclaredJson(*l.declared);
    j["lines"].push_back(line);
  }
  j["iterations"] = o.iterations;
  j["seed"] = o.seed;
  // Only when set: the canonical form of an order from before calibration
  // (and so its recorded hash) is unchanged.
  if (o.calibrated) j["calibrated"] = true;
  j["lifetime_what_ifs"] = o.lifetime_what_ifs;
  return j.dump();
}

PurchaseOrder OrderFromCanonicalJson(const std::string& text) {
  try {
    json j = json::parse(text);
    PurchaseOrder o;
    o.id = j.at("id");
    o.buyer = j.at("buyer");
    o.supplier = j.at("supplier");
    o.date = j.at("date");
    const json& d = j.at("deployment");
    o.deployment.region = d.at("region");
    if (d.contains("pue")) o.deployment.pue = d["pue"].get<double>();
    if (d.contains("utilization")) o.deployment.utilization = d["utilization"].get<double>();
    if (d.contains("lifetime_years")) o.deployment.lifetime_years = d["lifetime_years"].get<double>();
    for (const json& l : j.at("lines")) {
      OrderLine line;
      line.product = l.at("product");
      line.quantity = l.at("quantity");
      line.fab_region = l.at("fab_region");
      line.assembly_region = l.at("assembly_region");
      line.transport = l.at("transport");
      if (l.contains("declared")) {
        const json& x = l["declared"];
        DeclaredFootprint f;
        f.kg_co2e_per_unit = x.at("kg_co2e_per_unit");
        f.value = x.at("value");
        f.unit = x.at("unit");
        f.per = x.at("per");
        f.boundary = x.at("boundary");
        f.standard = x.at("standard");
        f.source = x.at("source");
        f.reference_period = x.at("reference_period");
        line.declared = f;
      }
      o.lines.push_back(line);
    }
    o.iterations = j.at("iterations");
    o.seed = j.at("seed");
    o.calibrated = j.value("calibrated", false);
    o.lifetime_what_ifs = j.at("lifetime_what_ifs").get<std::vector<double>>();
    return o;
  } catch (const json::exception& e) {
    throw InputError(fmt::format("not a canonical order: {}", e.what()));
  }
}

}  // namespace gpulca::inventory
