#include "lca/uncertainty/global_sensitivity.h"

#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "lca/error.h"

namespace gpulca::lca {
namespace {

// Saltelli's design as the Monte Carlo reads it: input name -> column.
class SobolMcDesign : public McDesign {
 public:
  SobolMcDesign(const SobolDesign& design, const std::vector<std::string>& inputs)
      : design_(design) {
    for (size_t i = 0; i < inputs.size(); ++i) column_[inputs[i]] = static_cast<int>(i);
  }
  int Column(const std::string& input) const override {
    auto it = column_.find(input);
    return it == column_.end() ? -1 : it->second;
  }
  double Quantile(int column, int iteration) const override { return design_.At(iteration, column); }

 private:
  const SobolDesign& design_;
  std::unordered_map<std::string, int> column_;
};

std::string FolderOf(const std::string& file) {
  if (file.empty()) return "other";
  const std::string folder = std::filesystem::path(file).parent_path().filename().string();
  return folder.empty() ? "other" : folder;
}

}  // namespace

std::string DataGroupOf(const inventory::Inventory& inventory, const std::string& input) {
  const size_t colon = input.find(':');
  if (colon == std::string::npos) return "other";
  const std::string kind = input.substr(0, colon), rest = input.substr(colon + 1);
  if (kind == "param") {
    const size_t slash = rest.find('/');
    if (slash == std::string::npos) {
      const inventory::Parameter* p = inventory.FindGlobal(rest);
      return FolderOf(p ? p->origin.file : "");
    }
    const inventory::Process* process = inventory.FindProcess(rest.substr(0, slash));
    return FolderOf(process ? process->origin.file : "");
  }
  const std::string owner = rest.substr(0, rest.find(':'));
  if (kind == "exchange") {
    const inventory::Process* process = inventory.FindProcess(owner);
    return FolderOf(process ? process->origin.file : "");
  }
  if (kind == "factor") {
    const inventory::ImpactMethod* method = inventory.FindMethod(owner);
    return FolderOf(method ? method->origin.file : "");
  }
  return "other";
}

GroupedSobol SobolOfDemand(const inventory::Inventory& inventory,
                           const inventory::ParameterSet& nominal, const McDemand& demand,
                           const std::vector<InputGroup>& user, const SobolOptions& options,
                           McOptions mc) {
  // The uncertain inputs that reach the system: one iteration that keeps them.
  McOptions probe = mc;
  probe.iterations = 1;
  probe.sensitivity = false;
  probe.keep_draws = true;
  probe.progress = nullptr;
  probe.design = nullptr;
  probe.slice = McSlice();
  probe.tape = nullptr;
  const std::vector<std::string> inputs =
      MonteCarloOfDemands(inventory, nominal, {demand}, {}, probe).at(0).inputs;
  if (inputs.empty()) {
    throw InvalidArgument("sobol", fmt::format("{} has no uncertain input: every index would be "
                                               "0 / 0", demand.process));
  }
  GroupedSobol r;
  r.options = options;
  r.inputs = static_cast<int>(inputs.size());
  std::set<std::string> names;
  for (const InputGroup& g : user) {
    if (!names.insert(g.name).second) {
      throw InvalidArgument("group", fmt::format("group '{}' is given twice", g.name));
    }
    r.groups.push_back(g.name);
  }
  r.members.resize(user.size());
  std::map<std::string, std::vector<std::string>> data_groups;
  for (const std::string& input : inputs) {
    bool placed = false;
    for (size_t g = 0; g < user.size() && !placed; ++g) {
      for (const std::string& pattern : user[g].patterns) {
        if (fnmatch(pattern.c_str(), input.c_str(), 0) == 0) {
          r.members[g].push_back(input);
          placed = true;
          break;
        }
      }
    }
    if (!placed) data_groups[DataGroupOf(inventory, input)].push_back(input);
  }
  for (size_t g = 0; g < user.size(); ++g) {
    if (r.members[g].empty()) {
      throw InvalidArgument("group", fmt::format("group '{}' ({}) matches none of the {} uncertain "
                                                 "inputs of {}",
                                                 user[g].name, fmt::join(user[g].patterns, ", "),
                                                 inputs.size(), demand.process));
    }
  }
  for (auto& [name, members] : data_groups) {
    if (!names.insert(name).second) {
      // A user group of a data folder's name holds that folder's rest too.
      const size_t g = static_cast<size_t>(
          std::find(r.groups.begin(), r.groups.end(), name) - r.groups.begin());
      r.members[g].insert(r.members[g].end(), members.begin(), members.end());
      continue;
    }
    r.groups.push_back(name);
    r.members.push_back(members);
  }
  std::unordered_map<std::string, int> column;
  for (size_t i = 0; i < inputs.size(); ++i) column[inputs[i]] = static_cast<int>(i);
  std::vector<std::vector<int>> columns(r.groups.size());
  for (size_t g = 0; g < r.groups.size(); ++g) {
    for (const std::string& input : r.members[g]) columns[g].push_back(column.at(input));
  }
  const SobolDesign design = MakeSobolDesign(static_cast<int>(inputs.size()), columns, options);
  mc.iterations = design.Points();
  mc.sensitivity = false;
  mc.keep_draws = false;
  mc.stage_samples = false;
  mc.weights = nullptr;
  mc.design = std::make_shared<SobolMcDesign>(design, inputs);
  const McResult run = MonteCarloOfDemands(inventory, nominal, {demand}, {}, mc).at(0);
  r.n = design.n;
  r.evaluations = design.Points();
  r.impact_ids = run.impact_ids;
  r.impact_units = run.impact_units;
  r.first = run.first_iteration;
  r.last = run.first_iteration + run.iterations;
  if (run.iterations != design.Points()) return r;  // a slice: no estimate
  for (size_t k = 0; k < run.impact_ids.size(); ++k) {
    try {
      r.impacts.push_back(EstimateSobol(design, run.samples[k], options));
      r.undefined.emplace_back();
    } catch (const SolveError& e) {
      r.impacts.emplace_back();
      r.undefined.push_back(e.what());
    }
  }
  return r;
}

}  // namespace gpulca::lca
