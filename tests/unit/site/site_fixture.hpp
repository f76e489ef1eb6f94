// A small bilingual site built through the real parse and model stages,
// with a theme whose path segments are those of the default theme.
#pragma once

#include <set>
#include <string>

#include "model/model_fixture.hpp"
#include "site/routes.hpp"
#include "site/urls.hpp"
#include "theme/theme.hpp"

namespace mb::test {

inline theme::Theme path_theme() {
  theme::Theme t;
  t.dir = "themes/t";
  t.tables[0].paths = {{"localities", "dia-phuong"}, {"reports", "bao-cao"}, {"initiatives", "mo-hinh"}};
  t.tables[1].paths = {{"localities", "localities"}, {"reports", "reports"}, {"initiatives", "initiatives"}};
  t.tables[1].qualifiers = {{"hơn", "more than"}, {"khoảng", "about"}};
  return t;
}

inline const std::string kReportPath = "content/localities/truong-thi/reports/2023-chi-thi-33.vi.md";

// Home, locality truong-thi, a translated report and initiative, an
// untranslated free page "about" and one attachment. `report_body` is the
// Vietnamese report's Markdown; `about_body` the free page's.
inline model::Site sample_site(Diagnostics& diags, const std::string& report_body = "Nội dung.\n",
                               const std::string& about_body = "Giới thiệu.\n") {
  SiteBuilder b;
  b.basics();
  b.add(kReportPath,
        report_vi("initiatives:\n  - tranh-bich-hoa\nattachments:\n  - bao-cao-goc.pdf\n"
                  "indicators:\n  citizen_receptions: 7\n  satisfaction_rate: {value: 98, note: trên}\n",
                  "2023-06-30", report_body));
  b.add("content/localities/truong-thi/reports/2023-chi-thi-33.en.md", report_en());
  b.add("content/localities/truong-thi/initiatives/tranh-bich-hoa.vi.md",
        initiative_vi("results:\n  length_m: {value: 200, note: khoảng}\n"));
  b.add("content/localities/truong-thi/initiatives/tranh-bich-hoa.en.md", "---\ntitle: Murals\n---\nMurals.\n");
  b.add("content/pages/about.vi.md", "---\ntitle: Giới thiệu\nweight: 1\n---\n" + about_body);
  b.attach("localities/truong-thi/files/bao-cao-goc.pdf");
  return b.build(diags);
}

inline std::set<std::string> route_paths(const std::vector<site::Route>& routes) {
  std::set<std::string> out;
  for (const site::Route& r : routes) out.insert(r.path);
  return out;
}

}  // namespace mb::test
