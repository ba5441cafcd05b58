#include "tests/inventory/jsonld_fixture.h"

#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <vector>

namespace gpulca::test {
namespace {

using nlohmann::ordered_json;

const char* kMass = "93a60a56-a3c8-11da-a746-0800200b9a66";
const char* kEnergy = "f6811440-ee37-11de-8a39-0800200c9a66";
const char* kVolume = "93a60a56-a3c8-22da-a746-0800200c9a66";
const char* kItems = "01846770-4cfe-4a25-8ad9-919d8d378345";

std::string Uuid(int n) {
  char text[40];
  std::snprintf(text, sizeof text, "00000000-0000-4000-8000-%012d", n);
  return text;
}

struct Keys {
  int schema;
  const char* ref_unit() const { return schema == 2 ? "isRefUnit" : "referenceUnit"; }
  const char* ref_property() const { return schema == 2 ? "isRefFlowProperty" : "referenceFlowProperty"; }
  const char* input() const { return schema == 2 ? "isInput" : "input"; }
  const char* reference() const { return schema == 2 ? "isQuantitativeReference" : "quantitativeReference"; }
  const char* dq() const { return schema == 2 ? "dqEntry" : "pedigreeUncertainty"; }
};

ordered_json Ref(const std::string& id, const std::string& name) {
  return {{"@type", "Ref"}, {"@id", id}, {"name", name}};
}

struct Group {
  const char* id;
  const char* name;
  const char* property;
  std::vector<std::pair<const char*, double>> units;  // first is the reference
};

const std::vector<Group> kGroups = {
    {"g-mass", "Units of mass", kMass, {{"kg", 1}, {"g", 0.001}, {"t", 1000}}},
    {"g-energy", "Units of energy", kEnergy, {{"MJ", 1}, {"kWh", 3.6}}},
    {"g-volume", "Units of volume", kVolume, {{"m3", 1}, {"l", 0.001}}},
    {"g-items", "Units of items", kItems, {{"Item(s)", 1}}},
};

std::string UnitId(const std::string& group, const std::string& unit) { return group + "-" + unit; }

struct FlowDef {
  int n;
  const char* name;
  const char* type;
  const char* group;
  std::vector<const char*> category;  // v2 path; v1 builds category objects
};

const std::vector<FlowDef> kFlows = {
    {1, "Electricity, at grid", "PRODUCT_FLOW", "g-energy", {"Technosphere", "Energy"}},
    {2, "Steel", "PRODUCT_FLOW", "g-mass", {"Technosphere", "Metals"}},
    {3, "Widget", "PRODUCT_FLOW", "g-items", {"Technosphere", "Products"}},
    {4, "Secret sauce", "PRODUCT_FLOW", "g-mass", {"Technosphere", "Other"}},
    {5, "Carbon dioxide, fossil", "ELEMENTARY_FLOW", "g-mass",
     {"Elementary flows", "Emission to air", "unspecified"}},
    {6, "Methane", "ELEMENTARY_FLOW", "g-mass", {"Elementary flows", "Emission to air", "unspecified"}},
    {7, "Gas, natural, in ground", "ELEMENTARY_FLOW", "g-volume",
     {"Elementary flows", "Resource", "in ground"}},
    {8, "Copper, 0.99% in sulfide, Cu 0.36% and Mo 8.2E-3% in crude ore, in ground",
     "ELEMENTARY_FLOW", "g-mass", {"Elementary flows", "Resource", "in ground"}},
    {9, "Water, river", "ELEMENTARY_FLOW", "g-volume", {"Elementary flows", "Resource", "in water"}},
};

const FlowDef& FlowOf(int n) {
  for (const FlowDef& f : kFlows) {
    if (f.n == n) return f;
  }
  throw std::logic_error("no fixture flow");
}

const Group& GroupOf(const std::string& id) {
  for (const Group& g : kGroups) {
    if (id == g.id) return g;
  }
  throw std::logic_error("no fixture group");
}

struct ExchangeDef {
  int flow;
  double amount;
  const char* unit;
  bool input;
  ordered_json extra = ordered_json::object();  // uncertainty, provider, dq entry...
};

ordered_json Exchange(const Keys& k, const ExchangeDef& e, bool reference) {
  const FlowDef& f = FlowOf(e.flow);
  const Group& g = GroupOf(f.group);
  ordered_json j = {{"@type", "Exchange"},
                    {k.input(), e.input},
                    {"amount", e.amount},
                    {"flow", Ref(Uuid(f.n), f.name)},
                    {"unit", Ref(UnitId(g.id, e.unit), e.unit)},
                    {"flowProperty", Ref(g.property, g.name)}};
  j["flow"]["flowType"] = f.type;
  if (reference) j[k.reference()] = true;
  for (auto& [key, value] : e.extra.items()) j[key] = value;
  return j;
}

ordered_json Triangle(double min, double mode, double max) {
  return {{"@type", "Uncertainty"}, {"distributionType", "TRIANGLE_DISTRIBUTION"},
          {"minimum", min}, {"mode", mode}, {"maximum", max}};
}

ordered_json Lognormal(double geom_mean, double gsd) {
  return {{"@type", "Uncertainty"}, {"distributionType", "LOG_NORMAL_DISTRIBUTION"},
          {"geomMean", geom_mean}, {"geomSd", gsd}};
}

}  // namespace

std::map<std::string, std::string> JsonldFixture(int schema) {
  Keys k{schema};
  std::map<std::string, std::string> files;
  auto put = [&](const std::string& folder, const std::string& id, const ordered_json& j) {
    files[folder + "/" + id + ".json"] = j.dump(2);
  };
  for (const Group& g : kGroups) {
    ordered_json units = ordered_json::array();
    for (size_t i = 0; i < g.units.size(); ++i) {
      ordered_json u = {{"@type", "Unit"}, {"@id", UnitId(g.id, g.units[i].first)},
                        {"name", g.units[i].first}, {"conversionFactor", g.units[i].second}};
      if (i == 0) u[k.ref_unit()] = true;
      units.push_back(u);
    }
    put("unit_groups", g.id, {{"@type", "UnitGroup"}, {"@id", g.id}, {"name", g.name}, {"units", units}});
    put("flow_properties", g.property, {{"@type", "FlowProperty"}, {"@id", g.property},
                                        {"name", std::string(g.name).substr(9)},
                                        {"unitGroup", Ref(g.id, g.name)}});
  }
  std::map<std::string, std::string> category_ids;  // v1: "a/b" -> id
  for (const FlowDef& f : kFlows) {
    const Group& g = GroupOf(f.group);
    ordered_json j = {{"@type", "Flow"}, {"@id", Uuid(f.n)}, {"name", f.name}, {"flowType", f.type}};
    std::string path;
    std::string parent;
    for (const char* c : f.category) {
      path += (path.empty() ? "" : "/") + std::string(c);
      if (schema == 1 && !category_ids.count(path)) {
        std::string id = "c-" + std::to_string(category_ids.size() + 1);
        category_ids[path] = id;
        ordered_json cat = {{"@type", "Category"}, {"@id", id}, {"name", c}, {"modelType", "FLOW"}};
        if (!parent.empty()) cat["category"] = Ref(parent, "");
        put("categories", id, cat);
      }
      if (schema == 1) parent = category_ids[path];
    }
    if (schema == 2) {
      j["category"] = path;
    } else {
      j["category"] = Ref(parent, f.category.back());
    }
    ordered_json factor = {{"@type", "FlowPropertyFactor"}, {k.ref_property(), true},
                           {"conversionFactor", 1.0}, {"flowProperty", Ref(g.property, g.name)}};
    j["flowProperties"] = ordered_json::array({factor});
    put("flows", Uuid(f.n), j);
  }
  const std::string grid = Uuid(101), steel = Uuid(102), widget = Uuid(103);
  auto process = [&](const std::string& id, const char* name, const ExchangeDef& ref,
                     const std::vector<ExchangeDef>& exchanges) {
    ordered_json list = ordered_json::array({Exchange(k, ref, true)});
    for (const ExchangeDef& e : exchanges) list.push_back(Exchange(k, e, false));
    put("processes", id, {{"@type", "Process"}, {"@id", id}, {"name", name},
                          {"processType", "UNIT_PROCESS"}, {"exchanges", list}});
  };
  process(grid, "Electricity, at grid", {1, 1, "kWh", false},
          {{5, 0.5, "kg", false, {{"uncertainty", Lognormal(0.5, 1.2)}}},
           {7, 0.1, "m3", true, {{k.dq(), "(2;3;1;1;1)"}, {"baseUncertainty", 1.05}}},
           {9, 2, "l", true}});
  process(steel, "Steel, at mill", {2, 1, "t", false},
          {{1, 500, "kWh", true, {{"defaultProvider", Ref(grid, "Electricity, at grid")}}},
           {5, 1800, "kg", false, {{"uncertainty", Triangle(2000, 1800, 1600)}}},
           {6, 1, "kg", false, {{"uncertainty", Triangle(0.5, 0.8, 1.5)}}},
           {8, 2, "kg", true}});
  process(widget, "Widget, assembly", {3, 1, "Item(s)", false},
          {{2, 2, "kg", true}, {1, 1, "kWh", true}, {4, 1, "kg", true},
           {5, 0.1, "kg", false, {{"uncertainty", Lognormal(0.1, 0)}}}});
  return files;
}

std::string UslciZip() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("GPULCA_USLCI_ZIP"); env && *env) candidates.push_back(env);
  candidates.push_back(GPULCA_SOURCE_DIR "/../shared/data/uslci/uslci-jsonld.zip");
  candidates.push_back("/work/shared/data/uslci/uslci-jsonld.zip");
  for (const std::string& c : candidates) {
    if (std::filesystem::is_regular_file(c)) return std::filesystem::canonical(c).string();
  }
  return "";
}

void WriteZip(const std::string& path, const std::map<std::string, std::string>& files) {
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!zip) throw std::runtime_error("cannot create " + path);
  for (const auto& [name, text] : files) {
    // libzip reads the buffer at zip_close: `files` outlives it.
    zip_source_t* source = zip_source_buffer(zip, text.data(), text.size(), 0);
    if (!source || zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE) < 0) {
      zip_source_free(source);
      zip_discard(zip);
      throw std::runtime_error("cannot add " + name + " to " + path);
    }
  }
  if (zip_close(zip) != 0) {
    zip_discard(zip);
    throw std::runtime_error("cannot write " + path);
  }
}

const char* const kJsonldBase = R"T(
[[source]]
id = "s1"
citation = "Test source"

[[flow]]
id = "co2_fossil"
name = "Carbon dioxide, fossil"
kind = "elementary"
compartment = "air"
subcompartment = "fossil"
unit = "kg"
cas = "124-38-9"

[[flow]]
id = "co2_biogenic"
name = "Carbon dioxide, biogenic"
kind = "elementary"
compartment = "air"
subcompartment = "biogenic"
unit = "kg"
cas = "124-38-9"

[[flow]]
id = "ch4_fossil"
name = "Methane, fossil"
kind = "elementary"
compartment = "air"
unit = "kg"
cas = "74-82-8"

[[flow]]
id = "energy_fossil"
name = "Primary energy, fossil"
kind = "elementary"
compartment = "resource"
unit = "MJ"

[[flow]]
id = "water_consumed"
name = "Water, consumed"
kind = "elementary"
compartment = "resource"
unit = "L"
cas = "7732-18-5"

[[flow]]
id = "copper_ore_cu"
name = "Copper, in ground (kg Cu)"
kind = "elementary"
compartment = "resource"
unit = "kg"
cas = "7440-50-8"

[[method]]
id = "gwp100"
name = "GWP100"
unit = "kg CO2e"
source = "s1"
  [[method.factors]]
  flow = "co2_fossil"
  value = 1
  [[method.factors]]
  flow = "co2_biogenic"
  value = 1
  [[method.factors]]
  flow = "ch4_fossil"
  value = 29.8

[[method]]
id = "energy"
name = "Primary energy"
unit = "MJ"
source = "s1"
  [[method.factors]]
  flow = "energy_fossil"
  value = 1

[[method]]
id = "water"
name = "Water consumption"
unit = "L"
source = "s1"
  [[method.factors]]
  flow = "water_consumed"
  value = 1

[[method]]
id = "adp"
name = "ADP"
unit = "kg Sb-eq"
source = "s1"
  [[method.factors]]
  flow = "copper_ore_cu"
  value = 0.0013659227538
)T";

}  // namespace gpulca::test
