#include "site/render.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/file_system.hpp"
#include "site_fixture.hpp"

using namespace mb;

namespace {

const theme::Theme& default_theme() {
  static const theme::Theme theme = [] {
    RealFileSystem fs;
    config::SiteConfig config;
    Diagnostics diags;
    theme::Theme t = theme::load(fs, MB_SOURCE_DIR, config, diags);
    REQUIRE_MESSAGE(diags.empty(), test::all_text(diags));
    return t;
  }();
  return theme;
}

config::SiteConfig site_config() {
  config::SiteConfig c;
  c.title = {"Minh Bạch", "Minh Bach"};
  c.base_url = "https://example.gov.vn/bao-cao/";
  c.origin = "https://example.gov.vn";
  c.base_path = "/bao-cao/";
  return c;
}

const std::string kReportBody =
    "## Kết quả\n\nXem [mô hình](../initiatives/tranh-bich-hoa.md) và [bản gốc](../files/bao-cao-goc.pdf).\n\n"
    "## Kết quả\n\n| A | B |\n|---|---|\n| ~~1~~ | 2 |\n";

struct Built {
  std::map<std::string, OutputFile> files;
  std::vector<std::string> order;
  Diagnostics diags;
  const std::string& page(const std::string& path) const {
    auto it = files.find(path);
    REQUIRE_MESSAGE(it != files.end(), path);
    return it->second.data;
  }
};

Built render(const model::Site& site, unsigned jobs, const theme::Theme& theme = default_theme()) {
  static const std::string root = "/nonexistent-site";
  config::SiteConfig config = site_config();
  WorkerPool pool(jobs);
  Built b;
  indicators::Indicators series = indicators::build(site, b.diags);
  site::History history;  // no git: pages show no date
  for (OutputFile& f : site::render_site(pool, {site, config, theme, series, history, root}, b.diags)) {
    b.order.push_back(f.path);
    b.files[f.path] = std::move(f);
  }
  return b;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("site: render_site writes every page, the CSS and the attachments, sorted by path") {
  Diagnostics diags;
  model::Site site = test::sample_site(diags, kReportBody);
  REQUIRE_FALSE(diags.has_errors());
  Built b = render(site, 0);
  CHECK_MESSAGE(b.diags.empty(), test::all_text(b.diags));
  // Content pages; the indicator catalogue and a page per indicator; the
  // initiative catalogue and a page per facet value (field, year, locality,
  // status of the one initiative); the (empty) list of cited documents; the
  // open data; search, feeds, sitemap, 404 and translation status; the CSS,
  // the theme's scripts and the attachment.
  CHECK(b.order == std::vector<std::string>{
                       "404.html",
                       "about/index.html",
                       "atom.xml",
                       "chi-so/citizen-receptions/index.html",
                       "chi-so/index.html",
                       "chi-so/petitions-received/index.html",
                       "chi-so/petitions-resolved-rate/index.html",
                       "chi-so/petitions-resolved/index.html",
                       "chi-so/satisfaction-rate/index.html",
                       "css/main.css",
                       "data/citizen-receptions.csv",
                       "data/datapackage.json",
                       "data/indicators.csv",
                       "data/indicators.json",
                       "data/petitions-received.csv",
                       "data/petitions-resolved-rate.csv",
                       "data/petitions-resolved.csv",
                       "data/satisfaction-rate.csv",
                       "dia-phuong/index.html",
                       "dia-phuong/truong-thi/bao-cao/2023-chi-thi-33/index.html",
                       "dia-phuong/truong-thi/index.html",
                       "dia-phuong/truong-thi/mo-hinh/tranh-bich-hoa/index.html",
                       "en/404.html",
                       "en/about/index.html",
                       "en/atom.xml",
                       "en/documents/index.html",
                       "en/index.html",
                       "en/indicators/citizen-receptions/index.html",
                       "en/indicators/index.html",
                       "en/indicators/petitions-received/index.html",
                       "en/indicators/petitions-resolved-rate/index.html",
                       "en/indicators/petitions-resolved/index.html",
                       "en/indicators/satisfaction-rate/index.html",
                       "en/initiatives/field/culture-society/index.html",
                       "en/initiatives/index.html",
                       "en/initiatives/locality/truong-thi/index.html",
                       "en/initiatives/status/ongoing/index.html",
                       "en/initiatives/year/2023/index.html",
                       "en/localities/index.html",
                       "en/localities/truong-thi/index.html",
                       "en/localities/truong-thi/initiatives/tranh-bich-hoa/index.html",
                       "en/localities/truong-thi/reports/2023-chi-thi-33/index.html",
                       "en/search/docs/0.json",
                       "en/search/index.html",
                       "en/search/index.json",
                       "en/search/terms/0.json",
                       "en/translation-status/index.html",
                       "files/truong-thi/bao-cao-goc.pdf",
                       "index.html",
                       "js/print.js",
                       "js/search.js",
                       "mo-hinh/dia-phuong/truong-thi/index.html",
                       "mo-hinh/index.html",
                       "mo-hinh/linh-vuc/culture-society/index.html",
                       "mo-hinh/nam/2023/index.html",
                       "mo-hinh/tinh-trang/ongoing/index.html",
                       "robots.txt",
                       "sitemap.xml",
                       "tim-kiem/docs/0.json",
                       "tim-kiem/index.html",
                       "tim-kiem/index.json",
                       "tim-kiem/terms/0.json",
                       "trang-thai-dich/index.html",
                       "van-ban/index.html",
                   });
  CHECK(std::is_sorted(b.order.begin(), b.order.end()));
  CHECK(b.files.at("css/main.css").data == default_theme().css);
  const OutputFile& pdf = b.files.at("files/truong-thi/bao-cao-goc.pdf");
  CHECK(pdf.data.empty());
  CHECK(pdf.copy_from == "/nonexistent-site/content/localities/truong-thi/files/bao-cao-goc.pdf");
  // Generated files carry their bytes; only attachments and the theme's static files are copied.
  std::set<std::string> copied = {"files/truong-thi/bao-cao-goc.pdf"};
  for (const theme::StaticFile& f : default_theme().static_files) copied.insert(f.output);
  CHECK(copied == std::set<std::string>{"files/truong-thi/bao-cao-goc.pdf", "js/print.js", "js/search.js"});
  for (const auto& [path, file] : b.files) {
    CAPTURE(path);
    CHECK(file.copy_from.empty() == !copied.count(path));
    CHECK(file.data.empty() == !file.copy_from.empty());
  }
}

TEST_CASE("site: render_site writes one page per cited document in each language") {
  test::SiteBuilder sb;
  sb.basics();
  sb.add(test::kReportPath, test::report_vi("directives:\n  - 33/CT-TTg\n  - 41/KH-UBND\n"));
  sb.add("content/localities/truong-thi/reports/2023-chi-thi-33.en.md", test::report_en());
  Diagnostics diags;
  model::Site site = sb.build(diags);
  REQUIRE_FALSE(diags.has_errors());
  Built b = render(site, 0);
  CHECK_MESSAGE(b.diags.empty(), test::all_text(b.diags));
  std::vector<std::string> documents;
  for (const std::string& path : b.order)
    if (path.rfind("van-ban/", 0) == 0 || path.rfind("en/documents/", 0) == 0) documents.push_back(path);
  // No issuer is national in this catalogue: both are documents of truong-thi.
  CHECK(documents == std::vector<std::string>{
                         "en/documents/33-ct-ttg-truong-thi/index.html",
                         "en/documents/41-kh-ubnd-truong-thi/index.html",
                         "en/documents/index.html",
                         "van-ban/33-ct-ttg-truong-thi/index.html",
                         "van-ban/41-kh-ubnd-truong-thi/index.html",
                         "van-ban/index.html",
                     });
}

TEST_CASE("site: a report page carries its resolved links, heading ids and alternates") {
  Diagnostics diags;
  model::Site site = test::sample_site(diags, kReportBody);
  Built b = render(site, 0);
  const std::string& vi = b.page("dia-phuong/truong-thi/bao-cao/2023-chi-thi-33/index.html");
  CHECK(contains(vi, "<html lang=\"vi\">"));
  CHECK(contains(vi, "<a href=\"/bao-cao/dia-phuong/truong-thi/mo-hinh/tranh-bich-hoa/\">mô hình</a>"));
  CHECK(contains(vi, "<a href=\"/bao-cao/files/truong-thi/bao-cao-goc.pdf\">bản gốc</a>"));
  CHECK(contains(vi, "<h2 id=\"ket-qua\">Kết quả</h2>"));
  CHECK(contains(vi, "<h2 id=\"ket-qua-2\">Kết quả</h2>"));
  CHECK(contains(vi, "<del>1</del>"));
  CHECK(contains(vi, "<link rel=\"canonical\" href=\"https://example.gov.vn/bao-cao/dia-phuong/truong-thi/bao-cao/"
                     "2023-chi-thi-33/\">"));
  CHECK(contains(vi, "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.gov.vn/bao-cao/en/localities/"
                     "truong-thi/reports/2023-chi-thi-33/\">"));
  CHECK(contains(vi, "href=\"/bao-cao/en/localities/truong-thi/reports/2023-chi-thi-33/\" hreflang=\"en\""));
  CHECK(contains(vi, "<span class=\"num\">98%</span>"));

  const std::string& en = b.page("en/localities/truong-thi/reports/2023-chi-thi-33/index.html");
  CHECK(contains(en, "<html lang=\"en\">"));
  CHECK(contains(en, "Report"));
  CHECK_FALSE(contains(en, "class=\"notice untranslated\""));
  CHECK(contains(en, "over <span class=\"num\">98%</span>"));
}

TEST_CASE("site: figures use each language's format and qualifier") {
  Diagnostics diags;
  model::Site site = test::sample_site(diags);
  Built b = render(site, 0);
  CHECK(contains(b.page("dia-phuong/truong-thi/index.html"), "hơn <span class=\"num\">14.000</span>"));
  CHECK(contains(b.page("en/localities/truong-thi/index.html"), "more than <span class=\"num\">14,000</span>"));
  CHECK(contains(b.page("dia-phuong/truong-thi/mo-hinh/tranh-bich-hoa/index.html"),
                 "khoảng <span class=\"num\">200</span> m"));
  CHECK(contains(b.page("en/localities/truong-thi/initiatives/tranh-bich-hoa/index.html"),
                 "about <span class=\"num\">200</span> m"));
}

TEST_CASE("site: an untranslated page shows the Vietnamese text under /en/ with a notice; errors once") {
  Diagnostics diags;
  model::Site site = test::sample_site(diags, "Nội dung.\n", "Xem [trang mất](../pages/khong-co.md).\n");
  Built b = render(site, 0);
  CHECK(test::all_text(b.diags) ==
        "content/pages/about.vi.md:5:17: error: broken link '../pages/khong-co.md': no page "
        "content/pages/khong-co.md\n"
        "  5 | Xem [trang mất](../pages/khong-co.md).\n"
        "    |                 ^~~~~~~~~~~~~~~~~~~~\n"
        "  hint: link to a content file (../initiatives/x.md), an attachment (../files/x.pdf) or a page of the "
        "site (/dia-phuong/x/)\n");
  const std::string& en = b.page("en/about/index.html");
  CHECK(contains(en, "<html lang=\"en\">"));
  CHECK(contains(en, "<p class=\"notice untranslated\" role=\"note\">This page has not been translated into English yet."));
  CHECK(contains(en, "<h1 lang=\"vi\">Giới thiệu</h1>"));
  CHECK(contains(en, "<div class=\"prose\" lang=\"vi\">"));
  CHECK_FALSE(contains(en, "hreflang=\"en\" href=\"https://example.gov.vn/bao-cao/en/about/\""));
  CHECK(contains(en, "hreflang=\"x-default\" href=\"https://example.gov.vn/bao-cao/about/\""));
  CHECK_FALSE(contains(en, "khong-co"));
}

TEST_CASE("site: rendering is deterministic whatever the number of threads") {
  Diagnostics diags;
  model::Site site = test::sample_site(diags, kReportBody);
  Built one = render(site, 1);
  Built many = render(site, 4);
  REQUIRE(one.order == many.order);
  for (const auto& [path, file] : one.files) {
    CAPTURE(path);
    CHECK(file.data == many.files.at(path).data);
  }
}

TEST_CASE("site: a theme without a page template is an error and nothing is rendered") {
  Diagnostics diags;
  model::Site site = test::sample_site(diags);
  theme::Theme theme = default_theme();
  theme.templates.erase("initiative");
  Built b = render(site, 1, theme);
  CHECK(b.files.empty());
  CHECK(test::all_text(b.diags) ==
        "themes/default/templates:1:1: error: the theme has no 'initiative.mustache' template\n"
        "  hint: every theme provides home, localities, locality, report, initiative and page templates\n");
}

TEST_CASE("site: facet pages list a long facet by its current value and a link to the full list") {
  test::SiteBuilder b;
  b.basics();
  for (int i = 0; i < 45; ++i) {
    std::string slug = "xa-" + std::to_string(i);
    b.add("content/localities/" + slug + "/_index.vi.md", test::locality_vi("Xã Số " + std::to_string(i)));
    b.add("content/localities/" + slug + "/initiatives/mo-hinh.vi.md", test::initiative_vi());
  }
  Diagnostics diags;
  model::Site site = b.build(diags);
  REQUIRE_MESSAGE(!diags.has_errors(), test::all_text(diags));
  Built built = render(site, 0);
  auto count = [](const std::string& html, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = html.find(needle); at != std::string::npos; at = html.find(needle, at + 1)) ++n;
    return n;
  };
  // The catalogue lists all 45 localities, each a link to its facet page.
  const std::string& catalogue = built.page("mo-hinh/index.html");
  CHECK(count(catalogue, "href=\"/bao-cao/mo-hinh/dia-phuong/xa-") == 45);
  CHECK(contains(catalogue, "<h2 id=\"facet-locality\">"));
  CHECK_FALSE(contains(catalogue, "Xem đủ danh sách"));
  // A facet page shows its own locality, unlinked, and links to the full list;
  // short facets (field, year, status) stay complete.
  const std::string& field = built.page("mo-hinh/linh-vuc/culture-society/index.html");
  CHECK(count(field, "href=\"/bao-cao/mo-hinh/dia-phuong/xa-") == 0);
  CHECK(contains(field, "<a href=\"/bao-cao/mo-hinh/#facet-locality\">Xem đủ danh sách trên trang danh mục</a>"));
  const std::string& one = built.page("mo-hinh/dia-phuong/xa-7/index.html");
  CHECK(count(one, "href=\"/bao-cao/mo-hinh/dia-phuong/xa-") == 0);
  CHECK(contains(one, "<strong aria-current=\"page\">Xã Số 7 (1)</strong>"));
  CHECK(contains(one, "href=\"/bao-cao/mo-hinh/nam/2023/\""));
  const std::string& en = built.page("en/initiatives/locality/xa-7/index.html");
  CHECK(contains(en, "<a href=\"/bao-cao/en/initiatives/#facet-locality\">See the full list in the catalogue</a>"));
}
