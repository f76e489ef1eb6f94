#include "i18n/format.hpp"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/measunit.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <string_view>

#include "core/assert.hpp"

namespace mb::i18n {

namespace nf = icu::number;

namespace {

const char* icu_locale(Lang lang) { return lang == Lang::vi ? "vi" : "en"; }

// LocalizedNumberFormatter is immutable and thread-safe once built.
const nf::LocalizedNumberFormatter& number_formatter(Lang lang, bool percent) {
  static const auto make = [](Lang l, bool pct) {
    auto f = nf::NumberFormatter::withLocale(icu::Locale(icu_locale(l)))
                 .precision(nf::Precision::maxFraction(6))
                 .roundingMode(UNUM_ROUND_HALFEVEN);
    return pct ? f.unit(icu::MeasureUnit::getPercent()) : f;
  };
  static const nf::LocalizedNumberFormatter formatters[2][2] = {
      {make(Lang::vi, false), make(Lang::vi, true)},
      {make(Lang::en, false), make(Lang::en, true)}};
  return formatters[lang_index(lang)][percent ? 1 : 0];
}

// Whole numbers below 10^15 (most figures are counts) are grouped here
// without ICU, which took a tenth of a page's time to do it; a test checks
// that both agree. "" for any other number.
std::string format_whole(double value, Lang lang) {
  if (!(std::fabs(value) < 1e15) || value != std::trunc(value)) return {};
  long long n = static_cast<long long>(value);
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out = n < 0 ? "-" : "";
  const char separator = lang == Lang::vi ? '.' : ',';
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

// Numbers with a fraction whose shortest decimal form has at most six
// decimals and no exponent (71.5, 14.29, 0.84): ICU writes those same
// shortest digits, its rounding to six decimals leaving them alone, so they
// are grouped and pointed here, without ICU's 3,000 instructions a number.
// "" for any other number. A test checks that both agree.
std::string format_decimal(double value, Lang lang) {
  if (!(std::fabs(value) < 1e15)) return {};
  char buf[32];
  auto [end, error] = std::to_chars(buf, buf + sizeof buf, value);
  if (error != std::errc()) return {};
  std::string_view digits(buf, static_cast<std::size_t>(end - buf));
  if (digits.find('e') != std::string_view::npos) return {};
  std::string out;
  if (digits.front() == '-') {
    out += '-';
    digits.remove_prefix(1);
  }
  const std::size_t point = std::min(digits.find('.'), digits.size());
  if (digits.size() - point > 7) return {};  // more than six decimals: ICU rounds them
  const bool vi = lang == Lang::vi;
  for (std::size_t i = 0; i < point; ++i) {
    if (i > 0 && (point - i) % 3 == 0) out += vi ? '.' : ',';
    out += digits[i];
  }
  if (point < digits.size()) {
    out += vi ? ',' : '.';
    out.append(digits.substr(point + 1));
  }
  return out;
}

std::string format_with(const nf::LocalizedNumberFormatter& f, double value) {
  if (value == 0) value = 0;  // never print "-0"
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = f.formatDouble(value, status).toString(status);
  MB_ASSERT(U_SUCCESS(status));
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string format_pattern(const Date& d, Lang lang, const char* pattern) {
  // SimpleDateFormat and Calendar are not thread-safe and costly to build:
  // each thread keeps one formatter per pattern and language.
  struct Formatter {
    std::unique_ptr<icu::SimpleDateFormat> format;
    std::unique_ptr<icu::Calendar> calendar;
  };
  thread_local std::map<std::pair<const char*, Lang>, Formatter> cache;
  Formatter& f = cache[{pattern, lang}];
  UErrorCode status = U_ZERO_ERROR;
  if (!f.format) {
    std::unique_ptr<icu::TimeZone> utc(icu::TimeZone::createTimeZone("UTC"));
    f.format = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString::fromUTF8(pattern),
                                                       icu::Locale(icu_locale(lang)), status);
    MB_ASSERT(U_SUCCESS(status));
    f.format->setTimeZone(*utc);
    f.calendar = std::make_unique<icu::GregorianCalendar>(*utc, status);
    MB_ASSERT(U_SUCCESS(status));
  }
  f.calendar->clear();
  f.calendar->set(d.year, d.month - 1, d.day, 12, 0, 0);
  UDate when = f.calendar->getTime(status);
  MB_ASSERT(U_SUCCESS(status));
  icu::UnicodeString u;
  f.format->format(when, u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

// format_date's patterns written directly for the dates a report can hold
// (years 1000-9999, real days), as ICU writes them: SimpleDateFormat took
// 3 % of a build. "" for any other date, which ICU formats. A test compares
// both on every day of two centuries.
std::string format_date_directly(const Date& d, Lang lang, DateStyle style) {
  if (d.year < 1000 || d.year > 9999 || d.month < 1 || d.month > 12) return {};
  if (d.day != 0 && (d.day < 1 || d.day > days_in_month(d.year, d.month))) return {};
  static const char* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
  auto two = [](int n) { return std::string{static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)}; };
  const std::string y = std::to_string(d.year), m = std::to_string(d.month);
  const bool vi = lang == Lang::vi;
  if (d.day == 0) {  // "MM/y", "'tháng' M 'năm' y", "MMMM y"
    if (style == DateStyle::numeric) return two(d.month) + "/" + y;
    return vi ? "tháng " + m + " năm " + y : months[d.month - 1] + (" " + y);
  }
  if (style == DateStyle::numeric) return two(d.day) + "/" + two(d.month) + "/" + y;  // "dd/MM/y"
  const std::string day = std::to_string(d.day);
  // "'ngày' d 'tháng' M 'năm' y", "d MMMM y"
  return vi ? "ngày " + day + " tháng " + m + " năm " + y : day + " " + months[d.month - 1] + " " + y;
}

bool is_year_start(const Date& d) { return d.month == 1 && d.day == 1; }
bool is_year_end(const Date& d) { return d.month == 12 && d.day == 31; }

}  // namespace

std::string format_number(double value, Lang lang) {
  if (std::string whole = format_whole(value, lang); !whole.empty()) return whole;
  if (std::string decimal = format_decimal(value, lang); !decimal.empty()) return decimal;
  return format_with(number_formatter(lang, false), value);
}

std::string format_percent(double value, Lang lang) {
  if (std::string whole = format_whole(value, lang); !whole.empty()) return whole + "%";
  if (std::string decimal = format_decimal(value, lang); !decimal.empty()) return decimal + "%";
  return format_with(number_formatter(lang, true), value);
}

std::string plain_number(double value) {
  // Whole numbers of up to 10 digits print as %.10g would, without printf.
  if (std::fabs(value) < 1e10 && value == std::trunc(value) && !(value == 0 && std::signbit(value)))
    return std::to_string(static_cast<long long>(value));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", value);
  return buf;
}

std::string format_date(const Date& d, Lang lang, DateStyle style) {
  if (d.month == 0) return lang == Lang::vi ? "năm " + std::to_string(d.year) : std::to_string(d.year);
  if (std::string direct = format_date_directly(d, lang, style); !direct.empty()) return direct;
  if (d.day == 0) {
    if (style == DateStyle::numeric) return format_pattern({d.year, d.month, 1}, lang, "MM/y");
    return lang == Lang::vi ? format_pattern({d.year, d.month, 1}, lang, "'tháng' M 'năm' y")
                            : format_pattern({d.year, d.month, 1}, lang, "MMMM y");
  }
  if (style == DateStyle::numeric) return format_pattern(d, lang, "dd/MM/y");
  return lang == Lang::vi ? format_pattern(d, lang, "'ngày' d 'tháng' M 'năm' y")
                          : format_pattern(d, lang, "d MMMM y");
}

std::string format_period(const Date& from, const Date& to, Lang lang) {
  const std::string y = std::to_string(from.year);
  const bool vi = lang == Lang::vi;
  if (from.year == to.year && is_year_start(from)) {
    if (is_year_end(to)) return vi ? "năm " + y : y;
    if (to.month == 6 && to.day == 30) return vi ? "6 tháng đầu năm " + y : "first half of " + y;
  }
  if (from.year == to.year && from.month == 7 && from.day == 1 && is_year_end(to))
    return vi ? "6 tháng cuối năm " + y : "second half of " + y;
  if (from.year == to.year && from.day == 1 && (from.month - 1) % 3 == 0 && to.month == from.month + 2 &&
      to.day == days_in_month(to.year, to.month)) {
    static const char* roman[] = {"I", "II", "III", "IV"};
    int q = (from.month - 1) / 3;
    return vi ? std::string("quý ") + roman[q] + " năm " + y : "Q" + std::to_string(q + 1) + " " + y;
  }
  if (from.year < to.year && is_year_start(from) && is_year_end(to)) {
    std::string range = y + "–" + std::to_string(to.year);
    return vi ? "giai đoạn " + range : range;
  }
  return format_date(from, lang, DateStyle::numeric) + " – " + format_date(to, lang, DateStyle::numeric);
}

}  // namespace mb::i18n
