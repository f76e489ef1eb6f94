#include "site/routes.hpp"

#include <doctest/doctest.h>

#include <map>

#include "site/facets.hpp"
#include "site_fixture.hpp"

using namespace mb;

TEST_CASE("site: one route per page per language, plus the lists and catalogues") {
  Diagnostics diags;
  model::Site site = test::sample_site(diags);
  REQUIRE_FALSE(diags.has_errors());
  theme::Theme theme = test::path_theme();
  site::Urls urls("/bao-cao/", "https://example.gov.vn", theme);
  Diagnostics route_diags;
  std::vector<site::CitedDocument> documents = site::cited_documents(site);
  std::vector<site::Route> routes = site::plan_routes(site, urls, documents, route_diags);
  CHECK(route_diags.empty());
  std::vector<site::Route> content_routes;
  std::map<site::RouteKind, int> made;
  for (const site::Route& r : routes) {
    if (r.page || r.kind == site::RouteKind::localities)
      content_routes.push_back(r);
    else
      ++made[r.kind];
  }
  REQUIRE(content_routes.size() == 2 * (1 + site.pages.size()));
  // Per language: the indicator list and one page per indicator, the
  // initiative catalogue and a page per facet value, the document list and
  // one page per cited document.
  CHECK(made[site::RouteKind::indicators] == 2);
  CHECK(made[site::RouteKind::indicator] == 2 * static_cast<int>(site.catalogue.indicators.size()));
  CHECK(made[site::RouteKind::initiatives] == 2);
  CHECK(made[site::RouteKind::initiative_facet] == 2 * static_cast<int>(site::facet_values(site).size()));
  CHECK(made[site::RouteKind::documents] == 2);
  CHECK(made[site::RouteKind::document] == 2 * static_cast<int>(documents.size()));
  CHECK(test::route_paths(content_routes) ==
        std::set<std::string>{"/bao-cao/",
                              "/bao-cao/about/",
                              "/bao-cao/dia-phuong/",
                              "/bao-cao/dia-phuong/truong-thi/",
                              "/bao-cao/dia-phuong/truong-thi/bao-cao/2023-chi-thi-33/",
                              "/bao-cao/dia-phuong/truong-thi/mo-hinh/tranh-bich-hoa/",
                              "/bao-cao/en/",
                              "/bao-cao/en/about/",
                              "/bao-cao/en/localities/",
                              "/bao-cao/en/localities/truong-thi/",
                              "/bao-cao/en/localities/truong-thi/reports/2023-chi-thi-33/",
                              "/bao-cao/en/localities/truong-thi/initiatives/tranh-bich-hoa/"});
  CHECK(routes[0].kind == site::RouteKind::localities);
  CHECK(routes[0].lang == Lang::vi);
  CHECK(routes[0].page == nullptr);
  for (const site::Route& r : routes)
    if (r.page) CHECK(r.path == urls.page(*r.page, r.lang));
}

TEST_CASE("site: a free page colliding with the list of localities is an error") {
  test::SiteBuilder b;
  b.basics();
  b.add("content/pages/dia-phuong.vi.md", "---\ntitle: Địa phương\n---\n");
  b.add("content/pages/dia-phuong.en.md", "---\ntitle: Localities\n---\n");
  Diagnostics diags;
  model::Site site = b.build(diags);
  REQUIRE(diags.empty());
  theme::Theme theme = test::path_theme();
  site::Urls urls("/bao-cao/", "https://example.gov.vn", theme);
  site::plan_routes(site, urls, site::cited_documents(site), diags);
  CHECK(test::all_text(diags) ==
        "content/pages/dia-phuong.vi.md:1:1: error: two pages produce the same URL /bao-cao/dia-phuong/\n"
        "  hint: rename one of them; the other is the list of localities\n");
}

TEST_CASE("site: a free page taking the English home page's URL is the file blamed") {
  test::SiteBuilder b;
  b.basics();
  b.add("content/pages/en.vi.md", "---\ntitle: Tiếng Anh\n---\n");
  b.add("content/pages/en.en.md", "---\ntitle: English\n---\n");
  Diagnostics diags;
  model::Site site = b.build(diags);
  REQUIRE(diags.empty());
  theme::Theme theme = test::path_theme();
  site::Urls urls("/bao-cao/", "https://example.gov.vn", theme);
  site::plan_routes(site, urls, site::cited_documents(site), diags);
  CHECK(diags.error_count() == 1);
  CHECK(test::all_text(diags) ==
        "content/pages/en.vi.md:1:1: error: two pages produce the same URL /bao-cao/en/\n"
        "  hint: rename one of them; the other is content/_index.en.md\n");
}
