#include "reports/pact.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <regex>

#include "lca/error.h"
#include "inventory/store/sha256.h"

namespace gpulca::reports {
namespace {

using nlohmann::ordered_json;

const std::regex kUrn("^([uU][rR][nN]):.+");
const std::regex kDateTime(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$)");
const std::regex kUuid("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");

void Require(bool ok, const std::string& field, const std::string& why) {
  if (!ok) throw InvalidArgument(fmt::format("PACT footprint: {}: {}", field, why));
}

void CheckContext(const PactContext& c) {
  Require(std::regex_match(c.created, kDateTime), "created",
          fmt::format("'{}' is not an ISO 8601 date-time", c.created));
  Require(std::regex_match(c.reference_period_start, kDateTime), "referencePeriodStart",
          fmt::format("'{}' is not an ISO 8601 date-time", c.reference_period_start));
  Require(std::regex_match(c.reference_period_end, kDateTime), "referencePeriodEnd",
          fmt::format("'{}' is not an ISO 8601 date-time", c.reference_period_end));
  Require(c.reference_period_start < c.reference_period_end, "referencePeriodEnd",
          "must come after referencePeriodStart");
  Require(!c.company_name.empty(), "companyName", "must not be empty");
  Require(!c.company_ids.empty(), "companyIds", "needs at least one URN");
  for (const std::string& id : c.company_ids) {
    Require(std::regex_match(id, kUrn), "companyIds", fmt::format("'{}' is not a URN", id));
  }
  for (const std::string& id : c.product_ids) {
    Require(std::regex_match(id, kUrn), "productIds", fmt::format("'{}' is not a URN", id));
  }
  Require(!c.product_category_cpc.empty(), "productCategoryCpc", "must not be empty");
  Require(c.product_mass_kg > 0, "product mass", "must be above 0 kg");
  Require(c.version >= 0, "version", "must not be negative");
  Require(c.id.empty() || std::regex_match(c.id, kUuid), "id",
          fmt::format("'{}' is not a lower-case UUID v4", c.id));
}

// A UUID v4 (RFC 4122 layout) from the SHA-256 of `seed`.
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
    parts.push_back(fmt::format("{} {:.1f}%", lca::StageSlotName(slot),
                                100.0 * v / gate.impacts[k]));
  }
  return fmt::format("Cradle to gate of one module, as it leaves assembly: mining of the metals, "
                     "materials, wafer fabrication of the dies, memory, packaging, board and "
                     "thermal parts, assembly, and the freight between these steps, with the "
                     "electricity of each step's location (shares of the footprint: {}). "
                     "Excluded: delivery to the customer, use and end of life.",
                     fmt::join(parts, ", "));
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
  if (fossil < 0 || excluding < 0) {
    throw SolveError(fmt::format("PACT footprint of {}: fossil emissions come out negative ({:g} "
                                 "kg CO2e), which PACT does not allow", a.gpu, fossil));
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
  pcf["otherBiogenicGhgEmissions"] = PactDecimal(biogenic_other / mass);
  pcf["characterizationFactors"] = "AR6";
  pcf["ipccCharacterizationFactorsSources"] = {"AR6"};
  pcf["crossSectoralStandardsUsed"] = {"ISO Standard 14044"};
  pcf["crossSectoralStandards"] = {"ISO14040-44"};
  pcf["productOrSectorSpecificRules"] = ordered_json::array();
  pcf["boundaryProcessesDescription"] = Boundary(gate, k);
  pcf["referencePeriodStart"] = c.reference_period_start;
  pcf["referencePeriodEnd"] = c.reference_period_end;
  if (std::regex_match(location, std::regex("^[A-Z]{2}$"))) pcf["geographyCountry"] = location;
  pcf["exemptedEmissionsPercent"] = 0;
  pcf["exemptedEmissionsDescription"] =
      "No emissions were knowingly exempted. What gpulca's model does not include (see the "
      "boundary) is not quantified.";
  pcf["packagingEmissionsIncluded"] = false;
  pcf["allocationRulesDescription"] =
      "No allocation in the foreground: each process makes one product; the module takes the "
      "die area, memory stacks and parts its bill of materials names.";
  pcf["primaryDataShare"] = 0;

  std::vector<std::string> product_ids = c.product_ids;
  if (product_ids.empty()) product_ids.push_back("urn:gpulca:product:" + a.gpu);
  std::string comment = fmt::format(
      "Computed by gpulca{} from its cited inventory{}. The values are per kilogram of module "
      "(PACT v2 has no 'piece' unit): the module ({} kg) is {} kg CO2e cradle to gate, GWP100 "
      "IPCC AR6. Biogenic CO2 {} kg CO2e per module; the carbon content of the product is not "
      "modelled and given as 0. Not third-party verified.",
      c.gpulca_version.empty() ? "" : " " + c.gpulca_version,
      c.content_hash.empty() ? "" : " (database content hash " + c.content_hash + ")",
      PactDecimal(mass), PactDecimal(total), PactDecimal(biogenic_co2));

  ordered_json pf;
  pf["id"] = c.id.empty() ? UuidFrom(fmt::format("{}|{}|{}|{}|{}|{}", a.gpu, c.content_hash,
                                                 c.created, c.version, c.company_name,
                                                 PactDecimal(total)))
                          : c.id;
  pf["specVersion"] = "2.3.0";
  pf["version"] = c.version;
  pf["created"] = c.created;
  pf["status"] = "Active";
  pf["companyName"] = c.company_name;
  pf["companyIds"] = c.company_ids;
  pf["productDescription"] = fmt::format(
      "{}: data-centre GPU module, {:g} W TDP, {:g} GB memory, {:g} dense BF16 TFLOPS; one "
      "module, cradle to gate.", a.name, a.tdp_w, a.memory_gb, a.peak_tflops);
  pf["productIds"] = product_ids;
  pf["productCategoryCpc"] = c.product_category_cpc;
  pf["productNameCompany"] = a.name;
  pf["comment"] = comment;
  pf["pcf"] = pcf;
  return pf.dump(2) + "\n";
}

}  // namespace gpulca::reports
