// A calendar date without time zone: report dates and periods.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace mb {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const Date&) const = default;
};

// "2023-06-30" → Date; nullopt if malformed or not a real calendar day.
std::optional<Date> parse_iso_date(std::string_view text);
std::string to_iso(const Date& d);
int days_in_month(int year, int month);

}  // namespace mb
