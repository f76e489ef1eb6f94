#include <doctest/doctest.h>

#include "content/parse.hpp"
#include "test_util.hpp"

using namespace mb;
using namespace mb::content;
using mb::test::all_text;

namespace {

struct Parsed {
  std::optional<Document> doc;
  Diagnostics diags;
};

Parsed parse(const std::string& path, const std::string& text) {
  Parsed out;
  auto place = classify(path, out.diags);
  REQUIRE(place);
  out.doc = parse_document(test::source(path, text), *place, out.diags);
  return out;
}

// Parses a file that must be valid.
Document valid(const std::string& path, const std::string& text) {
  Parsed p = parse(path, text);
  INFO(all_text(p.diags));
  REQUIRE(p.doc);
  CHECK(p.diags.empty());
  return *p.doc;
}

const char* kLocalityVi =
    "---\n"
    "title: Phường Trường Thi\n"
    "summary: Một phường ở trung tâm thành phố Vinh.\n"
    "kind: ward\n"
    "province: Nghệ An\n"
    "district: Thành phố Vinh\n"
    "area_km2: 0.84\n"
    "population: {value: 14000, note: hơn}\n"
    "households: 4075\n"
    "website: https://truongthi.vinh.nghean.gov.vn\n"
    "code: \"16678\"\n"
    "merged_from:\n"
    "  - Phường Trường Thi (cũ)\n"
    "  - Phường Hưng Bình\n"
    "---\n"
    "Phường nằm ở trung tâm.\n";

const char* kReportVi =
    "---\n"
    "title: Báo cáo sơ kết 6 tháng đầu năm 2023\n"
    "kind: semiannual\n"
    "period: {from: 2023-01-01, to: 2023-06-30}\n"
    "number: 426/BC-UBND\n"
    "date: 2023-07-10\n"
    "place: Trường Thi\n"
    "issuer: UBND phường Trường Thi\n"
    "recipient: Đảng ủy phường Trường Thi\n"
    "signer: {name: Nguyễn Văn A, title: KT. CHỦ TỊCH}\n"
    "distribution: [Như trên, Lưu VT]\n"
    "directives: [33/CT-TTg, 114-KL/TW]\n"
    "indicators:\n"
    "  citizen_receptions: 120\n"
    "  satisfaction: {value: 71.5, note: khoảng}\n"
    "initiatives: [tranh-bich-hoa]\n"
    "attachments: [bao-cao-goc.pdf]\n"
    "---\n"
    "Thực hiện Chỉ thị số 33/CT-TTg...\n";

const std::string kLocalityEnPath = "content/localities/truong-thi/_index.en.md";

}  // namespace

TEST_CASE("content: a valid Vietnamese locality is read in full") {
  Document d = valid("content/localities/truong-thi/_index.vi.md", kLocalityVi);
  CHECK(d.kind == Kind::locality);
  CHECK(d.lang == Lang::vi);
  CHECK(d.locality == "truong-thi");
  CHECK(d.slug == "truong-thi");
  CHECK(d.path() == "content/localities/truong-thi/_index.vi.md");
  CHECK(d.title == "Phường Trường Thi");
  CHECK(d.summary == "Một phường ở trung tâm thành phố Vinh.");
  const LocalityFields& f = d.locality_fields;
  CHECK(f.kind == "ward");
  CHECK(f.province == "Nghệ An");
  CHECK(f.district == "Thành phố Vinh");
  REQUIRE(f.area_km2);
  CHECK(f.area_km2->value == 0.84);
  REQUIRE(f.population);
  CHECK(f.population->value == 14000);
  CHECK(f.population->note == "hơn");
  REQUIRE(f.households);
  CHECK(f.households->value == 4075);
  CHECK(f.website == "https://truongthi.vinh.nghean.gov.vn");
  CHECK(f.code == "16678");
  CHECK(f.merged_from == std::vector<std::string>{"Phường Trường Thi (cũ)", "Phường Hưng Bình"});
  CHECK(d.body() == "Phường nằm ở trung tâm.\n");
}

TEST_CASE("content: a valid English locality carries text and notes only") {
  Document d = valid(kLocalityEnPath,
                     "---\ntitle: Truong Thi Ward\nprovince: Nghe An\nnotes: {population: more than}\n---\nText.\n");
  CHECK(d.lang == Lang::en);
  CHECK(d.title == "Truong Thi Ward");
  CHECK(d.locality_fields.province == "Nghe An");
  CHECK(d.notes == std::map<std::string, std::string>{{"population", "more than"}});
  CHECK_FALSE(d.locality_fields.population);
}

TEST_CASE("content: a valid Vietnamese report is read in full") {
  Document d = valid("content/localities/truong-thi/reports/2023-so-ket.vi.md", kReportVi);
  CHECK(d.kind == Kind::report);
  CHECK(d.slug == "2023-so-ket");
  const ReportFields& f = d.report;
  CHECK(f.kind == "semiannual");
  CHECK(f.period_from == Date{2023, 1, 1});
  CHECK(f.period_to == Date{2023, 6, 30});
  CHECK(f.number == "426/BC-UBND");
  REQUIRE(f.date);
  CHECK(*f.date == Date{2023, 7, 10});
  CHECK(f.place == "Trường Thi");
  CHECK(f.issuer == "UBND phường Trường Thi");
  CHECK(f.recipient == "Đảng ủy phường Trường Thi");
  CHECK(f.signer.name == "Nguyễn Văn A");
  CHECK(f.signer.title == "KT. CHỦ TỊCH");
  CHECK(f.distribution == std::vector<std::string>{"Như trên", "Lưu VT"});
  REQUIRE(f.directives.size() == 2);
  CHECK(f.directives[1].value == "114-KL/TW");
  CHECK(f.directives[1].offset == d.source->text().find("114-KL/TW"));
  REQUIRE(f.indicators.size() == 2);
  CHECK(f.indicators[0].first.value == "citizen_receptions");
  CHECK(f.indicators[0].second.value == 120);
  CHECK(f.indicators[1].second.value == 71.5);
  CHECK(f.indicators[1].second.note == "khoảng");
  REQUIRE(f.initiatives.size() == 1);
  CHECK(f.initiatives[0].value == "tranh-bich-hoa");
  REQUIRE(f.attachments.size() == 1);
  CHECK(f.attachments[0].value == "bao-cao-goc.pdf");
  CHECK(d.body() == "Thực hiện Chỉ thị số 33/CT-TTg...\n");
}

TEST_CASE("content: a valid English report gives the signer's title only") {
  Document d = valid("content/localities/truong-thi/reports/2023-so-ket.en.md",
                     "---\ntitle: Mid-year review 2023\nissuer: Truong Thi Ward People's Committee\n"
                     "signer: {title: p.p. Chairman}\ndistribution: [As above, Archive]\n"
                     "notes: {satisfaction: about}\n---\n");
  CHECK(d.report.signer.title == "p.p. Chairman");
  CHECK(d.report.signer.name.empty());
  CHECK(d.report.issuer == "Truong Thi Ward People's Committee");
  CHECK(d.report.distribution.size() == 2);
  CHECK(d.notes.at("satisfaction") == "about");
  CHECK(d.body().empty());
}

TEST_CASE("content: a valid initiative in Vietnamese and English") {
  Document vi = valid("content/localities/truong-thi/initiatives/tranh-bich-hoa.vi.md",
                      "---\ntitle: Tranh bích họa\nfield: culture-society\nyear: 2019\nstatus: recognized\n"
                      "results:\n  length_m: 200\n---\nMô hình.\n");
  CHECK(vi.kind == Kind::initiative);
  CHECK(vi.initiative.field.value == "culture-society");
  CHECK(vi.initiative.field.offset == vi.source->text().find("culture-society"));
  CHECK(vi.initiative.year == 2019);
  CHECK(vi.initiative.status == "recognized");
  REQUIRE(vi.initiative.results.size() == 1);
  CHECK(vi.initiative.results[0].first.value == "length_m");
  CHECK(vi.initiative.results[0].second.value == 200);
  Document en = valid("content/localities/truong-thi/initiatives/tranh-bich-hoa.en.md",
                      "---\ntitle: Mural street\nsummary: Walls painted by residents.\n---\n");
  CHECK(en.title == "Mural street");
  CHECK(en.summary == "Walls painted by residents.");
}

TEST_CASE("content: a valid free page and home page") {
  Document page = valid("content/pages/gioi-thieu.vi.md", "---\ntitle: Giới thiệu\nweight: 2\n---\nNội dung\n");
  CHECK(page.kind == Kind::page);
  CHECK(page.page.weight == 2);
  Document en = valid("content/pages/gioi-thieu.en.md", "---\ntitle: About\nsummary: Who we are\n---\n");
  CHECK(en.page.weight == 0);
  Document home = valid("content/_index.en.md", "---\ntitle: Home\nsummary: Open reports\n---\nWelcome\n");
  CHECK(home.kind == Kind::home);
  CHECK(home.body() == "Welcome\n");
}

TEST_CASE("content: an unknown front-matter key is an error with a did-you-mean hint") {
  Parsed p = parse("content/localities/truong-thi/_index.vi.md",
                   "---\ntitle: T\nkind: ward\nprovince: P\npopulaton: 14000\n---\n");
  CHECK_FALSE(p.doc);
  CHECK(all_text(p.diags) ==
        "content/localities/truong-thi/_index.vi.md:5:1: error: unknown front-matter key 'populaton'\n"
        "  5 | populaton: 14000\n"
        "    | ^~~~~~~~~\n"
        "  hint: did you mean 'population'?\n");
}

TEST_CASE("content: a language-neutral key in an English twin belongs in the Vietnamese file") {
  Parsed p = parse(kLocalityEnPath, "---\ntitle: Truong Thi Ward\npopulation: 14000\n---\n");
  CHECK_FALSE(p.doc);
  CHECK(all_text(p.diags) ==
        "content/localities/truong-thi/_index.en.md:3:1: error: 'population' is a language-neutral value "
        "and belongs in the Vietnamese file\n"
        "  3 | population: 14000\n"
        "    | ^~~~~~~~~~\n"
        "  hint: move it to content/localities/truong-thi/_index.vi.md; the English page shows the same "
        "value in English format\n");
}

TEST_CASE("content: report numbers and dates in an English twin are refused, each once") {
  Parsed p = parse("content/localities/a/reports/r.en.md",
                   "---\ntitle: R\nnumber: 426/BC-UBND\nindicators: {x: 1}\nweight: 1\n---\n");
  CHECK_FALSE(p.doc);
  REQUIRE(p.diags.error_count() == 3);
  CHECK(p.diags.all()[0].message == "'number' is a language-neutral value and belongs in the Vietnamese file");
  CHECK(p.diags.all()[0].hint.rfind("move it to content/localities/a/reports/r.vi.md;", 0) == 0);
  CHECK(p.diags.all()[1].message ==
        "'indicators' is a language-neutral value and belongs in the Vietnamese file");
  CHECK(p.diags.all()[2].message == "unknown front-matter key 'weight'");
}

TEST_CASE("content: notes in a Vietnamese file belong in the English twin") {
  Parsed p = parse("content/localities/a/initiatives/x.vi.md",
                   "---\ntitle: X\nfield: urban\nyear: 2020\nstatus: ongoing\nnotes: {length_m: more}\n---\n");
  CHECK_FALSE(p.doc);
  CHECK(all_text(p.diags) ==
        "content/localities/a/initiatives/x.vi.md:6:1: error: 'notes' belongs in the English twin\n"
        "  6 | notes: {length_m: more}\n"
        "    | ^~~~~\n"
        "  hint: in the Vietnamese file write a note beside its value: {value: 14000, note: hơn}\n");
}

TEST_CASE("content: a home page has no notes in either language") {
  Parsed p = parse("content/_index.en.md", "---\ntitle: Home\nnotes: {a: b}\n---\n");
  CHECK_FALSE(p.doc);
  REQUIRE(p.diags.error_count() == 1);
  CHECK(p.diags.all()[0].message == "unknown front-matter key 'notes'");
}

TEST_CASE("content: missing required keys are reported at the start of the front matter") {
  Parsed p = parse("content/localities/a/reports/r.vi.md", "---\ntitle: R\nissuer: UBND\n---\n");
  CHECK_FALSE(p.doc);
  CHECK(all_text(p.diags) ==
        "content/localities/a/reports/r.vi.md:2:1: error: missing required key 'kind'\n"
        "  2 | title: R\n"
        "    | ^\n"
        "  hint: add a line 'kind: ...' at this indentation\n"
        "content/localities/a/reports/r.vi.md:2:1: error: missing required key 'period'\n"
        "  2 | title: R\n"
        "    | ^\n"
        "  hint: add a line 'period: ...' at this indentation\n"
        "content/localities/a/reports/r.vi.md:2:1: error: missing required key 'number'\n"
        "  2 | title: R\n"
        "    | ^\n"
        "  hint: add a line 'number: ...' at this indentation\n"
        "content/localities/a/reports/r.vi.md:2:1: error: missing required key 'signer'\n"
        "  2 | title: R\n"
        "    | ^\n"
        "  hint: add a line 'signer: ...' at this indentation\n");
}

TEST_CASE("content: an English twin needs only a title, and an empty title is refused") {
  Parsed none = parse("content/localities/a/reports/r.en.md", "---\nsummary: S\n---\n");
  REQUIRE(none.diags.error_count() == 1);
  CHECK(none.diags.all()[0].message == "missing required key 'title'");
  Parsed empty = parse("content/pages/p.vi.md", "---\ntitle: \"\"\n---\n");
  CHECK_FALSE(empty.doc);
  REQUIRE(empty.diags.error_count() == 1);
  CHECK(empty.diags.all()[0].message == "'title' must not be empty");
  CHECK(empty.diags.all()[0].line == 2);
}

TEST_CASE("content: front-matter errors stop parsing with their own diagnostic") {
  Parsed no_fm = parse("content/pages/p.vi.md", "# Just Markdown\n");
  CHECK_FALSE(no_fm.doc);
  REQUIRE(no_fm.diags.error_count() == 1);
  CHECK(no_fm.diags.all()[0].message == "missing front matter");
  Parsed bad_yaml = parse("content/pages/p.vi.md", "---\ntitle: Báo cáo: 6 tháng\n---\n");
  CHECK_FALSE(bad_yaml.doc);
  // Only the syntax error: no "missing required key" noise after it.
  CHECK(all_text(bad_yaml.diags) ==
        "content/pages/p.vi.md:2:15: error: invalid YAML: mapping values are not allowed in this context\n"
        "  2 | title: Báo cáo: 6 tháng\n"
        "    |               ^\n"
        "  hint: a value that contains ': ' must be quoted, e.g. title: \"Báo cáo: 6 tháng\"\n");
}
