#include <doctest/doctest.h>

#include "content/classify.hpp"
#include "test_util.hpp"

using namespace mb;
using namespace mb::content;
using mb::test::all_text;

namespace {

Placement must_place(const std::string& path) {
  Diagnostics diags;
  auto p = classify(path, diags);
  INFO(path);
  INFO(all_text(diags));
  REQUIRE(p);
  CHECK(diags.empty());
  return *p;
}

// The diagnostic text for a path that has no place.
std::string refused(const std::string& path) {
  Diagnostics diags;
  auto p = classify(path, diags);
  CHECK_FALSE(p);
  CHECK(diags.error_count() == 1);
  return all_text(diags);
}

}  // namespace

TEST_CASE("content: classify places the home page in both languages") {
  Placement vi = must_place("content/_index.vi.md");
  CHECK(vi.role == Placement::Role::document);
  CHECK(vi.kind == Kind::home);
  CHECK(vi.lang == Lang::vi);
  CHECK(must_place("content/_index.en.md").lang == Lang::en);
}

TEST_CASE("content: classify places a free page") {
  Placement p = must_place("content/pages/gioi-thieu.en.md");
  CHECK(p.role == Placement::Role::document);
  CHECK(p.kind == Kind::page);
  CHECK(p.lang == Lang::en);
  CHECK(p.slug == "gioi-thieu");
  CHECK(p.locality.empty());
}

TEST_CASE("content: classify places a locality, its reports and its initiatives") {
  Placement loc = must_place("content/localities/truong-thi/_index.vi.md");
  CHECK(loc.kind == Kind::locality);
  CHECK(loc.locality == "truong-thi");
  CHECK(loc.slug == "truong-thi");
  Placement rep = must_place("content/localities/truong-thi/reports/2023-chi-thi-33.en.md");
  CHECK(rep.kind == Kind::report);
  CHECK(rep.lang == Lang::en);
  CHECK(rep.locality == "truong-thi");
  CHECK(rep.slug == "2023-chi-thi-33");
  Placement ini = must_place("content/localities/truong-thi/initiatives/tranh-bich-hoa.vi.md");
  CHECK(ini.kind == Kind::initiative);
  CHECK(ini.slug == "tranh-bich-hoa");
}

TEST_CASE("content: classify treats anything under a locality's files/ as an attachment") {
  for (const char* path : {"content/localities/truong-thi/files/bao-cao.pdf",
                           "content/localities/truong-thi/files/anh/Ảnh 1.JPG"}) {
    Placement p = must_place(path);
    CHECK(p.role == Placement::Role::attachment);
    CHECK(p.locality == "truong-thi");
  }
}

TEST_CASE("content: classify ignores dotfiles and dot-folders anywhere") {
  for (const char* path : {"content/.gitkeep", "content/pages/.about.vi.md.swp",
                           "content/localities/.trash/x.vi.md", "content/localities/a/files/.DS_Store"}) {
    Placement p = must_place(path);
    CHECK(p.role == Placement::Role::ignored);
  }
}

TEST_CASE("content: an invalid page slug is an error whose hint shows the slug to use") {
  CHECK(refused("content/pages/Giới thiệu.vi.md") ==
        "content/pages/Giới thiệu.vi.md:1:1: error: page name 'Giới thiệu' is not a valid slug\n"
        "  hint: use lower-case ASCII letters, digits and hyphens: rename it to 'gioi-thieu'\n");
}

TEST_CASE("content: an invalid locality folder is an error with the suggested slug") {
  CHECK(refused("content/localities/Trường Thi/_index.vi.md") ==
        "content/localities/Trường Thi/_index.vi.md:1:1: error: locality folder name 'Trường Thi' is not "
        "a valid slug\n"
        "  hint: use lower-case ASCII letters, digits and hyphens: rename it to 'truong-thi'\n");
}

TEST_CASE("content: invalid report and initiative slugs name their kind") {
  CHECK(refused("content/localities/a/reports/Bao_Cao.vi.md") ==
        "content/localities/a/reports/Bao_Cao.vi.md:1:1: error: report name 'Bao_Cao' is not a valid slug\n"
        "  hint: use lower-case ASCII letters, digits and hyphens: rename it to 'bao-cao'\n");
  CHECK(refused("content/localities/a/initiatives/x--y.vi.md").find(
            "error: initiative name 'x--y' is not a valid slug\n"
            "  hint: use lower-case ASCII letters, digits and hyphens: rename it to 'x-y'\n") !=
        std::string::npos);
}

TEST_CASE("content: a slug with nothing to keep gets no rename suggestion") {
  CHECK(refused("content/pages/___.vi.md") ==
        "content/pages/___.vi.md:1:1: error: page name '___' is not a valid slug\n"
        "  hint: use lower-case ASCII letters, digits and hyphens\n");
}

TEST_CASE("content: a Markdown file without a language suffix is an error") {
  CHECK(refused("content/pages/about.md") ==
        "content/pages/about.md:1:1: error: 'about.md' has no language suffix\n"
        "  hint: name it 'about.vi.md' (Vietnamese) or 'about.en.md' (English)\n");
  CHECK(refused("content/localities/a/reports/bc.fr.md") ==
        "content/localities/a/reports/bc.fr.md:1:1: error: 'bc.fr.md' has no language suffix\n"
        "  hint: name it 'bc.vi.md' (Vietnamese) or 'bc.en.md' (English)\n");
  CHECK(refused("content/_index.md").find("'_index.md' has no language suffix") != std::string::npos);
}

TEST_CASE("content: a file that is not Markdown outside files/ is an error") {
  CHECK(refused("content/pages/logo.png") ==
        "content/pages/logo.png:1:1: error: 'logo.png' is not a Markdown file (.vi.md or .en.md)\n"
        "  hint: content/ holds only Markdown pages; put attachments in the locality's files/ folder\n");
  CHECK(refused("content/localities/a/reports/bao-cao.pdf").find("is not a Markdown file") !=
        std::string::npos);
}

TEST_CASE("content: a page at the top of content/ belongs in pages/") {
  CHECK(refused("content/about.vi.md") ==
        "content/about.vi.md:1:1: error: 'about.vi.md' does not belong at the top of content/\n"
        "  hint: free pages go in content/pages/, e.g. content/pages/about.vi.md\n");
}

TEST_CASE("content: files outside the layout are errors with the layout in the hint") {
  const std::string tail =
      ": error: this file has no place in the content layout\n"
      "  hint: content/ holds _index.vi.md, pages/<page>.vi.md and localities/<locality>/ with "
      "_index.vi.md, reports/, initiatives/ and files/\n";
  for (const char* path : {"content/blog/post.vi.md", "content/pages/sub/x.vi.md",
                           "content/localities/a/notes.vi.md", "content/localities/a/reports/2023/x.vi.md",
                           "content/localities/a/other/x.vi.md", "content/localities/a/files"}) {
    CAPTURE(path);
    if (std::string(path) == "content/localities/a/files") {
      // files as a plain file directly in the locality folder is read as a page name.
      CHECK(refused(path).find("'files' is not a Markdown file") != std::string::npos);
      continue;
    }
    CHECK(refused(path) == std::string(path) + ":1:1" + tail);
  }
}

TEST_CASE("content: kind_name names each kind") {
  CHECK(std::string(kind_name(Kind::home)) == "home page");
  CHECK(std::string(kind_name(Kind::locality)) == "locality");
  CHECK(std::string(kind_name(Kind::report)) == "report");
  CHECK(std::string(kind_name(Kind::initiative)) == "initiative");
  CHECK(std::string(kind_name(Kind::page)) == "page");
}
