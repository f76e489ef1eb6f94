#include "yaml/node.hpp"

#include <doctest/doctest.h>

#include "test_util.hpp"

using namespace mb;
using mb::test::all_text;

namespace {

struct Parsed {
  SourceFile file;
  yaml::Node root;
  Diagnostics diags;
  bool ok = false;
};

Parsed parse_text(std::string text) {
  Parsed p{SourceFile("data/x.yaml", std::move(text)), {}, {}, false};
  p.ok = yaml::parse(p.file, 0, p.file.text().size(), p.root, p.diags);
  return p;
}

}  // namespace

TEST_CASE("yaml: a map of scalars, lists and maps keeps source order and offsets") {
  Parsed p = parse_text("title: Trường Thi\nlist:\n  - a\n  - b\nmap: {x: 1, y: 2}\nempty:\n");
  REQUIRE(p.ok);
  CHECK(p.diags.empty());
  REQUIRE(p.root.is_map());
  REQUIRE(p.root.entries.size() == 4);
  CHECK(p.root.entries[0].first.value == "title");
  CHECK(p.root.entries[3].first.value == "empty");
  const yaml::Node* title = p.root.find("title");
  REQUIRE(title);
  CHECK(title->is_scalar());
  CHECK(title->value == "Trường Thi");
  CHECK(title->offset == p.file.text().find("Trường"));
  CHECK(p.root.entries[1].first.offset == p.file.text().find("list"));
  const yaml::Node* list = p.root.find("list");
  REQUIRE(list);
  REQUIRE(list->is_sequence());
  REQUIRE(list->items.size() == 2);
  CHECK(list->items[1].value == "b");
  CHECK(list->items[1].offset == p.file.text().find("b\n"));
  const yaml::Node* map = p.root.find("map");
  REQUIRE(map);
  REQUIRE(map->is_map());
  REQUIRE(map->find("y"));
  CHECK(map->find("y")->value == "2");
  CHECK(map->find("z") == nullptr);
  const yaml::Node* empty = p.root.find("empty");
  REQUIRE(empty);
  CHECK(empty->is_null());
  CHECK(p.root.find("missing") == nullptr);
}

TEST_CASE("yaml: quoted and block scalars are marked quoted, plain ones are not") {
  Parsed p = parse_text("a: 14000\nb: \"14000\"\nc: '0.84'\nd: |\n  text\ne: plain text\nf: >\n  folded\n");
  REQUIRE(p.ok);
  CHECK_FALSE(p.root.find("a")->quoted);
  CHECK(p.root.find("b")->quoted);
  CHECK(p.root.find("b")->value == "14000");
  CHECK(p.root.find("c")->quoted);
  CHECK(p.root.find("d")->quoted);
  CHECK(p.root.find("d")->value == "text\n");
  CHECK_FALSE(p.root.find("e")->quoted);
  CHECK(p.root.find("f")->quoted);
}

TEST_CASE("yaml: parse reads only the given byte range and offsets stay file-relative") {
  SourceFile file("content/a.vi.md", "---\ntitle: X\nyear: 2020\n---\nbody: not yaml\n");
  yaml::Node root;
  Diagnostics diags;
  std::size_t begin = 4, end = file.text().find("---\nbody");
  REQUIRE(yaml::parse(file, begin, end, root, diags));
  CHECK(root.entries.size() == 2);
  CHECK(root.find("body") == nullptr);
  CHECK(root.find("year")->offset == file.text().find("2020"));
  CHECK(root.offset == begin);
}

TEST_CASE("yaml: empty input is an empty map") {
  Parsed p = parse_text("");
  CHECK(p.ok);
  CHECK(p.root.is_map());
  CHECK(p.root.entries.empty());
  Parsed comment = parse_text("# only a comment\n");
  CHECK(comment.ok);
  CHECK(comment.root.is_map());
}

TEST_CASE("yaml: a duplicate key is an error at the second occurrence") {
  Parsed p = parse_text("title: a\nsummary: b\ntitle: c\n");
  CHECK_FALSE(p.ok);
  CHECK(all_text(p.diags) ==
        "data/x.yaml:3:1: error: duplicate key 'title'\n"
        "  3 | title: c\n"
        "    | ^~~~~\n"
        "  hint: each key may appear once; remove or merge the repeated one\n");
}

TEST_CASE("yaml: the same key in two different maps is not a duplicate") {
  Parsed p = parse_text("a: {vi: x, en: y}\nb: {vi: x, en: y}\n");
  CHECK(p.ok);
  CHECK(p.diags.empty());
}

TEST_CASE("yaml: anchors are rejected") {
  Parsed p = parse_text("a: &x 1\nb: 2\n");
  CHECK_FALSE(p.ok);
  CHECK(all_text(p.diags) ==
        "data/x.yaml:1:4: error: YAML anchors (&name) are not allowed in Minh Bạch files\n"
        "  1 | a: &x 1\n"
        "    |    ^\n"
        "  hint: write the value out in full where it is needed\n");
}

TEST_CASE("yaml: aliases are rejected and never expanded") {
  Parsed p = parse_text("a: &x [1, 2]\nb: *x\n");
  CHECK_FALSE(p.ok);
  REQUIRE(p.diags.error_count() == 2);
  CHECK(format_diagnostic(p.diags.all()[1]) ==
        "data/x.yaml:2:4: error: YAML aliases (*name) are not allowed in Minh Bạch files\n"
        "  2 | b: *x\n"
        "    |    ^\n"
        "  hint: write the value out in full; aliases make content hard to review and can expand "
        "without bound\n");
  CHECK(p.root.find("b")->is_null());
}

TEST_CASE("yaml: a tab used for indentation is an error with its own message") {
  Parsed p = parse_text("title:\n  vi: a\n\ten: b\n");
  CHECK_FALSE(p.ok);
  CHECK(all_text(p.diags) ==
        "data/x.yaml:3:1: error: tab used for indentation\n"
        "  3 | \ten: b\n"
        "    | ^\n"
        "  hint: indent with spaces; YAML does not allow tabs for indentation\n");
}

TEST_CASE("yaml: a tab after leading spaces is caught too, a tab inside a value is not") {
  Parsed after_spaces = parse_text("a:\n  \tb: 1\n");
  CHECK_FALSE(after_spaces.ok);
  REQUIRE(after_spaces.diags.all().size() == 1);
  CHECK(after_spaces.diags.all()[0].line == 2);
  CHECK(after_spaces.diags.all()[0].column == 3);
  Parsed inside = parse_text("a: x\ty\n");
  CHECK(inside.ok);
  CHECK(inside.root.find("a")->value == "x\ty");
}

TEST_CASE("yaml: nesting deeper than 64 levels is an error, reported once") {
  std::string deep;
  for (int i = 0; i < 70; ++i) deep += "[";
  for (int i = 0; i < 70; ++i) deep += "]";
  Parsed p = parse_text("a: " + deep + "\n");
  CHECK_FALSE(p.ok);
  CHECK(all_text(p.diags) ==
        "data/x.yaml:1:67: error: YAML nesting is deeper than 64 levels\n"
        "  1 | a: " +
            deep +
            "\n"
            "    |                                                                   ^\n"
            "  hint: content and data files need a few levels at most: flatten the values\n");
}

TEST_CASE("yaml: 63 levels of nesting are fine") {
  std::string deep;
  for (int i = 0; i < 63; ++i) deep += "[";
  for (int i = 0; i < 63; ++i) deep += "]";
  Parsed p = parse_text("a: " + deep + "\n");
  CHECK(p.ok);
  CHECK(p.diags.empty());
}

TEST_CASE("yaml: a key that is a map or list is refused") {
  Parsed p = parse_text("? [a, b]\n: 1\n");
  CHECK_FALSE(p.ok);
  REQUIRE(p.diags.all().size() == 1);
  CHECK(p.diags.all()[0].message == "a key must be a plain name, not a list");
}

TEST_CASE("yaml: a document that is not a map is refused") {
  Parsed list = parse_text("- a\n- b\n");
  CHECK_FALSE(list.ok);
  CHECK(all_text(list.diags) ==
        "data/x.yaml:1:1: error: expected key: value pairs, found a list\n"
        "  1 | - a\n"
        "    | ^\n"
        "  hint: write one 'key: value' per line between the '---' lines, e.g. title: Báo cáo năm 2024\n");
  CHECK(list.root.is_map());
  CHECK(list.root.entries.empty());
  Parsed scalar = parse_text("just text\n");
  CHECK_FALSE(scalar.ok);
  CHECK(scalar.diags.all()[0].message == "expected key: value pairs, found a single value");
}

TEST_CASE("yaml: a second document is refused") {
  Parsed p = parse_text("a: 1\n---\nb: 2\n");
  CHECK_FALSE(p.ok);
  CHECK(all_text(p.diags) ==
        "data/x.yaml:2:1: error: a second YAML document starts here\n"
        "  2 | ---\n"
        "    | ^~~\n"
        "  hint: a file holds one document: remove this '---' line, or the '...' line before it\n");
}

TEST_CASE("yaml: an unquoted ': ' in a value is a parser error with a quoting hint") {
  Parsed p = parse_text("title: Báo cáo: 6 tháng\n");
  CHECK_FALSE(p.ok);
  REQUIRE(p.diags.all().size() == 1);
  const Diagnostic& d = p.diags.all()[0];
  CHECK(d.line == 1);
  CHECK(d.message.rfind("invalid YAML: ", 0) == 0);
  CHECK(d.hint == "a value that contains ': ' must be quoted, e.g. title: \"Báo cáo: 6 tháng\"");
}

TEST_CASE("yaml: an unclosed flow list or map is reported at its opening bracket") {
  Parsed p = parse_text("a: 1\nb: [x, y\nc: 2\n");
  CHECK_FALSE(p.ok);
  CHECK(all_text(p.diags) ==
        "data/x.yaml:2:4: error: invalid YAML: this '[' is never closed\n"
        "  2 | b: [x, y\n"
        "    |    ^\n"
        "  hint: end the list with ']' on the same line, and separate its items with ','\n");
  Parsed map = parse_text("tên: {vi: Trường Thi, en: Truong Thi\nc: 2\n");
  REQUIRE(map.diags.all().size() == 1);
  CHECK(map.diags.all()[0].line == 1);
  CHECK(map.diags.all()[0].column == 6);  // characters, after the Vietnamese key
  CHECK(map.diags.all()[0].message == "invalid YAML: this '{' is never closed");
}

TEST_CASE("yaml: empty, ~ and null plain values are null; quoted ones are text") {
  Parsed p = parse_text("a:\nb: ~\nc: null\nd: NULL\ne: ''\nf: \"null\"\ng: nul\n");
  REQUIRE(p.ok);
  for (const char* key : {"a", "b", "c", "d"}) CHECK(p.root.find(key)->is_null());
  CHECK(p.root.find("e")->is_scalar());
  CHECK(p.root.find("f")->value == "null");
  CHECK(p.root.find("g")->value == "nul");
}

TEST_CASE("yaml: offsets are bytes after multi-byte characters and across lines") {
  Parsed p = parse_text("tiêu_đề: Phường Trường Thi\nđịa_bàn:\n  - \"Xã Tân An\"\n  - Thôn Đông\n");
  REQUIRE(p.ok);
  const std::string& text = p.file.text();
  CHECK(p.root.find("tiêu_đề")->offset == text.find("Phường"));
  CHECK(p.root.entries[1].first.offset == text.find("địa_bàn"));
  CHECK(p.root.find("địa_bàn")->items[0].offset == text.find("Xã"));
  CHECK(p.root.find("địa_bàn")->items[1].offset == text.find("Thôn"));
}

TEST_CASE("yaml: kind_name names each kind for messages") {
  yaml::Node n;
  CHECK(std::string(n.kind_name()) == "nothing");
  n.kind = yaml::Node::Kind::scalar;
  CHECK(std::string(n.kind_name()) == "a single value");
  n.kind = yaml::Node::Kind::sequence;
  CHECK(std::string(n.kind_name()) == "a list");
  n.kind = yaml::Node::Kind::map;
  CHECK(std::string(n.kind_name()) == "a map");
}

TEST_CASE("yaml: a quoted value that is never closed is an error, not the rest of the file") {
  // The parser stops at the end of the input inside the value; the cause is the quote.
  Parsed p = parse_text("title: \"Giới thiệu\nweight: 1\n");
  CHECK_FALSE(p.ok);
  CHECK(all_text(p.diags) ==
        "data/x.yaml:1:8: error: this double quote is never closed\n"
        "  1 | title: \"Giới thiệu\n"
        "    |        ^\n"
        "  hint: end the value with a closing \"; until then every line after it is read as part of this value\n");

  Parsed single = parse_text("a: 1\nsummary: 'Phường ''An Bình\n");
  CHECK_FALSE(single.ok);
  REQUIRE(single.diags.all().size() == 1);
  CHECK(single.diags.all()[0].line == 2);
  CHECK(single.diags.all()[0].column == 10);
  CHECK(single.diags.all()[0].message == "this single quote is never closed");
}

TEST_CASE("yaml: closed quotes with escapes, doubled quotes and line breaks are fine") {
  Parsed p = parse_text("a: \"x \\\" y\"\nb: 'it''s'\nc: \"hai\n  dòng\"\nd: ''\ne: \"\\\\\"\n");
  CHECK_MESSAGE(p.ok, all_text(p.diags));
  CHECK(p.root.find("a")->value == "x \" y");
  CHECK(p.root.find("b")->value == "it's");
  CHECK(p.root.find("c")->value == "hai dòng");
  CHECK(p.root.find("d")->value == "");
  CHECK(p.root.find("e")->value == "\\");
}

TEST_CASE("yaml: the quote check reads only the given range") {
  // Front matter ends before the closing quote further down the file.
  SourceFile file("content/pages/a.vi.md", "---\ntitle: \"Giới thiệu\n---\n\nVăn bản có \" đóng.\n");
  yaml::Node root;
  Diagnostics diags;
  std::size_t begin = 4, end = file.text().find("---", 4);
  CHECK_FALSE(yaml::parse(file, begin, end, root, diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].message == "this double quote is never closed");
  CHECK(diags.all()[0].line == 2);
}

TEST_CASE("yaml: an unclosed quote inside a flow map is reported once, at the quote") {
  Parsed p = parse_text("length_m: {name: {vi: \"Chiều dài, en: Length}, unit: {vi: m, en: m}}\n");
  CHECK_FALSE(p.ok);
  REQUIRE(p.diags.all().size() == 1);
  CHECK(p.diags.all()[0].message == "this double quote is never closed");
  CHECK(p.diags.all()[0].column == 23);
}
