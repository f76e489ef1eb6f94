#include <doctest/doctest.h>

#include "core/file_system.hpp"
#include "test_util.hpp"
#include "theme/theme.hpp"

using namespace mb;

namespace {

const std::string kVi = "site/themes/t/i18n/vi.yaml";
const std::string kEn = "site/themes/t/i18n/en.yaml";

const std::string kViText =
    "paths:\n  localities: dia-phuong\n  reports: bao-cao\n"
    "strings:\n  home: Trang chủ\n  contents: Mục lục\n";
const std::string kEnText =
    "paths:\n  localities: localities\n  reports: reports\n"
    "qualifiers:\n  hơn: more than\n  khoảng: about\n"
    "strings:\n  home: Home\n  contents: Contents\n";

struct Loaded {
  theme::Theme theme;
  Diagnostics diags;
};

Loaded load(const std::string& vi, const std::string& en) {
  MemoryFileSystem fs;
  fs.add(kVi, vi);
  fs.add(kEn, en);
  Loaded out;
  out.theme.dir = "themes/t";
  theme::load_string_tables(fs, "site", out.theme, out.diags);
  return out;
}

}  // namespace

TEST_CASE("theme: string tables read UI strings, path segments and qualifiers") {
  Loaded l = load(kViText, kEnText);
  CHECK_MESSAGE(l.diags.empty(), test::all_text(l.diags));
  const theme::StringTable& vi = l.theme.table(Lang::vi);
  const theme::StringTable& en = l.theme.table(Lang::en);
  CHECK(vi.strings.at("home") == "Trang chủ");
  CHECK(en.strings.at("contents") == "Contents");
  CHECK(vi.paths.at("localities") == "dia-phuong");
  CHECK(en.paths.at("reports") == "reports");
  CHECK(en.qualifiers.at("hơn") == "more than");
  CHECK(vi.qualifiers.empty());
  REQUIRE(vi.file);
  CHECK(vi.file->path() == "themes/t/i18n/vi.yaml");
  CHECK(l.theme.sources == std::vector<std::string>{"themes/t/i18n/vi.yaml", "themes/t/i18n/en.yaml"});
}

TEST_CASE("theme: a UI string missing from en.yaml is an error") {
  Loaded l = load(kViText + "  latest_reports: Báo cáo mới nhất\n", kEnText);
  CHECK(l.diags.error_count() == 1);
  CHECK(test::all_text(l.diags) ==
        "themes/t/i18n/en.yaml:1:1: error: UI string 'latest_reports' is missing (it is defined in "
        "themes/t/i18n/vi.yaml)\n"
        "  hint: add 'latest_reports:' under 'strings'\n");
}

TEST_CASE("theme: a UI string or path segment missing from vi.yaml is an error") {
  Loaded l = load(kViText, kEnText + "  search: Search\n");
  CHECK(test::all_text(l.diags) ==
        "themes/t/i18n/vi.yaml:1:1: error: UI string 'search' is missing (it is defined in "
        "themes/t/i18n/en.yaml)\n"
        "  hint: add 'search:' under 'strings'\n");

  Loaded p = load("paths:\n  localities: dia-phuong\nstrings:\n  home: Trang chủ\n  contents: Mục lục\n", kEnText);
  CHECK(test::all_text(p.diags) ==
        "themes/t/i18n/vi.yaml:1:1: error: path segment 'reports' is missing (it is defined in "
        "themes/t/i18n/en.yaml)\n"
        "  hint: add 'reports:' under 'paths'\n");
}

TEST_CASE("theme: a path segment that is not lower-case ASCII is an error at its value") {
  Loaded l = load("paths:\n  localities: Địa Phương\n  reports: bao-cao\nstrings:\n  home: Trang chủ\n"
                  "  contents: Mục lục\n",
                  kEnText);
  CHECK(l.diags.error_count() == 1);
  CHECK(test::all_text(l.diags) ==
        "themes/t/i18n/vi.yaml:2:15: error: path segment 'Địa Phương' must be lower-case ASCII, digits and hyphens\n"
        "  2 |   localities: Địa Phương\n"
        "    |               ^~~~~~~~~~\n"
        "  hint: write it without diacritics or spaces, e.g. dia-phuong\n");

  Loaded slash = load(kViText, "paths:\n  localities: en/localities\n  reports: reports\nqualifiers: {}\n"
                               "strings:\n  home: Home\n  contents: Contents\n");
  REQUIRE(slash.diags.all().size() == 1);
  CHECK(slash.diags.all()[0].message ==
        "path segment 'en/localities' must be lower-case ASCII, digits and hyphens");
  CHECK(slash.diags.all()[0].path == "themes/t/i18n/en.yaml");
}

TEST_CASE("theme: qualifiers belong in en.yaml only, and unknown top-level keys are errors") {
  Loaded l = load(kViText + "qualifiers:\n  hơn: hơn\n", kEnText);
  REQUIRE(l.diags.all().size() == 1);
  CHECK(l.diags.all()[0].message == "unknown key 'qualifiers'");
  CHECK(l.diags.all()[0].path == "themes/t/i18n/vi.yaml");
  CHECK(l.diags.all()[0].line == 7);

  Loaded typo = load(kViText, kEnText + "strngs:\n  x: y\n");
  REQUIRE(typo.diags.all().size() == 1);
  CHECK(typo.diags.all()[0].message == "unknown key 'strngs'");
  CHECK(typo.diags.all()[0].hint == "did you mean 'strings'?");
}

TEST_CASE("theme: a missing string table is an error") {
  MemoryFileSystem fs;
  fs.add(kVi, kViText);
  theme::Theme t;
  t.dir = "themes/t";
  Diagnostics diags;
  theme::load_string_tables(fs, "site", t, diags);
  CHECK(test::all_text(diags) ==
        "themes/t/i18n/en.yaml:1:1: error: cannot read UI strings: No such file or directory\n"
        "  hint: every theme has i18n/vi.yaml and i18n/en.yaml\n");
  CHECK(t.table(Lang::vi).strings.at("home") == "Trang chủ");
  CHECK_FALSE(t.table(Lang::en).file);
}

TEST_CASE("theme: a string table that is not valid YAML is one error, not one per key") {
  Loaded l = load(kViText, "paths:\n  localities: localities\n  reports: reports\nstrings:\n  home: [Home\n  contents: Contents\n");
  REQUIRE(l.diags.all().size() == 1);
  CHECK(l.diags.all()[0].path == kEn.substr(5));
  CHECK(l.diags.all()[0].message.rfind("invalid YAML: ", 0) == 0);
  CHECK(l.theme.table(Lang::en).file == nullptr);
}
