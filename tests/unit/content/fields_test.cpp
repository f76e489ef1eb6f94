#include <doctest/doctest.h>

#include "content/fields.hpp"
#include "content/parse.hpp"
#include "test_util.hpp"

using namespace mb;
using namespace mb::content;
using mb::test::all_text;

namespace {

struct Doc {
  SourceFile file;
  Diagnostics diags;
  yaml::Node root;
  explicit Doc(std::string text) : file("x.vi.md", std::move(text)) {
    REQUIRE(yaml::parse(file, 0, file.text().size(), root, diags));
  }
  yaml::Reader reader() { return yaml::Reader{file, diags}; }
  const yaml::Node& at(const char* key) {
    const yaml::Node* n = root.find(key);
    REQUIRE(n);
    return *n;
  }
};

}  // namespace

TEST_CASE("content: is_valid_id accepts snake_case ids") {
  for (const char* good : {"citizen_receptions", "length_m", "a", "x2", "q3_2023"}) {
    CAPTURE(good);
    CHECK(is_valid_id(good));
  }
  for (const char* bad : {"", "_a", "a_", "a__b", "2023_x", "Citizen", "a-b", "a b", "đ"}) {
    CAPTURE(bad);
    CHECK_FALSE(is_valid_id(bad));
  }
}

TEST_CASE("content: a quantity is a plain number or {value, note}") {
  Doc d("a: 14000\nb: {value: 14000, note: hơn}\nc:\n  value: 0.84\n");
  auto r = d.reader();
  auto a = read_quantity(r, d.at("a"), "a");
  REQUIRE(a);
  CHECK(a->value == 14000);
  CHECK(a->note.empty());
  auto b = read_quantity(r, d.at("b"), "b");
  REQUIRE(b);
  CHECK(b->value == 14000);
  CHECK(b->note == "hơn");
  auto c = read_quantity(r, d.at("c"), "c");
  REQUIRE(c);
  CHECK(c->value == 0.84);
  CHECK(d.diags.empty());
}

TEST_CASE("content: a quantity map without a value, or with an unknown key, is refused") {
  Doc d("a: {note: hơn}\nb: {value: 1, nte: x}\n");
  auto r = d.reader();
  CHECK_FALSE(read_quantity(r, d.at("a"), "a"));
  read_quantity(r, d.at("b"), "b");
  CHECK(all_text(d.diags) ==
        "x.vi.md:1:4: error: missing required key 'value' (the number itself)\n"
        "  1 | a: {note: hơn}\n"
        "    |    ^\n"
        "  hint: add 'value: ...' inside the braces\n"
        "x.vi.md:2:15: error: unknown key 'nte'\n"
        "  2 | b: {value: 1, nte: x}\n"
        "    |               ^~~\n"
        "  hint: did you mean 'note'?\n");
}

TEST_CASE("content: a quantity with a Vietnamese decimal comma is refused with a hint") {
  Doc d("population: {value: \"0,84\"}\nratio: 0,84\n");
  auto r = d.reader();
  CHECK_FALSE(read_quantity(r, d.at("population"), "population"));
  CHECK_FALSE(read_quantity(r, d.at("ratio"), "ratio"));
  REQUIRE(d.diags.error_count() == 2);
  CHECK(d.diags.all()[0].message == "'population' must be a number, found '0,84'");
  CHECK(format_diagnostic(d.diags.all()[1]) ==
        "x.vi.md:2:8: error: 'ratio' must be a number, found '0,84'\n"
        "  2 | ratio: 0,84\n"
        "    |        ^~~~\n"
        "  hint: write numbers with '.' as the decimal mark and no thousands separators, e.g. 0.84 "
        "or 14000\n");
}

TEST_CASE("content: a count must be whole, and a dotted count is refused as ambiguous") {
  Doc d("a: 4075\nb: 4.075\nc: {value: 1.5, note: hơn}\n");
  auto r = d.reader();
  CHECK(read_count(r, d.at("a"), "households")->value == 4075);
  CHECK_FALSE(read_count(r, d.at("b"), "households"));
  CHECK_FALSE(read_count(r, d.at("c"), "population"));
  CHECK(all_text(d.diags) ==
        "x.vi.md:2:4: error: 'households' is written '4.075', which could mean 4075 or a decimal\n"
        "  2 | b: 4.075\n"
        "    |    ^~~~~\n"
        "  hint: write 4075 for the whole number (no thousands separators), or drop the trailing zeros of a "
        "decimal\n"
        "x.vi.md:3:12: error: 'population' counts people or households and must be a whole number, found "
        "'1.5'\n"
        "  3 | c: {value: 1.5, note: hơn}\n"
        "    |            ^~~\n"
        "  hint: check the figure against the report\n");
}

// Found by fuzz_front_matter: the whole-number check cast the value to long
// long, undefined behaviour for 2^63 and beyond (UBSan: float-cast-overflow).
TEST_CASE("content: a count too large to be exact is refused, not converted") {
  Doc d("a: 9223372036854775808\nb: 1e300\nc: -1e19\nd: 9000000000000000\n");
  auto r = d.reader();
  CHECK_FALSE(read_count(r, d.at("a"), "households"));
  CHECK_FALSE(read_count(r, d.at("b"), "households"));
  CHECK_FALSE(read_count(r, d.at("c"), "population"));
  CHECK(read_count(r, d.at("d"), "population")->value == 9e15);
  REQUIRE(d.diags.error_count() == 3);
  CHECK(d.diags.all()[0].message ==
        "'households' counts people or households and must be a whole number, found '9223372036854775808'");
}

TEST_CASE("content: a quantity map keeps order and positions, and refuses bad ids") {
  Doc d("indicators:\n  citizen_receptions: 120\n  Bad-Id: 3\n  petitions_resolved: {value: 40, note: gần}\n");
  auto r = d.reader();
  QuantityMap m = read_quantity_map(r, d.at("indicators"), "indicators");
  REQUIRE(m.size() == 2);
  CHECK(m[0].first.value == "citizen_receptions");
  CHECK(m[0].first.offset == d.file.text().find("citizen_receptions"));
  CHECK(m[0].second.value == 120);
  CHECK(m[1].first.value == "petitions_resolved");
  CHECK(m[1].second.note == "gần");
  CHECK(all_text(d.diags) ==
        "x.vi.md:3:3: error: 'Bad-Id' is not a valid id\n"
        "  3 |   Bad-Id: 3\n"
        "    |   ^~~~~~\n"
        "  hint: ids are lower-case ASCII words joined by '_', e.g. citizen_receptions\n");
}

TEST_CASE("content: a quantity map that is a list is refused; an empty one is empty") {
  Doc d("a: [1, 2]\nb:\n");
  auto r = d.reader();
  CHECK(read_quantity_map(r, d.at("a"), "indicators").empty());
  CHECK(read_quantity_map(r, d.at("b"), "indicators").empty());
  REQUIRE(d.diags.error_count() == 1);
  CHECK(d.diags.all()[0].message == "'indicators' must be a map of key: value pairs, found a list");
}

// Through parse_document: the readers for each kind, as a content file meets them.
namespace {

struct Parsed {
  std::optional<Document> doc;
  Diagnostics diags;
};

const char* kReportHead =
    "---\ntitle: R\nkind: annual\nnumber: \"\"\nissuer: UBND\nsigner: {name: A, title: B}\n";

Parsed parse(const std::string& path, const std::string& text) {
  Parsed out;
  auto place = classify(path, out.diags);
  REQUIRE(place);
  out.doc = parse_document(test::source(path, text), *place, out.diags);
  return out;
}

Parsed report(const std::string& more) {
  return parse("content/localities/a/reports/r.vi.md", kReportHead + more + "---\n");
}

}  // namespace

TEST_CASE("content: a report whose period ends before it starts is an error at 'to'") {
  Parsed p = report("period:\n  from: 2023-12-31\n  to: 2023-01-01\n");
  CHECK_FALSE(p.doc);
  CHECK(all_text(p.diags) ==
        "content/localities/a/reports/r.vi.md:9:7: error: the period ends (2023-01-01) before it starts (2023-12-31)\n"
        "  9 |   to: 2023-01-01\n"
        "    |       ^~~~~~~~~~\n"
        "  hint: check whether 'from' and 'to' are swapped; both are written YYYY-MM-DD\n");
}

TEST_CASE("content: a period needs from and to, as dates, and nothing else") {
  Parsed p = report("period: {from: 2023-01-01, till: 2023-12-31}\n");
  CHECK_FALSE(p.doc);
  REQUIRE(p.diags.error_count() == 2);
  CHECK(p.diags.all()[0].message == "unknown period key 'till'");
  CHECK(p.diags.all()[1].message == "missing required key 'to' (last day of the period, YYYY-MM-DD)");
  Parsed bad = report("period: {from: 01/01/2023, to: 2023-12-31}\n");
  REQUIRE(bad.diags.error_count() == 1);
  CHECK(bad.diags.all()[0].message == "'period.from' must be a date written YYYY-MM-DD, found '01/01/2023'");
  CHECK(bad.diags.all()[0].hint == "for 26 November 2021 write 2021-11-26");
}

TEST_CASE("content: a report date may be blank, but not before its period") {
  Parsed blank = report("period: {from: 2023-01-01, to: 2023-12-31}\ndate:\n");
  CHECK(blank.diags.empty());
  REQUIRE(blank.doc);
  CHECK_FALSE(blank.doc->report.date);
  Parsed early = report("period: {from: 2023-01-01, to: 2023-12-31}\ndate: 2022-12-30\n");
  CHECK_FALSE(early.doc);
  CHECK(all_text(early.diags) ==
        "content/localities/a/reports/r.vi.md:8:7: error: the report is dated 2022-12-30, before its period starts "
        "(2023-01-01)\n"
        "  8 | date: 2022-12-30\n"
        "    |       ^~~~~~~~~~\n"
        "  hint: a report is signed after the period it covers: check 'date' and 'period'\n");
  Parsed impossible = report("period: {from: 2023-01-01, to: 2023-12-31}\ndate: 2023-02-30\n");
  REQUIRE(impossible.diags.error_count() == 1);
  CHECK(all_text(impossible.diags) ==
        "content/localities/a/reports/r.vi.md:8:7: error: 'date' must be a date written YYYY-MM-DD, YYYY-MM or "
        "YYYY, found '2023-02-30'\n"
        "  8 | date: 2023-02-30\n"
        "    |       ^~~~~~~~~~\n"
        "  hint: for 26 November 2021 write 2021-11-26; for a document dated only \"tháng 5 năm 2023\" write "
        "2023-05\n");
  Parsed month13 = report("period: {from: 2023-01-01, to: 2023-12-31}\ndate: 2023-13\n");
  REQUIRE(month13.diags.error_count() == 1);
  CHECK(month13.diags.all()[0].message == "'date' must be a date written YYYY-MM-DD, YYYY-MM or YYYY, found '2023-13'");
}

TEST_CASE("content: a report date may be partial, a month or a year") {
  Parsed month = report("period: {from: 2023-01-01, to: 2023-04-30}\ndate: 2023-05\n");
  CHECK_MESSAGE(month.diags.empty(), all_text(month.diags));
  REQUIRE(month.doc);
  REQUIRE(month.doc->report.date);
  CHECK(*month.doc->report.date == Date{2023, 5, 0});
  CHECK(month.doc->report.date_offset == month.doc->source->text().find("2023-05\n"));
  Parsed year = report("period: {from: 2023-01-01, to: 2023-12-31}\ndate: 2024\n");
  CHECK_MESSAGE(year.diags.empty(), all_text(year.diags));
  REQUIRE(year.doc);
  REQUIRE(year.doc->report.date);
  CHECK(*year.doc->report.date == Date{2024, 0, 0});
  // A month is before the period starts only when its last day is.
  Parsed same_month = report("period: {from: 2023-05-15, to: 2023-05-31}\ndate: 2023-05\n");
  CHECK(same_month.diags.empty());
  Parsed early = report("period: {from: 2023-05-01, to: 2023-12-31}\ndate: 2023-04\n");
  CHECK_FALSE(early.doc);
  REQUIRE(early.diags.error_count() == 1);
  CHECK(early.diags.all()[0].message == "the report is dated 2023-04, before its period starts (2023-05-01)");
}

TEST_CASE("content: an English signer may not repeat the name") {
  Parsed p = parse("content/localities/a/reports/r.en.md",
                   "---\ntitle: R\nsigner: {name: Nguyen Van A, title: Chairman}\n---\n");
  CHECK_FALSE(p.doc);
  CHECK(all_text(p.diags) ==
        "content/localities/a/reports/r.en.md:3:10: error: the signer's name is written once, in the "
        "Vietnamese file\n"
        "  3 | signer: {name: Nguyen Van A, title: Chairman}\n"
        "    |          ^~~~\n"
        "  hint: keep only 'title' (the translated position) here\n");
}

TEST_CASE("content: a Vietnamese signer needs a name and a title") {
  Parsed p = parse("content/localities/a/reports/r.vi.md",
                   "---\ntitle: R\nkind: annual\nnumber: \"\"\nissuer: UBND\nperiod: {from: 2023-01-01, "
                   "to: 2023-12-31}\nsigner: {title: CHỦ TỊCH}\n---\n");
  REQUIRE(p.diags.error_count() == 1);
  CHECK(p.diags.all()[0].message == "missing required key 'name' (who signed the report)");
  Parsed text = report("period: {from: 2023-01-01, to: 2023-12-31}\n");
  CHECK(text.diags.empty());  // the head's signer is a proper map
}

TEST_CASE("content: an attachment path may not leave the locality's files/ folder") {
  Parsed p = report("period: {from: 2023-01-01, to: 2023-12-31}\n"
                    "attachments:\n  - ../../b/files/x.pdf\n  - /etc/passwd\n  - a\\b.pdf\n  - ok.pdf\n");
  CHECK_FALSE(p.doc);
  REQUIRE(p.diags.error_count() == 3);
  CHECK(format_diagnostic(p.diags.all()[0]) ==
        "content/localities/a/reports/r.vi.md:9:5: error: attachment path '../../b/files/x.pdf' leaves the "
        "locality's files/ folder\n"
        "  9 |   - ../../b/files/x.pdf\n"
        "    |     ^~~~~~~~~~~~~~~~~~~\n"
        "  hint: write the path relative to files/, e.g. bao-cao-goc.pdf\n");
  CHECK(p.diags.all()[1].message == "attachment path '/etc/passwd' leaves the locality's files/ folder");
  CHECK(p.diags.all()[2].line == 11);
}

TEST_CASE("content: report initiatives must be slugs and kind must be known") {
  Parsed p = parse("content/localities/a/reports/r.vi.md",
                   "---\ntitle: R\nkind: anual\nnumber: \"\"\nissuer: UBND\nsigner: {name: A, title: B}\n"
                   "period: {from: 2023-01-01, to: 2023-12-31}\ninitiatives: [Tranh Bich Hoa]\n---\n");
  CHECK_FALSE(p.doc);
  REQUIRE(p.diags.error_count() == 2);
  CHECK(p.diags.all()[0].message ==
        "'kind' must be one of annual, semiannual, quarterly, five-year-review, ten-year-review, thematic, "
        "found 'anual'");
  CHECK(p.diags.all()[0].hint == "did you mean 'annual'?");
  CHECK(p.diags.all()[1].message == "'Tranh Bich Hoa' is not an initiative slug");
  CHECK(p.diags.all()[1].hint == "name the initiative by its file name without .vi.md");
}

TEST_CASE("content: an initiative's year, status and results are checked") {
  Parsed p = parse("content/localities/a/initiatives/x.vi.md",
                   "---\ntitle: X\nfield: urban\nyear: 1900\nstatus: complete\nresults: {length_m: 14.5.0}\n---\n");
  CHECK_FALSE(p.doc);
  REQUIRE(p.diags.error_count() == 3);
  CHECK(p.diags.all()[0].message == "'year' must be the year the initiative started, found 1900");
  CHECK(p.diags.all()[1].hint == "did you mean 'completed'?");
  CHECK(p.diags.all()[2].message == "'length_m' must be a number, found '14.5.0'");
  Parsed half = parse("content/localities/a/initiatives/x.vi.md",
                      "---\ntitle: X\nfield: urban\nyear: 2019.5\nstatus: ongoing\n---\n");
  REQUIRE(half.diags.error_count() == 1);
  CHECK(half.diags.all()[0].message == "'year' must be a whole number, found '2019.5'");
}

TEST_CASE("content: a locality's kind, website and figures are checked") {
  Parsed p = parse("content/localities/a/_index.vi.md",
                   "---\ntitle: A\nkind: village\nprovince: P\nwebsite: www.a.gov.vn\npopulation: -5\n---\n");
  CHECK_FALSE(p.doc);
  REQUIRE(p.diags.error_count() == 3);
  CHECK(p.diags.all()[0].message == "'kind' must be one of ward, commune, town, found 'village'");
  CHECK(p.diags.all()[1].message == "a locality's area, population and households cannot be negative");
  CHECK(p.diags.all()[2].message == "'website' must be an http:// or https:// address");
  CHECK(p.diags.all()[2].hint == "e.g. website: https://example.gov.vn");
}

TEST_CASE("content: a locality gives its area once, in km2 or ha, and other facts by measure") {
  Parsed ha = parse("content/localities/a/_index.vi.md",
                    "---\ntitle: A\nkind: commune\nprovince: P\narea_ha: 1250.5\n"
                    "facts:\n  party_members: 320\n  ethnic_groups: {value: 3, note: gần}\n---\n");
  INFO(all_text(ha.diags));
  REQUIRE(ha.doc);
  const LocalityFields& f = ha.doc->locality_fields;
  REQUIRE(f.area_ha);
  CHECK(f.area_ha->value == 1250.5);
  CHECK_FALSE(f.area_km2);
  REQUIRE(f.facts.size() == 2);
  CHECK(f.facts[0].first.value == "party_members");
  CHECK(f.facts[1].second.note == "gần");
  Parsed both = parse("content/localities/a/_index.vi.md",
                      "---\ntitle: A\nkind: commune\nprovince: P\narea_km2: 1.2\narea_ha: 120\n---\n");
  CHECK_FALSE(both.doc);
  CHECK(all_text(both.diags) ==
        "content/localities/a/_index.vi.md:6:10: error: give the area once, as area_km2 or area_ha\n"
        "  6 | area_ha: 120\n"
        "    |          ^~~\n"
        "  hint: keep the unit the report uses\n");
}
