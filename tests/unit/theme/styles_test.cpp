#include <doctest/doctest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "test_util.hpp"
#include "theme/theme.hpp"

using namespace mb;
namespace fs = std::filesystem;

namespace {

struct TempSite {
  std::string root;
  TempSite() {
    std::string pattern = (fs::temp_directory_path() / "mb-styles-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    root = pattern;
  }
  ~TempSite() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  void write(const std::string& rel, const std::string& text) const {
    fs::path p = fs::path(root) / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
};

struct Compiled {
  theme::Theme theme;
  Diagnostics diags;
};

Compiled compile(const TempSite& site) {
  Compiled out;
  out.theme.dir = "themes/t";
  theme::compile_styles(site.root, out.theme, out.diags);
  return out;
}

}  // namespace

TEST_CASE("theme: SCSS with @import compiles to compressed CSS") {
  TempSite site;
  site.write("themes/t/sass/main.scss", "@import 'base';\n.a { .b { color: $ink; } }\n");
  site.write("themes/t/sass/_base.scss", "$ink: #123456;\nbody { margin: 0; }\n");
  Compiled c = compile(site);
  CHECK_MESSAGE(c.diags.empty(), test::all_text(c.diags));
  CHECK(c.theme.css.find("body{margin:0}") != std::string::npos);
  CHECK(c.theme.css.find(".a .b{color:#123456}") != std::string::npos);
  CHECK(c.theme.sources == std::vector<std::string>{"themes/t/sass/main.scss"});
}

TEST_CASE("theme: a theme without sass/main.scss has no CSS and no error") {
  TempSite site;
  Compiled c = compile(site);
  CHECK(c.diags.empty());
  CHECK(c.theme.css.empty());
  CHECK(c.theme.sources.empty());
}

TEST_CASE("theme: an SCSS syntax error names the file and line") {
  TempSite site;
  site.write("themes/t/sass/main.scss", "body {\n  margin: 0;\n}\n\n.a { color: red; }}\n");
  Compiled c = compile(site);
  REQUIRE(c.diags.all().size() == 1);
  const Diagnostic& d = c.diags.all()[0];
  CHECK(d.severity == Severity::error);
  CHECK(d.path == "themes/t/sass/main.scss");
  CHECK(d.line == 5);
  CHECK(d.source_line == ".a { color: red; }}");
  CHECK(d.message.rfind("SCSS error: ", 0) == 0);
  CHECK(d.hint == "LibSass supports @import and plain SCSS, not @use or newer Sass modules");
  CHECK(c.theme.css.empty());
}

TEST_CASE("theme: an SCSS error in an imported partial names the partial") {
  TempSite site;
  site.write("themes/t/sass/main.scss", "@import 'layout';\n");
  site.write("themes/t/sass/_layout.scss", ".a {\n  width: $undefined-width;\n}\n");
  Compiled c = compile(site);
  REQUIRE(c.diags.all().size() == 1);
  const Diagnostic& d = c.diags.all()[0];
  CHECK(d.path == "themes/t/sass/_layout.scss");
  CHECK(d.line == 2);
  CHECK(d.column == 10);
  CHECK(d.message.find("Undefined variable") != std::string::npos);
  CHECK(format_diagnostic(d).find("  2 |   width: $undefined-width;\n    |          ^\n") != std::string::npos);
}
