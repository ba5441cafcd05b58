// The inventory's value types, in the words of LCA (see docs/inventory-format.md).
// Plain data: no behaviour beyond lookups. Every object remembers where it
// was defined (`Origin`) so that any later message can say file:line.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gpulca::inventory {

// Where an object was defined: a file and a 1-based line, or a database.
struct Origin {
  std::string file;
  int line = 0;
  std::string ToString() const;  // "data/fab.toml:42", or "<unknown>"
};

enum class FlowKind { kProduct, kWaste, kElementary };
const char* ToString(FlowKind kind);
std::optional<FlowKind> ParseFlowKind(const std::string& text);

// The life-cycle stages, in report order. kNone: a background process whose
// impacts belong to the stages of its consumers.
enum class Stage { kMining, kMaterials, kFabrication, kAssembly, kShipping, kDeployment,
                   kEndOfLife, kNone };
constexpr int kStageCount = 7;  // the stages other than kNone
const char* ToString(Stage stage);
std::optional<Stage> ParseStage(const std::string& text);

// An uncertainty distribution around an amount. For lognormal, `gsd` is the
// geometric standard deviation; for normal, `sd`; triangular and uniform use
// min and max (the amount is the mode of a triangular).
struct Uncertainty {
  enum class Kind { kNone, kLognormal, kNormal, kTriangular, kUniform } kind = Kind::kNone;
  double gsd = 1.0;
  double sd = 0.0;
  double min = 0.0;
  double max = 0.0;
  bool IsSet() const { return kind != Kind::kNone; }
};
const char* ToString(Uncertainty::Kind kind);

struct Source {
  std::string id;
  std::string citation;
  std::string url;
  std::string table;
  std::string page;
  std::string note;
  Origin origin;
};

// A named number or formula. `scope` is empty for a global parameter, or the
// id of the process that holds it.
struct Parameter {
  std::string id;
  std::string scope;
  std::optional<double> value;  // exactly one of value, formula
  std::string formula;
  std::string unit;
  std::string source;
  std::string description;
  bool estimate = false;
  Uncertainty uncertainty;
  Origin origin;
  bool IsFormula() const { return !value.has_value(); }
};

struct Flow {
  std::string id;
  std::string name;
  FlowKind kind = FlowKind::kProduct;
  std::string unit;  // the reference unit; amounts are stored in it
  std::string compartment;
  std::string subcompartment;
  std::string cas;
  std::string description;
  Origin origin;
};

// An amount of a flow into or out of a process, per the process's reference
// amount, kept as written. Invariant after Normalize(): `unit_factor`
// converts the written unit into the flow's unit, so the amount in the flow's
// unit is (amount or the formula's value) * unit_factor.
struct Exchange {
  std::string flow;
  std::optional<double> amount;  // as written; absent when formula is set
  std::string formula;
  std::string unit;              // the unit as written
  double unit_factor = 1.0;      // written unit -> flow unit
  std::string source;
  bool output = false;    // a co-product output of a product flow
  std::string provider;   // an explicit provider process id, or empty
  Uncertainty uncertainty;
  std::optional<std::array<int, 5>> pedigree;
  std::string comment;
  Origin origin;
  bool IsFormula() const { return !amount.has_value(); }
};

struct Process {
  std::string id;
  std::string name;
  Stage stage = Stage::kNone;
  std::string location;
  std::string product;         // the reference product flow id
  double product_amount = 1;   // as written, in product_unit
  std::string product_unit;
  double product_factor = 1;   // product_unit -> the flow's unit (set by Normalize)
  bool is_default = false;     // the default provider of its product
  std::string parameters_from; // another process whose parameters this one sees
  std::string description;
  std::string source;
  std::vector<Parameter> parameters;  // scope == id
  std::vector<Exchange> exchanges;
  Origin origin;
};

struct ImpactFactor {
  std::string flow;
  double value = 0;   // indicator units per `unit` of the flow, as written
  std::string unit;   // empty: the flow's unit
  double unit_factor = 1;  // value * unit_factor = per unit of the flow's unit
  std::string source;
  Uncertainty uncertainty;  // around `value`
  Origin origin;
};

struct ImpactMethod {
  std::string id;
  std::string name;
  std::string unit;
  std::string source;
  std::string description;
  std::vector<ImpactFactor> factors;
  Origin origin;
};

// A whole inventory, as loaded from files or read from the store. Ids are
// unique within each kind; the Index maps are rebuilt by BuildIndex().
struct Inventory {
  std::vector<Source> sources;
  std::vector<Parameter> parameters;  // the globals
  std::vector<Flow> flows;
  std::vector<Process> processes;
  std::vector<ImpactMethod> methods;

  std::map<std::string, size_t> source_index, parameter_index, flow_index, process_index,
      method_index;
  std::multimap<std::string, size_t> provider_index;  // product flow -> process

  void BuildIndex();
  const Flow* FindFlow(const std::string& id) const;
  const Process* FindProcess(const std::string& id) const;
  const Source* FindSource(const std::string& id) const;
  const ImpactMethod* FindMethod(const std::string& id) const;
  const Parameter* FindGlobal(const std::string& id) const;
  // The processes whose reference product is `flow`, in id order.
  std::vector<const Process*> ProvidersOf(const std::string& flow) const;
  // Adds `other` to this inventory (ids must not collide; checked by Validate).
  void Append(Inventory other);
};

}  // namespace gpulca::inventory
