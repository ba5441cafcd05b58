#include "lca/system/matrix_refill.h"

namespace gpulca::lca {
namespace {

double Amount(const inventory::Inventory& inv, const inventory::ParameterSet& p,
              const MatrixData::EntrySource& s) {
  if (s.exchange < 0) {
    const inventory::Process& process = inv.processes[s.process];
    return process.product_amount * process.product_factor;
  }
  return s.sign * p.ExchangeAmount(s.process, static_cast<size_t>(s.exchange));
}

}  // namespace

MatrixRefill::MatrixRefill(const inventory::Inventory& inventory, const MatrixData& data,
                           const inventory::ParameterSet& nominal)
    : inventory_(inventory), data_(data) {
  for (size_t t = 0; t < data.technosphere_sources.size(); ++t) {
    a_.push_back(Amount(inventory, nominal, data.technosphere_sources[t]));
    const inventory::Exchange* e = ExchangeOf(true, t);
    if (e && e->IsFormula()) a_formulas_.push_back(t);
  }
  for (size_t t = 0; t < data.biosphere_sources.size(); ++t) {
    b_.push_back(Amount(inventory, nominal, data.biosphere_sources[t]));
    const inventory::Exchange* e = ExchangeOf(false, t);
    if (e && e->IsFormula()) b_formulas_.push_back(t);
  }
  for (const auto& s : data.characterisation_sources) {
    const inventory::ImpactFactor& f = inventory.methods[s.method].factors[s.factor];
    c_.push_back(f.value * f.unit_factor);
  }
}

const inventory::Exchange* MatrixRefill::ExchangeOf(bool technosphere, size_t entry) const {
  const auto& s = technosphere ? data_.technosphere_sources[entry] : data_.biosphere_sources[entry];
  if (s.exchange < 0) return nullptr;
  return &inventory_.processes[s.process].exchanges[s.exchange];
}

void MatrixRefill::EvaluateFormulas(const inventory::ParameterSet& parameters,
                                    std::vector<double>& a, std::vector<double>& b) const {
  for (size_t t : a_formulas_) a[t] = Amount(inventory_, parameters, data_.technosphere_sources[t]);
  for (size_t t : b_formulas_) b[t] = Amount(inventory_, parameters, data_.biosphere_sources[t]);
}

void MatrixRefill::Apply(MatrixData& data, const std::vector<double>& a,
                         const std::vector<double>& b, const std::vector<double>& c) {
  data.technosphere.SetTripletValues(data.technosphere_slots, a);
  data.biosphere.SetTripletValues(data.biosphere_slots, b);
  data.characterisation.SetTripletValues(data.characterisation_slots, c);
}

}  // namespace gpulca::lca
