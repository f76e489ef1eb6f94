#include "site/facets.hpp"

#include <doctest/doctest.h>

#include <memory>

#include "model/model_fixture.hpp"

using namespace mb;

namespace {

const std::string kInitiatives = "content/localities/truong-thi/initiatives/";

// Three initiatives in two localities; khong-nam gives no year.
std::unique_ptr<model::Site> sample() {
  test::SiteBuilder b;
  b.basics();
  b.add("content/localities/phu-tien/_index.vi.md", test::locality_vi("Xã Phú Tiến"));
  b.add(kInitiatives + "tranh-bich-hoa.vi.md", test::initiative_vi());
  b.add(kInitiatives + "san-choi.vi.md",
        "---\ntitle: Sân chơi\nfield: party-government\nyear: 2021\nstatus: completed\n---\n");
  b.add(kInitiatives + "cay-xanh.vi.md", "---\ntitle: Cây xanh\nfield: culture-society\nyear: 2023\nstatus: ongoing\n---\n");
  b.add("content/localities/phu-tien/initiatives/khong-nam.vi.md",
        "---\ntitle: Không năm\nfield: culture-society\nstatus: registered\n---\n");
  Diagnostics diags;
  auto site = std::make_unique<model::Site>(b.build(diags));
  REQUIRE_MESSAGE(!diags.has_errors(), test::all_text(diags));
  return site;
}

const model::Page& initiative(const model::Site& site, const std::string& locality, const std::string& slug) {
  const model::Page* p = site.find(content::Kind::initiative, locality, slug);
  REQUIRE_MESSAGE(p, slug);
  return *p;
}

}  // namespace

TEST_CASE("site: facet_value reads field, year, locality and status of an initiative") {
  auto site = sample();
  const model::Page& murals = initiative(*site, "truong-thi", "tranh-bich-hoa");
  CHECK(site::facet_value(murals, "field") == "culture-society");
  CHECK(site::facet_value(murals, "year") == "2023");
  CHECK(site::facet_value(murals, "locality") == "truong-thi");
  CHECK(site::facet_value(murals, "status") == "ongoing");
  CHECK(site::facet_value(murals, "colour") == "");
  const model::Page& no_year = initiative(*site, "phu-tien", "khong-nam");
  CHECK(site::facet_value(no_year, "year") == "");  // not "0"
  CHECK(site::facet_value(no_year, "locality") == "phu-tien");
  CHECK(site::facet_value(no_year, "status") == "registered");
}

TEST_CASE("site: facet_values lists each value once, in facet order then value order") {
  auto site = sample();
  using Values = std::vector<std::pair<std::string, std::string>>;
  CHECK(site::facet_values(*site) == Values{{"field", "culture-society"},
                                            {"field", "party-government"},
                                            {"year", "2021"},
                                            {"year", "2023"},
                                            {"locality", "phu-tien"},
                                            {"locality", "truong-thi"},
                                            {"status", "completed"},
                                            {"status", "ongoing"},
                                            {"status", "registered"}});
}

TEST_CASE("site: a site without initiatives has no facet values") {
  test::SiteBuilder b;
  b.basics();
  Diagnostics diags;
  model::Site site = b.build(diags);
  CHECK(site::facet_values(site).empty());
  CHECK(site::all_initiatives(site).empty());
}

TEST_CASE("site: all_initiatives goes by locality slug, then newest year, then slug") {
  auto site = sample();
  std::vector<std::string> order;
  for (const model::Page* p : site::all_initiatives(*site)) order.push_back(p->locality + "/" + p->slug);
  CHECK(order == std::vector<std::string>{"phu-tien/khong-nam", "truong-thi/cay-xanh", "truong-thi/tranh-bich-hoa",
                                          "truong-thi/san-choi"});
}

TEST_CASE("site: index_facets knows where each facet's values are and which initiatives have each") {
  auto site = sample();
  site::FacetIndex index = site::index_facets(*site);
  using Range = std::pair<std::size_t, std::size_t>;
  // field 0–1, year 2–3, locality 4–5, status 6–8, as in facet_values.
  CHECK(index.ranges == std::vector<Range>{{0, 2}, {2, 4}, {4, 6}, {6, 9}});
  CHECK(index.find("year", "2023") == 3);
  CHECK(index.find("locality", "phu-tien") == 4);
  CHECK(index.find("year", "1999") == index.values.size());
  CHECK(index.find("colour", "2023") == index.values.size());
  std::vector<std::string> in_2023;
  for (const model::Page* p : index.of("year", "2023")) in_2023.push_back(p->slug);
  CHECK(in_2023 == std::vector<std::string>{"cay-xanh", "tranh-bich-hoa"});
  CHECK(index.of("year", "1999").empty());
}

TEST_CASE("site: a facet no initiative has gets an empty range") {
  test::SiteBuilder b;
  b.basics();
  b.add(kInitiatives + "khong-nam.vi.md", "---\ntitle: Không năm\nfield: culture-society\nstatus: registered\n---\n");
  Diagnostics diags;
  model::Site site = b.build(diags);
  REQUIRE_MESSAGE(!diags.has_errors(), test::all_text(diags));
  site::FacetIndex index = site::index_facets(site);
  using Range = std::pair<std::size_t, std::size_t>;
  // field 0, no year, locality 1, status 2.
  CHECK(index.ranges == std::vector<Range>{{0, 1}, {1, 1}, {1, 2}, {2, 3}});
}
