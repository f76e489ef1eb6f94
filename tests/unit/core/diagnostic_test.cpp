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
