// A catalogue GPU small enough to solve by hand, for the assessment and the
// report tests. Three impacts: gwp100 (co2 x 1), energy (primary_energy x 1,
// MJ), water (water_consumed x 1, L).
//
//   grid_us   1 kWh: 0.4 kg co2, 10 MJ        grid_se   1 kWh: 0.05 kg co2, 8 MJ
//   g1        module (assembly, TW): 100 kg co2, 200 L water, 50 kWh (grid_us,
//             the default grid) -> 120 kg co2, 500 MJ, 200 L
//   host_share (deployment): 40 kg co2 and 1 kg e-waste
//   ewaste_recycling (end_of_life): 2 kg co2 per kg
//   ewaste_recycling_credits (end_of_life): -0.6 kg of copper per kg of
//             e-waste; copper (materials) 5 kg co2 per kg -> -3 kg co2 per kg
//   g1-lifecycle (deployment, US): g1, use_kwh of electricity, gpu_it_kwh x
//             wue L of water, 1 host_share, 2 kg e-waste, 2 x eol_credits kg
//             of credit
//   globals   pue 1.5, utilization 0.5, idle_power_fraction 0 (so
//             gpu_power_fraction 0.5), lifetime_years 4 (35,040 h),
//             host_power_w_per_gpu 100, wue 1 L/kWh, eol_credits 0
//
// By hand, in the US: gpu_it_kwh = (500 + 100) x 0.5 x 8760 x 4 / 1000 =
// 10,512 kWh; use_kwh = 15,768 kWh -> 6,307.2 kg co2, 157,680 MJ; water
// 10,512 L. Host share 40 + 2 = 42 kg (40 in deployment, 2 at end of life);
// module e-waste 4 kg. Cradle to grave: 120 + 6,307.2 + 42 + 4 = 6,473.2 kg.
// Deployment stage 6,347.2 kg; operational 6,307.2 kg. With eol_credits = 1:
// a credit of 2 x -3 = -6 kg, so 6,467.2 kg.
#pragma once

namespace gpulca::test {

inline const char* const kGpuFixture = R"T(
[[source]]
id = "s1"
citation = "Test source"

[[flow]]
id = "co2"
name = "Carbon dioxide"
kind = "elementary"
compartment = "air"
unit = "kg"

[[flow]]
id = "primary_energy"
name = "Primary energy"
kind = "elementary"
compartment = "resource"
unit = "MJ"

[[flow]]
id = "water_consumed"
name = "Water consumed"
kind = "elementary"
compartment = "resource"
unit = "L"

[[flow]]
id = "electricity"
name = "Electricity"
kind = "product"
unit = "kWh"

[[flow]]
id = "g1"
name = "Test GPU module"
kind = "product"
unit = "item"

[[flow]]
id = "g1-lifecycle"
name = "Test GPU, cradle to grave"
kind = "product"
unit = "item"

[[flow]]
id = "host_share"
name = "Host share"
kind = "product"
unit = "item"

[[flow]]
id = "ewaste"
name = "E-waste"
kind = "waste"
unit = "kg"

[[flow]]
id = "recycling_credit"
name = "Recycling credit"
kind = "product"
unit = "kg"

[[flow]]
id = "copper"
name = "Copper"
kind = "product"
unit = "kg"

[[parameter]]
id = "pue"
value = 1.5
source = "s1"

[[parameter]]
id = "utilization"
value = 0.5
source = "s1"

[[parameter]]
id = "idle_power_fraction"
value = 0
source = "s1"

[[parameter]]
id = "gpu_power_fraction"
formula = "idle_power_fraction + (1 - idle_power_fraction) * utilization"

[[parameter]]
id = "lifetime_years"
value = 4
source = "s1"

[[parameter]]
id = "hours_per_year"
value = 8760
source = "s1"

[[parameter]]
id = "lifetime_hours"
formula = "lifetime_years * hours_per_year"

[[parameter]]
id = "host_power_w_per_gpu"
value = 100
source = "s1"

[[parameter]]
id = "wue_l_per_kwh"
value = 1
source = "s1"

[[parameter]]
id = "eol_credits"
value = 0
source = "s1"

[[process]]
id = "grid_us"
name = "Grid US"
location = "US"
default = true
product = { flow = "electricity", amount = 1, unit = "kWh" }
  [[process.exchanges]]
  flow = "co2"
  amount = 0.4
  unit = "kg"
  source = "s1"
  [[process.exchanges]]
  flow = "primary_energy"
  amount = 10
  unit = "MJ"
  source = "s1"

[[process]]
id = "grid_se"
name = "Grid SE"
location = "SE"
product = { flow = "electricity", amount = 1, unit = "kWh" }
  [[process.exchanges]]
  flow = "co2"
  amount = 0.05
  unit = "kg"
  source = "s1"
  [[process.exchanges]]
  flow = "primary_energy"
  amount = 8
  unit = "MJ"
  source = "s1"

[[process]]
id = "g1"
name = "Test GPU module, cradle to gate"
stage = "assembly"
location = "TW"
product = { flow = "g1", amount = 1, unit = "item" }
  [[process.parameters]]
  id = "tdp_w"
  value = 500
  source = "s1"
  [[process.parameters]]
  id = "peak_bf16_dense_tflops"
  value = 1000
  source = "s1"
  [[process.parameters]]
  id = "memory_capacity_gb"
  value = 80
  source = "s1"
  [[process.parameters]]
  id = "module_mass_kg"
  value = 2
  source = "s1"
  [[process.exchanges]]
  flow = "co2"
  amount = 100
  unit = "kg"
  source = "s1"
  [[process.exchanges]]
  flow = "water_consumed"
  amount = 200
  unit = "L"
  source = "s1"
  [[process.exchanges]]
  flow = "electricity"
  amount = 50
  unit = "kWh"
  source = "s1"

[[process]]
id = "host_share"
name = "Host share"
stage = "deployment"
location = "US"
product = { flow = "host_share", amount = 1, unit = "item" }
  [[process.exchanges]]
  flow = "co2"
  amount = 40
  unit = "kg"
  source = "s1"
  [[process.exchanges]]
  flow = "ewaste"
  amount = 1
  unit = "kg"
  source = "s1"

[[process]]
id = "ewaste_recycling"
name = "E-waste recycling"
stage = "end_of_life"
location = "GLO"
product = { flow = "ewaste", amount = 1, unit = "kg" }
  [[process.exchanges]]
  flow = "co2"
  amount = 2
  unit = "kg"
  source = "s1"

[[process]]
id = "copper_primary"
name = "Copper, primary"
stage = "materials"
location = "GLO"
product = { flow = "copper", amount = 1, unit = "kg" }
  [[process.exchanges]]
  flow = "co2"
  amount = 5
  unit = "kg"
  source = "s1"

[[process]]
id = "ewaste_recycling_credits"
name = "E-waste recycling, avoided primary metals"
stage = "end_of_life"
location = "GLO"
product = { flow = "recycling_credit", amount = 1, unit = "kg" }
  [[process.exchanges]]
  flow = "copper"
  amount = -0.6
  unit = "kg"
  source = "s1"

[[process]]
id = "g1-lifecycle"
name = "Test GPU, cradle to grave"
stage = "deployment"
location = "US"
parameters_from = "g1"
product = { flow = "g1-lifecycle", amount = 1, unit = "item" }
  [[process.parameters]]
  id = "gpu_it_kwh"
  formula = "(tdp_w + host_power_w_per_gpu) * gpu_power_fraction * hours_per_year * lifetime_years / 1000"
  [[process.parameters]]
  id = "use_kwh"
  formula = "gpu_it_kwh * pue"
  [[process.exchanges]]
  flow = "g1"
  amount = 1
  unit = "item"
  source = "s1"
  [[process.exchanges]]
  flow = "electricity"
  amount = "use_kwh"
  unit = "kWh"
  source = "s1"
  [[process.exchanges]]
  flow = "water_consumed"
  amount = "gpu_it_kwh * wue_l_per_kwh"
  unit = "L"
  source = "s1"
  [[process.exchanges]]
  flow = "host_share"
  amount = 1
  unit = "item"
  source = "s1"
  [[process.exchanges]]
  flow = "ewaste"
  amount = "module_mass_kg"
  unit = "kg"
  source = "s1"
  [[process.exchanges]]
  flow = "recycling_credit"
  amount = "module_mass_kg * eol_credits"
  unit = "kg"
  source = "s1"

[[method]]
id = "gwp100"
name = "GWP100"
unit = "kg CO2e"
source = "s1"
  [[method.factors]]
  flow = "co2"
  value = 1

[[method]]
id = "energy"
name = "Primary energy"
unit = "MJ"
source = "s1"
  [[method.factors]]
  flow = "primary_energy"
  value = 1

[[method]]
id = "water"
name = "Water consumption"
unit = "L"
source = "s1"
  [[method.factors]]
  flow = "water_consumed"
  value = 1
)T";

}  // namespace gpulca::test
