#include "inventory/toml/toml_loader.h"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <fstream>
#include <sstream>
#include <toml.hpp>

#include "lca/error.h"
#include "inventory/model/validate.h"
#include "inventory/toml/toml_precheck.h"
#include "inventory/toml/toml_files.h"
#include "inventory/toml/toml_table.h"

namespace gpulca::inventory {
namespace {

// "parameter 'epa'", "exchange of 'electricity'": `what` and the string under
// `key` of table `v`, for messages; `what` alone when there is none.
std::string Named(const toml::value& v, const std::string& what, const char* key) {
  if (!v.is_table() || !v.as_table().count(key) || !v.as_table().at(key).is_string()) return what;
  return fmt::format("{} '{}'", what, v.as_table().at(key).as_string().str);
}

Uncertainty ReadUncertainty(TableReader& owner) {
  Uncertainty u;
  if (!owner.Has("uncertainty")) return u;
  const toml::value& v = owner.At("uncertainty");
  if (!v.is_table()) {
    owner.ProblemAt("uncertainty", "'uncertainty' must be a table");
    return u;
  }
  TableReader r(v, owner.file(), "uncertainty of " + owner.what(), owner.problems());
  std::string kind = r.String("distribution", true);
  if (kind == "lognormal") {
    u.kind = Uncertainty::Kind::kLognormal;
    u.gsd = r.Number("gsd", true).value_or(1.0);
  } else if (kind == "normal") {
    u.kind = Uncertainty::Kind::kNormal;
    u.sd = r.Number("sd", true).value_or(0.0);
  } else if (kind == "triangular" || kind == "uniform") {
    u.kind = kind == "uniform" ? Uncertainty::Kind::kUniform : Uncertainty::Kind::kTriangular;
    u.min = r.Number("min", true).value_or(0.0);
    u.max = r.Number("max", true).value_or(0.0);
  } else if (!kind.empty()) {
    r.Problem(fmt::format("unknown distribution '{}' (lognormal, normal, triangular, uniform)",
                          kind));
  }
  r.Finish();
  return u;
}

Parameter ReadParameter(const toml::value& v, const std::string& file, const std::string& scope,
                        std::vector<Diagnostic>& problems) {
  TableReader r(v, file, Named(v, "parameter", "id"), problems);
  Parameter p;
  p.origin = r.origin();
  p.scope = scope;
  p.id = r.String("id", true);
  bool has_value = r.Has("value");
  p.value = r.Number("value", false);  // nan or inf: a problem at its line, and no value
  p.formula = r.String("formula", false);
  if (has_value && !p.formula.empty()) r.Problem("has both value and formula");
  if (!has_value && p.formula.empty()) r.Problem("needs a value or a formula");
  if (!p.value && p.formula.empty()) p.value = 0.0;
  p.unit = r.String("unit", false);
  p.source = r.String("source", false);
  p.description = r.String("description", false);
  p.estimate = r.Bool("estimate");
  p.uncertainty = ReadUncertainty(r);
  r.Finish();
  return p;
}

Exchange ReadExchange(const toml::value& v, const std::string& file,
                      std::vector<Diagnostic>& problems) {
  TableReader r(v, file, Named(v, "exchange of", "flow"), problems);
  Exchange e;
  e.origin = r.origin();
  e.flow = r.String("flow", true);
  if (r.Has("amount")) {
    const toml::value& a = r.At("amount");
    if (a.is_string()) {
      e.formula = a.as_string().str;
      if (e.formula.empty()) r.ProblemAt("amount", "empty formula");
    } else {
      e.amount = r.Number("amount", true);
      if (!e.amount) e.amount = 0.0;
    }
  } else {
    r.Problem("no amount");
    e.amount = 0.0;
  }
  e.unit = r.String("unit", true);
  e.source = r.String("source", false);
  e.output = r.Bool("output");
  e.provider = r.String("provider", false);
  e.comment = r.String("comment", false);
  e.uncertainty = ReadUncertainty(r);
  if (r.Has("pedigree")) {
    const toml::value& pv = r.At("pedigree");
    std::array<int, 5> scores{};
    bool ok = pv.is_array() && pv.as_array().size() == 5;
    for (size_t i = 0; ok && i < 5; ++i) {
      ok = pv.as_array()[i].is_integer();
      if (ok) scores[i] = static_cast<int>(pv.as_array()[i].as_integer());
    }
    if (ok) {
      e.pedigree = scores;
    } else {
      r.ProblemAt("pedigree", "'pedigree' must be five integer scores 1-5");
    }
  }
  r.Finish();
  return e;
}

Process ReadProcess(const toml::value& v, const std::string& file,
                    std::vector<Diagnostic>& problems) {
  TableReader r(v, file, "process", problems);
  Process p;
  p.origin = r.origin();
  p.id = r.String("id", true);
  p.name = r.String("name", true);
  std::string stage = r.String("stage", false);
  if (auto s = ParseStage(stage)) {
    p.stage = *s;
  } else {
    r.ProblemAt("stage", fmt::format("process '{}': unknown stage '{}' (mining, materials, "
                                     "fabrication, assembly, shipping, deployment, end_of_life)",
                                     p.id, stage));
  }
  p.location = r.String("location", true);
  p.is_default = r.Bool("default");
  p.parameters_from = r.String("parameters_from", false);
  p.description = r.String("description", false);
  p.source = r.String("source", false);
  if (!r.Has("product")) {
    r.Problem(fmt::format("process '{}' has no reference product", p.id));
  } else if (!r.At("product").is_table()) {
    r.ProblemAt("product", "'product' must be a table { flow, amount, unit }");
  } else {
    TableReader pr(r.At("product"), file, "product of process '" + p.id + "'", problems);
    p.product = pr.String("flow", true);
    p.product_amount = pr.Number("amount", true).value_or(1.0);
    p.product_unit = pr.String("unit", true);
    pr.Finish();
  }
  for (const toml::value* t : r.Tables("parameters")) {
    p.parameters.push_back(ReadParameter(*t, file, p.id, problems));
  }
  for (const toml::value* t : r.Tables("exchanges")) {
    p.exchanges.push_back(ReadExchange(*t, file, problems));
  }
  r.Finish();
  return p;
}

ImpactMethod ReadMethod(const toml::value& v, const std::string& file,
                        std::vector<Diagnostic>& problems) {
  TableReader r(v, file, "method", problems);
  ImpactMethod m;
  m.origin = r.origin();
  m.id = r.String("id", true);
  m.name = r.String("name", true);
  m.unit = r.String("unit", true);
  m.source = r.String("source", true);
  m.description = r.String("description", false);
  for (const toml::value* t : r.Tables("factors")) {
    TableReader fr(*t, file, Named(*t, "factor of", "flow"), problems);
    ImpactFactor f;
    f.origin = fr.origin();
    f.flow = fr.String("flow", true);
    f.value = fr.Number("value", true).value_or(0.0);
    f.unit = fr.String("unit", false);
    f.source = fr.String("source", false);
    f.uncertainty = ReadUncertainty(fr);
    fr.Finish();
    m.factors.push_back(std::move(f));
  }
  r.Finish();
  return m;
}

void ReadDocument(const toml::value& doc, const std::string& file, Inventory& inv,
                  std::vector<Diagnostic>& problems) {
  TableReader r(doc, file, "file", problems);
  for (const toml::value* t : r.Tables("source")) inv.sources.push_back(ReadSource(*t, file, problems));
  for (const toml::value* t : r.Tables("parameter")) {
    inv.parameters.push_back(ReadParameter(*t, file, "", problems));
  }
  for (const toml::value* t : r.Tables("flow")) {
    TableReader fr(*t, file, "flow", problems);
    Flow f;
    f.origin = fr.origin();
    f.id = fr.String("id", true);
    f.name = fr.String("name", true);
    std::string kind = fr.String("kind", true);
    if (auto k = ParseFlowKind(kind)) {
      f.kind = *k;
    } else if (!kind.empty()) {
      fr.ProblemAt("kind", fmt::format("flow '{}': unknown kind '{}' (product, waste, elementary)",
                                       f.id, kind));
    }
    f.unit = fr.String("unit", true);
    f.compartment = fr.String("compartment", false);
    f.subcompartment = fr.String("subcompartment", false);
    f.cas = fr.String("cas", false);
    f.description = fr.String("description", false);
    fr.Finish();
    inv.flows.push_back(std::move(f));
  }
  for (const toml::value* t : r.Tables("process")) inv.processes.push_back(ReadProcess(*t, file, problems));
  for (const toml::value* t : r.Tables("method")) inv.methods.push_back(ReadMethod(*t, file, problems));
  r.Finish();
}

}  // namespace

Inventory ParseToml(const std::string& text, const std::string& name,
                    std::vector<Diagnostic>& problems) {
  Inventory inv;
  ParseTomlText(text, name, problems,
                [&](const toml::value& doc) { ReadDocument(doc, name, inv, problems); });
  inv.BuildIndex();
  return inv;
}

Inventory LoadToml(const std::vector<std::string>& paths, std::vector<Diagnostic>& problems) {
  Inventory all;
  for (const auto& [file, text] : ReadTomlFiles(paths, problems)) {
    all.Append(ParseToml(text, file, problems));
  }
  all.BuildIndex();
  return all;
}

Inventory LoadAndCheck(const std::vector<std::string>& paths, std::vector<Diagnostic>& problems) {
  Inventory inv = LoadToml(paths, problems);
  std::vector<Diagnostic> more = Validate(inv);
  problems.insert(problems.end(), more.begin(), more.end());
  return inv;
}

Inventory LoadAndValidate(const std::vector<std::string>& paths) {
  std::vector<Diagnostic> problems;
  Inventory inv = LoadAndCheck(paths, problems);
  if (!problems.empty()) {
    throw InputError(fmt::format("{} problem{} found:\n{}", problems.size(),
                                 problems.size() == 1 ? "" : "s", JoinDiagnostics(problems)));
  }
  return inv;
}

}  // namespace gpulca::inventory

namespace gpulca::inventory {

std::vector<std::pair<std::string, double>> LoadOverrides(const std::string& path) {
  std::vector<std::pair<std::string, double>> out;
  try {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw InputError(fmt::format("{}: cannot be read", path));
    std::stringstream text;
    text << file.rdbuf();
    if (auto bad = TomlTextProblem(text.str(), path)) throw InputError(bad->ToString());
    std::istringstream in(text.str());
    toml::value doc = toml::parse(in, path);
    for (const auto& [key, v] : doc.as_table()) {
      if (v.is_integer()) {
        out.emplace_back(key, static_cast<double>(v.as_integer()));
      } else if (v.is_floating() && std::isfinite(v.as_floating())) {
        out.emplace_back(key, v.as_floating());
      } else if (v.is_floating()) {
        throw InputError(fmt::format("{}:{}: parameter '{}' must be a finite number, not {}", path,
                                     LineOf(v), key, v.as_floating()));
      } else {
        throw InputError(fmt::format("{}:{}: parameter '{}' must be a number", path,
                                     LineOf(v), key));
      }
    }
  } catch (const toml::exception& e) {
    throw InputError(SyntaxProblem(e.what(), path).ToString());
  } catch (const std::runtime_error& e) {
    if (dynamic_cast<const Error*>(&e)) throw;
    throw InputError(fmt::format("{}: {}", path, e.what()));
  }
  return out;
}

}  // namespace gpulca::inventory
