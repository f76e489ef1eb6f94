#include "indicators/checks.hpp"

#include <doctest/doctest.h>

#include "indicators_fixture.hpp"

using namespace mb;
using test::indicator_report;
using test::kPath;
using test::one_report;

namespace {

// Diagnostics of indicators::build for one annual report of 2023 stating `indicators`.
std::string errors_of(const std::string& indicators) { return test::all_text(one_report(indicator_report(indicators))->diags); }

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  if (from.empty()) return s;
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

}  // namespace

TEST_CASE("indicators: values within their bounds, units and breakdowns pass") {
  CHECK(errors_of("  satisfaction_rate: {value: 98, note: trên, unit: percent}\n"
                  "  citizen_receptions: {value: 0, unit: lượt}\n"
                  "  dossiers_online: {value: 409, unit: hồ sơ}\n"
                  "  budget_balance: -50\n"
                  "  petitions_received: 5\n  petitions_resolved: 5\n") == "");
  CHECK(errors_of("  satisfaction_rate: {value: 100, unit: \"%\"}\n  budget_balance: 50\n") == "");
  CHECK(errors_of("  dossiers_online: {value: 409, unit: dossiers}\n") == "");  // the English unit
  CHECK(errors_of("  satisfaction_rate: {breakdown: {justice: 14.29, land: 0}}\n") == "");
}

TEST_CASE("indicators: a percentage of 120, a negative count and a value past min/max are out of range") {
  CHECK(errors_of("  satisfaction_rate: 120\n  citizen_receptions: -5\n  budget_balance: -60\n") ==
        kPath + ":9:3: error: 'satisfaction_rate' is 120, outside its possible range (0 to 100)\n"
                "  9 |   satisfaction_rate: 120\n"
                "    |   ^~~~~~~~~~~~~~~~~\n"
                "  hint: a percentage is between 0 and 100\n" +
            kPath + ":10:3: error: 'citizen_receptions' is -5, outside its possible range (at least 0)\n"
                    "  10 |   citizen_receptions: -5\n"
                    "     |   ^~~~~~~~~~~~~~~~~~\n"
                    "  hint: check the figure against the report\n" +
            kPath + ":11:3: error: 'budget_balance' is -60, outside its possible range (-50 to 50)\n"
                    "  11 |   budget_balance: -60\n"
                    "     |   ^~~~~~~~~~~~~~\n"
                    "  hint: check the figure against the report\n");
  CHECK(errors_of("  satisfaction_rate: -0.5\n  budget_balance: 50.5\n") ==
        kPath + ":9:3: error: 'satisfaction_rate' is -0.5, outside its possible range (0 to 100)\n"
                "  9 |   satisfaction_rate: -0.5\n"
                "    |   ^~~~~~~~~~~~~~~~~\n"
                "  hint: a percentage is between 0 and 100\n" +
            kPath + ":10:3: error: 'budget_balance' is 50.5, outside its possible range (-50 to 50)\n"
                    "  10 |   budget_balance: 50.5\n"
                    "     |   ^~~~~~~~~~~~~~\n"
                    "  hint: check the figure against the report\n");
}

TEST_CASE("indicators: a unit other than the catalogue's is an error at the unit") {
  CHECK(errors_of("  dossiers_online: {value: 409, unit: lượt}\n") ==
        kPath + ":9:39: error: unit 'lượt' does not match indicator 'dossiers_online', measured in hồ sơ\n"
                "  9 |   dossiers_online: {value: 409, unit: lượt}\n"
                "    |                                       ^~~~\n"
                "  hint: convert the figure to hồ sơ, or use the indicator that counts lượt\n");
  std::string text = errors_of("  satisfaction_rate: {value: 98, unit: điểm}\n");
  CHECK(text.find("error: unit 'điểm' does not match indicator 'satisfaction_rate', measured in percent\n") !=
        std::string::npos);
  CHECK(text.find("hint: convert the figure to percent, or use the indicator that counts điểm\n") != std::string::npos);
}

TEST_CASE("indicators: breakdown items must belong to the indicator's dimension, within bounds") {
  CHECK(errors_of("  satisfaction_rate:\n    breakdown: {justise: 90, health: 80, land: 120}\n") ==
        kPath + ":10:17: error: 'justise' is not an item of 'service-field'\n"
                "  10 |     breakdown: {justise: 90, health: 80, land: 120}\n"
                "     |                 ^~~~~~~\n"
                "  hint: did you mean 'justice'?\n" +
            kPath + ":10:30: error: 'health' is not an item of 'service-field'\n"
                    "  10 |     breakdown: {justise: 90, health: 80, land: 120}\n"
                    "     |                              ^~~~~~\n"
                    "  hint: the items are defined under breakdowns.service-field.items in data/indicators.yaml\n" +
            kPath + ":10:42: error: 'satisfaction_rate.land' is 120, outside its possible range (0 to 100)\n"
                    "  10 |     breakdown: {justise: 90, health: 80, land: 120}\n"
                    "     |                                          ^~~~\n"
                    "  hint: a percentage is between 0 and 100\n");
}

TEST_CASE("indicators: a breakdown of an indicator that has no breakdown dimension is an error") {
  CHECK(errors_of("  citizen_receptions: {value: 7, breakdown: {justice: 3, land: 4}}\n") ==
        kPath + ":9:46: error: indicator 'citizen_receptions' has no breakdown in the catalogue\n"
                "  9 |   citizen_receptions: {value: 7, breakdown: {justice: 3, land: 4}}\n"
                "    |                                              ^~~~~~~\n"
                "  hint: give it 'breakdown: <dimension>' in data/indicators.yaml\n");
}

TEST_CASE("indicators: a part larger than its whole is an error") {
  CHECK(errors_of("  petitions_received: 5\n  petitions_resolved: 9\n") ==
        kPath + ":10:3: error: 'petitions_resolved' (9) is larger than 'petitions_received' (5), of which it is a "
                "part\n"
                "  10 |   petitions_resolved: 9\n"
                "     |   ^~~~~~~~~~~~~~~~~~\n"
                "  hint: check both figures against the report\n");
  CHECK(errors_of("  petitions_resolved: 9\n") == "");  // no whole to compare with
}

TEST_CASE("indicators: a stated derived value must agree with its formula within rounding") {
  // 409 / 572 × 100 = 71.503…: 71.5 (±0.05) and 72 (±0.5) agree; 71.6 and 71 do not.
  const std::string inputs = "  petitions_received: 572\n  petitions_resolved: 409\n";
  CHECK(errors_of(inputs + "  petitions_resolved_rate: 71.5\n") == "");
  CHECK(errors_of(inputs + "  petitions_resolved_rate: 72\n") == "");
  CHECK(errors_of(inputs + "  petitions_resolved_rate: 71.6\n") ==
        kPath + ":11:3: error: 'petitions_resolved_rate' is stated as 71.6 but petitions_resolved / "
                "petitions_received * 100 gives 71.5\n"
                "  11 |   petitions_resolved_rate: 71.6\n"
                "     |   ^~~~~~~~~~~~~~~~~~~~~~~\n"
                "  hint: one of the figures is wrong; check them against the report\n");
  CHECK(errors_of(inputs + "  petitions_resolved_rate: 71\n").find(
            "error: 'petitions_resolved_rate' is stated as 71 but petitions_resolved / petitions_received * 100 "
            "gives 71.5\n") != std::string::npos);
  CHECK(errors_of("  petitions_received: 4\n  petitions_resolved: 3\n  petitions_resolved_rate: 80\n") ==
        kPath + ":11:3: error: 'petitions_resolved_rate' is stated as 80 but petitions_resolved / "
                "petitions_received * 100 gives 75\n"
                "  11 |   petitions_resolved_rate: 80\n"
                "     |   ^~~~~~~~~~~~~~~~~~~~~~~\n"
                "  hint: one of the figures is wrong; check them against the report\n");
  // A formula over another derived value; inputs missing or a zero divisor leave nothing to compare.
  CHECK(errors_of("  petitions_received: 4\n  petitions_resolved: 3\n  open_petitions_rate: 25\n") == "");
  CHECK(errors_of("  petitions_received: 4\n  petitions_resolved: 3\n  open_petitions_rate: 30\n")
            .find("error: 'open_petitions_rate' is stated as 30 but 100 - petitions_resolved_rate gives 25\n") !=
        std::string::npos);
  CHECK(errors_of("  petitions_resolved_rate: 80\n") == "");
  CHECK(errors_of("  petitions_received: 0\n  petitions_resolved: 0\n  petitions_resolved_rate: 80\n") == "");
}

TEST_CASE("indicators: a report dated before its period ends is an error; a partial date stands for its last day") {
  auto dated = [](const std::string& date, const std::string& to) {
    return test::all_text(one_report(indicator_report("", "thematic", "2023-01-01", to, "date: " + date + "\n"))->diags);
  };
  CHECK(dated("2023-05-15", "2023-06-30") ==
        kPath + ":8:7: error: the report is dated 2023-05-15, before its period ends (2023-06-30)\n"
                "  8 | date: 2023-05-15\n"
                "    |       ^~~~~~~~~~\n"
                "  hint: a report cannot state results for days after its date: check the date and period.to\n");
  CHECK(dated("2023-05", "2023-06-30") ==
        kPath + ":8:7: error: the report is dated 2023-05, before its period ends (2023-06-30)\n"
                "  8 | date: 2023-05\n"
                "    |       ^~~~~~~\n"
                "  hint: a report cannot state results for days after its date: check the date and period.to\n");
  CHECK(dated("2023-05", "2023-05-31") == "");
  CHECK(dated("2023-05-31", "2023-05-31") == "");
  CHECK(dated("2023", "2023-12-31") == "");
  CHECK(dated("2023-06-01", "2023-05-31") == "");
}

TEST_CASE("indicators: check_catalogue reports bad formulas and part_of at their position in the catalogue") {
  auto check = [](const std::string& from, const std::string& to, std::map<std::string, indicators::Formula>* out = nullptr) {
    content::Catalogue c = test::indicator_catalogue(replace_all(test::indicator_catalogue_yaml(), from, to));
    Diagnostics diags;
    std::map<std::string, indicators::Formula> formulas = indicators::check_catalogue(c, diags);
    if (out) *out = formulas;
    return test::all_text(diags);
  };
  std::map<std::string, indicators::Formula> formulas;
  CHECK(check("", "", &formulas) == "");
  CHECK(formulas.size() == 2);
  CHECK(formulas.count("petitions_resolved_rate") == 1);
  CHECK(formulas.count("open_petitions_rate") == 1);

  CHECK(check("/ petitions_received", "/ petitions_recieved", &formulas) ==
        "data/indicators.yaml:23:35: error: the formula of 'petitions_resolved_rate' uses unknown indicator "
        "'petitions_recieved'\n"
        "  23 |     derived: petitions_resolved / petitions_recieved * 100\n"
        "     |                                   ^~~~~~~~~~~~~~~~~~\n"
        "  hint: did you mean 'petitions_received'?\n");
  CHECK(formulas.count("petitions_resolved_rate") == 0);
  CHECK(check("petitions_received * 100", "population * 100").find(
            "hint: formulas use ids from this file\n") != std::string::npos);
  CHECK(check("petitions_resolved / petitions_received * 100", "petitions_resolved /") ==
        "data/indicators.yaml:23:34: error: formula of 'petitions_resolved_rate': the formula ends where a value "
        "was expected\n"
        "  23 |     derived: petitions_resolved /\n"
        "     |                                  ^\n"
        "  hint: write ids, numbers, + - * / and parentheses, e.g. petitions_resolved / petitions_received * 100\n");
  CHECK(check("petitions_received * 100", "petitions_received % 100").find(
            "data/indicators.yaml:23:54: error: formula of 'petitions_resolved_rate': unexpected '%'\n") !=
        std::string::npos);
  CHECK(check("petitions_resolved / petitions_received * 100", "petitions_resolved_rate + 1")
            .find("data/indicators.yaml:23:14: error: the formula of 'petitions_resolved_rate' uses itself\n") !=
        std::string::npos);
  CHECK(check("part_of: petitions_received", "part_of: petitions_recieved") ==
        "data/indicators.yaml:30:14: error: 'part_of' names unknown indicator 'petitions_recieved'\n"
        "  30 |     part_of: petitions_recieved\n"
        "     |              ^~~~~~~~~~~~~~~~~~\n"
        "  hint: did you mean 'petitions_received'?\n");
}

TEST_CASE("indicators: catalogue errors come out of indicators::build too") {
  content::Catalogue c = test::indicator_catalogue(
      replace_all(test::indicator_catalogue_yaml(), "/ petitions_received", "/ petitions_recieved"));
  auto s = test::build_indicators({{kPath, indicator_report("  petitions_received: 4\n  petitions_resolved: 3\n")}},
                                  std::move(c));
  REQUIRE(s->diags.all().size() == 1);
  CHECK(s->diags.all()[0].path == "data/indicators.yaml");
  CHECK(s->diags.all()[0].line == 23);
  CHECK(s->diags.all()[0].column == 35);
  // The formula that failed computes nothing.
  CHECK(s->series("petitions_resolved_rate").observations.empty());
  CHECK(s->series("open_petitions_rate").observations.empty());
}

TEST_CASE("indicators: a 10x jump between two reports of the same kind is a warning") {
  const std::string r2022 = "content/localities/truong-thi/reports/2022.vi.md";
  const std::string r2023 = "content/localities/truong-thi/reports/2023.vi.md";
  auto jump = [&](const std::string& kind2023, const std::string& before, const std::string& after) {
    auto s = test::build_indicators(
        {{r2022, indicator_report("  citizen_receptions: " + before + "\n", "annual", "2022-01-01", "2022-12-31")},
         {r2023, indicator_report("  citizen_receptions: " + after + "\n", kind2023, "2023-01-01", "2023-12-31")}});
    CHECK(s->diags.error_count() == 0);
    return test::all_text(s->diags);
  };
  CHECK(jump("annual", "7", "700") ==
        r2023 + ":9:23: warning: 'citizen_receptions' changes from 7 to 700 since the previous annual report, more "
                "than 10×\n"
                "  9 |   citizen_receptions: 700\n"
                "    |                       ^\n"
                "  hint: check both figures; if they are right, this warning can stay\n");
  CHECK(jump("annual", "700", "7").find("warning: 'citizen_receptions' changes from 700 to 7 since the previous "
                                        "annual report, more than 10×") != std::string::npos);
  CHECK(jump("annual", "7", "71") != "");
  CHECK(jump("annual", "7", "70") == "");  // exactly 10×
  CHECK(jump("annual", "0", "700") == "");
  CHECK(jump("thematic", "7", "700") == "");  // reports of different kinds are not compared
}

// The previous report of the same kind is compared, even when a report of
// another kind comes between them.
TEST_CASE("indicators: a half-year report between two annual ones does not hide a 10x jump") {
  auto s = test::build_indicators(
      {{"content/localities/truong-thi/reports/2022.vi.md",
        indicator_report("  citizen_receptions: 7\n", "annual", "2022-01-01", "2022-12-31")},
       {"content/localities/truong-thi/reports/2023-h1.vi.md",
        indicator_report("  citizen_receptions: 50\n", "semiannual", "2023-01-01", "2023-06-30")},
       {"content/localities/truong-thi/reports/2023.vi.md",
        indicator_report("  citizen_receptions: 700\n", "annual", "2023-01-01", "2023-12-31")}});
  CHECK(s->diags.warning_count() == 1);
  CHECK(test::all_text(s->diags).find("changes from 7 to 700 since the previous annual report") != std::string::npos);
}

// An id is found as a whole token of the formula: "petitions" is not the
// start of "petitions_resolved"; a quoted formula points past its quote.
TEST_CASE("indicators: an unknown id in a formula is reported where it stands, quoted or not") {
  auto check = [](const std::string& from, const std::string& to) {
    content::Catalogue c = test::indicator_catalogue(replace_all(test::indicator_catalogue_yaml(), from, to));
    Diagnostics diags;
    indicators::check_catalogue(c, diags);
    return diags.all().empty() ? std::pair<int, int>{0, 0} : std::pair<int, int>{diags.all()[0].line, diags.all()[0].column};
  };
  CHECK(check("/ petitions_received", "/ petitions") == std::pair<int, int>{23, 35});
  CHECK(check("derived: petitions_resolved / petitions_received * 100",
              "derived: \"petitions_resolved / petitions_recieved * 100\"") == std::pair<int, int>{23, 36});
}

TEST_CASE("indicators: reports of different localities are not compared") {
  auto s = test::build_indicators(
      {{"content/localities/a-luoi/_index.vi.md", test::locality_vi("Xã A Lưới")},
       {"content/localities/a-luoi/reports/2023.vi.md", indicator_report("  citizen_receptions: 7\n")},
       {"content/localities/truong-thi/reports/2023.vi.md", indicator_report("  citizen_receptions: 700\n")}});
  CHECK(s->diags.empty());
}

TEST_CASE("indicators: rounding_tolerance is half a unit of the last decimal shown") {
  CHECK(indicators::rounding_tolerance(98) == doctest::Approx(0.5));
  CHECK(indicators::rounding_tolerance(71.5) == doctest::Approx(0.05));
  CHECK(indicators::rounding_tolerance(0.84) == doctest::Approx(0.005));
  CHECK(indicators::rounding_tolerance(-14.29) == doctest::Approx(0.005));
  CHECK(indicators::rounding_tolerance(100) == doctest::Approx(0.5));
  CHECK(indicators::rounding_tolerance(71.5) < 0.051);
  CHECK(indicators::rounding_tolerance(71.5) >= 0.05);
}
