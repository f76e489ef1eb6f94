// Indicator series: every value of every indicator, per locality and period,
// the stated ones from reports and the derived ones computed from formulas.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "content/catalogue.hpp"
#include "core/date.hpp"
#include "core/diagnostic.hpp"
#include "model/site.hpp"

namespace mb::indicators {

struct Observation {
  const model::Page* report = nullptr;
  const model::Locality* locality = nullptr;
  std::optional<double> value;  // absent when the report gives only a breakdown
  std::string note;             // qualifier or note, in Vietnamese
  bool derived = false;         // computed by the build, not stated
  std::vector<std::pair<std::string, double>> breakdown;  // item id → value
  std::size_t offset = 0;       // of the stated value in the report's source

  const Date& from() const { return report->vi->report.period_from; }
  const Date& to() const { return report->vi->report.period_to; }
  const std::string& kind() const { return report->vi->report.kind; }
};

struct Series {
  const content::IndicatorDef* def = nullptr;
  std::vector<Observation> observations;  // by locality slug, then period end, then report slug
};

struct Indicators {
  std::vector<Series> series;  // in catalogue order, including indicators with no value yet

  const Series* find(const std::string& id) const;
  // The observations of one locality for one indicator, oldest first.
  std::vector<const Observation*> of(const std::string& id, const model::Locality& locality) const;
};

// Builds every series and runs the consistency checks (catalogue formulas,
// bounds, units, breakdowns, parts larger than their whole, derived values
// that disagree with stated ones, report dates, implausible jumps).
Indicators build(const model::Site& site, Diagnostics& diags);

}  // namespace mb::indicators
