#include "reports/pact.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string_view>
#include <utility>

#include "inventory/records/pact_conformance.h"
#include "inventory/records/pact_formats.h"
#include "inventory/store/sha256.h"
#include "lca/error.h"
#include "reports/pact_quality.h"

namespace gpulca::reports {
namespace {

using nlohmann::ordered_json;

void Require(bool ok, const std::string& field, const std::string& why) {
  if (!ok) throw InvalidArgument(fmt::format("PACT footprint: {}: {}", field, why));
}

void RequireUtc(const std::string& text, const std::string& field) {
  bool utc = false;
  Require(inventory::DateTimeSeconds(text, &utc).has_value() && utc, field,
          fmt::format("'{}' is not an ISO 8601 date and time in UTC", text));
}

// Distinct URNs (RFC 8141), `at_least_one` of them when asked.
void RequireUrnSet(const std::vector<std::string>& ids, const std::string& field,
                   bool at_least_one) {
  Require(!at_least_one || !ids.empty(), field, "needs at least one URN");
  for (size_t i = 0; i < ids.size(); ++i) {
    const std::string problem = inventory::UrnProblem(ids[i]);
    Require(problem.empty(), field,
            fmt::format("'{}' is not a URN (RFC 8141): {}", ids[i], problem));
    Require(std::find(ids.begin(), ids.begin() + i, ids[i]) == ids.begin() + i, field,
            fmt::format("'{}' is given twice; the ids are a set", ids[i]));
  }
}

void CheckContext(const PactContext& c) {
  RequireUtc(c.created, "created");
  RequireUtc(c.reference_period_start, "referencePeriodStart");
  RequireUtc(c.reference_period_end, "referencePeriodEnd");
  const double created = *inventory::DateTimeSeconds(c.created);
  const double start = *inventory::DateTimeSeconds(c.reference_period_start);
  const double end = *inventory::DateTimeSeconds(c.reference_period_end);
  Require(start < end, "referencePeriodEnd", "must come after referencePeriodStart");
  Require(
      end <= created, "referencePeriodEnd",
      fmt::format("{} lies after the footprint's creation ({}): the reference period bounds the "
                  "activity data used, which cannot be collected later",
                  c.reference_period_end, c.created));
  Require(!c.company_name.empty(), "companyName", "must not be empty");
  RequireUrnSet(c.company_ids, "companyIds", true);
  RequireUrnSet(c.product_ids, "productIds", false);
  Require(!c.product_category_cpc.empty() && inventory::IsUrn("urn:cpc:" + c.product_category_cpc),
          "productCategoryCpc", fmt::format("'{}' is not a CPC code", c.product_category_cpc));
  Require(c.product_mass_kg > 0, "product mass", "must be above 0 kg");
}

// A UUID v4 (RFC 9562 layout) from the SHA-256 of `seed`.
std::string UuidFrom(const std::string& seed) {
  std::string h = inventory::Sha256Hex(seed);
  h[12] = '4';
  const char variant[] = "89ab";
  h[16] = variant[std::stoi(h.substr(16, 1), nullptr, 16) % 4];
  return fmt::format("{}-{}-{}-{}-{}", h.substr(0, 8), h.substr(8, 4), h.substr(12, 4),
                     h.substr(16, 4), h.substr(20, 12));
}

// The boundary in words: the gate stages with their shares of gwp100.
std::string Boundary(const lca::LcaResult& gate, int k) {
  std::vector<std::string> parts;
  for (int slot = 0; slot < lca::kStageSlots; ++slot) {
    double v = gate.by_stage[k][slot];
    if (v == 0.0) continue;
    parts.push_back(
        fmt::format("{} {:.1f}%", lca::StageSlotName(slot), 100.0 * v / gate.impacts[k]));
  }
  return fmt::format(
      "Cradle to gate of one module, as it leaves assembly: mining of the metals, "
      "materials, wafer fabrication of the dies, memory, packaging, board and "
      "thermal parts, assembly, and the freight between these steps, with the "
      "electricity of each step's location (shares of the footprint: {}). "
      "Excluded: delivery to the customer, use and end of life.",
      fmt::join(parts, ", "));
}

double Rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

ordered_json Dqi(const PactDqi& q) {
  return {{"coveragePercent", Rounded(q.coverage_percent, 1)},
          {"technologicalDQR", Rounded(q.technological, 2)},
          {"temporalDQR", Rounded(q.temporal, 2)},
          {"geographicalDQR", Rounded(q.geographical, 2)},
          {"completenessDQR", Rounded(q.completeness, 2)},
          {"reliabilityDQR", Rounded(q.reliability, 2)}};
}

ordered_json SecondarySources(const lca::GpuAssessment& a, int k, const PactContext& c) {
  ordered_json out = ordered_json::array();
  for (const EmissionFactorSource& s : PactEmissionFactorSources(a, k)) {
    out.push_back({{"name", s.name}, {"version", s.version}});
  }
  if (out.empty()) {  // emissions that cite no source: the database is all there is to name
    out.push_back(
        {{"name", "gpulca inventory" + (c.content_hash.empty() ? "" : " " + c.content_hash)},
         {"version", c.gpulca_version.empty() ? "n.d." : c.gpulca_version}});
  }
  return out;
}

struct Lifecycle {
  std::string created;
  int version = 1;
  std::vector<std::string> preceding;
};

// Where the footprint `id` stands after the one it supersedes, if any.
Lifecycle Place(const std::string& gpu, const std::string& id,
                const std::vector<std::string>& product_ids, const PactContext& c) {
  Lifecycle out{c.created, 1, {}};
  if (!c.supersedes) return out;
  const inventory::PactFootprint& old = *c.supersedes;
  const std::set<std::string> theirs(old.product_ids.begin(), old.product_ids.end());
  const std::set<std::string> ours(product_ids.begin(), product_ids.end());
  if (theirs != ours) {
    throw InvalidArgument(
        "supersedes", fmt::format("supersedes {}: it is the footprint of another product "
                                  "(productIds {}), and this one is of {} "
                                  "(productIds {}); a footprint supersedes one of the same product",
                                  old.source, fmt::join(old.product_ids, ", "), gpu,
                                  fmt::join(product_ids, ", ")));
  }
  if (old.status != "Active") {
    throw InvalidArgument("supersedes", fmt::format("supersedes {}: its status is {}, and the PACT "
                                                    "lifecycle changes no deprecated footprint; "
                                                    "supersede its successor",
                                                    old.source, old.status));
  }
  if (old.id == id) return {old.created, old.version, old.preceding_pf_ids};
  if (old.version == INT_MAX) {
    throw InvalidArgument(
        "supersedes",
        fmt::format("supersedes {}: its version {} is the last there is", old.source, old.version));
  }
  out.version = old.version + 1;
  for (const std::string& p : old.preceding_pf_ids) {
    if (p != id) out.preceding.push_back(p);
  }
  if (std::find(out.preceding.begin(), out.preceding.end(), old.id) == out.preceding.end()) {
    out.preceding.push_back(old.id);
  }
  return out;
}

}  // namespace

std::string PactDecimal(double value) {
  if (!std::isfinite(value)) throw InvalidArgument("PACT footprint: a value is not finite");
  if (value == 0.0) return "0";
  int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(value))));
  int decimals = std::clamp(8 - magnitude, 0, 30);
  std::string s = fmt::format("{:.{}f}", value, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string DefaultPactProductId(const std::string& gpu) {
  std::string id;
  for (unsigned char ch : gpu) {
    const bool plain = std::isalnum(ch) ||
                       std::string_view("-._~!$&'()*+,;=:@").find(ch) != std::string_view::npos;
    id += plain ? std::string(1, static_cast<char>(ch)) : fmt::format("%{:02X}", ch);
  }
  return "urn:pact:gpulca:product-id:" + id;
}

BiogenicFlows BiogenicFlowsOf(const inventory::Inventory& inventory) {
  BiogenicFlows out;
  out.co2.clear();
  out.other.clear();
  for (const inventory::Flow& f : inventory.flows) {
    if (f.kind != inventory::FlowKind::kElementary || f.subcompartment != "biogenic") continue;
    (f.cas == "124-38-9" ? out.co2 : out.other).insert(f.id);
  }
  return out;
}

std::string RenderGpuPact(const lca::GpuAssessment& a, const PactContext& c) {
  CheckContext(c);
  const lca::LcaResult& gate = a.gate;
  int k = gate.ImpactIndex("gwp100");
  if (k < 0) throw SolveError("PACT footprint: the assessment has no gwp100");
  double total = gate.impacts[k], biogenic_co2 = 0, biogenic_other = 0;
  for (size_t f = 0; f < gate.data.flow_ids.size(); ++f) {
    const std::string& id = gate.data.flow_ids[f];
    if (c.biogenic.co2.count(id)) biogenic_co2 += gate.by_flow[k][f];
    if (c.biogenic.other.count(id)) biogenic_other += gate.by_flow[k][f];
  }
  const double fossil = total - biogenic_co2 - biogenic_other;
  const double excluding = total - biogenic_co2;
  for (auto [what, value] : {std::pair{"fossil emissions", fossil},
                             std::pair{"emissions without biogenic CO2", excluding},
                             std::pair{"other biogenic emissions", biogenic_other}}) {
    if (value < 0) {
      throw SolveError(
          fmt::format("PACT footprint of {}: {} come out negative ({:g} kg CO2e), "
                      "which PACT does not allow",
                      a.gpu, what, value));
    }
  }
  const double mass = c.product_mass_kg;
  const std::string location = gate.data.locations.empty() ? "" : gate.data.locations[0];

  ordered_json pcf;
  pcf["declaredUnit"] = "kilogram";
  pcf["unitaryProductAmount"] = PactDecimal(mass);
  pcf["productMassPerDeclaredUnit"] = "1";
  pcf["pCfExcludingBiogenic"] = PactDecimal(excluding / mass);
  pcf["pCfIncludingBiogenic"] = PactDecimal(total / mass);
  pcf["fossilGhgEmissions"] = PactDecimal(fossil / mass);
  pcf["fossilCarbonContent"] = "0";
  pcf["biogenicCarbonContent"] = "0";
  pcf["dLucGhgEmissions"] = "0";
  pcf["landManagementGhgEmissions"] = "0";
  pcf["otherBiogenicGhgEmissions"] = PactDecimal(biogenic_other / mass);
  pcf["biogenicCarbonWithdrawal"] = "0";
  pcf["characterizationFactors"] = "AR6";
  pcf["ipccCharacterizationFactorsSources"] = {"AR6"};
  pcf["crossSectoralStandardsUsed"] = {"ISO Standard 14044"};
  pcf["crossSectoralStandards"] = {"ISO14040-44"};
  pcf["biogenicAccountingMethodology"] = "ISO";
  pcf["boundaryProcessesDescription"] = Boundary(gate, k);
  pcf["referencePeriodStart"] = c.reference_period_start;
  pcf["referencePeriodEnd"] = c.reference_period_end;
  if (std::regex_match(location, std::regex("^[A-Z]{2}$"))) pcf["geographyCountry"] = location;
  pcf["secondaryEmissionFactorSources"] = SecondarySources(a, k, c);
  pcf["exemptedEmissionsPercent"] = 0;
  pcf["exemptedEmissionsDescription"] =
      "No emissions were knowingly exempted. What gpulca's model does not include (see the "
      "boundary) is not quantified.";
  pcf["packagingEmissionsIncluded"] = false;
  pcf["allocationRulesDescription"] =
      "No allocation in the foreground: each process makes one product; the module takes the "
      "die area, memory stacks and parts its bill of materials names.";
  pcf["primaryDataShare"] = 0;
  pcf["dqi"] = Dqi(PactDataQuality(a, k));

  std::vector<std::string> product_ids = c.product_ids;
  if (product_ids.empty()) product_ids.push_back(DefaultPactProductId(a.gpu));
  std::string comment = fmt::format(
      "Computed by gpulca{} from its cited inventory{}. The values are per kilogram of module "
      "(PACT v2 has no 'piece' unit): the module ({} kg) is {} kg CO2e cradle to gate, GWP100 "
      "IPCC AR6. Biogenic CO2 {} kg CO2e per module. Not modelled and given as 0: the carbon "
      "content of the product, direct land use change and land management. Data quality (dqi): "
      "the pedigree scores of the processes above 5% of the footprint, weighted by their "
      "emissions; data without scores rate 3. Not third-party verified.",
      c.gpulca_version.empty() ? "" : " " + c.gpulca_version,
      c.content_hash.empty() ? "" : " (database content hash " + c.content_hash + ")",
      PactDecimal(mass), PactDecimal(total), PactDecimal(biogenic_co2));

  // Everything but id, version, created and precedingPfIds: the footprint's content.
  ordered_json content;
  content["specVersion"] = "2.3.0";
  content["status"] = "Active";
  content["companyName"] = c.company_name;
  content["companyIds"] = c.company_ids;
  content["productDescription"] = fmt::format(
      "{}: data-centre GPU module, {:g} W TDP, {:g} GB memory, {:g} dense BF16 TFLOPS; one "
      "module, cradle to gate.",
      a.name, a.tdp_w, a.memory_gb, a.peak_tflops);
  content["productIds"] = product_ids;
  content["productClassifications"] = {"urn:cpc:" + c.product_category_cpc};
  content["productCategoryCpc"] = c.product_category_cpc;
  content["productNameCompany"] = a.name;
  content["comment"] = comment;
  content["pcf"] = pcf;
  const std::string id = UuidFrom(a.gpu + "\n" + content.dump());
  const Lifecycle place = Place(a.gpu, id, product_ids, c);

  ordered_json pf;
  pf["id"] = id;
  pf["specVersion"] = content["specVersion"];
  if (!place.preceding.empty()) pf["precedingPfIds"] = place.preceding;
  pf["version"] = place.version;
  pf["created"] = place.created;
  for (const char* key :
       {"status", "companyName", "companyIds", "productDescription", "productIds",
        "productClassifications", "productCategoryCpc", "productNameCompany", "comment", "pcf"}) {
    pf[key] = content[key];
  }
  std::string text = pf.dump(2) + "\n";
  const std::vector<inventory::PactViolation> violations = inventory::CheckPactConformance(text);
  if (!violations.empty()) {
    throw Error(
        fmt::format("PACT footprint of {}: what gpulca made does not conform to PACT v2.3 "
                    "(a fault of gpulca's):\n{}",
                    a.gpu, inventory::DescribeAll(violations)));
  }
  return text;
}

}  // namespace gpulca::reports
