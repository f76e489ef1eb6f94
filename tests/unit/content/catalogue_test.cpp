#include <doctest/doctest.h>

#include "content/catalogue.hpp"
#include "test_util.hpp"

using namespace mb;
using namespace mb::content;
using mb::test::all_text;

namespace {

const char* kIndicators =
    "categories:\n"
    "  citizen-reception:\n"
    "    name: {vi: Tiếp công dân, en: Citizen reception}\n"
    "  satisfaction:\n"
    "    name: {vi: Hài lòng, en: Satisfaction}\n"
    "indicators:\n"
    "  citizen_receptions:\n"
    "    name: {vi: Lượt tiếp công dân, en: Citizen receptions}\n"
    "    unit: {vi: lượt, en: receptions}\n"
    "    category: citizen-reception\n"
    "    better: none\n"
    "    definition: {vi: Số lượt, en: Number of receptions}\n"
    "    min: 0\n"
    "  resolved_rate:\n"
    "    name: {vi: Tỷ lệ giải quyết, en: Resolution rate}\n"
    "    unit: percent\n"
    "    category: citizen-reception\n"
    "    better: higher\n"
    "    definition: {vi: Tỷ lệ, en: Share resolved}\n"
    "    derived: petitions_resolved / petitions_received\n";

// Reads data/indicators.yaml from `text` into a fresh catalogue.
std::pair<Catalogue, std::string> indicators(const std::string& text) {
  Catalogue c;
  Diagnostics diags;
  parse_indicators(std::make_shared<const SourceFile>("data/indicators.yaml", text), c, diags);
  return {c, all_text(diags)};
}

// An indicators file with one indicator whose body lines are `body`.
std::string one_indicator(const std::string& body) {
  return "categories:\n  c:\n    name: {vi: C, en: C}\nindicators:\n  x:\n" + body;
}

const char* kFullBody =
    "    name: {vi: X, en: X}\n    unit: percent\n    category: c\n    better: lower\n"
    "    definition: {vi: D, en: D}\n";

}  // namespace

TEST_CASE("content: the indicator catalogue reads categories and indicators in file order") {
  auto [c, errors] = indicators(kIndicators);
  CHECK(errors == "");
  REQUIRE(c.categories.size() == 2);
  CHECK(c.categories[0].id == "citizen-reception");
  CHECK(c.categories[0].name.vi == "Tiếp công dân");
  CHECK(c.categories[1].name.en == "Satisfaction");
  REQUIRE(c.indicators.size() == 2);
  const IndicatorDef* r = c.indicator("citizen_receptions");
  REQUIRE(r);
  CHECK(r == &c.indicators[0]);
  CHECK(r->name.vi == "Lượt tiếp công dân");
  CHECK(r->unit.en == "receptions");
  CHECK_FALSE(r->percent);
  CHECK(r->category == "citizen-reception");
  CHECK(r->better == "none");
  CHECK(r->definition.en == "Number of receptions");
  CHECK(r->min == 0.0);
  CHECK_FALSE(r->max);
  CHECK(c.category("satisfaction"));
  CHECK(c.indicator("nope") == nullptr);
  CHECK(c.category("nope") == nullptr);
}

TEST_CASE("content: a percent indicator has no unit text and bounds 0 to 100 by default") {
  auto [c, errors] = indicators(kIndicators);
  const IndicatorDef* p = c.indicator("resolved_rate");
  REQUIRE(p);
  CHECK(p->percent);
  CHECK(p->unit.vi.empty());
  CHECK(p->min == 0.0);
  CHECK(p->max == 100.0);
  CHECK(p->better == "higher");
  CHECK(p->derived == "petitions_resolved / petitions_received");
  auto [bounded, e2] = indicators(one_indicator(std::string(kFullBody) + "    max: 50\n"));
  CHECK(e2 == "");
  CHECK(bounded.indicators[0].max == 50.0);
  CHECK(bounded.indicators[0].min == 0.0);
}

TEST_CASE("content: an unknown category suggests the nearest one") {
  auto [c, errors] = indicators(
      "categories:\n  citizen-reception:\n    name: {vi: A, en: A}\nindicators:\n  x:\n"
      "    name: {vi: X, en: X}\n    unit: percent\n    category: citizen-receptions\n    better: none\n"
      "    definition: {vi: D, en: D}\n");
  CHECK(errors ==
        "data/indicators.yaml:8:15: error: unknown category 'citizen-receptions'\n"
        "  8 |     category: citizen-receptions\n"
        "    |               ^~~~~~~~~~~~~~~~~~\n"
        "  hint: did you mean 'citizen-reception'?\n");
  REQUIRE(c.indicators.size() == 1);
}

TEST_CASE("content: an unknown category far from any other says where to add it") {
  auto [c, errors] = indicators(one_indicator(
      "    name: {vi: X, en: X}\n    unit: percent\n    category: security\n    better: none\n"
      "    definition: {vi: D, en: D}\n"));
  CHECK(errors.find("error: unknown category 'security'\n") != std::string::npos);
  CHECK(errors.find("  hint: add it under 'categories' at the top of this file\n") != std::string::npos);
}

TEST_CASE("content: an indicator lists every missing required key") {
  auto [c, errors] = indicators(one_indicator("    name: {vi: X, en: X}\n"));
  CHECK(errors.find("missing required key 'unit' (indicator x)") != std::string::npos);
  CHECK(errors.find("missing required key 'category' (indicator x)") != std::string::npos);
  CHECK(errors.find("missing required key 'better' (indicator x)") != std::string::npos);
  CHECK(errors.find("missing required key 'definition' (indicator x)") != std::string::npos);
  CHECK(errors.find("'name'") == std::string::npos);
}

TEST_CASE("content: indicator keys, units, better and ids are checked") {
  auto [c, errors] = indicators(one_indicator(
      "    name: {vi: X}\n    unit: percents\n    category: c\n    better: more\n"
      "    definition: {vi: D, en: D}\n    maxi: 3\n"));
  CHECK(errors ==
        "data/indicators.yaml:11:5: error: unknown key 'maxi'\n"
        "  11 |     maxi: 3\n"
        "     |     ^~~~\n"
        "  hint: did you mean 'max'?\n"
        "data/indicators.yaml:6:11: error: missing required key 'en' (English name)\n"
        "  6 |     name: {vi: X}\n"
        "    |           ^\n"
        "  hint: add 'en: ...' inside the braces\n"
        "data/indicators.yaml:7:11: error: 'unit' must be percent or {vi: …, en: …}\n"
        "  7 |     unit: percents\n"
        "    |           ^~~~~~~~\n"
        "  hint: write unit: percent for a share, or the unit's name in both languages, e.g. {vi: lượt, en: visits}\n"
        "data/indicators.yaml:9:13: error: 'better' must be one of higher, lower, none, found 'more'\n"
        "  9 |     better: more\n"
        "    |             ^~~~\n");
  auto [bad_id, e2] = indicators("indicators:\n  Citizen-Receptions: {}\n");
  CHECK(e2 ==
        "data/indicators.yaml:2:3: error: indicator id 'Citizen-Receptions' is not valid\n"
        "  2 |   Citizen-Receptions: {}\n"
        "    |   ^~~~~~~~~~~~~~~~~~\n"
        "  hint: ids are lower-case ASCII words joined by '_', e.g. citizen_receptions\n");
  CHECK(bad_id.indicators.empty());
}

TEST_CASE("content: a category id must be a slug and a category needs a name") {
  auto [c, errors] = indicators("categories:\n  Citizen_Reception:\n    name: {vi: A, en: A}\n  other: {}\n");
  CHECK(errors ==
        "data/indicators.yaml:2:3: error: category id 'Citizen_Reception' is not a valid slug\n"
        "  2 |   Citizen_Reception:\n"
        "    |   ^~~~~~~~~~~~~~~~~\n"
        "  hint: e.g. citizen-reception\n"
        "data/indicators.yaml:4:10: error: missing required key 'name' (category name in vi and en)\n"
        "  4 |   other: {}\n"
        "    |          ^\n"
        "  hint: add 'name: ...' inside the braces\n");
}

TEST_CASE("content: an unknown top-level key in indicators.yaml is refused") {
  auto [c, errors] = indicators("indicator:\n  x: {}\n");
  CHECK(errors ==
        "data/indicators.yaml:1:1: error: unknown key 'indicator'\n"
        "  1 | indicator:\n"
        "    | ^~~~~~~~~\n"
        "  hint: did you mean 'indicators'?\n");
}

TEST_CASE("content: fields.yaml maps slugs to names in both languages") {
  Catalogue c;
  Diagnostics diags;
  parse_fields(SourceFile("data/fields.yaml",
                          "party-government: {vi: \"Xây dựng Đảng, chính quyền\", en: Party and government building}\n"
                          "urban: {vi: Đô thị, en: Urban}\n"),
               c, diags);
  CHECK(diags.empty());
  REQUIRE(c.fields.size() == 2);
  const Field* f = c.field("party-government");
  REQUIRE(f);
  CHECK(f->name.vi == "Xây dựng Đảng, chính quyền");
  CHECK(f->name.en == "Party and government building");
  CHECK(c.field("culture") == nullptr);
}

TEST_CASE("content: an unquoted comma inside a flow map splits the value and is caught") {
  Catalogue c;
  Diagnostics diags;
  parse_fields(SourceFile("data/fields.yaml", "party-government: {vi: Xây dựng Đảng, chính quyền, en: Party}\n"),
               c, diags);
  CHECK(all_text(diags) ==
        "data/fields.yaml:1:39: error: unknown language 'chính quyền'\n"
        "  1 | party-government: {vi: Xây dựng Đảng, chính quyền, en: Party}\n"
        "    |                                       ^~~~~~~~~~~\n");
}

TEST_CASE("content: a field id must be a slug and a field name needs both languages") {
  Catalogue c;
  Diagnostics diags;
  parse_fields(SourceFile("data/fields.yaml", "Culture_Society: {vi: Văn hóa}\n"), c, diags);
  CHECK(all_text(diags) ==
        "data/fields.yaml:1:1: error: field id 'Culture_Society' is not a valid slug\n"
        "  1 | Culture_Society: {vi: Văn hóa}\n"
        "    | ^~~~~~~~~~~~~~~\n"
        "  hint: e.g. culture-society\n"
        "data/fields.yaml:1:18: error: missing required key 'en' (English Culture_Society)\n"
        "  1 | Culture_Society: {vi: Văn hóa}\n"
        "    |                  ^\n"
        "  hint: add 'en: ...' inside the braces\n");
}

TEST_CASE("content: results.yaml reads measures with a name and a unit") {
  Catalogue c;
  Diagnostics diags;
  parse_measures(SourceFile("data/results.yaml",
                            "length_m: {name: {vi: Chiều dài, en: Length}, unit: {vi: m, en: m}}\n"
                            "trees: {name: {vi: Cây xanh, en: Trees}, unit: {vi: cây, en: trees}}\n"),
                 c, diags);
  CHECK(diags.empty());
  REQUIRE(c.measures.size() == 2);
  const Measure* m = c.measure("trees");
  REQUIRE(m);
  CHECK(m->name.vi == "Cây xanh");
  CHECK(m->unit.en == "trees");
  CHECK(c.measure("length") == nullptr);
}

TEST_CASE("content: a measure's unit may be percent") {
  Catalogue c;
  Diagnostics diags;
  parse_measures(SourceFile("data/measures.yaml", "coverage: {name: {vi: Độ phủ, en: Coverage}, unit: percent}\n"),
                 c, diags);
  CHECK(diags.empty());
  REQUIRE(c.measure("coverage"));
  CHECK(c.measure("coverage")->percent);
  CHECK(c.measure("coverage")->unit.vi.empty());
}

TEST_CASE("content: a measure needs a valid id, a name and a unit") {
  Catalogue c;
  Diagnostics diags;
  parse_measures(SourceFile("data/results.yaml", "Length-M: {name: {vi: A, en: A}}\nwidth_m: 3\n"), c, diags);
  CHECK(all_text(diags) ==
        "data/results.yaml:1:1: error: measure id 'Length-M' is not valid\n"
        "  1 | Length-M: {name: {vi: A, en: A}}\n"
        "    | ^~~~~~~~\n"
        "  hint: e.g. length_m\n"
        "data/results.yaml:1:11: error: missing required key 'unit' (measure unit in vi and en, or percent)\n"
        "  1 | Length-M: {name: {vi: A, en: A}}\n"
        "    |           ^\n"
        "  hint: add 'unit: ...' inside the braces\n"
        "data/results.yaml:2:10: error: 'width_m' must be a map of key: value pairs, found a single value\n"
        "  2 | width_m: 3\n"
        "    |          ^\n"
        "  hint: put its key: value pairs on the lines below it, each indented by two spaces\n");
  CHECK(c.measures.size() == 1);
}

TEST_CASE("content: an empty catalogue file is an empty catalogue") {
  Catalogue c;
  Diagnostics diags;
  parse_indicators(std::make_shared<const SourceFile>("data/indicators.yaml", ""), c, diags);
  parse_fields(SourceFile("data/fields.yaml", "# none yet\n"), c, diags);
  parse_measures(SourceFile("data/results.yaml", ""), c, diags);
  CHECK(diags.empty());
  CHECK(c.indicators.empty());
  CHECK(c.fields.empty());
  CHECK(c.measures.empty());
}
