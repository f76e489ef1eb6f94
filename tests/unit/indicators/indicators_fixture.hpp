// A model::Site built from in-memory documents with an indicator catalogue
// that has every kind of rule (derived, part_of, breakdown, min/max, units),
// then run through indicators::build.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "indicators/series.hpp"
#include "model/model_fixture.hpp"

namespace mb::test {

inline std::string indicator_yaml(const std::string& id, const std::string& unit, const std::string& more = "") {
  return "  " + id + ":\n    name: {vi: Tên " + id + ", en: Name " + id + "}\n    unit: " + unit +
         "\n    category: reception\n    better: none\n    definition: {vi: Định nghĩa, en: Definition}\n" + more;
}

// Line 23 holds `derived:` of petitions_resolved_rate.
inline std::string indicator_catalogue_yaml() {
  return "breakdowns:\n"
         "  service-field:\n"
         "    name: {vi: Lĩnh vực, en: Field}\n"
         "    items:\n"
         "      justice: {vi: Tư pháp, en: Justice}\n"
         "      land: {vi: Đất đai, en: Land}\n"
         "categories:\n"
         "  reception:\n"
         "    name: {vi: Tiếp công dân, en: Citizen reception}\n"
         "indicators:\n" +
         indicator_yaml("petitions_received", "{vi: đơn, en: petitions}") +
         indicator_yaml("petitions_resolved_rate", "percent",
                        "    derived: petitions_resolved / petitions_received * 100\n") +
         indicator_yaml("petitions_resolved", "{vi: đơn, en: petitions}", "    part_of: petitions_received\n") +
         indicator_yaml("open_petitions_rate", "percent", "    derived: 100 - petitions_resolved_rate\n") +
         indicator_yaml("citizen_receptions", "{vi: lượt, en: receptions}") +
         indicator_yaml("dossiers_online", "{vi: hồ sơ, en: dossiers}") +
         indicator_yaml("satisfaction_rate", "percent", "    breakdown: service-field\n") +
         indicator_yaml("budget_balance", "{vi: triệu đồng, en: million dong}", "    min: -50\n    max: 50\n");
}

inline content::Catalogue indicator_catalogue(const std::string& yaml = indicator_catalogue_yaml()) {
  content::Catalogue c;
  Diagnostics diags;
  content::parse_indicators(std::make_shared<const SourceFile>("data/indicators.yaml", yaml), c, diags);
  REQUIRE_MESSAGE(diags.empty(), all_text(diags));
  return c;
}

inline const std::string kPath = "content/localities/truong-thi/reports/r.vi.md";

// A Vietnamese report; `indicators` are the lines under `indicators:`
// (the first of them is line 9 when `extra` is empty).
inline std::string indicator_report(const std::string& indicators, const std::string& kind = "annual",
                                    const std::string& from = "2023-01-01", const std::string& to = "2023-12-31",
                                    const std::string& extra = "") {
  return "---\ntitle: Báo cáo\nkind: " + kind + "\nperiod: {from: " + from + ", to: " + to +
         "}\nnumber: \"1/BC-UBND\"\nissuer: UBND\nsigner: {name: A, title: B}\n" + extra + "indicators:\n" +
         indicators + "---\nNội dung.\n";
}

struct IndicatorSite {
  model::Site site;
  Diagnostics diags;  // from indicators::build only
  indicators::Indicators ind;

  const indicators::Series& series(const std::string& id) const {
    const indicators::Series* s = ind.find(id);
    REQUIRE_MESSAGE(s, id);
    return *s;
  }
};

// Home and truong-thi (with English twins), plus `files` (path, text).
inline std::unique_ptr<IndicatorSite> build_indicators(const std::vector<std::pair<std::string, std::string>>& files,
                                                       content::Catalogue catalogue = indicator_catalogue()) {
  SiteBuilder b;
  b.inputs.catalogue = std::move(catalogue);
  b.basics();
  for (const auto& [path, text] : files) b.add(path, text);
  auto out = std::make_unique<IndicatorSite>();
  Diagnostics model_diags;
  out->site = b.build(model_diags);
  REQUIRE_MESSAGE(!model_diags.has_errors(), all_text(model_diags));
  out->ind = indicators::build(out->site, out->diags);
  return out;
}

// One report of truong-thi at kPath.
inline std::unique_ptr<IndicatorSite> one_report(const std::string& text) { return build_indicators({{kPath, text}}); }

}  // namespace mb::test
