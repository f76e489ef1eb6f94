#include <doctest/doctest.h>

#include <algorithm>

#include "core/file_system.hpp"
#include "test_util.hpp"
#include "theme/theme.hpp"

using namespace mb;

namespace {

// A root that does not exist on disk, so compile_styles finds no SCSS.
const std::string kRoot = "/nonexistent-minhbach-test-site";

void add_minimal_theme(MemoryFileSystem& fs, const std::string& name) {
  const std::string t = kRoot + "/themes/" + name;
  fs.add(t + "/templates/page.mustache", "{{> head}}{{{body}}}");
  fs.add(t + "/templates/partials/head.mustache", "<title>{{title}}</title>");
  fs.add(t + "/i18n/vi.yaml", "paths:\n  localities: dia-phuong\nstrings:\n  home: Trang chủ\n");
  fs.add(t + "/i18n/en.yaml", "paths:\n  localities: localities\nstrings:\n  home: Home\n");
}

}  // namespace

TEST_CASE("theme: load reads templates, string tables and static files, site files overriding") {
  MemoryFileSystem fs;
  add_minimal_theme(fs, "plain");
  fs.add(kRoot + "/themes/plain/static/js/search.js", "theme js");
  fs.add(kRoot + "/themes/plain/static/icons/logo.svg", "<svg/>");
  fs.add(kRoot + "/themes/plain/static/.DS_Store", "junk");
  fs.add(kRoot + "/static/js/search.js", "site js");
  fs.add(kRoot + "/static/robots.txt", "User-agent: *");
  fs.add(kRoot + "/static/fonts/.hidden/x.woff2", "x");
  config::SiteConfig config;
  config.theme = "plain";
  Diagnostics diags;
  theme::Theme t = theme::load(fs, kRoot, config, diags);
  CHECK_MESSAGE(diags.empty(), test::all_text(diags));
  CHECK(t.dir == "themes/plain");
  CHECK(t.templates.at("page") == "<title>{{title}}</title>{{{body}}}");
  CHECK(t.table(Lang::en).paths.at("localities") == "localities");
  CHECK(t.css.empty());
  REQUIRE(t.static_files.size() == 3);
  CHECK(t.static_files[0].output == "icons/logo.svg");
  CHECK(t.static_files[0].source == "themes/plain/static/icons/logo.svg");
  CHECK(t.static_files[1].output == "js/search.js");
  CHECK(t.static_files[1].source == "static/js/search.js");  // the site's file wins
  CHECK(t.static_files[2].output == "robots.txt");
  CHECK(t.static_files[2].source == "static/robots.txt");
}

TEST_CASE("theme: a theme that does not exist is an error in site.yaml") {
  MemoryFileSystem fs;
  add_minimal_theme(fs, "plain");
  config::SiteConfig config;
  config.theme = "fancy";
  Diagnostics diags;
  theme::Theme t = theme::load(fs, kRoot, config, diags);
  CHECK(test::all_text(diags) ==
        "site.yaml:1:1: error: theme 'fancy' not found\n"
        "  hint: themes live in themes/<name>/; the bundled theme is 'default'\n");
  CHECK(t.templates.empty());
}

TEST_CASE("theme: the bundled default theme loads without diagnostics") {
  RealFileSystem fs;
  config::SiteConfig config;
  config.theme = "default";
  Diagnostics diags;
  theme::Theme t = theme::load(fs, MB_SOURCE_DIR, config, diags);
  CHECK_MESSAGE(diags.empty(), test::all_text(diags));
  for (const char* name : {"home", "localities", "locality", "report", "initiative", "page"}) {
    CAPTURE(name);
    REQUIRE(t.templates.count(name) == 1);
    CHECK(t.templates.at(name).find("{{>") == std::string::npos);  // partials expanded
    CHECK(t.templates.at(name).find("</html>") != std::string::npos);
  }
  CHECK_FALSE(t.css.empty());
  CHECK(t.css.find("@import") == std::string::npos);
  CHECK(t.table(Lang::vi).paths.at("localities") == "dia-phuong");
  CHECK(t.table(Lang::en).paths.at("reports") == "reports");
  CHECK(t.table(Lang::en).qualifiers.at("hơn") == "more than");
  CHECK(t.table(Lang::vi).strings.size() == t.table(Lang::en).strings.size());
  CHECK(std::find(t.sources.begin(), t.sources.end(), "themes/default/sass/main.scss") != t.sources.end());
}
