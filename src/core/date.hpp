// A calendar date without time zone: report dates and periods.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace mb {

// month or day 0 marks a partial date, as official documents often carry:
// "ngày   tháng 5 năm 2023" is {2023, 5, 0}.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const Date&) const = default;
  bool partial() const { return month == 0 || day == 0; }
};

// "2023-06-30" → Date; nullopt if malformed or not a real calendar day.
std::optional<Date> parse_iso_date(std::string_view text);
// "2023-05-26", "2023-05" or "2023": a full date, a month or a year.
std::optional<Date> parse_partial_date(std::string_view text);
std::string to_iso(const Date& d);  // "2023-05" for a month, "2023" for a year
// The last day a partial date may stand for: 2023-05 → 2023-05-31.
Date last_day(const Date& d);
int days_in_month(int year, int month);

}  // namespace mb
