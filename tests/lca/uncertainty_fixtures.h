// Inventories for the uncertainty tests, written as TOML from small pieces:
// flows (co2, primary_energy, electricity, steel, gpu, server), the methods
// gwp100 and energy, and helpers for processes, exchanges and parameters.
#pragma once

#include <cstdlib>
#include <string>

namespace gpulca::test {

// Whether `text` is a number (else a formula).
inline bool IsNumber(const std::string& text) {
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  return !text.empty() && end == text.c_str() + text.size();
}

inline std::string Flow(const std::string& id, const std::string& kind, const std::string& unit,
                        const std::string& compartment = "") {
  return "[[flow]]\nid = \"" + id + "\"\nname = \"" + id + "\"\nkind = \"" + kind + "\"\nunit = \"" +
         unit + "\"\n" + (compartment.empty() ? "" : "compartment = \"" + compartment + "\"\n");
}

// A method with one factor of 1 on `flow`.
inline std::string Method(const std::string& id, const std::string& flow, const std::string& unit) {
  return "[[method]]\nid = \"" + id + "\"\nname = \"" + id + "\"\nunit = \"" + unit +
         "\"\nsource = \"s1\"\n  [[method.factors]]\n  flow = \"" + flow + "\"\n  value = 1\n";
}

inline std::string UncertaintyToml(const std::string& body) {
  return "[[source]]\nid = \"s1\"\ncitation = \"Test source\"\n" +
         Flow("co2", "elementary", "kg", "air") +
         Flow("primary_energy", "elementary", "MJ", "resource") +
         Flow("electricity", "product", "kWh") + Flow("steel", "product", "kg") +
         Flow("gpu", "product", "item") + Flow("server", "product", "item") +
         Method("gwp100", "co2", "kg CO2e") + Method("energy", "primary_energy", "MJ") + body;
}

// An exchange; an `amount` that is not a number is a formula.
inline std::string TomlExchange(const std::string& flow, const std::string& amount,
                            const std::string& unit, const std::string& uncertainty = "") {
  return "  [[process.exchanges]]\n  flow = \"" + flow + "\"\n  amount = " +
         (IsNumber(amount) ? amount : "\"" + amount + "\"") + "\n  unit = \"" + unit +
         "\"\n  source = \"s1\"\n" +
         (uncertainty.empty() ? "" : "  uncertainty = " + uncertainty + "\n");
}

// A process making one `unit` of `product`, in `stage` (none when empty).
inline std::string Process(const std::string& id, const std::string& product,
                           const std::string& unit, const std::string& exchanges,
                           const std::string& stage = "") {
  return "\n[[process]]\nid = \"" + id + "\"\nname = \"" + id + "\"\n" +
         (stage.empty() ? "" : "stage = \"" + stage + "\"\n") +
         "location = \"GLO\"\nproduct = { flow = \"" + product + "\", amount = 1, unit = \"" + unit +
         "\" }\n" + exchanges;
}

// The GPU (assembly) and the grid (0.5 kg CO2 and 1 MJ per kWh unless told).
inline std::string Gpu(const std::string& exchanges, const std::string& id = "gpu",
                       const std::string& product = "gpu") {
  return Process(id, product, "item", exchanges, "assembly");
}
inline std::string Grid(const std::string& extra = "", const std::string& co2 = "0.5") {
  return Process("grid", "electricity", "kWh",
                 TomlExchange("co2", co2, "kg") + TomlExchange("primary_energy", "1", "MJ") + extra);
}
// Steel needing `kwh` kWh per kg: with a grid that needs steel, a loop.
inline std::string Steelworks(const std::string& kwh = "2", const std::string& uncertainty = "") {
  return Process("steelworks", "steel", "kg", TomlExchange("electricity", kwh, "kWh", uncertainty));
}

// A global parameter: a number (with a distribution when given) or a formula.
inline std::string TomlParameter(const std::string& id, const std::string& value,
                             const std::string& uncertainty = "") {
  if (!IsNumber(value)) return "[[parameter]]\nid = \"" + id + "\"\nformula = \"" + value + "\"\n";
  return "[[parameter]]\nid = \"" + id + "\"\nvalue = " + value + "\nsource = \"s1\"\n" +
         (uncertainty.empty() ? "" : "uncertainty = " + uncertainty + "\n");
}

}  // namespace gpulca::test
