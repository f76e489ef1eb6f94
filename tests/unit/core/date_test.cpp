#include "core/date.hpp"

#include <doctest/doctest.h>

#include <iomanip>
#include <sstream>
#include <string>

using namespace mb;

TEST_CASE("core: parse_iso_date reads YYYY-MM-DD") {
  auto d = parse_iso_date("2021-11-26");
  REQUIRE(d);
  CHECK(d->year == 2021);
  CHECK(d->month == 11);
  CHECK(d->day == 26);
}

TEST_CASE("core: parse_iso_date refuses malformed text and impossible days") {
  for (const char* bad : {"", "2021-1-26", "2021/11/26", "26-11-2021", "2021-11-26 ", "2021-11-2x",
                          "2021-13-01", "2021-00-10", "2021-04-31", "2021-04-00", "2023-02-29",
                          "1900-02-29", "1899-12-31", "+021-11-26"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_iso_date(bad));
  }
}

TEST_CASE("core: parse_iso_date follows the Gregorian leap-year rule") {
  CHECK(parse_iso_date("2024-02-29"));
  CHECK(parse_iso_date("2000-02-29"));
  CHECK_FALSE(parse_iso_date("2100-02-29"));
}

TEST_CASE("core: days_in_month") {
  CHECK(days_in_month(2023, 1) == 31);
  CHECK(days_in_month(2023, 2) == 28);
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(1900, 2) == 28);
  CHECK(days_in_month(2000, 2) == 29);
  CHECK(days_in_month(2023, 6) == 30);
  CHECK(days_in_month(2023, 12) == 31);
  CHECK(days_in_month(2023, 0) == 0);
  CHECK(days_in_month(2023, 13) == 0);
}

TEST_CASE("core: to_iso pads and round-trips; dates order by calendar") {
  CHECK(to_iso(Date{2023, 6, 3}) == "2023-06-03");
  CHECK(to_iso(*parse_iso_date("1999-12-31")) == "1999-12-31");
  CHECK(Date{2023, 1, 31} < Date{2023, 2, 1});
  CHECK(Date{2022, 12, 31} < Date{2023, 1, 1});
  CHECK(Date{2023, 6, 30} == *parse_iso_date("2023-06-30"));
}

TEST_CASE("core: parse_partial_date reads a full date, a month or a year") {
  auto day = parse_partial_date("2023-05-26");
  REQUIRE(day);
  CHECK(*day == Date{2023, 5, 26});
  CHECK_FALSE(day->partial());
  auto month = parse_partial_date("2023-05");
  REQUIRE(month);
  CHECK(*month == Date{2023, 5, 0});
  CHECK(month->partial());
  auto year = parse_partial_date("2024");
  REQUIRE(year);
  CHECK(*year == Date{2024, 0, 0});
  CHECK(year->partial());
}

TEST_CASE("core: parse_partial_date refuses malformed text, impossible months and days") {
  for (const char* bad : {"", "23", "202", "20234", "2023-5", "2023-13", "2023-00", "2023/05", "2023-05-", "2023-5-26",
                          "2023-02-30", "1899", "1899-12", "abcd", "2023-0x", "-2023", "2023-05-26T00"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_partial_date(bad));
  }
}

// to_iso writes most dates without snprintf: the same text as printf's
// "%04d-%02d-%02d" (or its shorter forms) for any date, in range or not,
// here zero-padded by a stream after the sign, as printf pads.
TEST_CASE("core: to_iso writes what snprintf wrote") {
  auto printf_iso = [](const Date& d) {
    std::ostringstream out;
    out << std::setfill('0') << std::internal << std::setw(4) << d.year;
    if (d.month != 0) out << '-' << std::setw(2) << d.month;
    if (d.month != 0 && d.day != 0) out << '-' << std::setw(2) << d.day;
    return out.str();
  };
  for (int year : {-12, -1, 0, 7, 99, 999, 1000, 2024, 9999, 10000, 123456})
    for (int month : {-1, 0, 1, 9, 10, 12, 13, 99, 100})
      for (int day : {-3, 0, 1, 9, 10, 31, 32, 99, 100}) {
        const Date d{year, month, day};
        CHECK_MESSAGE(to_iso(d) == printf_iso(d), year << "-" << month << "-" << day);
      }
}

TEST_CASE("core: to_iso writes a partial date as far as it goes") {
  CHECK(to_iso(*parse_partial_date("2023-05")) == "2023-05");
  CHECK(to_iso(*parse_partial_date("2024")) == "2024");
  CHECK(to_iso(*parse_partial_date("2023-05-26")) == "2023-05-26");
  CHECK(to_iso(Date{2023, 1, 0}) == "2023-01");
}

TEST_CASE("core: last_day is the last day a partial date may stand for") {
  CHECK(last_day(Date{2023, 5, 0}) == Date{2023, 5, 31});
  CHECK(last_day(Date{2023, 6, 0}) == Date{2023, 6, 30});
  CHECK(last_day(Date{2024, 2, 0}) == Date{2024, 2, 29});
  CHECK(last_day(Date{2023, 2, 0}) == Date{2023, 2, 28});
  CHECK(last_day(Date{2024, 0, 0}) == Date{2024, 12, 31});
  CHECK(last_day(Date{2023, 5, 26}) == Date{2023, 5, 26});  // a full date is its own last day
  // Partial dates order by their first day; compare last days to ask "before".
  CHECK(Date{2023, 5, 0} < Date{2023, 5, 1});
  CHECK_FALSE(last_day(Date{2023, 5, 0}) < Date{2023, 5, 31});
}
