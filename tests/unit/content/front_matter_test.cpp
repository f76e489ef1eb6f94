#include <doctest/doctest.h>

#include "content/front_matter.hpp"
#include "test_util.hpp"

using namespace mb;
using namespace mb::content;
using mb::test::all_text;

namespace {

std::string_view slice(const SourceFile& f, std::size_t begin, std::size_t end) {
  return std::string_view(f.text()).substr(begin, end - begin);
}

}  // namespace

TEST_CASE("content: split_front_matter finds the YAML and the body") {
  SourceFile f("content/_index.vi.md", "---\ntitle: Trang chủ\n---\n# Chào\n");
  Diagnostics diags;
  auto s = split_front_matter(f, diags);
  REQUIRE(s);
  CHECK(diags.empty());
  CHECK(slice(f, s->yaml_begin, s->yaml_end) == "title: Trang chủ\n");
  CHECK(std::string_view(f.text()).substr(s->body_begin) == "# Chào\n");
}

TEST_CASE("content: front matter may close with '...' and fences may have trailing blanks") {
  SourceFile f("a.vi.md", "--- \t\ntitle: x\n...\nbody");
  Diagnostics diags;
  auto s = split_front_matter(f, diags);
  REQUIRE(s);
  CHECK(slice(f, s->yaml_begin, s->yaml_end) == "title: x\n");
  CHECK(std::string_view(f.text()).substr(s->body_begin) == "body");
}

TEST_CASE("content: the body is empty when the closing fence ends the file") {
  SourceFile f("a.vi.md", "---\ntitle: x\n---");
  Diagnostics diags;
  auto s = split_front_matter(f, diags);
  REQUIRE(s);
  CHECK(s->body_begin == f.text().size());
  SourceFile empty_yaml("b.vi.md", "---\n---\n");
  auto e = split_front_matter(empty_yaml, diags);
  REQUIRE(e);
  CHECK(e->yaml_begin == e->yaml_end);
  CHECK(e->body_begin == empty_yaml.text().size());
  CHECK(diags.empty());
}

TEST_CASE("content: a body '---' after the front matter stays in the body") {
  SourceFile f("a.vi.md", "---\ntitle: x\n---\nabove\n\n---\n\nbelow\n");
  Diagnostics diags;
  auto s = split_front_matter(f, diags);
  REQUIRE(s);
  CHECK(slice(f, s->yaml_begin, s->yaml_end) == "title: x\n");
  CHECK(std::string_view(f.text()).substr(s->body_begin) == "above\n\n---\n\nbelow\n");
}

TEST_CASE("content: a file without front matter is an error at its first line") {
  SourceFile f("content/pages/about.vi.md", "title: x\n---\n");
  Diagnostics diags;
  CHECK_FALSE(split_front_matter(f, diags));
  CHECK(all_text(diags) ==
        "content/pages/about.vi.md:1:1: error: missing front matter\n"
        "  1 | title: x\n"
        "    | ^\n"
        "  hint: start the file with a '---' line, the YAML keys, then another '---' line\n");
}

TEST_CASE("content: an empty file and a '----' line have no front matter") {
  Diagnostics diags;
  CHECK_FALSE(split_front_matter(SourceFile("a.vi.md", ""), diags));
  CHECK_FALSE(split_front_matter(SourceFile("b.vi.md", "----\ntitle: x\n----\n"), diags));
  REQUIRE(diags.error_count() == 2);
  CHECK(diags.all()[0].message == "missing front matter");
  CHECK(diags.all()[1].message == "missing front matter");
}

TEST_CASE("content: front matter that is never closed is an error at the opening fence") {
  SourceFile f("content/pages/about.vi.md", "---\ntitle: x\n\nBody text\n");
  Diagnostics diags;
  CHECK_FALSE(split_front_matter(f, diags));
  CHECK(all_text(diags) ==
        "content/pages/about.vi.md:1:1: error: front matter is not closed\n"
        "  1 | ---\n"
        "    | ^~~\n"
        "  hint: end the front matter with a line containing only '---'\n");
}

TEST_CASE("content: CRLF files split once their line endings are normalized") {
  SourceFile f("a.vi.md", normalize_line_endings("\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\nbody\r\n"));
  Diagnostics diags;
  auto s = split_front_matter(f, diags);
  REQUIRE(s);
  CHECK(slice(f, s->yaml_begin, s->yaml_end) == "title: x\n");
  CHECK(std::string_view(f.text()).substr(s->body_begin) == "body\n");
}
