#include <doctest/doctest.h>

#include "core/source_file.hpp"
#include "test_util.hpp"

using namespace mb;

TEST_CASE("a diagnostic names path, line and column, then shows the line with a caret") {
  SourceFile file("content/a.vi.md", "---\ntitle: x\npopulaton: 14000\n---\n");
  Diagnostic d = file.at(Severity::error, file.text().find("populaton"), 9, "unknown front-matter key 'populaton'",
                         "did you mean 'population'?");
  CHECK(format_diagnostic(d) ==
        "content/a.vi.md:3:1: error: unknown front-matter key 'populaton'\n"
        "  3 | populaton: 14000\n"
        "    | ^~~~~~~~~\n"
        "  hint: did you mean 'population'?\n");
}

TEST_CASE("core: a diagnostic without a position prints path and message only") {
  Diagnostics diags;
  diags.error("site.yaml", "cannot read site.yaml: No such file or directory", "run minhbach in the site folder");
  REQUIRE(diags.all().size() == 1);
  CHECK(format_diagnostic(diags.all()[0]) ==
        "site.yaml:1:1: error: cannot read site.yaml: No such file or directory\n"
        "  hint: run minhbach in the site folder\n");
}

TEST_CASE("core: a diagnostic without a path starts at the severity") {
  Diagnostics diags;
  diags.warning("", "no pages to build");
  CHECK(format_diagnostic(diags.all()[0]) == "warning: no pages to build\n");
}

TEST_CASE("core: Diagnostics counts errors and warnings separately, append keeps both") {
  Diagnostics a;
  CHECK(a.empty());
  CHECK_FALSE(a.has_errors());
  a.warning("x", "w");
  CHECK_FALSE(a.empty());
  CHECK_FALSE(a.has_errors());
  CHECK(a.warning_count() == 1);
  Diagnostics b;
  b.error("y", "e1", "h");
  b.error("z", "e2", "h");
  a.append(b);
  CHECK(a.has_errors());
  CHECK(a.error_count() == 2);
  CHECK(a.warning_count() == 1);
  CHECK(a.all().size() == 3);
  CHECK(a.all()[1].message == "e1");
}

TEST_CASE("core: notes are printed between the caret and the hint") {
  Diagnostic d;
  d.path = "a.md";
  d.line = 12;
  d.column = 3;
  d.message = "broken link";
  d.source_line = "- [x](y.md)";
  d.span = 4;
  d.notes = {"in the English page", "included from list"};
  d.hint = "check the path";
  CHECK(format_diagnostic(d) ==
        "a.md:12:3: error: broken link\n"
        "  12 | - [x](y.md)\n"
        "     |   ^~~~\n"
        "  note: in the English page\n"
        "  note: included from list\n"
        "  hint: check the path\n");
}

TEST_CASE("core: the caret counts characters, not bytes, and keeps tabs") {
  Diagnostic d;
  d.path = "a.md";
  d.line = 1;
  d.column = 4;
  d.message = "m";
  d.source_line = "\tđã x";
  CHECK(format_diagnostic(d) ==
        "a.md:1:4: error: m\n"
        "  1 | \tđã x\n"
        "    | \t  ^\n");
}

TEST_CASE("core: sort_diagnostics orders by path, line and column, stably") {
  std::vector<Diagnostic> list(4);
  list[0].path = "b.md", list[0].line = 1, list[0].message = "b1";
  list[1].path = "a.md", list[1].line = 9, list[1].column = 2, list[1].message = "a9";
  list[2].path = "a.md", list[2].line = 9, list[2].column = 2, list[2].message = "a9-second";
  list[3].path = "a.md", list[3].line = 3, list[3].message = "a3";
  sort_diagnostics(list);
  CHECK(list[0].message == "a3");
  CHECK(list[1].message == "a9");
  CHECK(list[2].message == "a9-second");
  CHECK(list[3].message == "b1");
}
