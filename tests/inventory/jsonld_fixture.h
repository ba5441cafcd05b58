// A small openLCA JSON-LD export, written by the tests in either schema
// version, and a zip writer (libzip) for it. Its numbers are chosen so that
// every result can be worked out by hand (jsonld_import_test.cpp).
//
// Processes: "Electricity, at grid" (1 kWh; 0.5 kg CO2 lognormal gsd 1.2;
// 0.1 m3 natural gas in ground with pedigree (2;3;1;1;1) and basic
// uncertainty 1.05; 2 L river water), "Steel, at mill" (1 t; 500 kWh of
// electricity from the grid as default provider; 1,800 kg CO2 triangular
// written with minimum 2,000 > maximum 1,600; 1 kg methane triangular
// with mode 0.8; 2 kg copper in ground), "Widget, assembly" (1 item; 2 kg
// steel and 1 kWh electricity linked by product; 1 kg of "Secret sauce",
// which nothing makes; 0.1 kg CO2 with geomSd 0).
#pragma once

#include <map>
#include <string>

namespace gpulca::test {

// Path -> JSON text of the export, with openLCA 1 keys (schema 1) or
// openLCA 2 keys (schema 2).
std::map<std::string, std::string> JsonldFixture(int schema);

// The USLCI export (../shared/data/uslci/uslci-jsonld.zip beside the source
// tree, or $GPULCA_USLCI_ZIP), or "" when it is not on this machine.
std::string UslciZip();

// Writes `files` into a new zip archive at `path`.
void WriteZip(const std::string& path, const std::map<std::string, std::string>& files);

// A gpulca inventory (TOML) with the elementary flows and methods the
// fixture's flows match: co2_fossil, ch4_fossil, energy_fossil,
// copper_ore_cu, water_consumed, co2_biogenic; gwp100, energy, water, adp.
extern const char* const kJsonldBase;

}  // namespace gpulca::test
