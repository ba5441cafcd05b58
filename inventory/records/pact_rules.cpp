#include "inventory/records/internal/pact_rules.h"

#include <fmt/format.h>

#include <optional>
#include <string>

#include "inventory/records/pact_formats.h"

namespace gpulca::inventory {
namespace {

using nlohmann::json;

// 2025-01-01T00:00:00Z: a reference period that ends after it includes 2025.
constexpr double k2025 = 1735689600.0;

class Rules {
 public:
  explicit Rules(const json& footprint) : pf_(footprint) {
    static const json kEmpty = json::object();
    pcf_ = pf_.contains("pcf") && pf_["pcf"].is_object() ? &pf_["pcf"] : &kEmpty;
  }

  std::vector<PactViolation> Check() {
    SpecVersion();
    PfIds();
    DateTimes();
    Periods();
    Amounts();
    Required2025();
    SecondarySources();
    RulesOperator();
    return out_;
  }

 private:
  void Add(const std::string& pointer, std::string rule) {
    out_.push_back({pointer, std::move(rule)});
  }

  const json* Get(const json& object, const char* key) const {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
  }
  std::optional<std::string> Text(const json& object, const char* key) const {
    const json* v = Get(object, key);
    if (!v || !v->is_string()) return std::nullopt;
    return v->get<std::string>();
  }
  std::optional<double> Decimal(const char* key) const {
    auto t = Text(*pcf_, key);
    return t ? PactDecimalValue(*t) : std::nullopt;
  }
  std::optional<double> Number(const char* key) const {
    const json* v = Get(*pcf_, key);
    if (!v || !v->is_number()) return std::nullopt;
    return v->get<double>();
  }
  std::optional<double> Time(const json& object, const char* key) const {
    auto t = Text(object, key);
    if (!t) return std::nullopt;
    return DateTimeSeconds(*t);
  }

  void SpecVersion() {
    auto v = Text(pf_, "specVersion");
    if (v && v->rfind("2.", 0) != 0) {
      Add("/specVersion",
          fmt::format("a PACT v2 footprint (gpulca checks the v2.3 data model), got \"{}\"", *v));
    }
  }

  void PfIds() {
    auto id = Text(pf_, "id");
    if (id && IsUuid(*id) && !IsUuidV4(*id)) {
      Add("/id", fmt::format("PfId: a UUID of version 4 (RFC 9562), got \"{}\"", *id));
    }
    const json* preceding = Get(pf_, "precedingPfIds");
    if (!preceding || !preceding->is_array()) return;
    for (size_t i = 0; i < preceding->size(); ++i) {
      const json& p = (*preceding)[i];
      if (!p.is_string()) continue;
      const std::string s = p.get<std::string>();
      if (IsUuid(s) && !IsUuidV4(s)) {
        Add(fmt::format("/precedingPfIds/{}", i),
            fmt::format("PfId: a UUID of version 4 (RFC 9562), got \"{}\"", s));
      }
      if (id && s == *id) {
        Add(fmt::format("/precedingPfIds/{}", i),
            "a footprint does not precede itself: this is its own id");
      }
    }
  }

  void DateTime(const json& object, const std::string& at, const char* key) {
    auto t = Text(object, key);
    if (!t) return;
    bool utc = false;
    if (DateTimeSeconds(*t, &utc)) {
      if (!utc) Add(at + key, fmt::format("DateTime: in UTC (\"Z\"), got \"{}\"", *t));
    } else if (t->size() > 10 && t->compare(4, 6, "-02-29") == 0) {
      Add(at + key, fmt::format("DateTime: a real day ({} is not a leap year), got \"{}\"",
                                t->substr(0, 4), *t));
    }  // anything else that is no date-time breaks the schema's format
  }

  void DateTimes() {
    for (const char* key : {"created", "updated", "validityPeriodStart", "validityPeriodEnd"}) {
      DateTime(pf_, "/", key);
    }
    for (const char* key : {"referencePeriodStart", "referencePeriodEnd"})
      DateTime(*pcf_, "/pcf/", key);
    if (const json* a = Get(*pcf_, "assurance"); a && a->is_object())
      DateTime(*a, "/pcf/assurance/", "completedAt");
  }

  // `text` three calendar years later (29 February becomes 1 March).
  static std::optional<double> ThreeYearsAfter(const std::string& text) {
    if (text.size() < 10) return std::nullopt;
    std::string later = fmt::format("{:04d}", std::stoi(text.substr(0, 4)) + 3) + text.substr(4);
    if (auto t = DateTimeSeconds(later)) return t;
    if (later.compare(4, 6, "-02-29") == 0) later.replace(4, 6, "-03-01");
    return DateTimeSeconds(later);
  }

  void Periods() {
    const auto created = Time(pf_, "created"), updated = Time(pf_, "updated");
    if (created && updated && !(*updated > *created)) {
      Add("/updated",
          "must come after created (Lifecycle: a version update sets updated after created)");
    }
    const auto start = Time(*pcf_, "referencePeriodStart"), end = Time(*pcf_, "referencePeriodEnd");
    if (start && end && !(*start < *end)) {
      Add("/pcf/referencePeriodEnd",
          "must come after referencePeriodStart (the start is included, the end excluded)");
    }
    if (end && created && *end > *created) {
      Add("/pcf/referencePeriodEnd",
          fmt::format(
              "must not lie after created ({}): the reference period bounds the activity data "
              "used, and no data can be collected after the footprint was made",
              *Text(pf_, "created")));
    }
    const auto valid_start = Time(pf_, "validityPeriodStart"),
               valid_end = Time(pf_, "validityPeriodEnd");
    const bool has_start = Get(pf_, "validityPeriodStart"), has_end = Get(pf_, "validityPeriodEnd");
    if (has_start != has_end) {
      Add(has_start ? "/validityPeriodEnd" : "/validityPeriodStart",
          "required with the other end of the validity period, missing");
    }
    if (valid_start && end && *valid_start < *end) {
      Add("/validityPeriodStart", "must not come before referencePeriodEnd");
    }
    if (valid_start && valid_end && !(*valid_end > *valid_start)) {
      Add("/validityPeriodEnd", "must come after validityPeriodStart");
    }
    if (valid_end && end) {
      auto limit = ThreeYearsAfter(*Text(*pcf_, "referencePeriodEnd"));
      if (limit && *valid_end > *limit)
        Add("/validityPeriodEnd", "must not lie more than 3 years after referencePeriodEnd");
    }
  }

  void Amounts() {
    // The schema checks that each is a decimal; gpulca reads it as a double.
    for (const char* key :
         {"unitaryProductAmount", "productMassPerDeclaredUnit", "pCfExcludingBiogenic",
          "pCfIncludingBiogenic", "fossilGhgEmissions", "fossilCarbonContent",
          "biogenicCarbonContent", "dLucGhgEmissions", "landManagementGhgEmissions",
          "otherBiogenicGhgEmissions", "iLucGhgEmissions", "biogenicCarbonWithdrawal",
          "aircraftGhgEmissions", "packagingGhgEmissions"}) {
      auto t = Text(*pcf_, key);
      if (t && IsPactDecimal(*t) && !PactDecimalValue(*t)) {
        Add(fmt::format("/pcf/{}", key),
            fmt::format("a decimal of {} characters that gpulca cannot hold: its magnitude must "
                        "be 0 or lie between about 2.2e-308 and 1.8e308",
                        t->size()));
      }
    }
    if (auto v = Decimal("unitaryProductAmount"); v && !(*v > 0)) {
      Add("/pcf/unitaryProductAmount", fmt::format("must be strictly greater than 0, got \"{}\"",
                                                   *Text(*pcf_, "unitaryProductAmount")));
    }
    for (const char* key :
         {"pCfExcludingBiogenic", "fossilGhgEmissions", "fossilCarbonContent",
          "biogenicCarbonContent", "dLucGhgEmissions", "otherBiogenicGhgEmissions",
          "iLucGhgEmissions", "aircraftGhgEmissions", "packagingGhgEmissions"}) {
      if (auto v = Decimal(key); v && *v < 0) {
        Add(fmt::format("/pcf/{}", key),
            fmt::format("must be 0 or more, got \"{}\"", *Text(*pcf_, key)));
      }
    }
    if (auto v = Decimal("biogenicCarbonWithdrawal"); v && *v > 0) {
      Add("/pcf/biogenicCarbonWithdrawal",
          fmt::format("must be 0 or less, got \"{}\"", *Text(*pcf_, "biogenicCarbonWithdrawal")));
    }
    if (auto v = Number("exemptedEmissionsPercent"); v && *v > 5) {
      Add("/pcf/exemptedEmissionsPercent",
          fmt::format("must lie between 0 and 5 (v2), got {}",
                      Get(*pcf_, "exemptedEmissionsPercent")->dump()));
    }
    const json* included = Get(*pcf_, "packagingEmissionsIncluded");
    if (included && included->is_boolean() && !included->get<bool>() &&
        Get(*pcf_, "packagingGhgEmissions")) {
      Add("/pcf/packagingGhgEmissions",
          "must not be defined when packagingEmissionsIncluded is false");
    }
  }

  void Required2025() {
    const auto end = Time(*pcf_, "referencePeriodEnd");
    if (!end) return;
    if (*end > k2025) {
      for (const char* key :
           {"pCfIncludingBiogenic", "dLucGhgEmissions", "landManagementGhgEmissions",
            "otherBiogenicGhgEmissions", "biogenicCarbonWithdrawal",
            "biogenicAccountingMethodology", "primaryDataShare", "dqi"}) {
        if (!Get(*pcf_, key)) {
          Add(fmt::format("/pcf/{}", key),
              "required for a reference period that includes 2025 or later (O* in the "
              "specification), missing");
        }
      }
    } else if (!Get(*pcf_, "primaryDataShare") && !Get(*pcf_, "dqi")) {
      Add("/pcf/primaryDataShare",
          "primaryDataShare or dqi is required for a reference period before 2025, both missing");
    }
  }

  void SecondarySources() {
    const auto share = Number("primaryDataShare");
    if (!share) return;
    const bool listed = Get(*pcf_, "secondaryEmissionFactorSources");
    if (*share < 100 && !listed) {
      Add("/pcf/secondaryEmissionFactorSources",
          fmt::format(
              "required when secondary data are used (primaryDataShare {} is below 100), missing",
              Get(*pcf_, "primaryDataShare")->dump()));
    }
    if (*share >= 100 && listed) {
      Add("/pcf/secondaryEmissionFactorSources",
          "must not be defined when no secondary data are used (primaryDataShare 100)");
    }
  }

  void RulesOperator() {
    const json* rules = Get(*pcf_, "productOrSectorSpecificRules");
    if (!rules || !rules->is_array()) return;
    for (size_t i = 0; i < rules->size(); ++i) {
      const json& r = (*rules)[i];
      if (r.is_object() && r.value("operator", json()) == "Other" &&
          !r.contains("otherOperatorName")) {
        Add(fmt::format("/pcf/productOrSectorSpecificRules/{}/otherOperatorName", i),
            "required when operator is \"Other\", missing");
      }
    }
  }

  const json& pf_;
  const json* pcf_;
  std::vector<PactViolation> out_;
};

}  // namespace

std::vector<PactViolation> CheckPactRules(const json& footprint) {
  if (!footprint.is_object()) return {};
  return Rules(footprint).Check();
}

}  // namespace gpulca::inventory
