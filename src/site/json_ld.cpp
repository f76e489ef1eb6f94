// schema.org Dataset + DataDownload on indicator pages, so search engines
// and data portals find the downloads.
#include <nlohmann/json.hpp>

#include "indicators/open_data.hpp"
#include "site/view_parts.hpp"

namespace mb::site {

std::string dataset_json_ld(const ViewContext& ctx, const content::IndicatorDef& def, const Route& route) {
  Lang lang = route.lang;
  auto download = [&](const std::string& path, const char* format) {
    return nlohmann::ordered_json{{"@type", "DataDownload"}, {"encodingFormat", format},
                                  {"contentUrl", ctx.urls.absolute(ctx.urls.asset(path))}};
  };
  nlohmann::ordered_json j = {
      {"@context", "https://schema.org"},
      {"@type", "Dataset"},
      {"name", def.name[lang]},
      {"description", def.definition[lang]},
      {"url", ctx.urls.absolute(route.path)},
      {"inLanguage", lang_code(lang)},
      {"isPartOf", {{"@type", "WebSite"}, {"name", ctx.config.title[lang]}, {"url", ctx.urls.absolute(ctx.urls.home(lang))}}},
      {"distribution",
       {download("data/" + indicators::csv_name(def.id), "text/csv"), download("data/indicators.json", "application/json")}}};
  // Inside <script>, "</" could end the element: JSON allows "<" as \u003c.
  std::string text = j.dump();
  std::string safe;
  for (char c : text) safe += c == '<' ? std::string("\\u003c") : std::string(1, c);
  return safe;
}

}  // namespace mb::site
