#include <doctest/doctest.h>

#include "core/file_system.hpp"
#include "site/view.hpp"
#include "site_fixture.hpp"

using namespace mb;

namespace {

// A value of the view model as text, "<false>" for false and "<missing>".
std::string text(const site::Data& d, const std::string& key) {
  const site::Data* v = d.get(key);
  if (!v) return "<missing>";
  if (v->is_false()) return "<false>";
  REQUIRE(v->is_string());
  return v->string_value();
}

site::Data quantity(double value, const std::string& note, Lang lang, const content::Document* english = nullptr,
                    bool percent = false, const std::string& unit = "người") {
  static const theme::Theme theme = test::path_theme();
  return site::quantity_data({value, note}, "population", unit, percent, lang, theme, english);
}

}  // namespace

TEST_CASE("site: quantity_data formats the number for the language") {
  site::Data vi = quantity(14000, "", Lang::vi);
  CHECK(text(vi, "number") == "14.000");
  CHECK(text(vi, "unit") == "người");
  CHECK(text(vi, "qualifier") == "<false>");
  CHECK(text(vi, "note") == "<false>");
  CHECK(text(vi, "note_lang") == "<false>");
  site::Data en = quantity(14000, "", Lang::en, nullptr, false, "");
  CHECK(text(en, "number") == "14,000");
  CHECK(text(en, "unit") == "<false>");
  CHECK(text(quantity(71.5, "", Lang::vi, nullptr, true, ""), "number") == "71,5%");
  CHECK(text(quantity(71.5, "", Lang::en, nullptr, true, ""), "number") == "71.5%");
}

TEST_CASE("site: quantity_data translates known qualifiers (hơn → more than)") {
  site::Data vi = quantity(14000, "hơn", Lang::vi);
  CHECK(text(vi, "qualifier") == "hơn");
  CHECK(text(vi, "number") == "14.000");
  CHECK(text(vi, "note") == "<false>");
  site::Data en = quantity(14000, "hơn", Lang::en, nullptr, false, "people");
  CHECK(text(en, "qualifier") == "more than");
  CHECK(text(en, "number") == "14,000");
  CHECK(text(en, "unit") == "people");
  CHECK(text(en, "note") == "<false>");
  CHECK(text(quantity(5, "khoảng", Lang::en), "qualifier") == "about");
}

TEST_CASE("site: quantity_data takes other notes from the English twin, or shows the Vietnamese") {
  content::Document english = test::parse_doc(
      "content/localities/truong-thi/_index.en.md",
      "---\ntitle: Truong Thi\nprovince: Thanh Hoa\nnotes: {population: estimated in 2023}\n---\n");
  site::Data vi = quantity(14000, "ước tính năm 2023", Lang::vi, &english);
  CHECK(text(vi, "note") == "ước tính năm 2023");
  CHECK(text(vi, "note_lang") == "<false>");
  CHECK(text(vi, "qualifier") == "<false>");
  site::Data en = quantity(14000, "ước tính năm 2023", Lang::en, &english);
  CHECK(text(en, "note") == "estimated in 2023");
  CHECK(text(en, "note_lang") == "<false>");
  site::Data untranslated = quantity(14000, "ước tính năm 2023", Lang::en);
  CHECK(text(untranslated, "note") == "ước tính năm 2023");
  CHECK(text(untranslated, "note_lang") == "vi");
}

TEST_CASE("site: check_strings requires the UI strings the code uses, in both languages") {
  RealFileSystem fs;
  config::SiteConfig config;
  Diagnostics load_diags;
  theme::Theme theme = theme::load(fs, MB_SOURCE_DIR, config, load_diags);
  REQUIRE_MESSAGE(load_diags.empty(), test::all_text(load_diags));
  Diagnostics ok;
  site::check_strings(theme, ok);
  CHECK_MESSAGE(ok.empty(), test::all_text(ok));

  theme.tables[1].strings.erase("status_ongoing");
  Diagnostics diags;
  site::check_strings(theme, diags);
  CHECK(test::all_text(diags) ==
        "themes/default/i18n/en.yaml:1:1: error: UI string 'status_ongoing' is missing\n"
        "  hint: add 'status_ongoing:' under 'strings'\n");
  CHECK(site::ui(theme, Lang::en, "status_ongoing") == "");
  CHECK(site::ui(theme, Lang::vi, "home") == "Trang chủ");
}
