#include <algorithm>

#include "i18n/format.hpp"
#include "i18n/text.hpp"
#include "markdown/render.hpp"
#include "site/view.hpp"
#include "site/view_parts.hpp"

namespace mb::site {

namespace {

const char* kCodeStrings[] = {
    "kind_ward", "kind_commune", "kind_town", "report_kind_annual", "report_kind_semiannual",
    "report_kind_quarterly", "report_kind_five_year_review", "report_kind_ten_year_review",
    "report_kind_thematic", "status_registered", "status_ongoing", "status_completed", "status_recognized",
    "unit_km2", "unit_ha", "area_ha", "unit_people", "unit_households", "switch_label", "home", "localities", "locality_kind",
    "province", "district", "area_km2", "population", "households"};

}  // namespace

const std::string& ui(const theme::Theme& theme, Lang lang, const std::string& key) {
  static const std::string empty;
  const auto& strings = theme.table(lang).strings;
  auto it = strings.find(key);
  return it == strings.end() ? empty : it->second;
}

void check_strings(const theme::Theme& theme, Diagnostics& diags) {
  for (Lang lang : kLangs) {
    const theme::StringTable& table = theme.table(lang);
    if (!table.file) continue;
    for (const char* key : kCodeStrings)
      if (!table.strings.count(key))
        diags.add({Severity::error, table.file->path(), 1, 1, std::string("UI string '") + key + "' is missing",
                   {}, 1, std::string("add '") + key + ":' under 'strings'", {}});
  }
}

Data quantity_data(const content::Quantity& q, const std::string& key, const std::string& unit, bool percent,
                   Lang lang, const theme::Theme& theme, const content::Document* english) {
  Data d;
  d.set("number", percent ? i18n::format_percent(q.value, lang) : i18n::format_number(q.value, lang));
  d.set("unit", optional(unit));
  for (const char* key : {"qualifier", "note", "note_lang", "number_lang"}) d.set(std::string_view(key), false);
  if (q.note.empty()) return d;
  const auto& qualifiers = theme.table(Lang::en).qualifiers;
  auto qualifier = qualifiers.find(q.note);
  if (qualifier != qualifiers.end()) {
    d.set("qualifier", lang == Lang::vi ? q.note : qualifier->second);
    return d;
  }
  if (lang == Lang::vi) {
    d.set("note", q.note);
    return d;
  }
  if (english) {
    auto it = english->notes.find(key);
    if (it != english->notes.end()) {
      d.set("note", it->second);
      return d;
    }
  }
  d.set("note", q.note);
  d.set("note_lang", "vi");
  return d;
}

Data language_data(const ViewContext& ctx, Lang lang) {
  Data d;
  Data t;
  for (const auto& [key, value] : ctx.theme.table(lang).strings) t.set(key, value);
  d.set("t", std::move(t));
  d.set("lang", lang_code(lang));
  d.set("site_title", ctx.config.title[lang]);
  if (!ctx.config.description[lang].empty()) d.set("site_description", ctx.config.description[lang]);
  if (!ctx.config.publisher[lang].empty()) d.set("publisher", ctx.config.publisher[lang]);
  d.set("home_url", ctx.urls.home(lang));
  d.set("localities_url", ctx.urls.localities(lang));
  d.set("indicators_url", ctx.urls.indicators(lang));
  d.set("documents_url", ctx.urls.documents(lang));
  d.set("initiatives_url", ctx.urls.initiatives(lang));
  d.set("search_url", ctx.urls.search(lang));
  d.set("translations_url", ctx.urls.translations(lang));
  d.set("feed_url", ctx.urls.home(lang) + "atom.xml");
  d.set("print_script_url", ctx.urls.asset("js/print.js"));
  d.set("css_url", ctx.urls.asset("css/main.css"));
  return d;
}

}  // namespace mb::site
