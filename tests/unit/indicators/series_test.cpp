#include "indicators/series.hpp"

#include <doctest/doctest.h>

#include "indicators_fixture.hpp"

using namespace mb;
using test::indicator_report;
using test::kPath;
using test::one_report;

namespace {

std::string report_dir(const std::string& locality) { return "content/localities/" + locality + "/reports/"; }

// "locality/slug" of each observation, in series order.
std::vector<std::string> order(const indicators::Series& s) {
  std::vector<std::string> out;
  for (const indicators::Observation& o : s.observations) out.push_back(o.locality->page->locality + "/" + o.report->slug);
  return out;
}

}  // namespace

TEST_CASE("indicators: every catalogue indicator has a series, in catalogue order, even without values") {
  auto s = one_report(indicator_report("  citizen_receptions: 7\n"));
  CHECK(s->diags.empty());
  std::vector<std::string> ids;
  for (const indicators::Series& series : s->ind.series) ids.push_back(series.def->id);
  CHECK(ids == std::vector<std::string>{"petitions_received", "petitions_resolved_rate", "petitions_resolved",
                                        "open_petitions_rate", "citizen_receptions", "dossiers_online",
                                        "satisfaction_rate", "budget_balance"});
  CHECK(s->series("dossiers_online").observations.empty());
  CHECK(s->ind.find("trees_planted") == nullptr);
  REQUIRE(s->ind.find("citizen_receptions") != nullptr);
  CHECK(s->ind.find("citizen_receptions")->def == s->site.catalogue.indicator("citizen_receptions"));
}

TEST_CASE("indicators: a stated value becomes an observation with its note, offset, report and locality") {
  const std::string text = indicator_report("  satisfaction_rate: {value: 98, note: trên}\n  citizen_receptions: 7\n");
  auto s = one_report(text);
  CHECK(s->diags.empty());
  const auto& obs = s->series("satisfaction_rate").observations;
  REQUIRE(obs.size() == 1);
  const indicators::Observation& o = obs[0];
  REQUIRE(o.value);
  CHECK(*o.value == 98);
  CHECK(o.note == "trên");
  CHECK_FALSE(o.derived);
  CHECK(o.offset == text.find("98, note"));
  CHECK(o.report == s->site.find(content::Kind::report, "truong-thi", "r"));
  CHECK(o.locality == s->site.locality("truong-thi"));
  CHECK(o.kind() == "annual");
  CHECK(o.from() == Date{2023, 1, 1});
  CHECK(o.to() == Date{2023, 12, 31});
  const auto& receptions = s->series("citizen_receptions").observations;
  REQUIRE(receptions.size() == 1);
  CHECK(receptions[0].offset == text.find("7\n"));
  CHECK(receptions[0].note.empty());
}

TEST_CASE("indicators: a breakdown-only value has no overall value and keeps its items in order") {
  auto s = one_report(indicator_report("  satisfaction_rate:\n    breakdown: {land: 50, justice: 14.29}\n"));
  CHECK(s->diags.empty());
  const auto& obs = s->series("satisfaction_rate").observations;
  REQUIRE(obs.size() == 1);
  CHECK_FALSE(obs[0].value);
  CHECK(obs[0].breakdown == std::vector<std::pair<std::string, double>>{{"land", 50}, {"justice", 14.29}});
}

TEST_CASE("indicators: derived values are computed from the report's stated values, through other formulas") {
  auto s = one_report(indicator_report("  petitions_received: 572\n  petitions_resolved: 409\n"));
  CHECK(s->diags.empty());
  const auto& rate = s->series("petitions_resolved_rate").observations;
  REQUIRE(rate.size() == 1);
  CHECK(rate[0].derived);
  REQUIRE(rate[0].value);
  CHECK(*rate[0].value == doctest::Approx(409.0 / 572.0 * 100));
  CHECK(rate[0].report == s->site.find(content::Kind::report, "truong-thi", "r"));
  CHECK(rate[0].note.empty());
  // open_petitions_rate = 100 - petitions_resolved_rate, itself derived.
  const auto& open = s->series("open_petitions_rate").observations;
  REQUIRE(open.size() == 1);
  CHECK(open[0].derived);
  CHECK(*open[0].value == doctest::Approx(100 - 409.0 / 572.0 * 100));
  // The inputs stay stated values.
  REQUIRE(s->series("petitions_received").observations.size() == 1);
  CHECK_FALSE(s->series("petitions_received").observations[0].derived);
}

TEST_CASE("indicators: a stated derived value is kept as stated, not computed again") {
  auto s = one_report(indicator_report("  petitions_received: 572\n  petitions_resolved: 409\n"
                                       "  petitions_resolved_rate: 71.5\n"));
  CHECK(s->diags.empty());
  const auto& rate = s->series("petitions_resolved_rate").observations;
  REQUIRE(rate.size() == 1);
  CHECK_FALSE(rate[0].derived);
  CHECK(*rate[0].value == 71.5);
  // Formulas over it use the stated figure.
  const auto& open = s->series("open_petitions_rate").observations;
  REQUIRE(open.size() == 1);
  CHECK(*open[0].value == doctest::Approx(28.5));
}

TEST_CASE("indicators: nothing is derived when an input is missing or a divisor is zero") {
  auto missing = one_report(indicator_report("  petitions_resolved: 3\n"));
  CHECK(missing->series("petitions_resolved_rate").observations.empty());
  CHECK(missing->series("open_petitions_rate").observations.empty());
  auto zero = one_report(indicator_report("  petitions_received: 0\n  petitions_resolved: 0\n"));
  CHECK(zero->diags.empty());
  CHECK(zero->series("petitions_resolved_rate").observations.empty());
  CHECK(zero->series("open_petitions_rate").observations.empty());
}

TEST_CASE("indicators: observations are sorted by locality slug, then period end, then report slug") {
  auto report = [](const std::string& value, const std::string& kind, const std::string& from, const std::string& to) {
    return indicator_report("  citizen_receptions: " + value + "\n", kind, from, to);
  };
  auto s = test::build_indicators({
      {report_dir("truong-thi") + "2023.vi.md", report("5", "annual", "2023-01-01", "2023-12-31")},
      {"content/localities/a-luoi/_index.vi.md", test::locality_vi("Xã A Lưới")},
      {report_dir("a-luoi") + "2023.vi.md", report("6", "annual", "2023-01-01", "2023-12-31")},
      {report_dir("truong-thi") + "2022.vi.md", report("4", "annual", "2022-01-01", "2022-12-31")},
      {report_dir("truong-thi") + "2023-b-thematic.vi.md", report("5", "thematic", "2023-03-01", "2023-12-31")},
      {report_dir("a-luoi") + "2023-h1.vi.md", report("3", "semiannual", "2023-01-01", "2023-06-30")},
  });
  CHECK(s->diags.empty());
  const indicators::Series& series = s->series("citizen_receptions");
  CHECK(order(series) == std::vector<std::string>{"a-luoi/2023-h1", "a-luoi/2023", "truong-thi/2022",
                                                  "truong-thi/2023", "truong-thi/2023-b-thematic"});
  const model::Locality* a_luoi = s->site.locality("a-luoi");
  REQUIRE(a_luoi);
  std::vector<const indicators::Observation*> of = s->ind.of("citizen_receptions", *a_luoi);
  REQUIRE(of.size() == 2);
  CHECK(of[0]->report->slug == "2023-h1");
  CHECK(*of[0]->value == 3);
  CHECK(of[1]->report->slug == "2023");
  CHECK(*of[1]->value == 6);
  CHECK(s->ind.of("dossiers_online", *a_luoi).empty());
  CHECK(s->ind.of("no_such_indicator", *a_luoi).empty());
}

TEST_CASE("indicators: derived observations are sorted with the stated ones of their series") {
  auto s = test::build_indicators({
      {report_dir("truong-thi") + "2023.vi.md",
       indicator_report("  petitions_received: 10\n  petitions_resolved: 5\n", "annual", "2023-01-01", "2023-12-31")},
      {report_dir("truong-thi") + "2022.vi.md",
       indicator_report("  petitions_received: 10\n  petitions_resolved: 9\n  petitions_resolved_rate: 90\n", "annual",
                        "2022-01-01", "2022-12-31")},
  });
  CHECK(s->diags.empty());
  const indicators::Series& rate = s->series("petitions_resolved_rate");
  CHECK(order(rate) == std::vector<std::string>{"truong-thi/2022", "truong-thi/2023"});
  REQUIRE(rate.observations.size() == 2);
  CHECK_FALSE(rate.observations[0].derived);
  CHECK(*rate.observations[0].value == 90);
  CHECK(rate.observations[1].derived);
  CHECK(*rate.observations[1].value == doctest::Approx(50));
}
