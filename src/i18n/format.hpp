// Numbers, percents and dates in each language's own format, through ICU:
// vi 14.000 / 0,84 / 71,5% / 26/11/2021; en 14,000 / 0.84 / 71.5% / 26 November 2021.
#pragma once

#include <string>

#include "core/date.hpp"
#include "core/lang.hpp"

namespace mb::i18n {

std::string format_number(double value, Lang lang);

// `value` is already in percent: 71.5 → "71,5%" / "71.5%".
std::string format_percent(double value, Lang lang);

// A number as data files and diagnostics write it, the same in both
// languages: up to 10 significant digits, no grouping ("14000", "0.84").
std::string plain_number(double value);

enum class DateStyle {
  numeric,  // 26/11/2021 (vi), 26/11/2021 (en)
  long_form // ngày 26 tháng 11 năm 2021 / 26 November 2021
};
// A partial date is written as far as it goes: "tháng 5 năm 2023" / "May 2023".
std::string format_date(const Date& d, Lang lang, DateStyle style);

// A reporting period in words where it has a common name ("6 tháng đầu năm 2023",
// "first half of 2023", "năm 2024", "2021–2025"), else "from – to".
std::string format_period(const Date& from, const Date& to, Lang lang);

}  // namespace mb::i18n
