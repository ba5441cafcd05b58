#include "tests/fuzz/fuzz_support.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "inventory/model/parameters.h"
#include "lca/error.h"

namespace gpulca::fuzz {
namespace {

using inventory::Origin;

void Finite(double value, const Origin& origin, const char* what) {
  if (!std::isfinite(value)) {
    Finding(fmt::format("{}: {} is {} in an inventory that validated", origin.ToString(), what,
                        value));
  }
}

void FiniteUncertainty(const inventory::Uncertainty& u, const Origin& origin) {
  for (double v : {u.gsd, u.sd, u.min, u.max}) Finite(v, origin, "an uncertainty bound");
}

}  // namespace

void Finding(const std::string& what) {
  std::fprintf(stderr, "FINDING: %s\n", what.c_str());
  std::abort();
}

void RequireFinite(const inventory::Inventory& inventory) {
  for (const auto& p : inventory.parameters) {
    if (p.value) Finite(*p.value, p.origin, "a parameter value");
    FiniteUncertainty(p.uncertainty, p.origin);
  }
  for (const auto& process : inventory.processes) {
    const double reference = process.product_amount * process.product_factor;
    Finite(reference, process.origin, "a reference amount");
    if (!(reference > 0)) Finding(process.origin.ToString() + ": a reference amount is not above 0");
    for (const auto& p : process.parameters) {
      if (p.value) Finite(*p.value, p.origin, "a parameter value");
      FiniteUncertainty(p.uncertainty, p.origin);
    }
    for (const auto& e : process.exchanges) {
      if (e.amount) Finite(*e.amount * e.unit_factor, e.origin, "an exchange amount");
      FiniteUncertainty(e.uncertainty, e.origin);
    }
  }
  for (const auto& m : inventory.methods) {
    for (const auto& f : m.factors) {
      Finite(f.value * f.unit_factor, f.origin, "a characterisation factor");
      FiniteUncertainty(f.uncertainty, f.origin);
    }
  }
  // Formulas: finite at the nominal values.
  try {
    inventory::ParameterSet parameters(inventory);
    for (size_t p = 0; p < inventory.processes.size(); ++p) {
      const auto& process = inventory.processes[p];
      for (size_t e = 0; e < process.exchanges.size(); ++e) {
        Finite(parameters.ExchangeAmount(p, e), process.exchanges[e].origin, "a formula amount");
      }
    }
  } catch (const Error& e) {
    Finding(std::string("the parameters of an inventory that validated: ") + e.what());
  }
}

const std::filesystem::path& ScratchDir() {
  static const std::filesystem::path dir = [] {
    std::error_code ec;
    std::filesystem::path base = std::filesystem::is_directory("/dev/shm", ec)
                                     ? std::filesystem::path("/dev/shm")
                                     : std::filesystem::temp_directory_path();
    std::filesystem::path d = base / fmt::format("gpulca-fuzz-{}", getpid());
    std::filesystem::create_directories(d);
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(ScratchDir(), ignored);
    });
    return d;
  }();
  return dir;
}

}  // namespace gpulca::fuzz
