#include "core/date.hpp"

#include <cstdio>

namespace mb {

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

std::optional<Date> parse_iso_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t n, int& out) {
    out = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (t[i] < '0' || t[i] > '9') return false;
      out = out * 10 + (t[i] - '0');
    }
    return true;
  };
  Date d;
  if (!digits(0, 4, d.year) || !digits(5, 2, d.month) || !digits(8, 2, d.day)) return std::nullopt;
  if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > days_in_month(d.year, d.month))
    return std::nullopt;
  return d;
}

std::optional<Date> parse_partial_date(std::string_view t) {
  if (t.size() == 10) return parse_iso_date(t);
  auto digits = [](std::string_view s, int& out) {
    out = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return false;
      out = out * 10 + (c - '0');
    }
    return !s.empty();
  };
  Date d;
  if (t.size() == 4 && digits(t, d.year) && d.year >= 1900) return d;
  if (t.size() == 7 && t[4] == '-' && digits(t.substr(0, 4), d.year) && digits(t.substr(5, 2), d.month) &&
      d.year >= 1900 && d.month >= 1 && d.month <= 12)
    return d;
  return std::nullopt;
}

std::string to_iso(const Date& d) {
  // Every report page and open-data row writes dates: years 0-9999 with a
  // month and day in range are written directly, the rest through snprintf
  // (a test compares both).
  if (d.year >= 0 && d.year <= 9999 && d.month >= 0 && d.month <= 99 && d.day >= 0 && d.day <= 99) {
    auto digits = [](std::string& out, int n, int width) {
      for (int div = width == 4 ? 1000 : 10; div > 0; div /= 10) out += static_cast<char>('0' + n / div % 10);
    };
    std::string out;
    digits(out, d.year, 4);
    if (d.month != 0) {
      out += '-';
      digits(out, d.month, 2);
      if (d.day != 0) {
        out += '-';
        digits(out, d.day, 2);
      }
    }
    return out;
  }
  char buf[16];
  if (d.month == 0)
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  else if (d.day == 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

Date last_day(const Date& d) {
  Date out = d;
  if (out.month == 0) out.month = 12;
  if (out.day == 0) out.day = days_in_month(out.year, out.month);
  return out;
}

}  // namespace mb
