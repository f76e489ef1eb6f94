#include "model/site.hpp"

#include <doctest/doctest.h>

#include "model_fixture.hpp"

using namespace mb;
using content::Kind;

TEST_CASE("model: twins are paired into one page per (kind, locality, slug)") {
  test::SiteBuilder b;
  b.basics();
  b.add("content/localities/truong-thi/reports/2023-chi-thi-33.vi.md", test::report_vi());
  b.add("content/localities/truong-thi/reports/2023-chi-thi-33.en.md", test::report_en());
  b.add("content/pages/about.vi.md", "---\ntitle: Giới thiệu\n---\n");
  b.add("content/pages/about.en.md", "---\ntitle: About\n---\n");
  Diagnostics diags;
  model::Site site = b.build(diags);
  CHECK_MESSAGE(diags.empty(), test::all_text(diags));

  REQUIRE(site.pages.size() == 4);
  for (const model::Page& p : site.pages) {
    CHECK(p.translated());
    CHECK(p.vi->lang == Lang::vi);
    CHECK(p.en->lang == Lang::en);
    CHECK(p.vi->kind == p.kind);
    CHECK(p.en->slug == p.slug);
  }
  // Sorted by the Vietnamese source path.
  CHECK(site.pages[0].vi->path() == "content/_index.vi.md");
  CHECK(site.pages[1].vi->path() == "content/localities/truong-thi/_index.vi.md");
  CHECK(site.pages[2].vi->path() == "content/localities/truong-thi/reports/2023-chi-thi-33.vi.md");
  CHECK(site.pages[3].vi->path() == "content/pages/about.vi.md");

  const model::Page* report = site.find(Kind::report, "truong-thi", "2023-chi-thi-33");
  REQUIRE(report);
  CHECK(report->in(Lang::vi).title == "Báo cáo");
  CHECK(report->in(Lang::en).title == "Report");
  CHECK(report->en->path() == "content/localities/truong-thi/reports/2023-chi-thi-33.en.md");
  CHECK(site.find(Kind::report, "truong-thi", "nope") == nullptr);

  REQUIRE(site.home);
  CHECK(site.home->en->title == "Home");
  const model::Locality* loc = site.locality("truong-thi");
  REQUIRE(loc);
  CHECK(loc->page->vi->title == "Phường Trường Thi");
  REQUIRE(loc->reports.size() == 1);
  CHECK(loc->reports[0] == report);
  REQUIRE(site.free_pages.size() == 1);
  CHECK(site.free_pages[0]->slug == "about");
  CHECK(site.locality("nope") == nullptr);
}

TEST_CASE("model: an English page without a Vietnamese source is an error") {
  test::SiteBuilder b;
  b.basics();
  b.add("content/pages/contact.en.md", "---\ntitle: Contact\n---\n");
  Diagnostics diags;
  model::Site site = b.build(diags);
  CHECK(diags.error_count() == 1);
  CHECK(test::all_text(diags) ==
        "content/pages/contact.en.md:1:1: error: English page has no Vietnamese source\n"
        "  hint: create content/pages/contact.vi.md; the Vietnamese file is the source and holds the numbers\n");
  CHECK(site.find(Kind::page, "", "contact") == nullptr);
  CHECK(site.free_pages.empty());
}

TEST_CASE("model: a page without an English twin gives a warning and is still a page") {
  test::SiteBuilder b;
  b.basics();
  b.add("content/localities/truong-thi/initiatives/tranh-bich-hoa.vi.md", test::initiative_vi());
  Diagnostics diags;
  model::Site site = b.build(diags);
  CHECK(diags.error_count() == 0);
  CHECK(diags.warning_count() == 1);
  CHECK(test::all_text(diags) ==
        "content/localities/truong-thi/initiatives/tranh-bich-hoa.vi.md:1:1: warning: page has no English "
        "translation\n"
        "  hint: create content/localities/truong-thi/initiatives/tranh-bich-hoa.en.md; until then /en/ shows "
        "the Vietnamese text with a notice\n");
  const model::Page* p = site.find(Kind::initiative, "truong-thi", "tranh-bich-hoa");
  REQUIRE(p);
  CHECK_FALSE(p->translated());
  CHECK(&p->in(Lang::en) == p->vi);  // English readers get the Vietnamese document
}

TEST_CASE("model: a twin or profile that failed to parse is not reported again as missing") {
  test::SiteBuilder b;
  b.basics();
  b.add("content/pages/about.vi.md", "---\ntitle: Giới thiệu\n---\n");
  b.add("content/pages/contact.en.md", "---\ntitle: Contact\n---\n");
  b.add("content/localities/dong-son/initiatives/x.vi.md", test::initiative_vi());
  b.inputs.unreadable = {"content/pages/about.en.md", "content/pages/contact.vi.md",
                         "content/localities/dong-son/_index.vi.md", "content/localities/dong-son/initiatives/x.en.md"};
  Diagnostics diags;
  model::Site site = b.build(diags);
  CHECK_MESSAGE(diags.empty(), test::all_text(diags));
  CHECK(site.find(content::Kind::page, "", "about") != nullptr);
  CHECK(site.find(content::Kind::page, "", "contact") == nullptr);
}

TEST_CASE("model: a locality folder without _index is an error") {
  test::SiteBuilder b;
  b.basics();
  b.add("content/localities/dong-son/reports/2023-chi-thi-33.vi.md", test::report_vi());
  b.add("content/localities/dong-son/reports/2023-chi-thi-33.en.md", test::report_en());
  Diagnostics diags;
  model::Site site = b.build(diags);
  CHECK(diags.error_count() == 1);
  CHECK(test::all_text(diags) ==
        "content/localities/dong-son/reports/2023-chi-thi-33.vi.md:1:1: error: locality 'dong-son' has no "
        "profile page\n"
        "  hint: create content/localities/dong-son/_index.vi.md with its title, kind and province\n");
  CHECK(site.locality("dong-son") == nullptr);
  CHECK(site.locality("truong-thi") != nullptr);
}

TEST_CASE("model: a locality with only initiatives and no _index is an error too") {
  test::SiteBuilder b;
  b.add("content/_index.vi.md", test::home_vi());
  b.add("content/_index.en.md", test::home_en());
  b.add("content/localities/dong-son/initiatives/x.vi.md", test::initiative_vi());
  Diagnostics diags;
  b.build(diags);
  auto found = test::matching(diags, "locality 'dong-son' has no profile page");
  REQUIRE(found.size() == 1);
  CHECK(found[0].path == "content/localities/dong-son/initiatives/x.vi.md");
}

TEST_CASE("model: a locality folder holding only attachments is an error, once") {
  test::SiteBuilder b;
  b.basics();
  b.attach("localities/dong-son/files/a.pdf");
  b.attach("localities/dong-son/files/b.pdf");
  b.attach("localities/truong-thi/files/c.pdf");  // a locality with a profile
  b.add("content/localities/vinh-quang/reports/2023-chi-thi-33.vi.md", test::report_vi());
  b.add("content/localities/vinh-quang/reports/2023-chi-thi-33.en.md", test::report_en());
  b.attach("localities/vinh-quang/files/d.pdf");  // reported at its report already
  Diagnostics diags;
  b.build(diags);
  CHECK(test::all_text(diags) ==
        "content/localities/vinh-quang/reports/2023-chi-thi-33.vi.md:1:1: error: locality 'vinh-quang' has no "
        "profile page\n"
        "  hint: create content/localities/vinh-quang/_index.vi.md with its title, kind and province\n"
        "content/localities/dong-son/files/a.pdf:1:1: error: locality 'dong-son' has no profile page\n"
        "  hint: create content/localities/dong-son/_index.vi.md with its title, kind and province\n");
}

TEST_CASE("model: a site without a home page is an error") {
  test::SiteBuilder b;
  b.add("content/localities/truong-thi/_index.vi.md", test::locality_vi());
  b.add("content/localities/truong-thi/_index.en.md", test::locality_en());
  Diagnostics diags;
  model::Site site = b.build(diags);
  CHECK(site.home == nullptr);
  CHECK(test::all_text(diags) ==
        "content/_index.vi.md:1:1: error: the site has no home page\n"
        "  hint: create content/_index.vi.md with a title and a short introduction\n");
}

TEST_CASE("model: reports are newest first, initiatives by year then slug, free pages by weight") {
  test::SiteBuilder b;
  b.basics();
  const std::string r = "content/localities/truong-thi/reports/";
  b.add(r + "a-2023-q1.vi.md", test::report_vi("", "2023-03-31"));
  b.add(r + "b-2023.vi.md", test::report_vi("", "2023-12-31"));
  b.add(r + "c-2023-half.vi.md", test::report_vi("", "2023-06-30"));
  const std::string i = "content/localities/truong-thi/initiatives/";
  b.add(i + "old.vi.md", test::initiative_vi("", "culture-society", 2019));
  b.add(i + "zeta.vi.md", test::initiative_vi("", "culture-society", 2023));
  b.add(i + "alpha.vi.md", test::initiative_vi("", "culture-society", 2023));
  b.add("content/pages/z-first.vi.md", "---\ntitle: Z\nweight: 1\n---\n");
  b.add("content/pages/b-second.vi.md", "---\ntitle: B\nweight: 2\n---\n");
  b.add("content/pages/a-second.vi.md", "---\ntitle: A\nweight: 2\n---\n");
  Diagnostics diags;
  model::Site site = b.build(diags);
  CHECK(diags.error_count() == 0);
  CHECK(diags.warning_count() == 9);  // none of them is translated

  const model::Locality* loc = site.locality("truong-thi");
  REQUIRE(loc);
  std::vector<std::string> reports, initiatives, pages;
  for (const model::Page* p : loc->reports) reports.push_back(p->slug);
  for (const model::Page* p : loc->initiatives) initiatives.push_back(p->slug);
  for (const model::Page* p : site.free_pages) pages.push_back(p->slug);
  CHECK(reports == std::vector<std::string>{"b-2023", "c-2023-half", "a-2023-q1"});
  CHECK(initiatives == std::vector<std::string>{"alpha", "zeta", "old"});
  CHECK(pages == std::vector<std::string>{"z-first", "a-second", "b-second"});
}
