#include "inventory/jsonld/jsonld_import.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/algorithm/string/case_conv.hpp>
#include <boost/algorithm/string/trim.hpp>
#include <filesystem>
#include <set>

#include "lca/error.h"
#include "inventory/jsonld/jsonld_archive.h"
#include "inventory/jsonld/jsonld_ids.h"
#include "inventory/jsonld/jsonld_match.h"
#include "inventory/jsonld/jsonld_units.h"
#include "inventory/model/diagnostic.h"
#include "inventory/model/identifiers.h"
#include "inventory/model/units.h"
#include "inventory/model/validate.h"
#include "inventory/store/additions.h"

namespace gpulca::inventory {
namespace {

using boost::algorithm::trim_copy;

std::vector<std::pair<std::string, size_t>> ByCount(const std::map<std::string, size_t>& counts) {
  std::vector<std::pair<std::string, size_t>> out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

void CheckPrefix(const std::string& prefix) {
  if (std::string bad = IdProblem(prefix); !bad.empty()) {
    throw InvalidArgument(
        fmt::format("id prefix '{}' must match [a-z0-9][a-z0-9_.-]*; it is {}", Abbreviated(prefix),
                    bad));
  }
}

FlowKind KindOf(const olca::Flow& f, const std::string& where) {
  if (f.type == "ELEMENTARY_FLOW") return FlowKind::kElementary;
  if (f.type == "WASTE_FLOW") return FlowKind::kWaste;
  if (f.type == "PRODUCT_FLOW") return FlowKind::kProduct;
  throw InputError(fmt::format("{}: flow '{}' has unknown flowType '{}'", where, f.name, f.type));
}

// How one olca flow appears in gpulca.
struct FlowTarget {
  std::string id;      // gpulca flow id
  std::string unit;    // gpulca unit of that flow
  double factor = 1;   // olca reference unit -> `unit`
  FlowKind kind = FlowKind::kProduct;
  bool matched = false;
  std::string rule, source;  // of the match, when it converts more than a unit
  std::string label;   // "name (compartment)", for the summary
  std::string compartment;
};

class Converter {
 public:
  Converter(const olca::Dataset& d, const Inventory& existing, const JsonldOptions& o,
            const std::string& archive)
      : d_(d), existing_(existing), o_(o), archive_(archive), units_(d), matcher_(existing) {}

  JsonldImport Run() {
    CheckPrefix(o_.prefix);
    Summarize();
    NoteDirections();
    AddSources();
    AddFlows();
    std::vector<std::pair<std::string, std::string>> names;
    for (const olca::Process& p : d_.processes) names.emplace_back(p.id, p.name);
    process_ids_ = ReadableIds(names, o_.prefix);
    for (const olca::Process& p : d_.processes) AddProcess(p);
    LinkProviders();
    AddResourceSources();
    JsonldSummary& s = out_.summary;
    s.processes = out_.inventory.processes.size();
    s.flows = out_.inventory.flows.size();
    s.sources = out_.inventory.sources.size();
    for (const Process& p : out_.inventory.processes) s.exchanges += p.exchanges.size();
    s.unmatched_elementary = ByCount(unmatched_);
    s.stand_in_units = ByCount(stand_in_);
    s.matched_by_flow = ByCount(matched_by_flow_);
    s.conversions = ByCount(conversions_);
    s.water_withdrawals = ByCount(withdrawals_);
    return std::move(out_);
  }

 private:
  Origin Where(const std::string& file) const { return Origin{archive_ + ":" + file, 0}; }
  std::string SourceId(const std::string& uuid) const {
    return o_.prefix + "." + boost::algorithm::to_lower_copy(uuid);
  }

  void Summarize() {
    JsonldSummary& s = out_.summary;
    s.archive = archive_;
    s.schema = d_.schema;
    s.processes_read = d_.processes.size();
    s.flows_read = d_.flows.size();
    s.sources_read = d_.sources.size();
    s.unit_groups_read = d_.unit_groups.size();
    s.flow_properties_read = d_.flow_properties.size();
    s.locations_read = d_.locations.size();
    s.categories_read = d_.categories.size();
    s.actors_read = d_.actors;
  }

  // Whether each flow is taken in or given off, for uncategorised ones.
  void NoteDirections() {
    for (const olca::Process& p : d_.processes) {
      for (const olca::Exchange& e : p.exchanges) (e.input ? taken_in_ : given_off_).insert(e.flow);
    }
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
      s.id = SourceId(uuid);
      std::string text = trim_copy(src.text_reference);
      s.citation = text.empty() ? trim_copy(src.name) : text;
      if (s.citation.empty()) s.citation = uuid;
      if (src.year > 0 && s.citation.find(std::to_string(src.year)) == std::string::npos) {
        s.citation += fmt::format(" ({})", src.year);
      }
      s.url = trim_copy(src.url);
      s.origin = Where(src.file);
      out_.inventory.sources.push_back(std::move(s));
    }
  }

  // The compartment of an elementary flow: from its category path, else
  // from its use (resource when only taken in, air when given off).
  std::string Compartment(const olca::Flow& f, std::string* sub) {
    std::string compartment;
    if (!CompartmentOf(f.category_path, &compartment, sub)) {
      ++out_.summary.uncategorised_flows;
      compartment = given_off_.count(f.id) ? "air" : "resource";
      *sub = "uncategorised in the export";
    }
    return compartment;
  }

  void AddFlows() {
    std::vector<Flow> unmatched;
    std::vector<std::pair<std::string, std::string>> names;
    for (const auto& [uuid, f] : d_.flows) {
      FlowTarget t;
      std::string ref = units_.ReferenceUnit(f);
      std::optional<std::string> unit = GpulcaUnitName(ref);
      t.kind = KindOf(f, Where(f.file).file);
      Flow flow;
      flow.name = f.name;
      flow.kind = t.kind;
      flow.cas = NormalizeCas(f.cas);
      flow.origin = Where(f.file);
      if (t.kind == FlowKind::kElementary) flow.compartment = Compartment(f, &flow.subcompartment);
      t.compartment = flow.compartment;
      t.label = flow.compartment.empty()
                    ? trim_copy(f.name)
                    : fmt::format("{} ({})", trim_copy(f.name), flow.compartment);
      if (t.kind == FlowKind::kElementary && unit) {
        std::optional<FlowMatch> match;
        try {
          match = matcher_.Match(f.name, f.cas, flow.compartment, *unit);
        } catch (const InputError& e) {
          throw InputError(fmt::format("{}: {}", flow.origin.file, e.what()));
        }
        if (match) {
          t.id = match->flow->id;
          t.unit = match->flow->unit;
          t.factor = match->factor;
          t.matched = true;
          if (match->converts) t.rule = match->rule;
          t.source = match->source;
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
      t.unit = flow.unit;
      targets_[uuid] = t;
      names.emplace_back(uuid, f.name);
      unmatched.push_back(std::move(flow));
    }
    std::map<std::string, std::string> ids = ReadableIds(names, o_.prefix);
    for (size_t i = 0; i < names.size(); ++i) {
      unmatched[i].id = ids.at(names[i].first);
      targets_[names[i].first].id = unmatched[i].id;
      out_.inventory.flows.push_back(std::move(unmatched[i]));
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
    p.id = process_ids_.at(op.id);
    p.name = trim_copy(op.name);
    p.stage = Stage::kNone;
    p.description = op.description;
    p.origin = Where(op.file);
    if (auto loc = d_.locations.find(op.location); loc != d_.locations.end()) {
      p.location = loc->second.code.empty() ? loc->second.name : loc->second.code;
    }
    std::string source = op.publication;
    if (source.empty() && !op.sources.empty()) source = op.sources.front();
    p.source = d_.sources.count(source) ? SourceId(source) : o_.prefix;
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
      x.comment = trim_copy(e.description);
      x.origin = p.origin;
      if (!e.formula.empty()) {
        x.comment = trim_copy(fmt::format("{} [openLCA formula '{}', its evaluated amount kept]",
                                          x.comment, e.formula));
      }
      if (!t.rule.empty()) {
        std::string unit = e.unit_name.empty() ? units_.ReferenceUnit(flow) : e.unit_name;
        x.comment = trim_copy(fmt::format(
            "{} [{:g} {} of '{}' as {}: {}{}]", x.comment, e.amount, unit, trim_copy(flow.name),
            t.id, t.rule, t.source.empty() ? "" : ", source " + ResourceSourceId(t.source)));
        ++conversions_[fmt::format("{} -> {}: {}", trim_copy(flow.name), t.id, t.rule)];
      }
      if (t.kind == FlowKind::kProduct) {
        x.output = !e.input || e.avoided;
      } else if (t.kind == FlowKind::kWaste) {
        if (e.input) {  // a waste consumed outside the reference: no gpulca form
          ++out_.summary.skipped_exchanges;
          continue;
        }
      }
      ConvertUncertainty(e, factor, *x.amount, &x, &out_.summary.uncertainty);
      if (!e.provider.empty()) {
        auto provider = process_ids_.find(e.provider);
        if (provider != process_ids_.end()) x.provider = provider->second;
      }
      if (t.matched) {
        ++out_.summary.matched_exchanges;
        ++matched_by_flow_[t.id];
      } else if (t.kind == FlowKind::kElementary) {
        ++unmatched_[t.label];
        if (t.compartment == "resource" && IsWaterWithdrawal(flow.name)) {
          ++out_.summary.water_withdrawal_exchanges;
          ++withdrawals_[trim_copy(flow.name)];
        }
      }
      p.exchanges.push_back(std::move(x));
    }
    if (!has_reference) {
      throw InputError(fmt::format("{}: process '{}' has no quantitative reference",
                                   Where(op.file).file, op.name));
    }
    out_.inventory.processes.push_back(std::move(p));
  }

  std::string ResourceSourceId(const std::string& key) {
    used_sources_.insert(key);
    return o_.prefix + "." + key;
  }

  // The cited sources of the conversion factors used, as sources of the import.
  void AddResourceSources() {
    for (const ResourceSource& r : kResourceSources) {
      if (!used_sources_.count(r.key)) continue;
      Source s;
      s.id = o_.prefix + "." + r.key;
      s.citation = r.citation;
      s.url = r.url;
      s.note = r.note;
      s.origin = Origin{"gpulca: inventory/jsonld_resources.cpp", 0};
      out_.inventory.sources.push_back(std::move(s));
    }
  }

  // Cuts off inputs no process makes, drops unknown default providers, and
  // picks a default among several providers of one product.
  void LinkProviders() {
    std::map<std::string, std::vector<Process*>> makers;
    for (Process& p : out_.inventory.processes) makers[p.product].push_back(&p);
    std::set<std::string> ids;
    for (const Process& p : out_.inventory.processes) ids.insert(p.id);
    std::set<std::string> product_flows;
    std::map<std::string, std::string> names;
    for (const Flow& f : out_.inventory.flows) {
      if (f.kind != FlowKind::kElementary) product_flows.insert(f.id);
      names[f.id] = f.name;
    }
    std::map<std::string, size_t> unlinked;
    for (Process& p : out_.inventory.processes) {
      std::vector<Exchange> kept;
      for (Exchange& x : p.exchanges) {
        if (!x.provider.empty() && !ids.count(x.provider)) x.provider.clear();
        bool input = product_flows.count(x.flow) && !x.output;
        if (input && x.provider.empty() && !makers.count(x.flow) &&
            existing_.ProvidersOf(x.flow).empty()) {
          ++unlinked[trim_copy(names[x.flow])];
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
      out_.summary.defaults_chosen.push_back(fmt::format(
          "{} -> {} ({} providers)", trim_copy(names[flow]), procs.front()->id, procs.size()));
    }
  }

  const olca::Dataset& d_;
  const Inventory& existing_;
  const JsonldOptions& o_;
  std::string archive_;
  JsonldUnits units_;
  ElementaryMatcher matcher_;
  std::map<std::string, FlowTarget> targets_;
  std::map<std::string, std::string> process_ids_;
  std::set<std::string> taken_in_, given_off_, used_sources_;
  std::map<std::string, size_t> unmatched_, stand_in_, matched_by_flow_, conversions_, withdrawals_;
  JsonldImport out_;
};

}  // namespace

JsonldImport ConvertJsonld(const olca::Dataset& dataset, const Inventory& existing,
                           const JsonldOptions& options, const std::string& archive) {
  return Converter(dataset, existing, options, archive).Run();
}

JsonldSummary ImportJsonld(const std::string& path, Store& store, const JsonldOptions& options) {
  CheckPrefix(options.prefix);
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
  std::map<std::string, std::string> meta =
      AdditionMeta(store, {{"jsonld", absolute, options.prefix}});
  meta["import." + options.prefix] = fmt::format("{} ({} processes, {} flows)", absolute,
                                                 imported.summary.processes, imported.summary.flows);
  store.Add(imported.inventory, meta);
  return imported.summary;
}

}  // namespace gpulca::inventory
