#include "indicators/series.hpp"

#include <algorithm>
#include <cstdint>
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
    // By locality slug, period end and report slug, stably. The order of
    // indices is found first and the observations (a hundred bytes each)
    // moved once: at 50k pages a stable sort of the observations themselves
    // was most of this stage, which runs alone. Observations of one locality
    // are already together, so most comparisons stop at the same locality.
    std::vector<std::uint32_t> order(s.observations.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t i, std::uint32_t j) {
      const Observation& a = s.observations[i];
      const Observation& b = s.observations[j];
      if (a.locality != b.locality) {
        if (int c = a.locality->page->locality.compare(b.locality->page->locality)) return c < 0;
      }
      return std::tie(a.to(), a.report->slug) < std::tie(b.to(), b.report->slug);
    });
    std::vector<Observation> sorted;
    sorted.reserve(order.size());
    for (std::uint32_t i : order) sorted.push_back(std::move(s.observations[i]));
    s.observations = std::move(sorted);
    check_series(s, diags);
  }
  return out;
}

}  // namespace mb::indicators
