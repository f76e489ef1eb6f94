#include <doctest/doctest.h>

#include <algorithm>

#include "core/file_system.hpp"
#include "test_util.hpp"
#include "theme/theme.hpp"

using namespace mb;

namespace {

const std::string kRoot = "site";
const std::string kTheme = "site/themes/t/templates/";
const std::string kSite = "site/templates/";

struct Loaded {
  theme::Theme theme;
  Diagnostics diags;
};

Loaded load(const MemoryFileSystem& fs) {
  Loaded out;
  out.theme.dir = "themes/t";
  theme::load_templates(fs, kRoot, out.theme, out.diags);
  return out;
}

}  // namespace

TEST_CASE("theme: partials are expanded into page templates, recursively") {
  MemoryFileSystem fs;
  fs.add(kTheme + "page.mustache", "{{> head}}<main>{{{body}}}</main>{{>footer}}\n");
  fs.add(kTheme + "home.mustache", "{{> head}}home\n");
  fs.add(kTheme + "partials/head.mustache", "<title>{{title}}</title>{{> meta }}");
  fs.add(kTheme + "partials/meta.mustache", "<meta charset=\"utf-8\">");
  fs.add(kTheme + "partials/footer.mustache", "<footer>{{t.footer_note}}</footer>");
  fs.add(kTheme + "notes.txt", "not a template");
  Loaded l = load(fs);
  CHECK_MESSAGE(l.diags.empty(), test::all_text(l.diags));
  REQUIRE(l.theme.templates.size() == 2);  // partials are not pages; other files are skipped
  CHECK(l.theme.templates.at("page") ==
        "<title>{{title}}</title><meta charset=\"utf-8\"><main>{{{body}}}</main><footer>{{t.footer_note}}</footer>\n");
  CHECK(l.theme.templates.at("home") == "<title>{{title}}</title><meta charset=\"utf-8\">home\n");
  // Every template file read is a source of the build.
  CHECK(l.theme.sources.size() == 5);
}

TEST_CASE("theme: a missing partial is an error at its tag, with a did-you-mean hint") {
  MemoryFileSystem fs;
  fs.add(kTheme + "page.mustache", "<!doctype html>\n<body>{{> heade}}\n</body>\n");
  fs.add(kTheme + "partials/header.mustache", "<header></header>");
  Loaded l = load(fs);
  CHECK(l.diags.error_count() == 1);
  CHECK(test::all_text(l.diags) ==
        "themes/t/templates/page.mustache:2:7: error: missing partial 'heade'\n"
        "  2 | <body>{{> heade}}\n"
        "    |       ^~~~~~~~~~~\n"
        "  hint: did you mean 'header'?\n");
}

TEST_CASE("theme: a missing partial with no near name points to the partials folder") {
  MemoryFileSystem fs;
  fs.add(kTheme + "page.mustache", "{{> sidebar}}");
  fs.add(kTheme + "partials/header.mustache", "<header></header>");
  Loaded l = load(fs);
  REQUIRE(l.diags.all().size() == 1);
  CHECK(l.diags.all()[0].message == "missing partial 'sidebar'");
  CHECK(l.diags.all()[0].hint == "partials live in templates/partials/<name>.mustache");
  CHECK(l.diags.all()[0].line == 1);
  CHECK(l.diags.all()[0].column == 1);
}

TEST_CASE("theme: a missing partial inside a shared partial is reported once") {
  MemoryFileSystem fs;
  fs.add(kTheme + "page.mustache", "{{> head}}page");
  fs.add(kTheme + "home.mustache", "{{> head}}home");
  fs.add(kTheme + "report.mustache", "{{> head}}report");
  fs.add(kTheme + "partials/head.mustache", "<head>{{> meta}}</head>");
  Loaded l = load(fs);
  REQUIRE(l.diags.all().size() == 1);
  CHECK(l.diags.all()[0].path == "themes/t/templates/partials/head.mustache");
  CHECK(l.diags.all()[0].message == "missing partial 'meta'");
  CHECK(l.diags.all()[0].column == 7);
}

TEST_CASE("theme: a UI string a template uses must be defined in both string tables") {
  MemoryFileSystem fs;
  fs.add(kTheme + "page.mustache", "<a>{{t.home}}</a>\n{{#t.contants}}<nav>{{t.contents}}</nav>{{/t.contants}}");
  fs.add("site/themes/t/i18n/vi.yaml", "strings:\n  home: Trang chủ\n  contents: Mục lục\n");
  fs.add("site/themes/t/i18n/en.yaml", "strings:\n  home: Home\n  contents: Contents\n");
  Loaded l;
  l.theme.dir = "themes/t";
  theme::load_string_tables(fs, kRoot, l.theme, l.diags);
  REQUIRE(l.diags.empty());
  theme::load_templates(fs, kRoot, l.theme, l.diags);
  CHECK(test::all_text(l.diags) ==
        "themes/t/templates/page.mustache:2:1: error: UI string 'contants' is not defined in themes/t/i18n/vi.yaml\n"
        "  2 | {{#t.contants}}<nav>{{t.contents}}</nav>{{/t.contants}}\n"
        "    | ^~~~~~~~~~~~~~~\n"
        "  hint: did you mean 'contents'?\n"
        "themes/t/templates/page.mustache:2:41: error: UI string 'contants' is not defined in themes/t/i18n/vi.yaml\n"
        "  2 | {{#t.contants}}<nav>{{t.contents}}</nav>{{/t.contants}}\n"
        "    |                                         ^~~~~~~~~~~~~~~\n"
        "  hint: did you mean 'contents'?\n");
}

TEST_CASE("theme: a circular partial is an error naming the cycle") {
  MemoryFileSystem fs;
  fs.add(kTheme + "page.mustache", "{{> a}}");
  fs.add(kTheme + "partials/a.mustache", "A{{> b}}");
  fs.add(kTheme + "partials/b.mustache", "B\n  {{> a}}");
  Loaded l = load(fs);
  CHECK(l.diags.error_count() == 1);
  CHECK(test::all_text(l.diags) ==
        "themes/t/templates/partials/b.mustache:2:3: error: partial 'a' includes itself (a → b → a)\n"
        "  2 |   {{> a}}\n"
        "    |   ^~~~~~~\n"
        "  hint: break the cycle: a partial cannot include a partial that includes it\n");

  MemoryFileSystem self;
  self.add(kTheme + "page.mustache", "{{> loop}}");
  self.add(kTheme + "partials/loop.mustache", "x{{> loop}}");
  Loaded s = load(self);
  REQUIRE(s.diags.all().size() == 1);
  CHECK(s.diags.all()[0].message == "partial 'loop' includes itself (loop → loop)");
}

TEST_CASE("theme: an unclosed section is an error at its line and column") {
  MemoryFileSystem fs;
  fs.add(kTheme + "page.mustache", "<ul>\n  {{#items}}<li>{{name}}</li>\n</ul>\n");
  Loaded l = load(fs);
  CHECK(l.diags.error_count() == 1);
  CHECK(test::all_text(l.diags) ==
        "themes/t/templates/page.mustache:2:3: error: template error: Unclosed section \"items\"\n"
        "  2 |   {{#items}}<li>{{name}}</li>\n"
        "    |   ^\n"
        "  hint: every {{#section}} and {{^section}} needs a matching {{/section}}\n");
  CHECK(l.theme.templates.empty());  // nothing is expanded once a template is broken
}

TEST_CASE("theme: an unclosed section in a partial is reported in the partial") {
  MemoryFileSystem fs;
  fs.add(kTheme + "page.mustache", "{{> list}}");
  fs.add(kTheme + "partials/list.mustache", "{{^empty}}\nnone\n");
  Loaded l = load(fs);
  REQUIRE(l.diags.all().size() == 1);
  CHECK(l.diags.all()[0].path == "themes/t/templates/partials/list.mustache");
  CHECK(l.diags.all()[0].line == 1);
  CHECK(l.diags.all()[0].column == 1);
  CHECK(l.diags.all()[0].message == "template error: Unclosed section \"empty\"");
}

TEST_CASE("theme: a template valid alone but broken once partials are included is an error") {
  // The partial changes the delimiters for the rest of the page, so the
  // page's literal "<%#a%>" opens a section once the partial is expanded.
  MemoryFileSystem fs;
  fs.add(kTheme + "page.mustache", "{{> delims}}<%#a%>x");
  fs.add(kTheme + "partials/delims.mustache", "{{=<% %>=}}");
  Loaded l = load(fs);
  REQUIRE(l.diags.all().size() == 1);
  const Diagnostic& d = l.diags.all()[0];
  CHECK(d.path == "themes/t/templates/page.mustache");
  CHECK(d.message.rfind("template error once partials are included: Unclosed section \"a\"", 0) == 0);
  CHECK(d.hint == "a section opened in a partial must close in the same partial");
}

TEST_CASE("theme: site templates/ override theme templates and partials of the same name") {
  MemoryFileSystem fs;
  fs.add(kTheme + "page.mustache", "theme page {{> footer}}");
  fs.add(kTheme + "home.mustache", "theme home {{> footer}}");
  fs.add(kTheme + "partials/footer.mustache", "theme footer");
  fs.add(kSite + "page.mustache", "site page {{> footer}}");
  fs.add(kSite + "partials/footer.mustache", "site footer");
  Loaded l = load(fs);
  CHECK_MESSAGE(l.diags.empty(), test::all_text(l.diags));
  CHECK(l.theme.templates.at("page") == "site page site footer");
  CHECK(l.theme.templates.at("home") == "theme home site footer");
  CHECK(std::find(l.theme.sources.begin(), l.theme.sources.end(), "templates/page.mustache") !=
        l.theme.sources.end());
  CHECK(std::find(l.theme.sources.begin(), l.theme.sources.end(), "templates/partials/footer.mustache") !=
        l.theme.sources.end());
}

TEST_CASE("theme: CRLF line endings in templates are normalized") {
  MemoryFileSystem fs;
  fs.add(kTheme + "page.mustache", "\xEF\xBB\xBF<p>\r\n{{> x}}\r\n</p>\r\n");
  fs.add(kTheme + "partials/x.mustache", "a\r\nb");
  Loaded l = load(fs);
  CHECK(l.diags.empty());
  CHECK(l.theme.templates.at("page") == "<p>\na\nb\n</p>\n");
}

TEST_CASE("theme: templates are not checked against a string table that could not be parsed") {
  MemoryFileSystem fs;
  fs.add("site/themes/t/templates/page.mustache", "<p>{{t.home}}</p>\n");
  fs.add("site/themes/t/i18n/vi.yaml", "strings:\n  home: Trang chủ\n");
  fs.add("site/themes/t/i18n/en.yaml", "strings:\n  home: \"Home\n");
  theme::Theme t;
  t.dir = "themes/t";
  Diagnostics diags;
  theme::load_string_tables(fs, "site", t, diags);
  theme::load_templates(fs, "site", t, diags);
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].message == "this double quote is never closed");
}
