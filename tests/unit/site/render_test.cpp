#include "site/render.hpp"

#include <doctest/doctest.h>

#include <map>

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
  for (OutputFile& f : site::render_site(pool, {site, config, theme, root}, b.diags)) {
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
  CHECK(b.order == std::vector<std::string>{
                       "about/index.html",
                       "css/main.css",
                       "dia-phuong/index.html",
                       "dia-phuong/truong-thi/bao-cao/2023-chi-thi-33/index.html",
                       "dia-phuong/truong-thi/index.html",
                       "dia-phuong/truong-thi/mo-hinh/tranh-bich-hoa/index.html",
                       "en/about/index.html",
                       "en/index.html",
                       "en/localities/index.html",
                       "en/localities/truong-thi/index.html",
                       "en/localities/truong-thi/initiatives/tranh-bich-hoa/index.html",
                       "en/localities/truong-thi/reports/2023-chi-thi-33/index.html",
                       "files/truong-thi/bao-cao-goc.pdf",
                       "index.html",
                   });
  CHECK(b.files.at("css/main.css").data == default_theme().css);
  const OutputFile& pdf = b.files.at("files/truong-thi/bao-cao-goc.pdf");
  CHECK(pdf.data.empty());
  CHECK(pdf.copy_from == "/nonexistent-site/content/localities/truong-thi/files/bao-cao-goc.pdf");
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
  CHECK_FALSE(contains(en, "class=\"notice\""));
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
  CHECK(contains(en, "class=\"notice\""));
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
        "themes/default/templates: error: the theme has no 'initiative.mustache' template\n"
        "  hint: every theme provides home, localities, locality, report, initiative and page templates\n");
}
