// Builds model::Inputs from in-memory content files, through the real
// classify and parse_document stages, for the model and site tests.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "content/catalogue.hpp"
#include "content/classify.hpp"
#include "content/parse.hpp"
#include "model/site.hpp"
#include "test_util.hpp"

namespace mb::test {

// A content file: "content/..." path and its text.
inline content::Document parse_doc(const std::string& path, const std::string& text) {
  Diagnostics diags;
  std::optional<content::Placement> place = content::classify(path, diags);
  REQUIRE_MESSAGE(place, all_text(diags));
  std::optional<content::Document> doc = content::parse_document(source(path, text), *place, diags);
  REQUIRE_MESSAGE(doc, all_text(diags));
  REQUIRE_MESSAGE(diags.empty(), all_text(diags));
  return std::move(*doc);
}

inline const char* kIndicatorsYaml =
    "categories:\n"
    "  citizen-reception:\n"
    "    name: {vi: Tiếp công dân, en: Citizen reception}\n"
    "indicators:\n"
    "  citizen_receptions:\n"
    "    name: {vi: Lượt tiếp công dân, en: Citizen receptions}\n"
    "    unit: {vi: lượt, en: receptions}\n"
    "    category: citizen-reception\n"
    "    better: none\n"
    "    definition: {vi: Số lượt, en: Number of receptions}\n"
    "  petitions_received:\n"
    "    name: {vi: Đơn nhận, en: Petitions received}\n"
    "    unit: {vi: đơn, en: petitions}\n"
    "    category: citizen-reception\n"
    "    better: none\n"
    "    definition: {vi: Số đơn, en: Number of petitions}\n"
    "  petitions_resolved:\n"
    "    name: {vi: Đơn giải quyết, en: Petitions resolved}\n"
    "    unit: {vi: đơn, en: petitions}\n"
    "    category: citizen-reception\n"
    "    better: higher\n"
    "    definition: {vi: Số đơn, en: Number of petitions}\n"
    "  petitions_resolved_rate:\n"
    "    name: {vi: Tỷ lệ giải quyết, en: Resolution rate}\n"
    "    unit: percent\n"
    "    category: citizen-reception\n"
    "    better: higher\n"
    "    definition: {vi: Tỷ lệ, en: Share}\n"
    "    derived: petitions_resolved / petitions_received\n"
    "  satisfaction_rate:\n"
    "    name: {vi: Mức độ hài lòng, en: Satisfaction}\n"
    "    unit: percent\n"
    "    category: citizen-reception\n"
    "    better: higher\n"
    "    definition: {vi: Tỷ lệ, en: Share}\n";

inline const char* kFieldsYaml =
    "culture-society: {vi: Văn hóa - xã hội, en: Culture and society}\n"
    "party-government: {vi: \"Xây dựng Đảng, chính quyền\", en: Party and government building}\n";

inline const char* kMeasuresYaml =
    "length_m: {name: {vi: Chiều dài, en: Length}, unit: {vi: m, en: m}}\n"
    "households_reached: {name: {vi: Hộ, en: Households}, unit: {vi: hộ, en: households}}\n";

inline content::Catalogue catalogue() {
  content::Catalogue c;
  Diagnostics diags;
  content::parse_indicators(std::make_shared<const SourceFile>("data/indicators.yaml", kIndicatorsYaml), c, diags);
  content::parse_fields(SourceFile("data/fields.yaml", kFieldsYaml), c, diags);
  content::parse_measures(SourceFile("data/results.yaml", kMeasuresYaml), c, diags);
  REQUIRE_MESSAGE(diags.empty(), all_text(diags));
  return c;
}

inline std::string home_vi() { return "---\ntitle: Trang chủ\n---\nXin chào.\n"; }
inline std::string home_en() { return "---\ntitle: Home\n---\nHello.\n"; }

inline std::string locality_vi(const std::string& title = "Phường Trường Thi") {
  return "---\ntitle: " + title +
         "\nkind: ward\nprovince: Thanh Hóa\npopulation: {value: 14000, note: hơn}\n---\nMô tả.\n";
}
inline std::string locality_en() { return "---\ntitle: Truong Thi Ward\nprovince: Thanh Hoa\n---\nAbout.\n"; }

// A report; `extra` is more front matter, each line ending in '\n'.
inline std::string report_vi(const std::string& extra = "", const std::string& period_to = "2023-06-30",
                             const std::string& body = "Nội dung.\n") {
  return "---\ntitle: Báo cáo\nkind: semiannual\nperiod: {from: 2023-01-01, to: " + period_to +
         "}\nnumber: \"426/BC-UBND\"\nissuer: UBND phường Trường Thi\n"
         "signer: {name: Cao Thiện Cường, title: Chủ tịch}\n" +
         extra + "---\n" + body;
}
inline std::string report_en() { return "---\ntitle: Report\n---\nText.\n"; }

inline std::string initiative_vi(const std::string& extra = "", const std::string& field = "culture-society",
                                 int year = 2023) {
  return "---\ntitle: Mô hình\nfield: " + field + "\nyear: " + std::to_string(year) +
         "\nstatus: ongoing\n" + extra + "---\nMô tả.\n";
}

struct SiteBuilder {
  model::Inputs inputs;

  SiteBuilder() { inputs.catalogue = catalogue(); }

  SiteBuilder& add(const std::string& path, const std::string& text) {
    inputs.documents.push_back(parse_doc(path, text));
    return *this;
  }
  SiteBuilder& attach(const std::string& rel) {
    inputs.attachments.push_back(rel);
    return *this;
  }
  // Home and one locality, both translated.
  SiteBuilder& basics() {
    add("content/_index.vi.md", home_vi());
    add("content/_index.en.md", home_en());
    add("content/localities/truong-thi/_index.vi.md", locality_vi());
    add("content/localities/truong-thi/_index.en.md", locality_en());
    return *this;
  }
  model::Site build(Diagnostics& diags) { return model::build(std::move(inputs), diags); }
};

// Only the diagnostics whose message contains `needle`.
inline std::vector<Diagnostic> matching(const Diagnostics& diags, const std::string& needle) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : diags.all())
    if (d.message.find(needle) != std::string::npos) out.push_back(d);
  return out;
}

}  // namespace mb::test
