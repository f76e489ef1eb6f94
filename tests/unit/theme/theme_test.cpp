#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

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

namespace {

struct TempSite {
  std::filesystem::path path;
  TempSite() {
    std::string templ = (std::filesystem::temp_directory_path() / "mb-theme-test-XXXXXX").string();
    REQUIRE(::mkdtemp(templ.data()) != nullptr);
    path = templ;
  }
  ~TempSite() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  void write(const std::string& rel, const std::string& data) const {
    std::filesystem::create_directories((path / rel).parent_path());
    std::ofstream(path / rel, std::ios::binary) << data;
  }
};

}  // namespace

TEST_CASE("theme: a symbolic link in static/, the theme's static/ or templates/ is an error") {
  TempSite site;
  const std::string t = "themes/plain";
  site.write(t + "/templates/page.mustache", "{{> head}}{{{body}}}");
  site.write(t + "/templates/partials/head.mustache", "<title>{{title}}</title>");
  site.write(t + "/i18n/vi.yaml", "paths:\n  localities: dia-phuong\nstrings:\n  home: Trang chủ\n");
  site.write(t + "/i18n/en.yaml", "paths:\n  localities: localities\nstrings:\n  home: Home\n");
  site.write(t + "/static/js/search.js", "js");
  site.write("outside/secret.txt", "secret");
  std::filesystem::create_symlink(site.path / "outside/secret.txt", site.path / t / "static/secret.txt");
  std::filesystem::create_directories(site.path / "static");
  std::filesystem::create_directory_symlink(site.path / "outside", site.path / "static/docs");
  std::filesystem::create_symlink(site.path / "outside/secret.txt", site.path / "static/.hidden-link");
  std::filesystem::create_symlink(site.path / t / "templates/page.mustache", site.path / t / "templates/home.mustache");
  RealFileSystem fs;
  config::SiteConfig config;
  config.theme = "plain";
  Diagnostics diags;
  theme::Theme th = theme::load(fs, site.path.string(), config, diags);
  CHECK(test::all_text(diags) ==
        "themes/plain/templates/home.mustache:1:1: error: symbolic links are not followed in themes/plain/templates/\n"
        "  hint: copy the file into the site instead of linking to it\n"
        "themes/plain/static/secret.txt:1:1: error: symbolic links are not followed in themes/plain/static/\n"
        "  hint: copy the file into the site instead of linking to it\n"
        "static/docs:1:1: error: symbolic links are not followed in static/\n"
        "  hint: copy the file into the site instead of linking to it\n");
  REQUIRE(th.static_files.size() == 1);
  CHECK(th.static_files[0].output == "js/search.js");
  CHECK(th.templates.count("home") == 0);
}

TEST_CASE("theme: a template or UI string file that is not UTF-8 is one error at its first bad byte") {
  MemoryFileSystem fs;
  add_minimal_theme(fs, "plain");
  fs.add(kRoot + "/themes/plain/templates/partials/head.mustache", "<title>{{title}} \xe1 · Trang \xff</title>");
  fs.add(kRoot + "/themes/plain/i18n/en.yaml", "paths:\n  localities: localities\nstrings:\n  home: H\xf4me\n");
  config::SiteConfig config;
  config.theme = "plain";
  Diagnostics diags;
  theme::Theme t = theme::load(fs, kRoot, config, diags);
  CHECK(test::all_text(diags) ==
        "themes/plain/i18n/en.yaml:4:10: error: file is not valid UTF-8\n"
        "  4 |   home: H\xEF\xBF\xBDme\n"
        "    |          ^\n"
        "  hint: save the file as UTF-8 (in most editors: Save with Encoding → UTF-8)\n"
        "themes/plain/templates/partials/head.mustache:1:18: error: file is not valid UTF-8\n"
        "  1 | <title>{{title}} \xEF\xBF\xBD · Trang \xEF\xBF\xBD</title>\n"
        "    |                  ^\n"
        "  hint: save the file as UTF-8 (in most editors: Save with Encoding → UTF-8)\n");
  // The files are still used, so nothing else (a missing partial, a missing
  // UI string) is reported for them.
  CHECK(t.templates.at("page") == "<title>{{title}} \xEF\xBF\xBD · Trang \xEF\xBF\xBD</title>{{{body}}}");
  CHECK(t.table(Lang::en).strings.at("home") == "H\xEF\xBF\xBDme");
}

TEST_CASE("theme: text_file drops a BOM and CRLF") {
  Diagnostics diags;
  auto f = theme::text_file("themes/t/i18n/vi.yaml", "\xEF\xBB\xBFstrings:\r\n  home: Trang chủ\r\n", diags);
  CHECK(diags.empty());
  CHECK(f->text() == "strings:\n  home: Trang chủ\n");
}
