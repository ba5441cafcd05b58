#include "inventory/jsonld_import.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <regex>
#include <set>

#include "inventory/database.h"
#include "inventory/diagnostic.h"
#include "inventory/error.h"
#include "inventory/jsonld_archive.h"
#include "inventory/jsonld_match.h"
#include "inventory/jsonld_units.h"
#include "inventory/units.h"
#include "inventory/validate.h"

namespace gpulca {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string Trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return "";
  size_t b = s.find_last_not_of(" \t\r\n");
  return s.substr(a, b - a + 1);
}

std::vector<std::pair<std::string, size_t>> ByCount(const std::map<std::string, size_t>& counts) {
  std::vector<std::pair<std::string, size_t>> out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

// How one olca flow appears in gpulca.
struct FlowTarget {
  std::string id;      // gpulca flow id
  std::string unit;    // gpulca unit of that flow
  double factor = 1;   // olca reference unit -> `unit`
  FlowKind kind = FlowKind::kProduct;
  bool matched = false;
  std::string label;   // for the summary
};

Uncertainty ConvertUncertainty(const olca::Uncertainty& u, double factor) {
  Uncertainty out;
  if (u.type == "LOG_NORMAL_DISTRIBUTION") {
    out.kind = Uncertainty::Kind::kLognormal;
    out.gsd = u.geom_sd;
  } else if (u.type == "NORMAL_DISTRIBUTION") {
    out.kind = Uncertainty::Kind::kNormal;
    out.sd = u.sd * factor;
  } else if (u.type == "TRIANGLE_DISTRIBUTION") {
    out.kind = Uncertainty::Kind::kTriangular;
    out.min = u.min * factor;
    out.max = u.max * factor;
  } else if (u.type == "UNIFORM_DISTRIBUTION") {
    out.kind = Uncertainty::Kind::kUniform;
    out.min = u.min * factor;
    out.max = u.max * factor;
  }
  return out;
}

class Converter {
 public:
  Converter(const olca::Dataset& d, const Inventory& existing, const JsonldOptions& o,
            const std::string& archive)
      : d_(d), existing_(existing), o_(o), archive_(archive), units_(d), matcher_(existing) {}

  JsonldImport Run() {
    static const std::regex kPrefix("[a-z0-9][a-z0-9_.-]*");
    if (!std::regex_match(o_.prefix, kPrefix)) {
      throw UsageError(fmt::format("id prefix '{}' must match [a-z0-9][a-z0-9_.-]*", o_.prefix));
    }
    Summarize();
    AddSources();
    AddFlows();
    for (const olca::Process& p : d_.processes) AddProcess(p);
    LinkProviders();
    out_.summary.processes = out_.inventory.processes.size();
    out_.summary.flows = out_.inventory.flows.size();
    out_.summary.sources = out_.inventory.sources.size();
    for (const Process& p : out_.inventory.processes) out_.summary.exchanges += p.exchanges.size();
    out_.summary.unmatched_elementary = ByCount(unmatched_);
    out_.summary.stand_in_units = ByCount(stand_in_);
    return std::move(out_);
  }

 private:
  std::string Id(const std::string& uuid) const { return o_.prefix + "." + Lower(uuid); }
  Origin Where(const std::string& file) const { return Origin{archive_ + ":" + file, 0}; }

  void Summarize() {
    JsonldSummary& s = out_.summary;
    s.archive = archive_;
    s.processes_read = d_.processes.size();
    s.flows_read = d_.flows.size();
    s.sources_read = d_.sources.size();
    s.unit_groups_read = d_.unit_groups.size();
    s.flow_properties_read = d_.flow_properties.size();
    s.locations_read = d_.locations.size();
    s.categories_read = d_.categories.size();
    s.actors_read = d_.actors;
  }

  void AddSources() {
    Source all;
    all.id = o_.prefix;
    all.citation = fmt::format("openLCA JSON-LD export {}",
                               std::filesystem::path(archive_).filename().string());
    all.note = "the data set as a whole, for exchanges of processes that cite no source";
    all.origin = Where("");
    out_.inventory.sources.push_back(all);
    for (const auto& [uuid, src] : d_.sources) {
      Source s;
      s.id = Id(uuid);
      std::string text = Trim(src.text_reference);
      s.citation = text.empty() ? Trim(src.name) : text;
      if (s.citation.empty()) s.citation = uuid;
      if (src.year > 0 && s.citation.find(std::to_string(src.year)) == std::string::npos) {
        s.citation += fmt::format(" ({})", src.year);
      }
      s.url = Trim(src.url);
      s.origin = Where(src.file);
      out_.inventory.sources.push_back(std::move(s));
    }
  }

  void AddFlows() {
    for (const auto& [uuid, f] : d_.flows) {
      FlowTarget t;
      std::string ref = units_.ReferenceUnit(f);
      std::optional<std::string> unit = GpulcaUnitName(ref);
      if (f.type == "ELEMENTARY_FLOW") {
        t.kind = FlowKind::kElementary;
      } else if (f.type == "WASTE_FLOW") {
        t.kind = FlowKind::kWaste;
      } else if (f.type == "PRODUCT_FLOW") {
        t.kind = FlowKind::kProduct;
      } else {
        throw InputError(fmt::format("{}: flow '{}' has unknown flowType '{}'", Where(f.file).file,
                                     f.name, f.type));
      }
      Flow flow;
      flow.id = Id(uuid);
      flow.name = f.name;
      flow.kind = t.kind;
      flow.cas = NormalizeCas(f.cas);
      flow.origin = Where(f.file);
      if (t.kind == FlowKind::kElementary) {
        CompartmentOf(d_.CategoryPath(f.category), &flow.compartment, &flow.subcompartment);
      }
      t.label = flow.compartment.empty() ? f.name : fmt::format("{} ({})", f.name, flow.compartment);
      if (t.kind == FlowKind::kElementary && unit) {
        if (const Flow* match = matcher_.Match(f.name, f.cas, flow.compartment, *unit)) {
          t.id = match->id;
          t.unit = match->unit;
          t.factor = ConversionFactor(*unit, match->unit);
          t.matched = true;
          ++out_.summary.matched_flows;
          targets_[uuid] = t;
          continue;
        }
      }
      if (unit) {
        flow.unit = *unit;
      } else {
        flow.unit = "item";
        flow.description = fmt::format("openLCA reference unit '{}', which gpulca's unit registry "
                                       "lacks; amounts are in '{}', 'item' stands in for it",
                                       ref, ref);
        ++stand_in_[ref];
      }
      t.id = flow.id;
      t.unit = flow.unit;
      out_.inventory.flows.push_back(std::move(flow));
      targets_[uuid] = t;
    }
  }

  const FlowTarget& Target(const olca::Exchange& e, const olca::Process& p) const {
    auto it = targets_.find(e.flow);
    if (it == targets_.end()) {
      throw InputError(fmt::format("{}: process '{}' has an exchange of flow '{}' ({}), which "
                                   "the export does not hold", Where(p.file).file, p.name,
                                   e.flow_name, e.flow));
    }
    return it->second;
  }

  void AddProcess(const olca::Process& op) {
    Process p;
    p.id = Id(op.id);
    p.name = op.name;
    p.stage = Stage::kNone;
    p.description = op.description;
    p.origin = Where(op.file);
    if (auto loc = d_.locations.find(op.location); loc != d_.locations.end()) {
      p.location = loc->second.code.empty() ? loc->second.name : loc->second.code;
    }
    std::string source = op.publication;
    if (source.empty() && !op.sources.empty()) source = op.sources.front();
    p.source = d_.sources.count(source) ? Id(source) : o_.prefix;
    if (op.parameters > 0) ++out_.summary.processes_with_parameters;
    bool has_reference = false;
    for (const olca::Exchange& e : op.exchanges) {
      const FlowTarget& t = Target(e, op);
      const olca::Flow& flow = d_.flows.at(e.flow);
      double factor = units_.ToReference(flow, e, Where(op.file).file) * t.factor;
      if (!e.formula.empty()) ++out_.summary.formula_exchanges;
      if (e.reference) {
        if (t.kind == FlowKind::kElementary) {
          throw InputError(fmt::format("{}: process '{}': the quantitative reference '{}' is an "
                                       "elementary flow", Where(op.file).file, op.name, flow.name));
        }
        has_reference = true;
        p.product = t.id;
        p.product_amount = e.amount * factor;
        p.product_unit = t.unit;
        continue;
      }
      Exchange x;
      x.flow = t.id;
      x.amount = e.amount * factor;
      x.unit = t.unit;
      x.source = p.source;
      x.comment = e.description;
      x.origin = p.origin;
      if (!e.formula.empty()) {
        x.comment = Trim(fmt::format("{} [openLCA formula '{}', its evaluated amount kept]",
                                     x.comment, e.formula));
      }
      if (t.kind == FlowKind::kProduct) {
        x.output = !e.input || e.avoided;
      } else if (t.kind == FlowKind::kWaste) {
        if (e.input) {  // a waste consumed outside the reference: no gpulca form
          ++out_.summary.skipped_exchanges;
          continue;
        }
      }
      if (e.uncertainty) {
        x.uncertainty = ConvertUncertainty(*e.uncertainty, factor);
        if (x.uncertainty.IsSet() && CheckUncertainty(x.uncertainty, *x.amount).empty()) {
          ++out_.summary.uncertainties;
        } else {
          x.uncertainty = Uncertainty{};
          ++out_.summary.uncertainties_dropped;
        }
      }
      if (!e.provider.empty()) x.provider = Id(e.provider);
      if (t.matched) ++out_.summary.matched_exchanges;
      if (t.kind == FlowKind::kElementary && !t.matched) ++unmatched_[t.label];
      p.exchanges.push_back(std::move(x));
    }
    if (!has_reference) {
      throw InputError(fmt::format("{}: process '{}' has no quantitative reference",
                                   Where(op.file).file, op.name));
    }
    out_.inventory.processes.push_back(std::move(p));
  }

  // Cuts off inputs no process makes, drops unknown default providers, and
  // picks a default among several providers of one product.
  void LinkProviders() {
    std::map<std::string, std::vector<Process*>> makers;
    for (Process& p : out_.inventory.processes) makers[p.product].push_back(&p);
    std::set<std::string> ids;
    for (const Process& p : out_.inventory.processes) ids.insert(p.id);
    std::set<std::string> flow_kinds_product;
    for (const Flow& f : out_.inventory.flows) {
      if (f.kind != FlowKind::kElementary) flow_kinds_product.insert(f.id);
    }
    std::map<std::string, std::string> names;
    for (const Flow& f : out_.inventory.flows) names[f.id] = f.name;
    std::map<std::string, size_t> unlinked;
    for (Process& p : out_.inventory.processes) {
      std::vector<Exchange> kept;
      for (Exchange& x : p.exchanges) {
        if (!x.provider.empty() && !ids.count(x.provider)) x.provider.clear();
        bool input = flow_kinds_product.count(x.flow) && !x.output;
        if (input && x.provider.empty() && !makers.count(x.flow) &&
            existing_.ProvidersOf(x.flow).empty()) {
          ++unlinked[names[x.flow]];
          ++out_.summary.cut_off_exchanges;
          continue;
        }
        kept.push_back(std::move(x));
      }
      p.exchanges = std::move(kept);
    }
    out_.summary.unlinked_inputs = ByCount(unlinked);
    for (auto& [flow, procs] : makers) {
      if (procs.size() < 2) continue;
      std::sort(procs.begin(), procs.end(), [](Process* a, Process* b) { return a->id < b->id; });
      procs.front()->is_default = true;
      out_.summary.defaults_chosen.push_back(
          fmt::format("{} -> {} ({} providers)", names[flow], procs.front()->id, procs.size()));
    }
  }

  const olca::Dataset& d_;
  const Inventory& existing_;
  const JsonldOptions& o_;
  std::string archive_;
  JsonldUnits units_;
  ElementaryMatcher matcher_;
  std::map<std::string, FlowTarget> targets_;
  std::map<std::string, size_t> unmatched_, stand_in_;
  JsonldImport out_;
};

}  // namespace

JsonldImport ConvertJsonld(const olca::Dataset& dataset, const Inventory& existing,
                           const JsonldOptions& options, const std::string& archive) {
  return Converter(dataset, existing, options, archive).Run();
}

JsonldSummary ImportJsonld(const std::string& path, Store& store, const JsonldOptions& options) {
  auto archive = OpenJsonldArchive(path);
  olca::Dataset dataset = olca::ParseDataset(*archive);
  Inventory existing = store.Read();
  JsonldImport imported = ConvertJsonld(dataset, existing, options, archive->Name());
  Inventory merged = existing;
  merged.Append(imported.inventory);
  std::vector<Diagnostic> problems = Validate(merged);
  if (!problems.empty()) {
    size_t shown = std::min<size_t>(problems.size(), 20);
    std::vector<Diagnostic> head(problems.begin(), problems.begin() + shown);
    throw InputError(fmt::format("{}: the import does not validate ({} problems{}); nothing was "
                                 "written:\n{}", path, problems.size(),
                                 shown < problems.size() ? ", the first 20 shown" : "",
                                 JoinDiagnostics(head)));
  }
  std::string absolute = std::filesystem::absolute(path).lexically_normal().string();
  std::map<std::string, std::string> meta = AdditionMeta(store, {{"jsonld", absolute, options.prefix}});
  meta["import." + options.prefix] = fmt::format("{} ({} processes, {} flows)", absolute,
                                                 imported.summary.processes, imported.summary.flows);
  store.Add(imported.inventory, meta);
  return imported.summary;
}

std::string FormatJsonldSummary(const JsonldSummary& s, size_t top) {
  std::string out = fmt::format("Imported {}\n", s.archive);
  out += fmt::format("  read:    {} processes, {} flows, {} sources, {} unit groups, {} flow "
                     "properties, {} locations, {} categories, {} actors\n",
                     s.processes_read, s.flows_read, s.sources_read, s.unit_groups_read,
                     s.flow_properties_read, s.locations_read, s.categories_read, s.actors_read);
  out += fmt::format("  written: {} processes, {} flows, {} sources, {} exchanges\n", s.processes,
                     s.flows, s.sources, s.exchanges);
  out += fmt::format("  elementary flows matched to gpulca's: {} ({} exchanges)\n", s.matched_flows,
                     s.matched_exchanges);
  out += fmt::format("  uncertainty kept on {} exchanges, dropped on {} (invalid around the "
                     "amount)\n", s.uncertainties, s.uncertainties_dropped);
  out += fmt::format("  formulas: {} exchanges keep their evaluated amount; {} processes had "
                     "parameters (not imported)\n", s.formula_exchanges, s.processes_with_parameters);
  if (s.skipped_exchanges > 0) {
    out += fmt::format("  skipped: {} waste inputs outside the reference\n", s.skipped_exchanges);
  }
  auto list = [&](const char* title, const std::vector<std::pair<std::string, size_t>>& items,
                  const char* what) {
    if (items.empty()) return;
    out += fmt::format("  {} ({}):\n", title, items.size());
    for (size_t i = 0; i < items.size() && i < top; ++i) {
      out += fmt::format("    {:6} {}  {}\n", items[i].second, what, items[i].first);
    }
    if (items.size() > top) out += fmt::format("    ... and {} more\n", items.size() - top);
  };
  out += fmt::format("  unlinked product inputs, cut off: {} exchanges\n", s.cut_off_exchanges);
  list("unlinked inputs, by exchanges", s.unlinked_inputs, "x");
  list("unmatched elementary flows, by exchanges", s.unmatched_elementary, "x");
  list("units gpulca lacks, kept with 'item' standing in", s.stand_in_units, "flows");
  if (!s.defaults_chosen.empty()) {
    out += "  several providers, default chosen:\n";
    for (const std::string& d : s.defaults_chosen) out += "    " + d + "\n";
  }
  return out;
}

}  // namespace gpulca
