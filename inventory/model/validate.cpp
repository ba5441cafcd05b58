#include "inventory/model/validate.h"

#include <fmt/format.h>

#include <cmath>

#include <set>

#include "lca/error.h"
#include "inventory/model/formula_values.h"
#include "inventory/model/identifiers.h"
#include "inventory/model/parameters.h"
#include "inventory/model/providers.h"
#include "inventory/model/units.h"

namespace gpulca::inventory {
namespace {

class Checker {
 public:
  Checker(Inventory& inv, std::vector<Diagnostic>& problems) : inv_(inv), problems_(problems) {}

  void Problem(const Origin& where, std::string message) {
    problems_.push_back({where, std::move(message)});
  }

  template <typename T>
  void CheckIds(const std::vector<T>& items, const char* kind) {
    std::map<std::string, const Origin*> seen;
    for (const T& item : items) {
      if (item.id.empty()) continue;  // reported by the loader
      if (std::string bad = IdProblem(item.id); !bad.empty()) {
        Problem(item.origin, fmt::format("{} id '{}' is {}", kind, Abbreviated(item.id), bad));
        continue;  // not repeated in a duplicate message
      }
      auto [it, fresh] = seen.emplace(item.id, &item.origin);
      if (!fresh) {
        Problem(item.origin, fmt::format("duplicate {} id '{}' (first defined at {})", kind,
                                         item.id, it->second->ToString()));
      }
    }
  }

  void CheckSource(const std::string& source, const Origin& where, const std::string& what,
                   bool required) {
    if (source.empty()) {
      if (required) Problem(where, fmt::format("{} has a number but no source", what));
      return;
    }
    if (!inv_.FindSource(source)) {
      Problem(where, fmt::format("{} cites unknown source '{}'", what, source));
    }
  }

  void CheckParameters(const std::vector<Parameter>& params, const std::string& scope) {
    std::map<std::string, const Origin*> seen;
    for (const Parameter& p : params) {
      std::string what = scope.empty()
                             ? fmt::format("parameter '{}'", Abbreviated(p.id))
                             : fmt::format("parameter '{}' of process '{}'", Abbreviated(p.id),
                                           Abbreviated(scope));
      if (std::string bad = ParameterIdProblem(p.id); !bad.empty()) {
        Problem(p.origin, fmt::format("{}: the id is {}", what, bad));
      }
      auto [it, fresh] = seen.emplace(p.id, &p.origin);
      if (!fresh) {
        Problem(p.origin, fmt::format("duplicate {} (first defined at {})", what,
                                      it->second->ToString()));
      }
      CheckSource(p.source, p.origin, what, p.value.has_value());
      if (p.value && p.estimate && !p.uncertainty.IsSet()) {
        Problem(p.origin, fmt::format("{} is marked as an estimate but has no uncertainty range",
                                      what));
      }
      if (p.value) {
        CheckFinite(*p.value, p.origin, what + ": value");
        std::string bad = CheckUncertainty(p.uncertainty, *p.value);
        if (!bad.empty()) Problem(p.origin, what + ": " + bad);
      } else if (p.uncertainty.IsSet()) {
        // Monte Carlo recomputes a formula from its inputs' draws.
        Problem(p.origin, fmt::format("{}: a formula takes its uncertainty from the parameters it "
                                      "reads; put the distribution on those", what));
      }
    }
  }

  void CheckFlows() {
    CheckIds(inv_.flows, "flow");
    for (const Flow& f : inv_.flows) {
      if (!f.unit.empty() && !FindUnit(f.unit)) {
        Problem(f.origin, fmt::format("flow '{}' has unknown unit '{}'", f.id, f.unit));
      }
      if (f.kind == FlowKind::kElementary) {
        static const std::set<std::string> kCompartments = {"air", "water", "soil", "resource"};
        if (!kCompartments.count(f.compartment)) {
          Problem(f.origin, fmt::format("elementary flow '{}' needs a compartment (air, water, "
                                        "soil, resource), not '{}'", f.id, f.compartment));
        }
      }
      if (!f.cas.empty() && !IsCasNumber(f.cas)) {
        Problem(f.origin, fmt::format("flow '{}': '{}' is not a CAS number", f.id,
                                      Abbreviated(f.cas)));
      }
    }
  }

  // The factor from `unit` into the flow's unit, or a problem naming both.
  double Factor(const std::string& unit, const Flow& flow, const Origin& where,
                const std::string& what) {
    if (unit.empty() || unit == flow.unit) return 1.0;
    try {
      return ConversionFactor(unit, flow.unit);
    } catch (const UnitError& e) {
      Problem(where, fmt::format("{}: unit '{}' does not fit flow '{}' kept in '{}': {}", what,
                                 unit, flow.id, flow.unit, e.what()));
      return 1.0;
    }
  }

  void CheckProcesses(bool normalize_only) {
    if (!normalize_only) CheckIds(inv_.processes, "process");
    for (Process& p : inv_.processes) {
      std::string what = fmt::format("process '{}'", p.id);
      const Flow* product = inv_.FindFlow(p.product);
      if (!product) {
        if (!normalize_only && !p.product.empty()) {
          Problem(p.origin, fmt::format("{}: reference product '{}' is not a known flow", what,
                                        p.product));
        }
      } else {
        p.product_factor = Factor(p.product_unit, *product, p.origin, what + ", reference product");
        if (!normalize_only && product->kind == FlowKind::kElementary) {
          Problem(p.origin, fmt::format("{}: reference product '{}' is an elementary flow", what,
                                        p.product));
        }
        if (!normalize_only) CheckFinite(p.product_amount, p.origin, what + ": reference amount");
        if (!normalize_only && p.product_amount <= 0) {
          Problem(p.origin, fmt::format("{}: reference amount must be positive", what));
        }
      }
      if (normalize_only) {
        for (Exchange& e : p.exchanges) {
          if (const Flow* f = inv_.FindFlow(e.flow)) e.unit_factor = Factor(e.unit, *f, e.origin, what);
        }
        continue;
      }
      if (!p.parameters_from.empty() && !inv_.FindProcess(p.parameters_from)) {
        Problem(p.origin, fmt::format("{}: parameters_from names unknown process '{}'", what,
                                      p.parameters_from));
      }
      CheckSource(p.source, p.origin, what, false);
      CheckParameters(p.parameters, p.id);
      for (Exchange& e : p.exchanges) CheckExchange(p, e);
    }
  }

  void CheckExchange(const Process& p, Exchange& e) {
    std::string what = fmt::format("process '{}', exchange of '{}'", p.id, e.flow);
    const Flow* f = inv_.FindFlow(e.flow);
    if (!f) {
      if (!e.flow.empty()) Problem(e.origin, fmt::format("{}: unknown flow '{}'", what, e.flow));
      return;
    }
    if (!e.unit.empty() && !FindUnit(e.unit)) {
      Problem(e.origin, fmt::format("{}: unknown unit '{}'", what, e.unit));
    } else {
      e.unit_factor = Factor(e.unit, *f, e.origin, what);
    }
    CheckSource(e.source, e.origin, what, !e.IsFormula());
    if (e.output && f->kind != FlowKind::kProduct) {
      Problem(e.origin, fmt::format("{}: only a product flow can be a co-product output", what));
    }
    if (!e.provider.empty()) {
      const Process* prov = inv_.FindProcess(e.provider);
      if (!prov) {
        Problem(e.origin, fmt::format("{}: unknown provider '{}'", what, e.provider));
      } else if (prov->product != e.flow) {
        Problem(e.origin, fmt::format("{}: provider '{}' makes '{}', not '{}'", what, e.provider,
                                      prov->product, e.flow));
      }
      if (f->kind == FlowKind::kElementary) {
        Problem(e.origin, fmt::format("{}: an elementary flow has no provider", what));
      }
    } else if (f->kind != FlowKind::kElementary && !e.output) {
      CheckLinkable(p, e, what);
    }
    if (e.amount) {
      CheckFinite(*e.amount, e.origin, what + ": amount");
      std::string bad = CheckUncertainty(e.uncertainty, *e.amount);
      if (!bad.empty()) Problem(e.origin, what + ": " + bad);
    } else if (e.uncertainty.IsSet() && e.uncertainty.kind != Uncertainty::Kind::kLognormal) {
      Problem(e.origin, fmt::format("{}: a formula amount takes its uncertainty from its parameters, "
                                    "or a lognormal factor, not a {} distribution", what,
                                    ToString(e.uncertainty.kind)));
    } else if (e.uncertainty.IsSet()) {
      std::string bad = CheckUncertainty(e.uncertainty, 1.0);
      if (!bad.empty()) Problem(e.origin, what + ": " + bad);
    }
    if (e.pedigree) {
      for (int score : *e.pedigree) {
        if (score < 1 || score > 5) {
          Problem(e.origin, fmt::format("{}: pedigree scores must be 1 to 5", what));
          break;
        }
      }
      if (e.uncertainty.IsSet() && e.uncertainty.kind != Uncertainty::Kind::kLognormal) {
        Problem(e.origin, fmt::format("{}: a pedigree widens a lognormal only, not a {} "
                                      "distribution (docs/uncertainty.md)", what,
                                      ToString(e.uncertainty.kind)));
      }
    }
  }

  // An input without an explicit provider must have one by the provider
  // rule at the process's own location (a region set at calculation time
  // may still make it ambiguous; the graph says so then).
  void CheckLinkable(const Process& p, const Exchange& e, const std::string& what) {
    std::vector<const Process*> candidates = inv_.ProvidersOf(e.flow);
    if (candidates.empty()) {
      Problem(e.origin, fmt::format("{}: no process makes '{}'", what, e.flow));
    } else if (!ChooseProvider(candidates, p.location)) {
      Problem(e.origin, fmt::format("{}: '{}' has several providers and no single one at {} or "
                                    "marked default: {}; name one with `provider =`", what,
                                    e.flow, p.location, DescribeProviders(candidates)));
    }
  }

  void CheckMethods(bool normalize_only) {
    if (!normalize_only) CheckIds(inv_.methods, "method");
    for (ImpactMethod& m : inv_.methods) {
      if (!normalize_only) CheckSource(m.source, m.origin, fmt::format("method '{}'", m.id), true);
      std::set<std::string> seen;
      for (ImpactFactor& f : m.factors) {
        std::string what = fmt::format("method '{}', factor of '{}'", m.id, f.flow);
        const Flow* flow = inv_.FindFlow(f.flow);
        if (!flow) {
          if (!normalize_only) Problem(f.origin, fmt::format("{}: unknown flow '{}'", what, f.flow));
          continue;
        }
        // value is per `unit`; per flow unit it is value / (unit -> flow unit).
        double factor = Factor(f.unit, *flow, f.origin, what);
        f.unit_factor = 1.0 / factor;
        if (normalize_only) continue;
        if (flow->kind != FlowKind::kElementary) {
          Problem(f.origin, fmt::format("{}: '{}' is not an elementary flow", what, f.flow));
        }
        if (!seen.insert(f.flow).second) {
          Problem(f.origin, fmt::format("{}: duplicate factor", what));
        }
        if (!f.source.empty()) CheckSource(f.source, f.origin, what, false);
        CheckFinite(f.value, f.origin, what + ": value");
        std::string bad = CheckUncertainty(f.uncertainty, f.value);
        if (!bad.empty()) Problem(f.origin, what + ": " + bad);
      }
    }
  }

  void Run() {
    CheckIds(inv_.sources, "source");
    CheckParameters(inv_.parameters, "");
    CheckFlows();
    CheckProcesses(false);
    CheckMethods(false);
    inv_.BuildIndex();
    std::vector<Diagnostic> compile;
    ParameterSet formulas(inv_, &compile);
    problems_.insert(problems_.end(), compile.begin(), compile.end());
    if (compile.empty()) CheckFormulaValues(inv_, formulas, problems_);
  }

  // Defence for inventories not read from TOML (the TOML reader already
  // rejects nan and inf at their line): a stored number must be finite.
  void CheckFinite(double value, const Origin& where, const std::string& what) {
    if (!std::isfinite(value)) {
      Problem(where, fmt::format("{} must be a finite number, not {}", what, value));
    }
  }

  void RunNormalize() {
    CheckProcesses(true);
    CheckMethods(true);
  }

 private:
  Inventory& inv_;
  std::vector<Diagnostic>& problems_;
};

}  // namespace

std::string CheckUncertainty(const Uncertainty& u, double amount) {
  if (u.IsSet() && !(std::isfinite(u.gsd) && std::isfinite(u.sd) && std::isfinite(u.min) &&
                     std::isfinite(u.max))) {
    return "the distribution's numbers must be finite";
  }
  switch (u.kind) {
    case Uncertainty::Kind::kNone: return "";
    case Uncertainty::Kind::kLognormal:
      // A negative amount is the mirror image, −LN(|amount|, gsd)
      // (docs/uncertainty.md); zero has no lognormal.
      if (!(u.gsd >= 1.0)) return fmt::format("lognormal gsd must be at least 1, not {}", u.gsd);
      if (amount == 0) return "a lognormal distribution needs a non-zero amount, not 0";
      return "";
    case Uncertainty::Kind::kNormal:
      if (!(u.sd >= 0)) return fmt::format("normal sd must not be negative, not {}", u.sd);
      return "";
    case Uncertainty::Kind::kTriangular:
    case Uncertainty::Kind::kUniform:
      if (u.min > u.max) return fmt::format("min {} is greater than max {}", u.min, u.max);
      if (amount < u.min || amount > u.max) {
        return fmt::format("amount {} lies outside [{}, {}]", amount, u.min, u.max);
      }
      return "";
  }
  return "";
}

void Normalize(Inventory& inventory, std::vector<Diagnostic>& problems) {
  inventory.BuildIndex();
  Checker(inventory, problems).RunNormalize();
}

std::vector<Diagnostic> Validate(Inventory& inventory) {
  std::vector<Diagnostic> problems;
  inventory.BuildIndex();
  Checker(inventory, problems).Run();
  return problems;
}

}  // namespace gpulca::inventory
