#include <doctest/doctest.h>

#include "config/site_config.hpp"
#include "test_util.hpp"

using namespace mb;
using mb::test::all_text;

namespace {

struct Loaded {
  config::SiteConfig config;
  Diagnostics diags;
};

Loaded load(std::string text) {
  SourceFile file("site.yaml", std::move(text));
  Loaded out;
  out.config = config::parse(file, out.diags);
  return out;
}

const char* kValid =
    "title: {vi: Minh bạch Trường Thi, en: Truong Thi Open Reports}\n"
    "description:\n"
    "  vi: Báo cáo công khai\n"
    "  en: Public reports\n"
    "publisher: {vi: UBND phường Trường Thi, en: Truong Thi Ward People's Committee}\n"
    "base_url: https://example.gov.vn/bao-cao\n"
    "languages: [vi, en]\n"
    "theme: civic\n"
    "edit_url: https://github.com/x/y/edit/main/\n";

}  // namespace

TEST_CASE("config: a valid site.yaml fills every field") {
  Loaded l = load(kValid);
  CHECK(all_text(l.diags) == "");
  const config::SiteConfig& c = l.config;
  CHECK(c.title.vi == "Minh bạch Trường Thi");
  CHECK(c.title.en == "Truong Thi Open Reports");
  CHECK(c.title[Lang::en] == "Truong Thi Open Reports");
  CHECK(c.description.vi == "Báo cáo công khai");
  CHECK(c.description.en == "Public reports");
  CHECK(c.publisher.en == "Truong Thi Ward People's Committee");
  CHECK(c.origin == "https://example.gov.vn");
  CHECK(c.base_path == "/bao-cao/");
  CHECK(c.base_url == "https://example.gov.vn/bao-cao/");
  CHECK(c.theme == "civic");
  CHECK(c.edit_url == "https://github.com/x/y/edit/main/");
}

TEST_CASE("config: the smallest site.yaml uses the default theme and no sub-path") {
  Loaded l = load("title: {vi: A, en: B}\nbase_url: http://localhost:1313\n");
  CHECK(l.diags.empty());
  CHECK(l.config.theme == "default");
  CHECK(l.config.origin == "http://localhost:1313");
  CHECK(l.config.base_path == "/");
  CHECK(l.config.base_url == "http://localhost:1313/");
  CHECK(l.config.description.vi.empty());
  CHECK(l.config.edit_url.empty());
}

TEST_CASE("config: split_base_url separates origin and sub-path") {
  std::string origin, path;
  REQUIRE(config::split_base_url("https://example.gov.vn/a/b/", origin, path));
  CHECK(origin == "https://example.gov.vn");
  CHECK(path == "/a/b/");
  REQUIRE(config::split_base_url("https://example.gov.vn/a/b", origin, path));
  CHECK(path == "/a/b/");
  REQUIRE(config::split_base_url("https://example.gov.vn", origin, path));
  CHECK(origin == "https://example.gov.vn");
  CHECK(path == "/");
  for (const char* bad : {"example.gov.vn", "ftp://example.gov.vn/", "https:///path", "https://",
                          "https://ex ample.vn/", "https://user@example.vn/", "https://example.vn?x=1",
                          "https://example.vn/a b/", "https://example.vn/a#top", "/bao-cao/"}) {
    CAPTURE(bad);
    CHECK_FALSE(config::split_base_url(bad, origin, path));
  }
}

TEST_CASE("config: a missing title is an error at the top of the file") {
  Loaded l = load("base_url: https://example.gov.vn/\n");
  CHECK(all_text(l.diags) ==
        "site.yaml:1:1: error: missing required key 'title' (the site title in vi and en)\n"
        "  1 | base_url: https://example.gov.vn/\n"
        "    | ^\n"
        "  hint: add a line 'title: ...' at this indentation\n");
}

TEST_CASE("config: a title without English is an error naming title.en") {
  Loaded l = load("title:\n  vi: Trang\nbase_url: https://example.gov.vn/\n");
  CHECK(all_text(l.diags) ==
        "site.yaml:2:3: error: missing required key 'title.en'\n"
        "  2 |   vi: Trang\n"
        "    |   ^\n"
        "  hint: add 'en: ...' under 'title:'\n");
  CHECK(l.config.title.vi == "Trang");
}

TEST_CASE("config: a title written as plain text must be a map") {
  Loaded l = load("title: Trang\nbase_url: https://example.gov.vn/\n");
  REQUIRE(l.diags.error_count() == 1);
  CHECK(l.diags.all()[0].message == "'title' must be a map of key: value pairs, found a single value");
}

TEST_CASE("config: a language other than vi and en inside title is an unknown key") {
  Loaded l = load("title: {vi: A, en: B, fr: C}\nbase_url: https://example.gov.vn/\n");
  CHECK(all_text(l.diags) ==
        "site.yaml:1:23: error: unknown language 'fr'\n"
        "  1 | title: {vi: A, en: B, fr: C}\n"
        "    |                       ^~\n");
}

TEST_CASE("config: a bad base_url is an error with an example") {
  Loaded l = load("title: {vi: A, en: B}\nbase_url: example.gov.vn/bao-cao\n");
  CHECK(all_text(l.diags) ==
        "site.yaml:2:11: error: 'base_url' must be an absolute http(s) URL, found 'example.gov.vn/bao-cao'\n"
        "  2 | base_url: example.gov.vn/bao-cao\n"
        "    |           ^~~~~~~~~~~~~~~~~~~~~~\n"
        "  hint: e.g. base_url: https://example.gov.vn/bao-cao/\n");
  CHECK(l.config.base_url.empty());
}

TEST_CASE("config: a missing base_url is an error") {
  Loaded l = load("title: {vi: A, en: B}\n");
  REQUIRE(l.diags.error_count() == 1);
  CHECK(l.diags.all()[0].message ==
        "missing required key 'base_url' (where the site is published, e.g. https://example.gov.vn/)");
}

TEST_CASE("config: languages must be exactly [vi, en]") {
  Loaded ok = load("title: {vi: A, en: B}\nbase_url: https://x.vn/\nlanguages:\n  - vi\n  - en\n");
  CHECK(ok.diags.empty());
  Loaded swapped = load("title: {vi: A, en: B}\nbase_url: https://x.vn/\nlanguages: [en, vi]\n");
  CHECK(all_text(swapped.diags) ==
        "site.yaml:3:12: error: 'languages' must be [vi, en]\n"
        "  3 | languages: [en, vi]\n"
        "    |            ^\n"
        "  hint: Minh Bạch publishes Vietnamese first and English second\n");
  Loaded one = load("title: {vi: A, en: B}\nbase_url: https://x.vn/\nlanguages: [vi]\n");
  CHECK(one.diags.error_count() == 1);
  Loaded text = load("title: {vi: A, en: B}\nbase_url: https://x.vn/\nlanguages: vi\n");
  REQUIRE(text.diags.error_count() == 1);
  CHECK(text.diags.all()[0].message == "'languages' must be a list, found a single value");
}

TEST_CASE("config: an unknown top-level key gets a did-you-mean hint") {
  Loaded l = load("title: {vi: A, en: B}\nbase_url: https://x.vn/\nbaseurl: https://x.vn/\n");
  CHECK(all_text(l.diags) ==
        "site.yaml:3:1: error: unknown key 'baseurl'\n"
        "  3 | baseurl: https://x.vn/\n"
        "    | ^~~~~~~\n"
        "  hint: did you mean 'base_url'?\n");
}

TEST_CASE("config: theme must be a plain folder name") {
  for (const char* bad : {"../evil", "a/b", "x.y", "\"\""}) {
    CAPTURE(bad);
    Loaded l = load(std::string("title: {vi: A, en: B}\nbase_url: https://x.vn/\ntheme: ") + bad + "\n");
    REQUIRE(l.diags.error_count() == 1);
    CHECK(l.diags.all()[0].message.rfind("'theme' must be the name of a folder in themes/", 0) == 0);
    CHECK(l.config.theme == "default");
  }
}

TEST_CASE("config: edit_url must be an http(s) URL when given") {
  Loaded bad = load("title: {vi: A, en: B}\nbase_url: https://x.vn/\nedit_url: github.com/x\n");
  REQUIRE(bad.diags.error_count() == 1);
  CHECK(bad.diags.all()[0].message == "'edit_url' must be an absolute http(s) URL");
  CHECK(bad.config.edit_url.empty());
  Loaded blank = load("title: {vi: A, en: B}\nbase_url: https://x.vn/\nedit_url: \"\"\n");
  CHECK(blank.diags.empty());
}

TEST_CASE("config: invalid YAML stops reading with the parser's diagnostic") {
  Loaded l = load("title: {vi: A, en: B\nbase_url: https://x.vn/\n");
  REQUIRE(l.diags.error_count() == 1);
  CHECK(l.diags.all()[0].message.rfind("invalid YAML: ", 0) == 0);
  CHECK(l.config.title.vi.empty());
}
