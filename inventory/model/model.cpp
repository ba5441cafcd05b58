#include "inventory/model/model.h"

#include <algorithm>
#include <iterator>

namespace gpulca::inventory {

std::string Origin::ToString() const {
  if (file.empty()) return "<unknown>";
  if (line <= 0) return file;
  return file + ":" + std::to_string(line);
}

const char* ToString(FlowKind kind) {
  switch (kind) {
    case FlowKind::kProduct: return "product";
    case FlowKind::kWaste: return "waste";
    case FlowKind::kElementary: return "elementary";
  }
  return "?";
}

std::optional<FlowKind> ParseFlowKind(const std::string& text) {
  if (text == "product") return FlowKind::kProduct;
  if (text == "waste") return FlowKind::kWaste;
  if (text == "elementary") return FlowKind::kElementary;
  return std::nullopt;
}

const char* ToString(Stage stage) {
  switch (stage) {
    case Stage::kMining: return "mining";
    case Stage::kMaterials: return "materials";
    case Stage::kFabrication: return "fabrication";
    case Stage::kAssembly: return "assembly";
    case Stage::kShipping: return "shipping";
    case Stage::kDeployment: return "deployment";
    case Stage::kEndOfLife: return "end_of_life";
    case Stage::kNone: return "";
  }
  return "?";
}

std::optional<Stage> ParseStage(const std::string& text) {
  for (int i = 0; i < kStageCount; ++i) {
    auto stage = static_cast<Stage>(i);
    if (text == ToString(stage)) return stage;
  }
  if (text.empty()) return Stage::kNone;
  return std::nullopt;
}

const char* ToString(Uncertainty::Kind kind) {
  switch (kind) {
    case Uncertainty::Kind::kNone: return "none";
    case Uncertainty::Kind::kLognormal: return "lognormal";
    case Uncertainty::Kind::kNormal: return "normal";
    case Uncertainty::Kind::kTriangular: return "triangular";
    case Uncertainty::Kind::kUniform: return "uniform";
  }
  return "?";
}

namespace {
template <typename T>
void Index(const std::vector<T>& items, std::map<std::string, size_t>& index) {
  index.clear();
  for (size_t i = 0; i < items.size(); ++i) index.emplace(items[i].id, i);
}

template <typename T>
const T* Find(const std::vector<T>& items, const std::map<std::string, size_t>& index,
              const std::string& id) {
  auto it = index.find(id);
  return it == index.end() ? nullptr : &items[it->second];
}

template <typename T>
void Move(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}
}  // namespace

void Inventory::BuildIndex() {
  Index(sources, source_index);
  Index(parameters, parameter_index);
  Index(flows, flow_index);
  Index(processes, process_index);
  Index(methods, method_index);
  provider_index.clear();
  for (size_t i = 0; i < processes.size(); ++i) provider_index.emplace(processes[i].product, i);
}

const Flow* Inventory::FindFlow(const std::string& id) const {
  return Find(flows, flow_index, id);
}
const Process* Inventory::FindProcess(const std::string& id) const {
  return Find(processes, process_index, id);
}
const Source* Inventory::FindSource(const std::string& id) const {
  return Find(sources, source_index, id);
}
const ImpactMethod* Inventory::FindMethod(const std::string& id) const {
  return Find(methods, method_index, id);
}
const Parameter* Inventory::FindGlobal(const std::string& id) const {
  return Find(parameters, parameter_index, id);
}

std::vector<const Process*> Inventory::ProvidersOf(const std::string& flow) const {
  std::vector<const Process*> out;
  auto range = provider_index.equal_range(flow);
  for (auto it = range.first; it != range.second; ++it) out.push_back(&processes[it->second]);
  std::sort(out.begin(), out.end(),
            [](const Process* a, const Process* b) { return a->id < b->id; });
  return out;
}

void Inventory::Append(Inventory other) {
  Move(sources, other.sources);
  Move(parameters, other.parameters);
  Move(flows, other.flows);
  Move(processes, other.processes);
  Move(methods, other.methods);
  BuildIndex();
}

}  // namespace gpulca::inventory
