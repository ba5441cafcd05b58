// A supplier's PACT v2.3 ProductFootprint that conforms (schema and prose
// rules): a reference period of 2025, so every O* property is there; some
// primary data, so the secondary sources are listed. Tests change one thing
// at a time and check what the conformance check says.
#pragma once

namespace gpulca::test {

inline const char* const kSupplierFootprint = R"({
  "id": "3a1e6f0e-2b7c-4d5e-8f90-1a2b3c4d5e6f",
  "specVersion": "2.3.0",
  "version": 3,
  "created": "2026-02-01T00:00:00Z",
  "status": "Active",
  "companyName": "Supplier Co",
  "companyIds": ["urn:uuid:0f0e0d0c-0b0a-4098-8765-43210fedcba9"],
  "productDescription": "Accelerator board",
  "productIds": ["urn:pact:supplier.example:supplier-id:AX-100"],
  "productCategoryCpc": "4529",
  "productNameCompany": "AX-100",
  "comment": "",
  "pcf": {
    "declaredUnit": "kilogram",
    "unitaryProductAmount": "2.5",
    "pCfExcludingBiogenic": "120.4",
    "pCfIncludingBiogenic": "121",
    "fossilGhgEmissions": "119.9",
    "fossilCarbonContent": "0",
    "biogenicCarbonContent": "0",
    "dLucGhgEmissions": "0",
    "landManagementGhgEmissions": "0",
    "otherBiogenicGhgEmissions": "0.5",
    "biogenicCarbonWithdrawal": "0",
    "biogenicAccountingMethodology": "GHGP",
    "characterizationFactors": "AR5",
    "ipccCharacterizationFactorsSources": ["AR5"],
    "crossSectoralStandardsUsed": ["GHG Protocol Product standard"],
    "crossSectoralStandards": ["GHGP-Product"],
    "boundaryProcessesDescription": "cradle to gate, packaging excluded",
    "referencePeriodStart": "2025-01-01T00:00:00Z",
    "referencePeriodEnd": "2026-01-01T00:00:00Z",
    "geographyRegionOrSubregion": "Eastern Asia",
    "secondaryEmissionFactorSources": [{"name": "ecoinvent", "version": "3.10"}],
    "exemptedEmissionsPercent": 1.5,
    "exemptedEmissionsDescription": "cleaning agents",
    "packagingEmissionsIncluded": false,
    "primaryDataShare": 40,
    "dqi": {"coveragePercent": 80, "technologicalDQR": 2, "temporalDQR": 1.5,
            "geographicalDQR": 2, "completenessDQR": 2, "reliabilityDQR": 2}
  }
})";

}  // namespace gpulca::test
