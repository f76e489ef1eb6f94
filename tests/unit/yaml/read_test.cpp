#include <doctest/doctest.h>

#include "test_util.hpp"
#include "yaml/read.hpp"

using namespace mb;
using mb::test::all_text;

namespace {

// One file, its root map and a Reader over it.
struct Doc {
  SourceFile file;
  Diagnostics diags;
  yaml::Node root;
  explicit Doc(std::string text) : file("f.yaml", std::move(text)) {
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

TEST_CASE("yaml: text reads scalars, an empty value is empty text, a map is refused") {
  Doc d("a: Trường Thi\nb:\nc: {x: 1}\nd: 2021\n");
  auto r = d.reader();
  CHECK(r.text(d.at("a"), "a") == "Trường Thi");
  CHECK(r.text(d.at("b"), "b") == "");
  CHECK(r.text(d.at("d"), "d") == "2021");
  CHECK(d.diags.empty());
  CHECK_FALSE(r.text(d.at("c"), "c"));
  CHECK(all_text(d.diags) ==
        "f.yaml:3:4: error: 'c' must be text, found a map\n"
        "  3 | c: {x: 1}\n"
        "    |    ^\n"
        "  hint: write the text after the key on the same line, in quotes if it begins with '-', '[' or '{'\n");
}

TEST_CASE("yaml: number reads plain YAML numbers") {
  Doc d("a: 14000\nb: 0.84\nc: -3\nd: 1e3\ne: 71.5\n");
  auto r = d.reader();
  CHECK(r.number(d.at("a"), "a") == 14000.0);
  CHECK(r.number(d.at("b"), "b") == 0.84);
  CHECK(r.number(d.at("c"), "c") == -3.0);
  CHECK(r.number(d.at("d"), "d") == 1000.0);
  CHECK(r.number(d.at("e"), "e") == 71.5);
  CHECK(d.diags.empty());
}

TEST_CASE("yaml: a number with a decimal comma is refused with a hint") {
  Doc d("ratio: 0,84\n");
  auto r = d.reader();
  CHECK_FALSE(r.number(d.at("ratio"), "ratio"));
  CHECK(all_text(d.diags) ==
        "f.yaml:1:8: error: 'ratio' must be a number, found '0,84'\n"
        "  1 | ratio: 0,84\n"
        "    |        ^~~~\n"
        "  hint: write numbers with '.' as the decimal mark and no thousands separators, e.g. 0.84 "
        "or 14000\n");
}

TEST_CASE("yaml: a number with dots as thousands separators is refused with a hint") {
  Doc d("population: 1.234.567\n");
  auto r = d.reader();
  CHECK_FALSE(r.number(d.at("population"), "population"));
  CHECK(all_text(d.diags) ==
        "f.yaml:1:13: error: 'population' is written with thousands separators: '1.234.567'\n"
        "  1 | population: 1.234.567\n"
        "    |             ^~~~~~~~~\n"
        "  hint: write 1234567; the site shows it as 1.234.567 in Vietnamese and with commas in English\n");
}

// YAML reads "14.000" as 14 and a Vietnamese editor means fourteen thousand:
// a value shaped like grouped thousands is refused rather than guessed.
TEST_CASE("yaml: a number that reads as thousands in Vietnamese is refused as ambiguous") {
  Doc d("population: 14.000\nratio: 0.840\narea: 1460.97\n");
  auto r = d.reader();
  CHECK_FALSE(r.number(d.at("population"), "population"));
  CHECK(r.number(d.at("ratio"), "ratio") == doctest::Approx(0.84));
  CHECK(r.number(d.at("area"), "area") == doctest::Approx(1460.97));
  CHECK(all_text(d.diags) ==
        "f.yaml:1:13: error: 'population' is written '14.000', which could mean 14000 or a decimal\n"
        "  1 | population: 14.000\n"
        "    |             ^~~~~~\n"
        "  hint: write 14000 for the whole number (no thousands separators), or drop the trailing zeros of a "
        "decimal\n");
}

TEST_CASE("yaml: a quoted number is text, and the hint says so") {
  Doc d("a: \"14000\"\n");
  auto r = d.reader();
  CHECK_FALSE(r.number(d.at("a"), "a"));
  REQUIRE(d.diags.all().size() == 1);
  CHECK(d.diags.all()[0].message == "'a' must be a number, found '14000'");
  CHECK(d.diags.all()[0].hint == "remove the quotes: a quoted value is text");
}

TEST_CASE("yaml: hex, infinity, NaN, words, lists and nothing are not numbers") {
  Doc d("a: 0x10\nb: .inf\nc: nan\nd: many\ne: [1]\nf:\ng: inf\n");
  auto r = d.reader();
  for (const char* key : {"a", "b", "c", "d", "e", "f", "g"}) {
    CAPTURE(key);
    CHECK_FALSE(r.number(d.at(key), key));
  }
  REQUIRE(d.diags.error_count() == 7);
  CHECK(d.diags.all()[3].message == "'d' must be a number, found 'many'");
  CHECK(d.diags.all()[3].hint == "write the number the YAML way, e.g. 14000 or 0.84");
  CHECK(d.diags.all()[4].message == "'e' must be a number, found a list");
  CHECK(d.diags.all()[5].message == "'f' must be a number, found nothing");
}

TEST_CASE("yaml: integer accepts whole numbers only") {
  Doc d("year: 2020\nweight: -2\nhalf: 2.5\n");
  auto r = d.reader();
  CHECK(r.integer(d.at("year"), "year") == 2020);
  CHECK(r.integer(d.at("weight"), "weight") == -2);
  CHECK(d.diags.empty());
  CHECK_FALSE(r.integer(d.at("half"), "half"));
  CHECK(all_text(d.diags) ==
        "f.yaml:3:7: error: 'half' must be a whole number, found '2.5'\n"
        "  3 | half: 2.5\n"
        "    |       ^~~\n"
        "  hint: write the number without a decimal part or thousands separators, e.g. 14000\n");
}

TEST_CASE("yaml: boolean is true or false, unquoted") {
  Doc d("a: true\nb: false\nc: yes\nd: \"true\"\n");
  auto r = d.reader();
  CHECK(r.boolean(d.at("a"), "a") == true);
  CHECK(r.boolean(d.at("b"), "b") == false);
  CHECK_FALSE(r.boolean(d.at("c"), "c"));
  CHECK_FALSE(r.boolean(d.at("d"), "d"));
  REQUIRE(d.diags.error_count() == 2);
  CHECK(d.diags.all()[0].message == "'c' must be true or false");
}

TEST_CASE("yaml: date reads YYYY-MM-DD and explains other forms") {
  Doc d("date: 2021-11-26\nbad: 26/11/2021\nnone:\nfeb: 2023-02-29\n");
  auto r = d.reader();
  auto date = r.date(d.at("date"), "date");
  REQUIRE(date);
  CHECK(*date == Date{2021, 11, 26});
  CHECK_FALSE(r.date(d.at("bad"), "bad"));
  CHECK(all_text(d.diags) ==
        "f.yaml:2:6: error: 'bad' must be a date written YYYY-MM-DD, found '26/11/2021'\n"
        "  2 | bad: 26/11/2021\n"
        "    |      ^~~~~~~~~~\n"
        "  hint: for 26 November 2021 write 2021-11-26\n");
  CHECK_FALSE(r.date(d.at("feb"), "feb"));
  CHECK_FALSE(r.date(d.at("none"), "none"));
  CHECK(d.diags.all().back().message == "'none' must be a date written YYYY-MM-DD");
}

TEST_CASE("yaml: text_list reads a list of text") {
  Doc d("a:\n  - Phường 1\n  - Phường 2\nb: []\nc:\nd: one\ne: [x, {y: 1}]\n");
  auto r = d.reader();
  CHECK(r.text_list(d.at("a"), "a") == std::vector<std::string>{"Phường 1", "Phường 2"});
  CHECK(r.text_list(d.at("b"), "b") == std::vector<std::string>{});
  CHECK(r.text_list(d.at("c"), "c") == std::vector<std::string>{});
  CHECK(d.diags.empty());
  CHECK_FALSE(r.text_list(d.at("d"), "d"));
  CHECK(all_text(d.diags) ==
        "f.yaml:6:4: error: 'd' must be a list, found a single value\n"
        "  6 | d: one\n"
        "    |    ^~~\n"
        "  hint: write one item per line, each starting with '- '\n");
  CHECK_FALSE(r.text_list(d.at("e"), "e"));
  CHECK(d.diags.all().back().message == "'e' must be text, found a map");
}

TEST_CASE("yaml: one_of accepts an allowed value and suggests the nearest one") {
  Doc d("kind: ward\ntypo: comune\nfar: city\n");
  auto r = d.reader();
  std::vector<std::string> kinds = {"ward", "commune", "town"};
  CHECK(r.one_of(d.at("kind"), "kind", kinds) == "ward");
  CHECK(d.diags.empty());
  CHECK_FALSE(r.one_of(d.at("typo"), "kind", kinds));
  CHECK(all_text(d.diags) ==
        "f.yaml:2:7: error: 'kind' must be one of ward, commune, town, found 'comune'\n"
        "  2 | typo: comune\n"
        "    |       ^~~~~~\n"
        "  hint: did you mean 'commune'?\n");
  CHECK_FALSE(r.one_of(d.at("far"), "kind", kinds));
  CHECK(d.diags.all().back().hint.empty());
}

TEST_CASE("yaml: expect_map and missing point at the node") {
  Doc d("signer: Nguyễn Văn A\nperiod:\n  from: 2023-01-01\n");
  auto r = d.reader();
  CHECK_FALSE(r.expect_map(d.at("signer"), "signer"));
  CHECK(r.expect_map(d.at("period"), "period"));
  r.missing(d.at("period"), "to", "last day of the period, YYYY-MM-DD");
  r.missing(d.root, "title", "");
  CHECK(all_text(d.diags) ==
        "f.yaml:1:9: error: 'signer' must be a map of key: value pairs, found a single value\n"
        "  1 | signer: Nguyễn Văn A\n"
        "    |         ^~~~~~~~~~~~\n"
        "  hint: put its key: value pairs on the lines below it, each indented by two spaces\n"
        "f.yaml:3:3: error: missing required key 'to' (last day of the period, YYYY-MM-DD)\n"
        "  3 |   from: 2023-01-01\n"
        "    |   ^\n"
        "  hint: add a line 'to: ...' at this indentation\n"
        "f.yaml:1:1: error: missing required key 'title'\n"
        "  1 | signer: Nguyễn Văn A\n"
        "    | ^\n"
        "  hint: add a line 'title: ...' at this indentation\n");
}

TEST_CASE("yaml: warning reports with warning severity") {
  Doc d("a: b\n");
  d.reader().warning(d.at("a"), "odd", "why");
  CHECK(d.diags.warning_count() == 1);
  CHECK_FALSE(d.diags.has_errors());
  CHECK(all_text(d.diags) == "f.yaml:1:4: warning: odd\n  1 | a: b\n    |    ^\n  hint: why\n");
}

TEST_CASE("yaml: check_keys reports unknown keys with a did-you-mean hint") {
  Doc d("title: x\npopulaton: 14000\nzzz: 1\n");
  yaml::check_keys(d.reader(), d.root, {"title", "population"}, "front-matter key");
  CHECK(all_text(d.diags) ==
        "f.yaml:2:1: error: unknown front-matter key 'populaton'\n"
        "  2 | populaton: 14000\n"
        "    | ^~~~~~~~~\n"
        "  hint: did you mean 'population'?\n"
        "f.yaml:3:1: error: unknown front-matter key 'zzz'\n"
        "  3 | zzz: 1\n"
        "    | ^~~\n");
}

TEST_CASE("yaml: check_keys uses the default noun and lets explain override the message") {
  Doc d("vi: a\nen: b\nfr: c\nvn: d\n");
  yaml::check_keys(d.reader(), d.root, {"vi", "en"}, "key", [](const std::string& key) {
    return key == "fr" ? std::optional<yaml::KeyProblem>{{"French is not published", "remove it"}}
                       : std::nullopt;
  });
  CHECK(all_text(d.diags) ==
        "f.yaml:3:1: error: French is not published\n"
        "  3 | fr: c\n"
        "    | ^~\n"
        "  hint: remove it\n"
        "f.yaml:4:1: error: unknown key 'vn'\n"
        "  4 | vn: d\n"
        "    | ^~\n"
        "  hint: did you mean 'vi'?\n");
}

TEST_CASE("yaml: text refuses a control character written as an escape") {
  Doc d("a: \"Báo cáo\\u0001 2023\"\nb: \"tab\\tand newline\\n are fine\"\nc: \"\\x85\"\n");
  auto r = d.reader();
  CHECK_FALSE(r.text(d.at("a"), "a"));
  CHECK(r.text(d.at("b"), "b") == "tab\tand newline\n are fine");
  CHECK_FALSE(r.text(d.at("c"), "c"));
  REQUIRE(d.diags.all().size() == 2);
  CHECK_MESSAGE(all_text(d.diags).rfind(
            "f.yaml:1:5: error: 'a' holds the control character U+0001\n"
            "  1 | a: \"Báo cáo\\u0001 2023\"\n"
            "    |     ^~~~~~~~~~~~~\n"
            "  hint: remove the escape that writes it (\\u0001 or similar): pages and feeds cannot carry it\n",
            0) == 0, all_text(d.diags));
  CHECK(d.diags.all()[1].message == "'c' holds the control character U+0085");
}
