#include "i18n/format.hpp"

#include <doctest/doctest.h>
#include <unicode/gregocal.h>
#include <unicode/measunit.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <random>
#include <vector>

using namespace mb;
using namespace mb::i18n;

TEST_CASE("i18n: numbers in Vietnamese use '.' for thousands and ',' for decimals") {
  CHECK(format_number(14000, Lang::vi) == "14.000");
  CHECK(format_number(0.84, Lang::vi) == "0,84");
  CHECK(format_number(4075, Lang::vi) == "4.075");
  CHECK(format_number(1234567.5, Lang::vi) == "1.234.567,5");
  CHECK(format_number(12, Lang::vi) == "12");
}

TEST_CASE("i18n: numbers in English use ',' for thousands and '.' for decimals") {
  CHECK(format_number(14000, Lang::en) == "14,000");
  CHECK(format_number(0.84, Lang::en) == "0.84");
  CHECK(format_number(1234567.5, Lang::en) == "1,234,567.5");
  CHECK(format_number(-3, Lang::en) == "-3");
}

TEST_CASE("i18n: numbers never print negative zero and keep at most six decimals") {
  CHECK(format_number(-0.0, Lang::en) == "0");
  CHECK(format_number(-0.0, Lang::vi) == "0");
  CHECK(format_number(1.0 / 3, Lang::en) == "0.333333");
  CHECK(format_number(2.0000001, Lang::en) == "2");
}

TEST_CASE("i18n: percents in both languages") {
  CHECK(format_percent(71.5, Lang::vi) == "71,5%");
  CHECK(format_percent(71.5, Lang::en) == "71.5%");
  CHECK(format_percent(100, Lang::vi) == "100%");
  CHECK(format_percent(0, Lang::en) == "0%");
}

TEST_CASE("i18n: dates in long and numeric form") {
  Date d{2021, 11, 26};
  CHECK(format_date(d, Lang::vi, DateStyle::long_form) == "ngày 26 tháng 11 năm 2021");
  CHECK(format_date(d, Lang::en, DateStyle::long_form) == "26 November 2021");
  CHECK(format_date(d, Lang::vi, DateStyle::numeric) == "26/11/2021");
  CHECK(format_date(d, Lang::en, DateStyle::numeric) == "26/11/2021");
}

TEST_CASE("i18n: dates pad the numeric form but not the long form") {
  Date d{2023, 6, 3};
  CHECK(format_date(d, Lang::vi, DateStyle::numeric) == "03/06/2023");
  CHECK(format_date(d, Lang::vi, DateStyle::long_form) == "ngày 3 tháng 6 năm 2023");
  CHECK(format_date(d, Lang::en, DateStyle::long_form) == "3 June 2023");
  CHECK(format_date(Date{2024, 2, 29}, Lang::en, DateStyle::long_form) == "29 February 2024");
  CHECK(format_date(Date{2020, 1, 1}, Lang::en, DateStyle::numeric) == "01/01/2020");
}

// Dates skip ICU for years 1000-9999 (format.cpp): every day of two
// centuries, and months alone, must come out as ICU's patterns write them.
TEST_CASE("i18n: dates are written as ICU's SimpleDateFormat writes them") {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZone> utc(icu::TimeZone::createTimeZone("UTC"));
  icu::GregorianCalendar calendar(*utc, status);
  std::map<std::pair<Lang, std::string>, std::unique_ptr<icu::SimpleDateFormat>> formats;
  auto icu_text = [&](const Date& d, Lang lang, const char* pattern) {
    auto& format = formats[{lang, pattern}];
    if (!format) {
      format = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString::fromUTF8(pattern),
                                                       icu::Locale(lang == Lang::vi ? "vi" : "en"), status);
      format->setTimeZone(*utc);
    }
    calendar.clear();
    calendar.set(d.year, d.month - 1, d.day == 0 ? 1 : d.day, 12, 0, 0);
    icu::UnicodeString u;
    format->format(calendar.getTime(status), u);
    REQUIRE(U_SUCCESS(status));
    std::string out;
    return u.toUTF8String(out);
  };
  std::vector<Date> dates;
  for (int year = 1950; year <= 2150; ++year)
    for (int month = 1; month <= 12; ++month) {
      dates.push_back({year, month, 0});
      for (int day = 1; day <= days_in_month(year, month); ++day) dates.push_back({year, month, day});
    }
  for (Date d : {Date{1000, 1, 1}, Date{9999, 12, 31}, Date{999, 12, 31}, Date{10000, 1, 1}, Date{1066, 10, 14}})
    dates.push_back(d);
  for (const Date& d : dates) {
    const bool day = d.day != 0;
    REQUIRE(format_date(d, Lang::vi, DateStyle::numeric) == icu_text(d, Lang::vi, day ? "dd/MM/y" : "MM/y"));
    REQUIRE(format_date(d, Lang::en, DateStyle::numeric) == icu_text(d, Lang::en, day ? "dd/MM/y" : "MM/y"));
    REQUIRE(format_date(d, Lang::vi, DateStyle::long_form) ==
            icu_text(d, Lang::vi, day ? "'ngày' d 'tháng' M 'năm' y" : "'tháng' M 'năm' y"));
    REQUIRE(format_date(d, Lang::en, DateStyle::long_form) == icu_text(d, Lang::en, day ? "d MMMM y" : "MMMM y"));
  }
}

TEST_CASE("i18n: format_period names a whole year") {
  CHECK(format_period({2024, 1, 1}, {2024, 12, 31}, Lang::vi) == "năm 2024");
  CHECK(format_period({2024, 1, 1}, {2024, 12, 31}, Lang::en) == "2024");
}

TEST_CASE("i18n: format_period names half years") {
  CHECK(format_period({2023, 1, 1}, {2023, 6, 30}, Lang::vi) == "6 tháng đầu năm 2023");
  CHECK(format_period({2023, 1, 1}, {2023, 6, 30}, Lang::en) == "first half of 2023");
  CHECK(format_period({2023, 7, 1}, {2023, 12, 31}, Lang::vi) == "6 tháng cuối năm 2023");
  CHECK(format_period({2023, 7, 1}, {2023, 12, 31}, Lang::en) == "second half of 2023");
}

TEST_CASE("i18n: format_period names quarters") {
  CHECK(format_period({2023, 1, 1}, {2023, 3, 31}, Lang::vi) == "quý I năm 2023");
  CHECK(format_period({2023, 1, 1}, {2023, 3, 31}, Lang::en) == "Q1 2023");
  CHECK(format_period({2023, 4, 1}, {2023, 6, 30}, Lang::vi) == "quý II năm 2023");
  CHECK(format_period({2023, 7, 1}, {2023, 9, 30}, Lang::en) == "Q3 2023");
  CHECK(format_period({2023, 10, 1}, {2023, 12, 31}, Lang::vi) == "quý IV năm 2023");
  CHECK(format_period({2023, 10, 1}, {2023, 12, 31}, Lang::en) == "Q4 2023");
}

TEST_CASE("i18n: format_period names multi-year spans") {
  CHECK(format_period({2021, 1, 1}, {2025, 12, 31}, Lang::vi) == "giai đoạn 2021–2025");
  CHECK(format_period({2021, 1, 1}, {2025, 12, 31}, Lang::en) == "2021–2025");
}

TEST_CASE("i18n: format_period falls back to both dates") {
  CHECK(format_period({2023, 1, 15}, {2023, 11, 14}, Lang::vi) == "15/01/2023 – 14/11/2023");
  CHECK(format_period({2023, 1, 15}, {2023, 11, 14}, Lang::en) == "15/01/2023 – 14/11/2023");
  // A quarter that does not end on its last day, and two months that are not a quarter.
  CHECK(format_period({2023, 4, 1}, {2023, 6, 29}, Lang::en) == "01/04/2023 – 29/06/2023");
  CHECK(format_period({2023, 2, 1}, {2023, 4, 30}, Lang::en) == "01/02/2023 – 30/04/2023");
  CHECK(format_period({2022, 7, 1}, {2023, 6, 30}, Lang::vi) == "01/07/2022 – 30/06/2023");
}

TEST_CASE("i18n: a partial date is written as far as it goes") {
  CHECK(format_date(Date{2023, 5, 0}, Lang::vi, DateStyle::long_form) == "tháng 5 năm 2023");
  CHECK(format_date(Date{2023, 5, 0}, Lang::en, DateStyle::long_form) == "May 2023");
  CHECK(format_date(Date{2024, 0, 0}, Lang::vi, DateStyle::long_form) == "năm 2024");
  CHECK(format_date(Date{2024, 0, 0}, Lang::en, DateStyle::long_form) == "2024");
  CHECK(format_date(Date{2023, 11, 0}, Lang::vi, DateStyle::long_form) == "tháng 11 năm 2023");
  CHECK(format_date(Date{2023, 12, 0}, Lang::en, DateStyle::long_form) == "December 2023");
  // The numeric style pads the month; a year is a year in both styles.
  CHECK(format_date(Date{2023, 5, 0}, Lang::vi, DateStyle::numeric) == "05/2023");
  CHECK(format_date(Date{2023, 5, 0}, Lang::en, DateStyle::numeric) == "05/2023");
  CHECK(format_date(Date{2024, 0, 0}, Lang::vi, DateStyle::numeric) == "năm 2024");
  CHECK(format_date(Date{2024, 0, 0}, Lang::en, DateStyle::numeric) == "2024");
}

// A number as ICU's formatter writes it with format.cpp's settings (at most
// six decimals, half-even), the reference of the tests below.
namespace {

std::string icu_text(double v, Lang lang, bool percent) {
  auto f = icu::number::NumberFormatter::withLocale(icu::Locale(lang == Lang::vi ? "vi" : "en"))
               .precision(icu::number::Precision::maxFraction(6))
               .roundingMode(UNUM_ROUND_HALFEVEN);
  if (percent) f = f.unit(icu::MeasureUnit::getPercent());
  UErrorCode status = U_ZERO_ERROR;
  std::string out;
  f.formatDouble(v, status).toString(status).toUTF8String(out);
  REQUIRE(U_SUCCESS(status));
  return out;
}

}  // namespace

// Whole numbers skip ICU (format.cpp): they must come out as ICU writes them.
TEST_CASE("i18n: whole numbers are written as ICU writes them, in both languages") {
  std::vector<double> values;
  for (int i = -1100; i <= 1100; ++i) values.push_back(i);
  for (double p = 1; p < 1e15; p *= 10)
    for (double d : {-1.0, 0.0, 1.0, 7.0}) values.push_back(p * 9.876 + d - std::fmod(p * 9.876 + d, 1.0));
  values.push_back(999999999999999);
  values.push_back(-123456789012345);
  int checked = 0;
  for (double v : values)
    for (Lang lang : {Lang::vi, Lang::en}) {
      CAPTURE(v);
      REQUIRE(format_number(v, lang) == icu_text(v, lang, false));
      REQUIRE(format_percent(v, lang) == icu_text(v, lang, true));
      ++checked;
    }
  CHECK(checked > 4000);
}

// Numbers with up to six decimals skip ICU too (format.cpp): the same
// digits, separators and signs as ICU's formatter with format.cpp's settings.
TEST_CASE("i18n: numbers with decimals are written as ICU writes them, in both languages") {
  std::vector<double> values = {0.84,  71.5,   14.29,     0.5,       -0.5,         -71.25,     1234.5,
                                99.99, 1e-7,   0.000001,  0.0000015, 0.1234567,    1e14 + 0.5, 123456789.125,
                                2.675, 1.0005, 0.1 + 0.2, 1.0 / 3,   -1234567.891, 5e-324,     0.30000000000000004};
  std::mt19937_64 rng(11);
  for (int i = 0; i < 3000; ++i) {
    // A figure as editors write them: a whole part and one to seven decimals.
    const int decimals = std::uniform_int_distribution<int>(1, 7)(rng);
    const long long whole = std::uniform_int_distribution<long long>(0, i % 3 == 0 ? 99 : 99999999)(rng);
    const long long fraction =
        std::uniform_int_distribution<long long>(0, static_cast<long long>(std::pow(10, decimals)) - 1)(rng);
    const std::string text = std::to_string(whole) + "." + std::to_string(fraction);
    values.push_back((i % 5 == 0 ? -1 : 1) * std::strtod(text.c_str(), nullptr));
  }
  for (int i = 0; i < 2000; ++i) values.push_back(std::uniform_real_distribution<double>(-1e6, 1e6)(rng));
  for (double v : values)
    for (Lang lang : {Lang::vi, Lang::en}) {
      CAPTURE(v);
      REQUIRE(format_number(v, lang) == icu_text(v, lang, false));
      REQUIRE(format_percent(v, lang) == icu_text(v, lang, true));
    }
}

TEST_CASE("i18n: plain_number writes up to ten significant digits, as %.10g") {
  for (double v :
       {0.0, -0.0, 1.0, -5.0, 14000.0, 0.84, 71.5, 1234567890.0, 12345678901.0, 1e300, -2.5e-7, 9999999999.0}) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    CHECK(plain_number(v) == buf);
  }
  CHECK(plain_number(14000) == "14000");
  CHECK(plain_number(-0.0) == "-0");
}
