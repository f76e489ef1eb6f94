#include "site/urls.hpp"

#include <doctest/doctest.h>

#include "site_fixture.hpp"

using namespace mb;
using content::Kind;

namespace {

model::Page page(Kind kind, const std::string& locality, const std::string& slug) {
  model::Page p;
  p.kind = kind;
  p.locality = locality;
  p.slug = slug;
  return p;
}

}  // namespace

TEST_CASE("site: URLs are Vietnamese at the root, English under /en/, with localized segments and base path") {
  theme::Theme theme = test::path_theme();
  site::Urls urls("/bao-cao/", "https://example.gov.vn", theme);
  CHECK(urls.base_path() == "/bao-cao/");
  CHECK(urls.home(Lang::vi) == "/bao-cao/");
  CHECK(urls.home(Lang::en) == "/bao-cao/en/");
  CHECK(urls.localities(Lang::vi) == "/bao-cao/dia-phuong/");
  CHECK(urls.localities(Lang::en) == "/bao-cao/en/localities/");

  model::Page home = page(Kind::home, "", "");
  model::Page locality = page(Kind::locality, "truong-thi", "truong-thi");
  model::Page report = page(Kind::report, "truong-thi", "2023-chi-thi-33");
  model::Page initiative = page(Kind::initiative, "truong-thi", "tranh-bich-hoa");
  model::Page about = page(Kind::page, "", "gioi-thieu");
  CHECK(urls.page(home, Lang::vi) == "/bao-cao/");
  CHECK(urls.page(home, Lang::en) == "/bao-cao/en/");
  CHECK(urls.page(locality, Lang::vi) == "/bao-cao/dia-phuong/truong-thi/");
  CHECK(urls.page(locality, Lang::en) == "/bao-cao/en/localities/truong-thi/");
  CHECK(urls.page(report, Lang::vi) == "/bao-cao/dia-phuong/truong-thi/bao-cao/2023-chi-thi-33/");
  CHECK(urls.page(report, Lang::en) == "/bao-cao/en/localities/truong-thi/reports/2023-chi-thi-33/");
  CHECK(urls.page(initiative, Lang::vi) == "/bao-cao/dia-phuong/truong-thi/mo-hinh/tranh-bich-hoa/");
  CHECK(urls.page(initiative, Lang::en) == "/bao-cao/en/localities/truong-thi/initiatives/tranh-bich-hoa/");
  CHECK(urls.page(about, Lang::vi) == "/bao-cao/gioi-thieu/");
  CHECK(urls.page(about, Lang::en) == "/bao-cao/en/gioi-thieu/");

  CHECK(urls.attachment("truong-thi", "bao-cao-goc.pdf") == "/bao-cao/files/truong-thi/bao-cao-goc.pdf");
  CHECK(urls.attachment("truong-thi", "Báo cáo #2 (50%).pdf") ==
        "/bao-cao/files/truong-thi/B%C3%A1o%20c%C3%A1o%20%232%20%2850%25%29.pdf");
  CHECK(urls.attachment("truong-thi", "2024/phu-luc_1.v2~.pdf") == "/bao-cao/files/truong-thi/2024/phu-luc_1.v2~.pdf");
  CHECK(urls.asset("css/main.css") == "/bao-cao/css/main.css");
  CHECK(urls.absolute(urls.page(report, Lang::en)) ==
        "https://example.gov.vn/bao-cao/en/localities/truong-thi/reports/2023-chi-thi-33/");
}

TEST_CASE("site: output paths are index.html under the base path") {
  theme::Theme theme = test::path_theme();
  site::Urls urls("/bao-cao/", "https://example.gov.vn", theme);
  CHECK(urls.output_path("/bao-cao/") == "index.html");
  CHECK(urls.output_path("/bao-cao/en/") == "en/index.html");
  CHECK(urls.output_path("/bao-cao/en/localities/truong-thi/") == "en/localities/truong-thi/index.html");
  CHECK(urls.output_path("/bao-cao/data/indicators.csv") == "data/indicators.csv");

  site::Urls root("/", "https://example.gov.vn", theme);
  CHECK(root.home(Lang::en) == "/en/");
  CHECK(root.localities(Lang::vi) == "/dia-phuong/");
  CHECK(root.output_path("/") == "index.html");
  CHECK(root.output_path("/dia-phuong/x/") == "dia-phuong/x/index.html");
}

TEST_CASE("site: a segment the theme does not translate falls back to its key") {
  theme::Theme theme = test::path_theme();
  theme.tables[0].paths.erase("initiatives");
  theme.tables[1].paths["reports"] = "";
  site::Urls urls("/", "https://x.vn", theme);
  CHECK(urls.segment("localities", Lang::vi) == "dia-phuong");
  CHECK(urls.segment("initiatives", Lang::vi) == "initiatives");
  CHECK(urls.segment("reports", Lang::en) == "reports");
  CHECK(urls.segment("documents", Lang::en) == "documents");
}

TEST_CASE("site: percent_decode undoes percent_encode_path and leaves stray percent signs") {
  for (std::string name : {"Báo cáo #2 (50%).pdf", "a?b&c=d", "x/y z", "", "%", "100%"})
    CHECK(site::percent_decode(site::percent_encode_path(name)) == name);
  CHECK(site::percent_decode("B%C3%a1o%20c%C3%A1o.pdf") == "Báo cáo.pdf");  // either case of hex digit
  CHECK(site::percent_decode("50% off") == "50% off");
  CHECK(site::percent_decode("%zz%2") == "%zz%2");
  CHECK(site::percent_decode("a%2Fb") == "a/b");
}
