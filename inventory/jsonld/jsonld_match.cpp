#include "inventory/jsonld/jsonld_match.h"

#include <algorithm>
#include <boost/algorithm/string/case_conv.hpp>
#include <boost/algorithm/string/trim.hpp>
#include <map>
#include <regex>
#include <vector>

#include "inventory/model/units.h"

namespace gpulca::inventory {
namespace {

// Lower case, without a trailing "[...]" qualifier and surrounding blanks.
std::string NormalName(const std::string& name) {
  std::string s = boost::algorithm::to_lower_copy(name);
  size_t bracket = s.find(" [");
  if (bracket != std::string::npos) s.erase(bracket);
  boost::algorithm::trim_right(s);
  return s;
}

// Rule 1: synonyms, by compartment.
std::string Synonym(const std::string& name, const std::string& compartment) {
  static const std::map<std::string, std::string> kAir = {
      {"carbon dioxide", "co2_fossil"},
      {"carbon dioxide, fossil", "co2_fossil"},
      {"carbon dioxide, biogenic", "co2_biogenic"},
      {"carbon dioxide, non-fossil", "co2_biogenic"},
      {"methane", "ch4_fossil"},
      {"methane, fossil", "ch4_fossil"},
      {"methane, biogenic", "ch4_biogenic"},
      {"methane, non-fossil", "ch4_biogenic"},
      {"dinitrogen monoxide", "n2o"},
      {"nitrous oxide", "n2o"},
      {"sulfur hexafluoride", "sf6"},
      {"sulphur hexafluoride", "sf6"},
      {"nitrogen trifluoride", "nf3"},
      {"methane, tetrafluoro-, cfc-14", "cf4"},
      {"methane, tetrafluoro-, fc-14", "cf4"},
      {"methane, tetrafluoro-, r-14", "cf4"},
      {"tetrafluoromethane", "cf4"},
      {"ethane, hexafluoro-, hfc-116", "c2f6"},
      {"ethane, hexafluoro-, fc-116", "c2f6"},
      {"hexafluoroethane", "c2f6"},
      {"methane, trifluoro-, hfc-23", "chf3"},
      {"trifluoromethane", "chf3"},
      {"propane, perfluoro-", "c3f8"},
      {"octafluoropropane", "c3f8"},
      {"cyclobutane, octafluoro-", "c_c4f8"},
      {"octafluorocyclobutane", "c_c4f8"},
  };
  std::string n = NormalName(name);
  if (compartment != "air") return "";
  auto it = kAir.find(n);
  return it != kAir.end() ? it->second : "";
}

bool Fits(const Flow& flow, const std::string& unit) {
  const Unit* a = FindUnit(flow.unit);
  const Unit* b = FindUnit(unit);
  return a && b && a->dimension == b->dimension;
}

}  // namespace

std::string NormalizeCas(const std::string& cas) {
  static const std::regex kCas(R"(0*([1-9][0-9]{1,6}-[0-9]{2}-[0-9]))");
  std::smatch m;
  std::string trimmed = cas;
  trimmed.erase(std::remove(trimmed.begin(), trimmed.end(), ' '), trimmed.end());
  if (!std::regex_match(trimmed, m, kCas)) return "";
  return m[1];
}

bool CompartmentOf(const std::vector<std::string>& path, std::string* compartment,
                   std::string* subcompartment) {
  compartment->clear();
  subcompartment->clear();
  for (size_t i = 0; i < path.size(); ++i) {
    std::string s = boost::algorithm::to_lower_copy(path[i]);
    std::string found;
    if (s == "air" || s == "water" || s == "soil" || s == "resource") {
      found = s;
    } else if (s.find("to air") != std::string::npos) {
      found = "air";
    } else if (s.find("to water") != std::string::npos || s.find("freshwater") != std::string::npos ||
               s.find("to fresh water") != std::string::npos) {
      found = "water";
    } else if (s.find("resource") != std::string::npos) {
      found = "resource";
    } else if (s.find("deposited") != std::string::npos || s.find("to soil") != std::string::npos ||
               s.find("waste") != std::string::npos) {
      found = "soil";
    }
    if (!found.empty()) {
      *compartment = found;
      if (i + 1 < path.size()) *subcompartment = path[i + 1];
    }
  }
  if (!compartment->empty()) return true;
  *compartment = "resource";
  return false;
}

std::optional<FlowMatch> ElementaryMatcher::Match(const std::string& name,
                                                  const std::string& cas,
                                                  const std::string& compartment,
                                                  const std::string& unit) const {
  std::string id = Synonym(name, compartment);
  if (!id.empty()) {
    const Flow* flow = existing_.FindFlow(id);
    if (flow && flow->kind == FlowKind::kElementary && Fits(*flow, unit)) {
      return FlowMatch{flow, ConversionFactor(unit, flow->unit), "name", ""};
    }
  }
  if (compartment == "resource") {
    if (auto m = MatchResource(name, unit, existing_)) return m;
  }
  std::string number = NormalizeCas(cas);
  if (number.empty()) return std::nullopt;
  std::vector<const Flow*> candidates;
  for (const Flow& f : existing_.flows) {
    if (f.kind == FlowKind::kElementary && f.cas == number && f.compartment == compartment &&
        f.id != "water_consumed" && Fits(f, unit)) {
      candidates.push_back(&f);
    }
  }
  const Flow* found = candidates.size() == 1 ? candidates[0] : nullptr;
  if (!found) {
    std::string n = boost::algorithm::to_lower_copy(name);
    bool biogenic = n.find("biogenic") != std::string::npos || n.find("non-fossil") != std::string::npos;
    for (const Flow* f : candidates) {
      if (f->subcompartment == (biogenic ? "biogenic" : "fossil")) found = f;
    }
  }
  if (!found) return std::nullopt;
  return FlowMatch{found, ConversionFactor(unit, found->unit), "CAS " + number, ""};
}

}  // namespace gpulca::inventory
