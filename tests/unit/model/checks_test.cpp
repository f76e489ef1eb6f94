#include "model/checks.hpp"

#include <doctest/doctest.h>

#include "model/site.hpp"
#include "model_fixture.hpp"

using namespace mb;

namespace {

const std::string kReport = "content/localities/truong-thi/reports/2023-chi-thi-33.vi.md";
const std::string kInitiative = "content/localities/truong-thi/initiatives/tranh-bich-hoa.vi.md";

// Builds the basic site plus one report (with `extra` front matter) and the
// initiative tranh-bich-hoa, and a second locality 'other' (with its profile)
// when asked; returns only the errors, formatted.
std::string report_errors(const std::string& extra, const std::vector<std::string>& attachments = {},
                          bool other_locality = false) {
  test::SiteBuilder b;
  b.basics();
  if (other_locality) {
    b.add("content/localities/other/_index.vi.md", test::locality_vi("Xã Khác"));
    b.add("content/localities/other/_index.en.md", test::locality_en());
  }
  b.add(kReport, test::report_vi(extra));
  b.add("content/localities/truong-thi/reports/2023-chi-thi-33.en.md", test::report_en());
  b.add(kInitiative, test::initiative_vi());
  b.add("content/localities/truong-thi/initiatives/tranh-bich-hoa.en.md", "---\ntitle: Murals\n---\n");
  for (const std::string& a : attachments) b.attach(a);
  Diagnostics diags;
  model::Site site = b.build(diags);
  CHECK(diags.warning_count() == 0);
  return test::all_text(diags);
}

std::string initiative_errors(const std::string& extra, const std::string& field = "culture-society") {
  test::SiteBuilder b;
  b.basics();
  b.add(kInitiative, test::initiative_vi(extra, field));
  b.add("content/localities/truong-thi/initiatives/tranh-bich-hoa.en.md", "---\ntitle: Murals\n---\n");
  Diagnostics diags;
  model::Site site = b.build(diags);
  return test::all_text(diags);
}

}  // namespace

TEST_CASE("model: a report with valid references passes the checks") {
  CHECK(report_errors("initiatives:\n  - tranh-bich-hoa\nattachments:\n  - bao-cao-goc.pdf\n"
                      "indicators:\n  citizen_receptions: 7\n  satisfaction_rate: {value: 98, note: trên}\n",
                      {"localities/truong-thi/files/bao-cao-goc.pdf"}) == "");
}

TEST_CASE("model: a report naming an unknown initiative slug is an error with a did-you-mean hint") {
  CHECK(report_errors("initiatives:\n  - tranh-bich-hoaa\n") ==
        kReport + ":9:5: error: no initiative 'tranh-bich-hoaa' in locality 'truong-thi'\n"
                  "  9 |   - tranh-bich-hoaa\n"
                  "    |     ^~~~~~~~~~~~~~~\n"
                  "  hint: did you mean 'tranh-bich-hoa'?\n");
  CHECK(report_errors("initiatives:\n  - san-bong\n") ==
        kReport + ":9:5: error: no initiative 'san-bong' in locality 'truong-thi'\n"
                  "  9 |   - san-bong\n"
                  "    |     ^~~~~~~~\n"
                  "  hint: initiatives are files in content/localities/truong-thi/initiatives/\n");
}

TEST_CASE("model: a report naming an unknown indicator id is an error with a hint") {
  CHECK(report_errors("indicators:\n  citizen_reception: 7\n") ==
        kReport + ":9:3: error: unknown indicator 'citizen_reception'\n"
                  "  9 |   citizen_reception: 7\n"
                  "    |   ^~~~~~~~~~~~~~~~~\n"
                  "  hint: did you mean 'citizen_receptions'?\n");
  CHECK(report_errors("indicators:\n  trees_planted: 7\n") ==
        kReport + ":9:3: error: unknown indicator 'trees_planted'\n"
                  "  9 |   trees_planted: 7\n"
                  "    |   ^~~~~~~~~~~~~\n"
                  "  hint: indicators are defined in data/indicators.yaml\n");
}

TEST_CASE("model: indicator values are left to the indicators module") {
  // Out-of-range, derived and unit-less values are not the model's business:
  // it only checks that the ids exist (indicators/checks.cpp checks values).
  CHECK(report_errors("indicators:\n  petitions_received: 4\n  petitions_resolved_rate: 50\n"
                      "  satisfaction_rate: 120\n  citizen_receptions: -5\n") == "");
}

TEST_CASE("model: a missing attachment is an error at its list item") {
  CHECK(report_errors("attachments:\n  - bao-cao-goc.pdf\n  - phu-luc.pdf\n",
                      {"localities/truong-thi/files/bao-cao-goc.pdf",
                       "localities/other/files/phu-luc.pdf"},
                      true) ==
        kReport + ":10:5: error: attachment 'phu-luc.pdf' does not exist\n"
                  "  10 |   - phu-luc.pdf\n"
                  "     |     ^~~~~~~~~~~\n"
                  "  hint: put the file in content/localities/truong-thi/files/\n");
}

TEST_CASE("model: an initiative with an unknown field is an error with a did-you-mean hint") {
  CHECK(initiative_errors("", "culture-societi") ==
        kInitiative + ":3:8: error: unknown field 'culture-societi'\n"
                      "  3 | field: culture-societi\n"
                      "    |        ^~~~~~~~~~~~~~~\n"
                      "  hint: did you mean 'culture-society'?\n");
  CHECK(initiative_errors("", "economy") ==
        kInitiative + ":3:8: error: unknown field 'economy'\n"
                      "  3 | field: economy\n"
                      "    |        ^~~~~~~\n"
                      "  hint: fields are defined in data/fields.yaml\n");
}

TEST_CASE("model: an initiative with an unknown result measure is an error") {
  CHECK(initiative_errors("results:\n  lenght_m: 200\n  households_reached: 40\n") ==
        kInitiative + ":7:3: error: unknown measure 'lenght_m'\n"
                      "  7 |   lenght_m: 200\n"
                      "    |   ^~~~~~~~\n"
                      "  hint: did you mean 'length_m'?\n");
  CHECK(initiative_errors("results:\n  trees: 5\n").find("hint: measures are defined in data/measures.yaml") !=
        std::string::npos);
  CHECK(initiative_errors("results:\n  length_m: -3\n") ==
        kInitiative +
            ":7:3: error: 'length_m' cannot be negative\n"
            "  7 |   length_m: -3\n"
            "    |   ^~~~~~~~\n"
            "  hint: a measure counts what was done: write the figure without a minus sign\n");
  CHECK(initiative_errors("results:\n  length_m: 200\n") == "");
}

TEST_CASE("model: locality facts must name known measures") {
  test::SiteBuilder b;
  b.add("content/_index.vi.md", test::home_vi());
  b.add("content/_index.en.md", test::home_en());
  b.add("content/localities/truong-thi/_index.vi.md",
        "---\ntitle: Trường Thi\nkind: ward\nprovince: Thanh Hóa\nfacts:\n  households_reachd: 12\n"
        "  length_m: -1\n---\n");
  b.add("content/localities/truong-thi/_index.en.md", test::locality_en());
  Diagnostics diags;
  b.build(diags);
  CHECK(test::all_text(diags) ==
        "content/localities/truong-thi/_index.vi.md:6:3: error: unknown measure 'households_reachd'\n"
        "  6 |   households_reachd: 12\n"
        "    |   ^~~~~~~~~~~~~~~~~\n"
        "  hint: did you mean 'households_reached'?\n"
        "content/localities/truong-thi/_index.vi.md:7:3: error: 'length_m' cannot be negative\n"
        "  7 |   length_m: -1\n"
        "    |   ^~~~~~~~\n"
        "  hint: a measure counts what was done: write the figure without a minus sign\n");
}

TEST_CASE("model: check_references reports every problem of a report in one run") {
  test::SiteBuilder b;
  b.basics();
  b.add(kReport, test::report_vi("initiatives:\n  - khong-co\nattachments:\n  - mat.pdf\nindicators:\n"
                                 "  satisfaction_rate: 120\n  trees_planted: 1\n  citizen_reception: 2\n"));
  b.add("content/localities/truong-thi/reports/2023-chi-thi-33.en.md", test::report_en());
  Diagnostics diags;
  model::Site site = b.build(diags);
  // Every reference problem, in source order; the value 120 is not among them.
  REQUIRE(diags.all().size() == 4);
  CHECK(diags.error_count() == 4);
  CHECK(diags.all()[0].message == "no initiative 'khong-co' in locality 'truong-thi'");
  CHECK(diags.all()[0].line == 9);
  CHECK(diags.all()[1].message == "attachment 'mat.pdf' does not exist");
  CHECK(diags.all()[1].line == 11);
  CHECK(diags.all()[2].message == "unknown indicator 'trees_planted'");
  CHECK(diags.all()[2].line == 14);
  CHECK(diags.all()[3].message == "unknown indicator 'citizen_reception'");
  CHECK(diags.all()[3].hint == "did you mean 'citizen_receptions'?");
  CHECK(diags.all()[3].line == 15);
}

TEST_CASE("model: ids are not called unknown when their data file could not be parsed") {
  // The YAML error in the data file is reported where it is; every id that
  // would name an entry of that file is left unchecked rather than unknown.
  test::SiteBuilder b;
  b.inputs.catalogue = content::Catalogue{};
  b.inputs.unreadable = {"data/indicators.yaml", "data/fields.yaml", "data/measures.yaml"};
  b.basics();
  b.add(kReport, test::report_vi("indicators:\n  citizen_receptions: 7\n"));
  b.add("content/localities/truong-thi/reports/2023-chi-thi-33.en.md", test::report_en());
  b.add(kInitiative, test::initiative_vi("results:\n  length_m: 200\n  length_m2: -1\n"));
  b.add("content/localities/truong-thi/initiatives/tranh-bich-hoa.en.md", "---\ntitle: Murals\n---\n");
  Diagnostics diags;
  b.build(diags);
  CHECK(test::all_text(diags) == "");

  // Only the file that failed: fields.yaml is fine here, so its ids are checked.
  test::SiteBuilder c;
  c.inputs.unreadable = {"data/indicators.yaml"};
  c.basics();
  c.add(kInitiative, test::initiative_vi("", "economy"));
  c.add("content/localities/truong-thi/initiatives/tranh-bich-hoa.en.md", "---\ntitle: Murals\n---\n");
  Diagnostics only;
  c.build(only);
  CHECK(test::all_text(only).find("unknown field 'economy'") != std::string::npos);
}
