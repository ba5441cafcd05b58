#include "tests/test_support.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <random>
#include <sstream>

#include "inventory/model/validate.h"
#include "inventory/toml/toml_loader.h"

namespace gpulca::test {

using inventory::Diagnostic;

inventory::Inventory Parse(const std::string& text, std::vector<Diagnostic>* problems) {
  std::vector<Diagnostic> local;
  std::vector<Diagnostic>& out = problems ? *problems : local;
  inventory::Inventory inv = inventory::ParseToml(text, "test.toml", out);
  auto more = inventory::Validate(inv);
  out.insert(out.end(), more.begin(), more.end());
  return inv;
}

inventory::Inventory ParseValid(const std::string& text) {
  std::vector<Diagnostic> problems;
  inventory::Inventory inv = Parse(text, &problems);
  INFO(inventory::JoinDiagnostics(problems));
  REQUIRE(problems.empty());
  return inv;
}

bool AnyProblem(const std::vector<Diagnostic>& problems, const std::vector<std::string>& parts) {
  for (const Diagnostic& d : problems) {
    std::string text = d.ToString();
    bool all = true;
    for (const std::string& part : parts) all = all && text.find(part) != std::string::npos;
    if (all) return true;
  }
  return false;
}

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() / ("gpulca-test-" + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::Write(const std::string& name, const std::string& text) const {
  auto file = path_ / name;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

int LineOf(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  int line = 1;
  for (size_t i = 0; i < at; ++i) line += text[i] == '\n';
  return line;
}

const char* const kSmallInventory = R"T(
[[source]]
id = "s1"
citation = "Test source"

[[flow]]
id = "co2_fossil"
name = "Carbon dioxide, fossil"
kind = "elementary"
compartment = "air"
unit = "kg"
cas = "124-38-9"

[[flow]]
id = "electricity"
name = "Electricity"
kind = "product"
unit = "kWh"

[[flow]]
id = "wafer_area"
name = "Wafer area"
kind = "product"
unit = "cm2"

[[parameter]]
id = "epa"
value = 2.5
source = "s1"

[[process]]
id = "grid_tw"
name = "Grid TW"
location = "TW"
product = { flow = "electricity", amount = 1, unit = "kWh" }
  [[process.exchanges]]
  flow = "co2_fossil"
  amount = 500
  unit = "g"
  source = "s1"

[[process]]
id = "grid_glo"
name = "Grid world"
location = "GLO"
default = true
product = { flow = "electricity", amount = 1, unit = "kWh" }
  [[process.exchanges]]
  flow = "co2_fossil"
  amount = 0.4
  unit = "kg"
  source = "s1"

[[process]]
id = "wafer_tw"
name = "Wafer"
stage = "fabrication"
location = "TW"
product = { flow = "wafer_area", amount = 1, unit = "cm2" }
  [[process.parameters]]
  id = "area_factor"
  formula = "2 * epa"
  [[process.exchanges]]
  flow = "electricity"
  amount = "area_factor"
  unit = "kWh"
  source = "s1"
  [[process.exchanges]]
  flow = "co2_fossil"
  amount = 0.1
  unit = "kg"
  source = "s1"

[[method]]
id = "gwp100"
name = "GWP100"
unit = "kg CO2e"
source = "s1"
  [[method.factors]]
  flow = "co2_fossil"
  value = 1
)T";

const std::vector<BadInputCase>& BadInputCases() {
  static const std::vector<BadInputCase> cases = {
      {"malformed TOML",
       "[[flow]\nid = \"x\"\n",
       {"test.toml:83", "malformed TOML", "invalid key"}},
      {"duplicate id",
       "[[flow]]\nid = \"electricity\"\nname = \"e\"\nkind = \"product\"\nunit = \"kWh\"\n",
       {"duplicate flow id 'electricity'", "first defined at test.toml:"}},
      {"unknown flow",
       "[[process]]\nid = \"p\"\nname = \"p\"\nlocation = \"TW\"\n"
       "product = { flow = \"wafer_area\", amount = 1, unit = \"cm2\" }\n"
       "[[process.exchanges]]\nflow = \"unobtainium\"\namount = 1\nunit = \"kg\"\nsource = "
       "\"s1\"\n",
       {"unknown flow 'unobtainium'", "process 'p'"}},
      {"unit mismatch",
       "[[process]]\nid = \"p\"\nname = \"p\"\nlocation = \"TW\"\n"
       "product = { flow = \"wafer_area\", amount = 1, unit = \"cm2\" }\n"
       "[[process.exchanges]]\nflow = \"electricity\"\namount = 1\nunit = \"kg\"\nsource = "
       "\"s1\"\n",
       {"unit 'kg'", "'electricity'", "'kWh'"}},
      {"unknown unit",
       "[[flow]]\nid = \"x\"\nname = \"x\"\nkind = \"product\"\nunit = \"parsec\"\n",
       {"unknown unit 'parsec'"}},
      {"unknown source",
       "[[parameter]]\nid = \"z\"\nvalue = 1\nsource = \"nobody\"\n",
       {"unknown source 'nobody'"}},
      {"number without source", "[[parameter]]\nid = \"z\"\nvalue = 1\n", {"no source"}},
      {"formula that does not parse",
       "[[parameter]]\nid = \"z\"\nformula = \"1 +* 2\"\n",
       {"does not parse"}},
      {"missing reference product",
       "[[process]]\nid = \"p\"\nname = \"p\"\nlocation = \"TW\"\n",
       {"no reference product"}},
      {"unknown key",
       "[[source]]\nid = \"s2\"\ncitation = \"c\"\nurll = \"x\"\n",
       {"unknown key 'urll'"}},
      {"estimate without range",
       "[[parameter]]\nid = \"z\"\nvalue = 1\nsource = \"s1\"\nestimate = true\n",
       {"estimate", "no uncertainty"}},
      {"min greater than max",
       "[[parameter]]\nid = \"z\"\nvalue = 1\nsource = \"s1\"\n"
       "uncertainty = { distribution = \"uniform\", min = 3, max = 2 }\n",
       {"min 3 is greater than max 2"}},
      {"negative sd",
       "[[parameter]]\nid = \"z\"\nvalue = 1\nsource = \"s1\"\n"
       "uncertainty = { distribution = \"normal\", sd = -1 }\n",
       {"sd must not be negative"}},
      {"lognormal of zero (a negative value is its mirror image)",
       "[[parameter]]\nid = \"z\"\nvalue = 0\nsource = \"s1\"\n"
       "uncertainty = { distribution = \"lognormal\", gsd = 1.2 }\n",
       {"lognormal", "non-zero amount"}},
      {"provider of another product",
       "[[process]]\nid = \"p\"\nname = \"p\"\nlocation = \"TW\"\n"
       "product = { flow = \"wafer_area\", amount = 1, unit = \"cm2\" }\n"
       "[[process.exchanges]]\nflow = \"electricity\"\namount = 1\nunit = \"kWh\"\nsource = "
       "\"s1\"\n"
       "provider = \"wafer_tw\"\n",
       {"provider 'wafer_tw' makes 'wafer_area', not 'electricity'"}},
      {"input that no process makes",
       "[[flow]]\nid = \"steam\"\nname = \"steam\"\nkind = \"product\"\nunit = \"kg\"\n"
       "[[process]]\nid = \"p\"\nname = \"p\"\nlocation = \"TW\"\n"
       "product = { flow = \"wafer_area\", amount = 1, unit = \"cm2\" }\n"
       "[[process.exchanges]]\nflow = \"steam\"\namount = 1\nunit = \"kg\"\nsource = \"s1\"\n",
       {"process 'p', exchange of 'steam'", "no process makes 'steam'"}},
      {"several providers and no default",
       "[[flow]]\nid = \"steam\"\nname = \"steam\"\nkind = \"product\"\nunit = \"kg\"\n"
       "[[process]]\nid = \"boiler_a\"\nname = \"a\"\nlocation = \"JP\"\n"
       "product = { flow = \"steam\", amount = 1, unit = \"kg\" }\n"
       "[[process]]\nid = \"boiler_b\"\nname = \"b\"\nlocation = \"KR\"\n"
       "product = { flow = \"steam\", amount = 1, unit = \"kg\" }\n"
       "[[process]]\nid = \"p\"\nname = \"p\"\nlocation = \"TW\"\n"
       "product = { flow = \"wafer_area\", amount = 1, unit = \"cm2\" }\n"
       "[[process.exchanges]]\nflow = \"steam\"\namount = 1\nunit = \"kg\"\nsource = \"s1\"\n",
       {"'steam' has several providers", "'boiler_a' (JP), 'boiler_b' (KR)"}},
  };
  return cases;
}

}  // namespace gpulca::test
