#include "site/links.hpp"

#include <doctest/doctest.h>

#include "site_fixture.hpp"

using namespace mb;

TEST_CASE("site: normalize_path") {
  CHECK(site::normalize_path("content/a/b/../c.md") == "content/a/c.md");
  CHECK(site::normalize_path("content/./a//b.md") == "content/a/b.md");
  CHECK(site::normalize_path("content/a/b/..") == "content/a");
  CHECK(site::normalize_path("content/a/../../x.md") == "x.md");
  CHECK(site::normalize_path("content/../../x.md") == "");
  CHECK(site::normalize_path("../x") == "");
  CHECK(site::normalize_path("") == "");
  CHECK(site::normalize_path("/a/b/") == "a/b");
}

namespace {

struct Fixture {
  Diagnostics diags;
  model::Site site = test::sample_site(diags);
  theme::Theme theme = test::path_theme();
  site::Urls urls{"/bao-cao/", "https://example.gov.vn", theme};
  std::set<std::string> paths = test::route_paths(site::plan_routes(site, urls, site::cited_documents(site), diags));
  site::LinkResolver links{site, urls, paths};
  const content::Document& report = *site.find(content::Kind::report, "truong-thi", "2023-chi-thi-33")->vi;

  markdown::LinkResult resolve(std::string_view target, Lang lang = Lang::vi) const {
    return links.resolve(report, lang, target);
  }
};

const char* kHint =
    "link to a content file (../initiatives/x.md), an attachment (../files/x.pdf) or a page of the site "
    "(/dia-phuong/x/)";

}  // namespace

TEST_CASE("site: links to content files resolve to the page in the reader's language") {
  Fixture f;
  REQUIRE_FALSE(f.diags.has_errors());
  auto r = f.resolve("../initiatives/tranh-bich-hoa.md");
  CHECK(r.ok);
  CHECK(r.url == "/bao-cao/dia-phuong/truong-thi/mo-hinh/tranh-bich-hoa/");
  CHECK(f.resolve("../initiatives/tranh-bich-hoa.md", Lang::en).url ==
        "/bao-cao/en/localities/truong-thi/initiatives/tranh-bich-hoa/");
  CHECK(f.resolve("../initiatives/tranh-bich-hoa.vi.md#ket-qua", Lang::en).url ==
        "/bao-cao/en/localities/truong-thi/initiatives/tranh-bich-hoa/#ket-qua");
  CHECK(f.resolve("./2023-chi-thi-33.en.md").url == "/bao-cao/dia-phuong/truong-thi/bao-cao/2023-chi-thi-33/");
  CHECK(f.resolve("../_index.md").url == "/bao-cao/dia-phuong/truong-thi/");
}

TEST_CASE("site: @/ links are relative to content/") {
  Fixture f;
  CHECK(f.resolve("@/pages/about.md").url == "/bao-cao/about/");
  CHECK(f.resolve("@/pages/about.md", Lang::en).url == "/bao-cao/en/about/");
  CHECK(f.resolve("@/localities/truong-thi/_index.md").url == "/bao-cao/dia-phuong/truong-thi/");
  CHECK(f.resolve("@/_index.md", Lang::en).url == "/bao-cao/en/");
}

TEST_CASE("site: links to attachments go to files/<locality>/") {
  Fixture f;
  auto r = f.resolve("../files/bao-cao-goc.pdf");
  CHECK(r.ok);
  CHECK(r.url == "/bao-cao/files/truong-thi/bao-cao-goc.pdf");
  CHECK(f.resolve("@/localities/truong-thi/files/bao-cao-goc.pdf#page=2", Lang::en).url ==
        "/bao-cao/files/truong-thi/bao-cao-goc.pdf#page=2");
  auto missing = f.resolve("../files/mat.pdf");
  CHECK_FALSE(missing.ok);
  CHECK(missing.message ==
        "broken link '../files/mat.pdf': no page or attachment content/localities/truong-thi/files/mat.pdf");
  CHECK(missing.hint == kHint);
}

// Editors name files as they like: the link may spell the name out or
// percent-encode it, and the page's URL is encoded either way.
TEST_CASE("site: links to attachments with spaces, marks and '#' in their names") {
  Fixture f;
  f.site.attachments.insert("localities/truong-thi/files/Báo cáo #2.pdf");
  const char* url = "/bao-cao/files/truong-thi/B%C3%A1o%20c%C3%A1o%20%232.pdf";
  CHECK(f.resolve("../files/B%C3%A1o%20c%C3%A1o%20%232.pdf").url == url);
  CHECK(f.resolve("../files/Báo%20cáo%20%232.pdf#page=3").url == std::string(url) + "#page=3");
  auto unencoded_hash = f.resolve("../files/Báo cáo #2.pdf");  // '#' starts the fragment, as in any URL
  CHECK_FALSE(unencoded_hash.ok);
  CHECK(unencoded_hash.message ==
        "broken link '../files/Báo cáo #2.pdf': no page or attachment content/localities/truong-thi/files/Báo cáo ");
}

TEST_CASE("site: site-absolute links must name a route") {
  Fixture f;
  CHECK(f.resolve("/dia-phuong/truong-thi/").url == "/bao-cao/dia-phuong/truong-thi/");
  CHECK(f.resolve("/dia-phuong/truong-thi").url == "/bao-cao/dia-phuong/truong-thi/");
  CHECK(f.resolve("/bao-cao/en/localities/").url == "/bao-cao/en/localities/");
  CHECK(f.resolve("/dia-phuong/truong-thi/?a=1").url == "/bao-cao/dia-phuong/truong-thi/?a=1");
  auto r = f.resolve("/dia-phuong/dong-son/");
  CHECK_FALSE(r.ok);
  CHECK(r.message == "broken link '/dia-phuong/dong-son/': no page has the URL /bao-cao/dia-phuong/dong-son/");
}

TEST_CASE("site: a link to a missing page or outside content/ is broken") {
  Fixture f;
  auto r = f.resolve("../initiatives/khong-co.md");
  CHECK_FALSE(r.ok);
  CHECK(r.url.empty());
  CHECK(r.message ==
        "broken link '../initiatives/khong-co.md': no page content/localities/truong-thi/initiatives/khong-co.md");
  CHECK(r.hint == kHint);
  CHECK(f.resolve("@/pages/khong-co.md#x").message ==
        "broken link '@/pages/khong-co.md#x': no page content/pages/khong-co.md");
  CHECK(f.resolve("../../../../site.yaml").message == "broken link '../../../../site.yaml': it points outside content/");
  CHECK(f.resolve("../../../../../../etc/passwd").message ==
        "broken link '../../../../../../etc/passwd': it points outside content/");
}
