// Consistency checks on indicator values. Impossible values are errors;
// doubtful ones (a jump of more than 10× between periods) are warnings.
#pragma once

#include <map>
#include <string>

#include "content/catalogue.hpp"
#include "content/document.hpp"
#include "core/diagnostic.hpp"
#include "indicators/formula.hpp"

namespace mb::indicators {

struct Series;

// Parses every `derived` formula and checks every id a formula, `part_of`
// or `breakdown` names. Returns the formulas that parsed, by indicator id.
std::map<std::string, Formula> check_catalogue(const content::Catalogue& catalogue, Diagnostics& diags);

// One report: bounds, units, breakdown items, parts larger than their whole,
// stated values that disagree with their formula, a date before the period ends.
void check_report(const content::Catalogue& catalogue, const content::Document& report,
                  const std::map<std::string, Formula>& formulas, const std::map<std::string, double>& stated,
                  const std::map<std::string, double>& derived, Diagnostics& diags);

// Across periods: a change of more than 10× between two reports of the same
// kind for the same locality is flagged as doubtful.
void check_series(const Series& series, Diagnostics& diags);

// "98" → 0.5, "71.5" → 0.05: half a unit of the last decimal the value shows,
// the tolerance within which a computed value agrees with a stated one.
double rounding_tolerance(double stated);

}  // namespace mb::indicators
