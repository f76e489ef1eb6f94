#include "indicators/series.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "indicators/checks.hpp"
#include "indicators/formula.hpp"

namespace mb::indicators {

const Series* Indicators::find(const std::string& id) const {
  for (const Series& s : series)
    if (s.def->id == id) return &s;
  return nullptr;
}

std::vector<const Observation*> Indicators::of(const std::string& id, const model::Locality& locality) const {
  std::vector<const Observation*> out;
  const Series* s = find(id);
  if (!s) return out;
  // Observations are sorted by locality slug: find the locality's run.
  const std::string& slug = locality.page->locality;
  auto first = std::lower_bound(s->observations.begin(), s->observations.end(), slug,
                                [](const Observation& o, const std::string& x) { return o.locality->page->locality < x; });
  for (auto it = first; it != s->observations.end() && it->locality->page->locality == slug; ++it)
    if (it->locality == &locality) out.push_back(&*it);
  return out;
}

namespace {

// Derived values of one report, from the values it states. A derived indicator
// may itself feed another, so formulas are evaluated until nothing changes.
void derive(const std::map<std::string, Formula>& formulas, const std::map<std::string, double>& values,
            std::map<std::string, double>& derived) {
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& [id, formula] : formulas) {
      if (values.count(id) || derived.count(id)) continue;
      auto lookup = [&](const std::string& input) -> std::optional<double> {
        if (auto it = values.find(input); it != values.end()) return it->second;
        if (auto it = derived.find(input); it != derived.end()) return it->second;
        return std::nullopt;
      };
      if (auto v = formula.evaluate(lookup)) {
        derived[id] = *v;
        changed = true;
      }
    }
  }
}

}  // namespace

Indicators build(const model::Site& site, Diagnostics& diags) {
  const content::Catalogue& catalogue = site.catalogue;
  std::map<std::string, Formula> formulas = check_catalogue(catalogue, diags);

  Indicators out;
  std::map<std::string, std::size_t> index;
  for (const content::IndicatorDef& def : catalogue.indicators) {
    index[def.id] = out.series.size();
    out.series.push_back({&def, {}});
  }
  for (const model::Locality& locality : site.localities) {
    for (const model::Page* report : locality.reports) {
      const content::ReportFields& r = report->vi->report;
      std::map<std::string, double> stated, derived;
      for (const auto& [id, v] : r.indicators) {
        auto it = index.find(id.value);
        if (it == index.end()) continue;  // unknown ids were reported by the model
        Observation o{report, &locality, v.value, v.note, false, {}, v.offset};
        for (const auto& [item, x] : v.breakdown) o.breakdown.push_back({item.value, x});
        out.series[it->second].observations.push_back(o);
        if (v.value) stated[id.value] = *v.value;
      }
      derive(formulas, stated, derived);
      for (const auto& [id, value] : derived)
        out.series[index.at(id)].observations.push_back({report, &locality, value, {}, true, {}, 0});
      check_report(catalogue, *report->vi, formulas, stated, derived, diags);
    }
  }
  for (Series& s : out.series) {
    std::stable_sort(s.observations.begin(), s.observations.end(), [](const Observation& a, const Observation& b) {
      return std::tie(a.locality->page->locality, a.to(), a.report->slug) <
             std::tie(b.locality->page->locality, b.to(), b.report->slug);
    });
    check_series(s, diags);
  }
  return out;
}

}  // namespace mb::indicators
