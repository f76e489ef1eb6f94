#include "indicators/checks.hpp"

#include <cmath>
#include <map>
#include <cstdio>
#include <cstring>

#include "core/suggest.hpp"
#include "i18n/format.hpp"
#include "indicators/series.hpp"

namespace mb::indicators {

using content::Document;
using content::IndicatorDef;

namespace {

void error_at(Diagnostics& diags, const Document& d, std::size_t offset, std::size_t length, std::string message,
              std::string hint, Severity severity = Severity::error) {
  diags.add(d.source->at(severity, offset, length, std::move(message), std::move(hint)));
}

void catalogue_error(const content::Catalogue& c, Diagnostics& diags, std::size_t offset, std::size_t length,
                     std::string message, std::string hint) {
  if (c.indicators_file)
    diags.add(c.indicators_file->at(Severity::error, offset, length, std::move(message), std::move(hint)));
  else
    diags.error("data/indicators.yaml", std::move(message), std::move(hint));
}

std::vector<std::string> indicator_ids(const content::Catalogue& c) {
  std::vector<std::string> ids;
  for (const IndicatorDef& d : c.indicators) ids.push_back(d.id);
  return ids;
}

// Bounds: the catalogue's, with counts at least 0 unless it says otherwise.
void check_bounds(const IndicatorDef& def, const Document& d, std::size_t offset, std::size_t length, double value,
                  const std::string& what, Diagnostics& diags) {
  double min = def.min ? *def.min : 0;
  if (value >= min && (!def.max || value <= *def.max)) return;
  std::string range = def.max ? i18n::plain_number(min) + " to " + i18n::plain_number(*def.max) : "at least " + i18n::plain_number(min);
  error_at(diags, d, offset, length, what + " is " + i18n::plain_number(value) + ", outside its possible range (" + range + ")",
           def.percent ? "a percentage is between 0 and 100" : "check the figure against the report");
}

void check_unit(const IndicatorDef& def, const Document& d, const content::Located<std::string>& unit,
                Diagnostics& diags) {
  if (unit.value.empty()) return;
  bool ok = def.percent ? (unit.value == "percent" || unit.value == "%")
                        : (unit.value == def.unit.vi || unit.value == def.unit.en);
  if (ok) return;
  std::string expected = def.percent ? "percent" : def.unit.vi;
  error_at(diags, d, unit.offset, unit.value.size(),
           "unit '" + unit.value + "' does not match indicator '" + def.id + "', measured in " + expected,
           "convert the figure to " + expected + ", or use the indicator that counts " + unit.value);
}

void check_breakdown(const content::Catalogue& c, const IndicatorDef& def, const Document& d,
                     const content::IndicatorValue& v, Diagnostics& diags) {
  if (v.breakdown.empty()) return;
  const content::Breakdown* b = c.breakdown(def.breakdown);
  if (!b) {
    error_at(diags, d, v.breakdown.front().first.offset, v.breakdown.front().first.value.size(),
             "indicator '" + def.id + "' has no breakdown in the catalogue",
             "give it 'breakdown: <dimension>' in data/indicators.yaml");
    return;
  }
  std::vector<std::string> items;
  for (const auto& [id, name] : b->items) items.push_back(id);
  for (const auto& [item, x] : v.breakdown) {
    if (!b->item(item.value)) {
      std::string hint = did_you_mean(item.value, items);
      error_at(diags, d, item.offset, item.value.size(), "'" + item.value + "' is not an item of '" + b->id + "'",
               hint.empty() ? "the items are defined under breakdowns." + b->id + ".items in data/indicators.yaml" : hint);
      continue;
    }
    check_bounds(def, d, item.offset, item.value.size(), x, "'" + def.id + "." + item.value + "'", diags);
  }
}

// The offset of `id` as a whole token of a formula ("petitions" is not found
// inside "petitions_resolved").
std::size_t find_token(const std::string& formula, const std::string& id) {
  auto word = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; };
  for (std::size_t at = formula.find(id); at != std::string::npos; at = formula.find(id, at + 1)) {
    std::size_t end = at + id.size();
    if ((at == 0 || !word(formula[at - 1])) && (end == formula.size() || !word(formula[end]))) return at;
  }
  return std::string::npos;
}

}  // namespace

double rounding_tolerance(double stated) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", std::fabs(stated));
  const char* dot = std::strchr(buf, '.');
  int decimals = dot ? static_cast<int>(std::strlen(dot + 1)) : 0;
  return 0.5 * std::pow(10.0, -decimals) + 1e-9;
}

std::map<std::string, Formula> check_catalogue(const content::Catalogue& c, Diagnostics& diags) {
  std::map<std::string, Formula> formulas;
  std::vector<std::string> ids = indicator_ids(c);
  for (const IndicatorDef& def : c.indicators) {
    if (!def.part_of.empty() && !c.indicator(def.part_of)) {
      std::string hint = did_you_mean(def.part_of, ids);
      catalogue_error(c, diags, def.part_of_offset, def.part_of.size(), "'part_of' names unknown indicator '" + def.part_of + "'",
                      hint.empty() ? "name the indicator this one is a part of" : hint);
    }
    if (def.derived.empty()) continue;
    std::string error;
    std::size_t at = 0;
    std::optional<Formula> f = Formula::parse(def.derived, &error, &at);
    if (!f) {
      catalogue_error(c, diags, def.derived_offset + at, 1, "formula of '" + def.id + "': " + error,
                      "write ids, numbers, + - * / and parentheses, e.g. petitions_resolved / petitions_received * 100");
      continue;
    }
    bool ok = true;
    for (const std::string& input : f->inputs()) {
      if (c.indicator(input) && input != def.id) continue;
      ok = false;
      std::size_t pos = find_token(def.derived, input);
      std::string hint = input == def.id ? std::string("a derived indicator is computed from others") : did_you_mean(input, ids);
      catalogue_error(c, diags, def.derived_offset + (pos == std::string::npos ? 0 : pos), input.size(),
                      input == def.id ? "the formula of '" + def.id + "' uses itself"
                                      : "the formula of '" + def.id + "' uses unknown indicator '" + input + "'",
                      hint.empty() ? "formulas use ids from this file" : hint);
    }
    if (ok) formulas.emplace(def.id, std::move(*f));
  }
  return formulas;
}

void check_report(const content::Catalogue& c, const Document& d, const std::map<std::string, Formula>& formulas,
                  const std::map<std::string, double>& stated, const std::map<std::string, double>& derived,
                  Diagnostics& diags) {
  const content::ReportFields& r = d.report;
  if (r.date && last_day(*r.date) < r.period_to)
    error_at(diags, d, r.date_offset, to_iso(*r.date).size(),
             "the report is dated " + to_iso(*r.date) + ", before its period ends (" + to_iso(r.period_to) + ")",
             "a report cannot state results for days after its date: check the date and period.to");
  for (const auto& [id, v] : r.indicators) {
    const IndicatorDef* def = c.indicator(id.value);
    if (!def) continue;
    if (v.value) check_bounds(*def, d, id.offset, id.value.size(), *v.value, "'" + id.value + "'", diags);
    check_unit(*def, d, v.unit, diags);
    check_breakdown(c, *def, d, v, diags);
    if (!v.value) continue;
    if (!def->part_of.empty()) {
      auto whole = stated.find(def->part_of);
      if (whole != stated.end() && *v.value > whole->second)
        error_at(diags, d, id.offset, id.value.size(),
                 "'" + id.value + "' (" + i18n::plain_number(*v.value) + ") is larger than '" + def->part_of + "' (" +
                     i18n::plain_number(whole->second) + "), of which it is a part",
                 "check both figures against the report");
    }
    auto formula = formulas.find(id.value);
    if (formula == formulas.end()) continue;
    auto lookup = [&](const std::string& input) -> std::optional<double> {
      if (auto it = stated.find(input); it != stated.end()) return it->second;
      if (auto it = derived.find(input); it != derived.end()) return it->second;
      return std::nullopt;
    };
    std::optional<double> computed = formula->second.evaluate(lookup);
    if (computed && std::fabs(*computed - *v.value) > rounding_tolerance(*v.value))
      error_at(diags, d, id.offset, id.value.size(),
               "'" + id.value + "' is stated as " + i18n::plain_number(*v.value) + " but " + def->derived + " gives " +
                   i18n::plain_number(std::round(*computed * 100) / 100),
               "one of the figures is wrong; check them against the report");
  }
}

void check_series(const Series& series, Diagnostics& diags) {
  // The previous stated value of each locality and kind of report: a
  // half-year report between two annual ones does not hide a jump.
  std::map<std::pair<const model::Locality*, std::string>, const Observation*> last;
  for (const Observation& o : series.observations) {
    if (o.derived || !o.value) continue;
    const Observation*& previous = last[{o.locality, o.kind()}];
    if (previous && *previous->value > 0 && *o.value > 0) {
      double ratio = *o.value / *previous->value;
      if (ratio > 10 || ratio < 0.1) {
        const Document& d = *o.report->vi;
        diags.add(d.source->at(Severity::warning, o.offset, 1,
                               "'" + series.def->id + "' changes from " + i18n::plain_number(*previous->value) + " to " +
                                   i18n::plain_number(*o.value) + " since the previous " + o.kind() + " report, more than 10×",
                               "check both figures; if they are right, this warning can stay"));
      }
    }
    previous = &o;
  }
}

}  // namespace mb::indicators
